import { z } from 'zod'
import { channel } from '@shared/ipc/kit'
import { isoDate } from '@shared/time/schemas'

export const SERVICE_MODES = ['5x8', '7x24'] as const
export type ServiceMode = (typeof SERVICE_MODES)[number]
export const SERVICE_MODE_LABELS: Record<ServiceMode, string> = {
  '5x8': '5×8 现场驻场',
  '7x24': '7×24 值守（含电话待命）',
}

export interface SiteDto {
  customerUnit: string
  providerName: string
  contractStart: string
  contractEnd: string
  serviceMode: ServiceMode
  idleLockMinutes: number
}

export const siteInput = z
  .object({
    customerUnit: z
      .string({ error: '请填写客户单位' })
      .trim()
      .min(1, '请填写客户单位')
      .max(64, '客户单位不能超过 64 个字'),
    providerName: z.string().trim().max(64, '服务单位不能超过 64 个字').default(''),
    contractStart: isoDate,
    contractEnd: isoDate,
    serviceMode: z.enum(SERVICE_MODES, { error: '服务模式无效' }),
    idleLockMinutes: z
      .number()
      .int()
      .min(1, '自动锁定时间至少 1 分钟')
      .max(240, '自动锁定时间不能超过 240 分钟')
      .default(15),
  })
  .refine((s) => s.contractEnd >= s.contractStart, { message: '合同结束日期不能早于开始日期', path: ['contractEnd'] })

export const siteContract = {
  'site/get': channel<SiteDto>()(z.undefined(), 'user'),
  'site/update': channel<SiteDto>()(siteInput, 'lead'),
}
