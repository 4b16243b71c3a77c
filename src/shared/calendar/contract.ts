import { z } from 'zod'
import { channel } from '@shared/ipc/kit'
import { isoDate } from '@shared/time/schemas'
import { EARLIEST_YEAR, LATEST_YEAR, YEAR_RANGE_TEXT } from '@shared/time/bounds'
import type { DayOverride, HolidayData } from './holidays'

/** The site's service calendar: statutory holidays and 调休 (shipped and hand-entered) and working hours. */
export interface CalendarDto {
  holidays: HolidayData
  overrides: DayOverride[]
  shippedYears: number[]
  workingBlocks: [number, number][]
}

export const calendarContract = {
  'calendar/get': channel<CalendarDto>()(z.undefined(), 'user'),
  'calendar/saveOverride': channel<CalendarDto>()(
    z.object({
      date: isoDate,
      kind: z.enum(['holiday', 'workday', 'normal']),
      name: z.string().trim().max(20, '名称不能超过 20 个字').default(''),
    }),
    'lead',
  ),
  'calendar/saveWorkingHours': channel<CalendarDto>()(z.object({ blocks: z.string().max(200) }), 'lead'),
  /** the State Council's notice as pasted; parsed again in main with the same rules as the preview */
  'calendar/importNotice': channel<CalendarDto>()(
    z.object({
      text: z.string().max(20_000, '粘贴的文字过长，请只粘贴通知正文'),
      year: z.number().int().min(EARLIEST_YEAR, YEAR_RANGE_TEXT).max(LATEST_YEAR, YEAR_RANGE_TEXT),
    }),
    'lead',
  ),
}
