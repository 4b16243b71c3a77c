import shipped from 'chinese-days/dist/chinese-days.json'

/**
 * Mainland China's statutory holidays and make-up workdays (调休). The shipped
 * years come from the chinese-days package; the site lead adds a year or corrects
 * a day by hand (the duty-room machine is offline when the State Council
 * publishes the next year's schedule each autumn).
 */
export type DayKind = 'holiday' | 'workday' | 'normal'

export interface DayOverride {
  date: string
  kind: DayKind
  name: string
}

export interface HolidayData {
  /** date → festival name */
  holidays: Record<string, string>
  /** 调休 make-up workdays (usually a Saturday or Sunday) */
  workdays: Record<string, string>
}

const festivalName = (raw: string) => raw.split(',')[1] ?? raw

/** The shipped data for the given years, names in Chinese. */
export function shippedHolidays(fromYear = 2020): HolidayData {
  const pick = (src: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(src)
        .filter(([d]) => Number(d.slice(0, 4)) >= fromYear)
        .map(([d, v]) => [d, festivalName(v)]),
    )
  return { holidays: pick(shipped.holidays), workdays: pick(shipped.workdays) }
}

export function shippedYears(): number[] {
  return [...new Set(Object.keys(shipped.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b)
}

/** Shipped data with the site's corrections applied (an override always wins). */
export function mergeOverrides(base: HolidayData, overrides: readonly DayOverride[]): HolidayData {
  const holidays = { ...base.holidays }
  const workdays = { ...base.workdays }
  for (const o of overrides) {
    delete holidays[o.date]
    delete workdays[o.date]
    if (o.kind === 'holiday') holidays[o.date] = o.name || '节假日'
    if (o.kind === 'workday') workdays[o.date] = o.name || '调休上班'
  }
  return { holidays, workdays }
}

export type DayType = 'workday' | 'weekend' | 'holiday'

/** What a date is: a holiday, a working day (Mon–Fri, or a 调休 Saturday/Sunday), or a weekend. */
export function dayType(date: string, data: HolidayData): DayType {
  if (data.holidays[date] !== undefined) return 'holiday'
  if (data.workdays[date] !== undefined) return 'workday'
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return weekday === 0 || weekday === 6 ? 'weekend' : 'workday'
}

/** Years for which the calendar knows at least one holiday. */
export function knownYears(data: HolidayData): number[] {
  return [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b)
}

/** After October the next year's schedule should be entered; the dashboard warns until it is. */
export function missingNextYear(today: string, data: HolidayData): number | null {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  if (month < 10) return null
  return knownYears(data).includes(year + 1) ? null : year + 1
}
