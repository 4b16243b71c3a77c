/** Weekday names and clock times as the duty room writes them: 星期三, 08:30, 20:00–次日08:00. */
export const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const

/** 一 for a Monday: the weekday of a calendar date (YYYY-MM-DD), the same in every time zone. */
export function weekday(date: string): string {
  return WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!
}

/** Minutes after midnight as HH:MM. */
export function hm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** A shift's hours; one that ends at or before its start runs into the next day. */
export function shiftSpan(start: number, end: number): string {
  return `${hm(start)}–${end <= start ? '次日' : ''}${hm(end)}`
}
