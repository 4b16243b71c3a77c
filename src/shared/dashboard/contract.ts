import { z } from 'zod'
import { channel } from '@shared/ipc/kit'
import type { ServiceLogDto } from '@shared/serviceLog/contract'

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

/** A fresh site's first steps, shown on 首页 until each is done. */
export interface SetupStepDto {
  key: 'engineers' | 'systems' | 'roster' | 'holidays'
  title: string
  detail: string
  done: boolean
  /** where the step is done */
  to: string
}

export const dashboardContract = {
  'dashboard/today': channel<TodayDto>()(z.undefined(), 'user'),
  'dashboard/setup': channel<SetupStepDto[]>()(z.undefined(), 'user'),
}
