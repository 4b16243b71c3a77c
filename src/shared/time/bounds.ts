import { parseIso, toSiteDate } from './site-time'

/**
 * One rule for how far back and ahead a date may plausibly be. A year typed as
 * 0001 or 20026 is a slip of the keyboard, not a record: it is refused with a
 * sentence that says what is allowed, and nothing is stored.
 */
export const EARLIEST_YEAR = 2000
export const LATEST_YEAR = 2099
/** A clock a few minutes off between the PC and the wall is not an error. */
export const FUTURE_SLACK_MS = 5 * 60 * 1000

export const YEAR_RANGE_TEXT = `年份应在 ${EARLIEST_YEAR}–${LATEST_YEAR} 年之间`

/** For the contract's schemas: the year of `YYYY-MM-DD…` lies in the plausible range. */
export function yearInRange(value: string): boolean {
  const y = Number(value.slice(0, 4))
  return /^\d{4}-/.test(value) && y >= EARLIEST_YEAR && y <= LATEST_YEAR
}

export interface TimeProblem {
  code: 'TIME_IN_FUTURE' | 'TIME_TOO_EARLY'
  message: string
}

/**
 * Something that already happened (a fault reported, a service given): not in the
 * future beyond the slack, and not before one year ahead of `siteSince` (the site's
 * setup date, or its contract start if earlier: records from the year before may be
 * entered late) — never before 2000.
 */
export function pastEventProblem(
  iso: string,
  nowMs: number,
  siteSince: string | null,
  what: string,
): TimeProblem | null {
  const ms = parseIso(iso)
  if (ms === null) return null
  if (ms > nowMs + FUTURE_SLACK_MS) return { code: 'TIME_IN_FUTURE', message: `${what}不能晚于当前时间` }
  const floorDate = siteSince ? `${Number(siteSince.slice(0, 4)) - 1}${siteSince.slice(4, 10)}` : null
  const floor = floorDate && floorDate > `${EARLIEST_YEAR}-01-01` ? floorDate : `${EARLIEST_YEAR}-01-01`
  if (toSiteDate(ms) < floor)
    return { code: 'TIME_TOO_EARLY', message: `${what}不能早于 ${floor}（站点启用或合同开始前一年），请检查年份` }
  return null
}
