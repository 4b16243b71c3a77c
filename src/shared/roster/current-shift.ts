import { addDays, siteParts, toSiteDate } from '@shared/time/site-time'
import type { DutyNowDto } from './contract'

/**
 * Which shift an instant belongs to, as a key ("2026-11-24 夜班"): what one
 * engineer typed during this shift may be offered again, never the next shift.
 * The tail of a night shift after midnight belongs to the shift that began the
 * evening before; outside every shift the key is the day's "班外".
 */
export function currentShiftKey(duty: Pick<DutyNowDto, 'today'>, nowMs: number): string {
  const date = toSiteDate(nowMs)
  const p = siteParts(nowMs)
  const min = p.hour * 60 + p.minute
  const overnight = (s: { start: number; end: number }) => s.end <= s.start
  const running = duty.today.find((s) => (overnight(s) ? min >= s.start : min >= s.start && min < s.end))
  if (running) return `${date} ${running.shiftName}`
  const tail = duty.today.find((s) => overnight(s) && min < s.end)
  if (tail) return `${addDays(date, -1)} ${tail.shiftName}`
  return `${date} 班外`
}
