import { addDays } from '@shared/time/site-time'
import type { MonthDto } from './contract'
import { coversHoliday } from './rules'

export interface HolidayDutyRow {
  date: string
  /** the holiday's name, or 周末 for a Saturday or Sunday that is not a 调休 workday */
  name: string
  lines: { shift: string; time: string; people: string }[]
  /** someone is 节假日值班 that day: on site, or on a phone duty marked as such */
  covered: boolean
}

const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/**
 * The 节假日值班表 for a period: every non-working day in it — statutory holidays
 * and the Saturdays and Sundays that are not 调休 workdays, since seed 003 §3.2.4
 * counts 「周六、日及其它法定节假日」 alike — with who is on duty and their phone
 * (「确保节假日期间电话属于可随时接通状态」). A day nobody covers is listed with no lines.
 */
export function holidayDutyRows(months: readonly MonthDto[], from: string, to: string): HolidayDutyRow[] {
  const rows: HolidayDutyRow[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const mo = months.find((x) => x.month === d.slice(0, 7))
    const day = mo?.days.find((x) => x.date === d)
    if (!mo || !day || day.dayType === 'workday') continue
    rows.push({
      date: d,
      name: day.dayType === 'holiday' ? (day.holidayName ?? '节假日') : '周末',
      lines: mo.shifts
        .map((sh) => ({
          shift: sh.name,
          time: `${hm(sh.start)}–${sh.end <= sh.start ? '次日' : ''}${hm(sh.end)}`,
          people: mo.assignments
            .filter((a) => a.date === d && a.shiftId === sh.id)
            .map((a) => `${a.userName} ${mo.engineers.find((e) => e.id === a.userId)?.phone || '（未登记电话）'}`)
            .join('；'),
        }))
        .filter((l) => l.people),
      covered: mo.assignments.some((a) => {
        const shift = a.date === d ? mo.shifts.find((sh) => sh.id === a.shiftId) : undefined
        return shift !== undefined && coversHoliday(shift)
      }),
    })
  }
  return rows
}
