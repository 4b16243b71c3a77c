import { z } from 'zod'
import { channel } from '../ipc/kit'
import type { ServiceLogDto } from '../serviceLog/contract'

export interface TodayDto {
  date: string
  serviceToday: number
  doneToday: number
  openServiceLogs: number
  myOpen: number
  assetsInService: number
  byCategoryToday: { name: string; count: number }[]
  openItems: ServiceLogDto[]
}

export const dashboardContract = {
  'dashboard/today': channel<TodayDto>()(z.undefined(), 'user'),
}
