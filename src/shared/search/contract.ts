import { z } from 'zod'
import { channel } from '@shared/ipc/kit'

export type SearchKind = 'serviceLog' | 'fault' | 'asset'
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  serviceLog: '运维记录',
  fault: '故障',
  asset: '运维对象',
}

export interface SearchHitDto {
  kind: SearchKind
  id: number
  title: string
  /** time, system, status: what tells two similar hits apart */
  detail: string
  /** the route that opens the record */
  to: string
}

export interface SearchResultDto {
  q: string
  hits: SearchHitDto[]
}

export const searchContract = {
  'search/all': channel<SearchResultDto>()(
    z.object({
      q: z.string().trim().min(1, '请输入搜索词').max(100, '搜索词不能超过 100 个字'),
      perKind: z.number().int().min(1).max(20).default(6),
    }),
    'user',
  ),
}
