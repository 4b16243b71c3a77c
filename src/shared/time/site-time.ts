/**
 * Site time. Every site is in mainland China (UTC+8, no daylight saving), so all
 * business times are stored as ISO strings with a fixed "+08:00" offset. They sort
 * lexically in chronological order, and nothing depends on the OS time zone of
 * the machine that runs the code (CI, a test box, or a mis-set duty-room PC).
 */
export const SITE_OFFSET = '+08:00'
const OFFSET_MS = 8 * 60 * 60 * 1000

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** Wall-clock parts of an instant as seen at the site. */
export function siteParts(ms: number) {
  const d = new Date(ms + OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  }
}

export function toSiteIso(ms: number): string {
  const p = siteParts(ms)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${SITE_OFFSET}`
}

export function toSiteDate(ms: number): string {
  return toSiteIso(ms).slice(0, 10)
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

function validCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return d <= days
}

/** Parses an ISO date-time with an explicit offset; null for impossible values such as 2026-02-30. */
export function parseIso(value: string): number | null {
  const m = ISO_RE.exec(value)
  if (!m) return null
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (!validCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value)
  return !!m && validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** Normalises any valid ISO instant to the site form `YYYY-MM-DDTHH:mm:ss+08:00`. */
export function normaliseIso(value: string): string {
  const ms = parseIso(value)
  if (ms === null) throw new RangeError(`invalid date-time: ${value}`)
  return toSiteIso(ms)
}

/** Start of the site day (00:00 +08:00) that a `YYYY-MM-DD` names. */
export function dayStartIso(date: string): string {
  return `${date}T00:00:00${SITE_OFFSET}`
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

/** `2026-11-23 14:05` — the house format for times on screen and paper. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const ms = parseIso(iso)
  if (ms === null) return iso
  return toSiteIso(ms).slice(0, 16).replace('T', ' ')
}

/** `2026年11月23日` */
export function formatDateCn(isoOrDate: string): string {
  const [y, m, d] = isoOrDate.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** `1小时25分`, `35分`, `2天3小时` */
export function formatDuration(minutes: number): string {
  const total = Math.max(0, Math.round(minutes))
  const days = Math.floor(total / 1440)
  const hours = Math.floor((total % 1440) / 60)
  const mins = total % 60
  const parts: string[] = []
  if (days) parts.push(`${days}天`)
  if (hours) parts.push(`${hours}小时`)
  if (mins || parts.length === 0) parts.push(`${mins}分`)
  return parts.join('')
}
