import { dayType, type DayType, type HolidayData } from '@shared/calendar/holidays'
import { addDays, SITE_OFFSET } from '@shared/time/site-time'

/**
 * Duty-roster rules, pure: which shifts occur on which days (调休 Saturdays
 * are workdays, statutory holidays are holidays), and the checks a month must
 * pass before it is published (seed 003 §3.2.4: 「逢国家节假日（周六、日及其它法定
 * 节假日）…安排至少 1 个工程师值班」 — weekends are 节假日 for cover too).
 */
export interface ShiftDef {
  id: number
  name: string
  /** minutes after midnight; an end at or before the start runs into the next day */
  start: number
  end: number
  kind: 'onsite' | 'oncall'
  dayTypes: DayType[]
  needed: number
  /**
   * An on-call shift marked so counts as 节假日值班: the duty phone is reachable and
   * the engineer is on site within 2 hours (seed 003 §3.2.4). On-site shifts always count.
   */
  holidayCover: boolean
}

/** Whether someone on this shift is 节假日值班 in the contract's sense. */
export const coversHoliday = (shift: Pick<ShiftDef, 'kind' | 'holidayCover'>): boolean =>
  shift.kind === 'onsite' || shift.holidayCover

export interface Assignment {
  date: string
  shiftId: number
  userId: number
}

export interface LeaveSpan {
  userId: number
  from: string
  to: string
}

export type ViolationRule = 'uncovered' | 'holiday' | 'overlap' | 'rest' | 'leave'
export const VIOLATION_LABELS: Record<ViolationRule, string> = {
  uncovered: '人数不足',
  holiday: '节假日无人值班',
  overlap: '重复排班',
  rest: '休息不足',
  leave: '请假冲突',
}

export interface Violation {
  rule: ViolationRule
  date: string
  shiftId: number | null
  userId: number | null
  message: string
}

const MIN = 60_000
const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六']

export function monthDates(month: string): string[] {
  const first = `${month}-01`
  const out: string[] = []
  for (let d = first; d.startsWith(month); d = addDays(d, 1)) out.push(d)
  return out
}

export function shiftApplies(shift: ShiftDef, date: string, holidays: HolidayData): boolean {
  return shift.dayTypes.includes(dayType(date, holidays))
}

/** The instants a shift occurrence covers, [start, end). */
export function shiftInterval(shift: Pick<ShiftDef, 'start' | 'end'>, date: string): [number, number] {
  const base = Date.parse(`${date}T00:00:00${SITE_OFFSET}`)
  const end = shift.end <= shift.start ? shift.end + 1440 : shift.end
  return [base + shift.start * MIN, base + end * MIN]
}

export interface CheckInput {
  dates: string[]
  shifts: ShiftDef[]
  assignments: Assignment[]
  leaves: LeaveSpan[]
  holidays: HolidayData
  minRestHours: number
  names: Record<number, string>
}

/** Every rule, with the exact day, shift and person; an empty list means the month can be published. */
export function checkRoster(input: CheckInput): Violation[] {
  const out: Violation[] = []
  const byShift = new Map(input.shifts.map((s) => [s.id, s]))
  const name = (id: number) => input.names[id] ?? `#${id}`
  for (const date of input.dates) {
    const type = dayType(date, input.holidays)
    for (const shift of input.shifts) {
      if (!shift.dayTypes.includes(type)) continue
      const n = input.assignments.filter((a) => a.date === date && a.shiftId === shift.id).length
      if (n < shift.needed)
        out.push({
          rule: 'uncovered',
          date,
          shiftId: shift.id,
          userId: null,
          message: `${date} ${shift.name}需要 ${shift.needed} 人，已排 ${n} 人`,
        })
    }
    const covered = input.assignments.some((a) => {
      const shift = byShift.get(a.shiftId)
      return a.date === date && shift !== undefined && coversHoliday(shift)
    })
    if (type !== 'workday' && !covered) {
      const what = input.holidays.holidays[date] ?? `周${WEEKDAY_NAMES[new Date(`${date}T12:00:00Z`).getUTCDay()]}`
      out.push({
        rule: 'holiday',
        date,
        shiftId: null,
        userId: null,
        message: `${date}（${what}）没有安排工程师值班（现场或标为节假日值班的电话值班）`,
      })
    }
  }
  const perUser = new Map<number, { a: Assignment; from: number; to: number }[]>()
  for (const a of input.assignments) {
    const shift = byShift.get(a.shiftId)
    if (!shift) continue
    const [from, to] = shiftInterval(shift, a.date)
    perUser.set(a.userId, [...(perUser.get(a.userId) ?? []), { a, from, to }])
    for (const l of input.leaves) {
      if (l.userId === a.userId && a.date >= l.from && a.date <= l.to) {
        out.push({
          rule: 'leave',
          date: a.date,
          shiftId: a.shiftId,
          userId: a.userId,
          message: `${name(a.userId)} ${a.date} 请假，却排了${shift.name}`,
        })
      }
    }
  }
  const restMs = input.minRestHours * 3_600_000
  for (const [userId, list] of perUser) {
    list.sort((x, y) => x.from - y.from)
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!
      const cur = list[i]!
      const prevName = byShift.get(prev.a.shiftId)!.name
      const curName = byShift.get(cur.a.shiftId)!.name
      if (cur.from < prev.to) {
        out.push({
          rule: 'overlap',
          date: cur.a.date,
          shiftId: cur.a.shiftId,
          userId,
          message: `${name(userId)} ${prev.a.date} ${prevName}与 ${cur.a.date} ${curName}时间重叠`,
        })
      } else if (
        cur.from - prev.to < restMs &&
        byShift.get(prev.a.shiftId)!.kind === 'onsite' &&
        byShift.get(cur.a.shiftId)!.kind === 'onsite'
      ) {
        // Rest applies between on-site shifts; phone on-call after a day on site is the normal pattern.
        out.push({
          rule: 'rest',
          date: cur.a.date,
          shiftId: cur.a.shiftId,
          userId,
          message: `${name(userId)} ${prev.a.date} ${prevName}后到 ${cur.a.date} ${curName}只休息 ${((cur.from - prev.to) / 3_600_000).toFixed(1)} 小时（至少 ${input.minRestHours} 小时）`,
        })
      }
    }
  }
  return out
}

export interface RotationDef {
  shiftId: number
  engineerIds: number[]
  /** days each engineer keeps the shift before the next takes over: 1 daily, 7 weekly, N custom */
  periodDays: number
  startDate: string
}

/**
 * The rotation's assignments on the given dates: as many engineers as the
 * shift needs, taken in cycle order, skipping those on leave (the next in the
 * cycle covers). Only dates on which the shift applies get any.
 */
export function generate(
  rot: RotationDef,
  shift: ShiftDef,
  dates: string[],
  holidays: HolidayData,
  leaves: LeaveSpan[],
): Assignment[] {
  const out: Assignment[] = []
  const n = rot.engineerIds.length
  if (!n) return out
  for (const date of dates) {
    if (!shiftApplies(shift, date, holidays)) continue
    const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${rot.startDate}T00:00:00Z`)) / 86_400_000)
    const base = Math.floor(days / rot.periodDays)
    let placed = 0
    for (let k = 0; k < n && placed < shift.needed; k++) {
      const userId = rot.engineerIds[(((base * shift.needed + k) % n) + n) % n]!
      if (!leaves.some((l) => l.userId === userId && date >= l.from && date <= l.to)) {
        out.push({ date, shiftId: shift.id, userId })
        placed++
      }
    }
  }
  return out
}
