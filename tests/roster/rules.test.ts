import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dayType, shippedHolidays } from '../../src/shared/calendar/holidays'
import { checkRoster, generate, monthDates, type ShiftDef, shiftApplies } from '../../src/shared/roster/rules'

const holidays = shippedHolidays()
const DAY: ShiftDef = {
  id: 1,
  name: '白班',
  start: 510,
  end: 1050,
  kind: 'onsite',
  dayTypes: ['workday'],
  needed: 1,
  holidayCover: false,
}
const NIGHT: ShiftDef = {
  id: 2,
  name: '夜间待命',
  start: 1050,
  end: 510,
  kind: 'oncall',
  dayTypes: ['workday', 'weekend', 'holiday'],
  needed: 1,
  holidayCover: false,
}
const HOLIDAY: ShiftDef = {
  id: 3,
  name: '节假日值班',
  start: 510,
  end: 1050,
  kind: 'onsite',
  dayTypes: ['holiday'],
  needed: 1,
  holidayCover: false,
}
/** Weekend daytime on the duty phone, marked as 节假日值班 (seed 003 §3.2.4). */
const WEEKEND: ShiftDef = {
  id: 6,
  name: '周末电话值班',
  start: 510,
  end: 1050,
  kind: 'oncall',
  dayTypes: ['weekend'],
  needed: 1,
  holidayCover: true,
}
const SHIFTS = [DAY, NIGHT, HOLIDAY, WEEKEND]
const YEAR_2026 = Array.from({ length: 12 }, (_, i) => monthDates(`2026-${String(i + 1).padStart(2, '0')}`)).flat()

describe('which shifts apply on a day', () => {
  it('applies the 白班 on 2026-02-14, a 调休 Saturday', () => {
    expect(dayType('2026-02-14', holidays)).toBe('workday')
    expect(shiftApplies(DAY, '2026-02-14', holidays)).toBe(true)
  })
  it('applies the 节假日值班 and not the 白班 on 2026-10-01', () => {
    expect(shiftApplies(HOLIDAY, '2026-10-01', holidays)).toBe(true)
    expect(shiftApplies(DAY, '2026-10-01', holidays)).toBe(false)
  })
})

/** Three rotations over the same team, the way a site sets them up. */
function roster(engineers: number[], dates: string[], leaves: { userId: number; from: string; to: string }[]) {
  return SHIFTS.flatMap((shift, i) =>
    generate(
      { shiftId: shift.id, engineerIds: engineers, periodDays: 1 + (i % 2) * 6, startDate: '2026-01-01' },
      shift,
      dates,
      holidays,
      leaves,
    ),
  )
}
const check = (
  assignments: ReturnType<typeof roster>,
  dates: string[],
  leaves: { userId: number; from: string; to: string }[],
) => checkRoster({ dates, shifts: SHIFTS, assignments, leaves, holidays, minRestHours: 8, names: {} })

const team = fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 })
const month = fc.integer({ min: 1, max: 12 }).map((m) => monthDates(`2026-${String(m).padStart(2, '0')}`))
const leave = (dates: string[]) =>
  fc
    .tuple(
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 0, max: dates.length - 1 }),
      fc.integer({ min: 0, max: 5 }),
    )
    .map(([userId, i, len]) => ({ userId, from: dates[i]!, to: dates[Math.min(dates.length - 1, i + len)]! }))

describe('generated rosters', () => {
  it('never double-book anyone and respect rest and leave', () => {
    fc.assert(
      fc.property(
        team,
        month.chain((dates) => fc.tuple(fc.constant(dates), fc.array(leave(dates), { maxLength: 3 }))),
        (engineers, [dates, leaves]) => {
          const violations = check(roster(engineers, dates, leaves), dates, leaves)
          expect(violations.filter((v) => ['overlap', 'rest', 'leave'].includes(v.rule))).toEqual([])
        },
      ),
      { numRuns: 60 },
    )
  })

  it('cover every holiday day of 2026 when at least one engineer is available', () => {
    fc.assert(
      fc.property(team, (engineers) => {
        const violations = check(roster(engineers, YEAR_2026, []), YEAR_2026, [])
        expect(violations.filter((v) => v.rule === 'holiday' || v.rule === 'uncovered')).toEqual([])
      }),
      { numRuns: 20 },
    )
  })

  it('reports a holiday with nobody on duty, naming the day', () => {
    const dates = monthDates('2026-10')
    const assignments = roster([1, 2, 3, 4], dates, []).filter((a) => a.date !== '2026-10-03')
    expect(check(assignments, dates, [])).toContainEqual(
      expect.objectContaining({ rule: 'holiday', date: '2026-10-03', message: expect.stringContaining('国庆') }),
    )
  })

  it('reports overlapping shifts and short rest for the exact person and day', () => {
    const dates = ['2026-11-23', '2026-11-24']
    const late: ShiftDef = {
      id: 4,
      name: '晚班',
      start: 1020,
      end: 1380,
      kind: 'onsite',
      dayTypes: ['workday'],
      needed: 0,
      holidayCover: false,
    }
    const early: ShiftDef = {
      id: 5,
      name: '早班',
      start: 360,
      end: 720,
      kind: 'onsite',
      dayTypes: ['workday'],
      needed: 0,
      holidayCover: false,
    }
    const v = checkRoster({
      dates,
      shifts: [DAY, late, early],
      assignments: [
        { date: '2026-11-23', shiftId: 1, userId: 7 },
        { date: '2026-11-23', shiftId: 4, userId: 7 },
        { date: '2026-11-24', shiftId: 5, userId: 7 },
        { date: '2026-11-24', shiftId: 1, userId: 8 },
      ],
      leaves: [],
      holidays,
      minRestHours: 8,
      names: { 7: '李强' },
    })
    expect(v.map((x) => x.rule).sort()).toEqual(['overlap', 'rest'])
    expect(v.find((x) => x.rule === 'rest')!.message).toContain('李强')
  })
})

describe('swaps and coverage', () => {
  it('any exchange of engineers between two assignments keeps every shift covered', () => {
    const dates = monthDates('2026-10')
    const base = roster([1, 2, 3, 4], dates, [])
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: base.length - 1 }),
        fc.integer({ min: 0, max: base.length - 1 }),
        fc.integer({ min: 1, max: 4 }),
        (i, j, giveTo) => {
          const swapped = base.map((a, k) =>
            k === i ? { ...a, userId: base[j]!.userId } : k === j ? { ...a, userId: base[i]!.userId } : a,
          )
          const given = base.map((a, k) => (k === i ? { ...a, userId: giveTo } : a))
          const coverage = (list: typeof base) =>
            check(list, dates, []).filter((v) => v.rule === 'uncovered' || v.rule === 'holiday')
          expect(coverage(swapped)).toEqual([])
          expect(coverage(given)).toEqual([])
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('seed 003 §3.2.4 「逢国家节假日（周六、日及其它法定节假日）…安排至少 1 个工程师值班」', () => {
  const only = (
    shifts: ShiftDef[],
    assignments: { date: string; shiftId: number; userId: number }[],
    dates: string[],
  ) =>
    checkRoster({ dates, shifts, assignments, leaves: [], holidays, minRestHours: 8, names: {} }).filter(
      (v) => v.rule === 'holiday',
    )

  it('counts a Saturday with only the night on-call (not marked as cover) as a weekend without 值班', () => {
    const v = only([NIGHT], [{ date: '2026-11-28', shiftId: NIGHT.id, userId: 1 }], ['2026-11-28'])
    expect(v).toEqual([expect.objectContaining({ date: '2026-11-28', message: expect.stringContaining('周六') })])
  })

  it('lets phone duty marked as 节假日值班 (on site within 2 h) cover a Sunday', () => {
    expect(only([WEEKEND], [{ date: '2026-11-29', shiftId: WEEKEND.id, userId: 1 }], ['2026-11-29'])).toEqual([])
  })

  it('does not ask for cover on 2026-02-14, a 调休 Saturday that is a workday', () => {
    expect(only([DAY], [{ date: '2026-02-14', shiftId: DAY.id, userId: 1 }], ['2026-02-14'])).toEqual([])
  })

  it('still asks for cover on a statutory holiday that falls on a weekday (2026-10-01)', () => {
    expect(only([NIGHT], [], ['2026-10-01'])).toEqual([
      expect.objectContaining({ date: '2026-10-01', message: expect.stringContaining('国庆') }),
    ])
  })

  it('reports every weekend day of a month whose shifts leave weekend daytime uncovered', () => {
    const dates = monthDates('2026-11')
    const noWeekendShift = [DAY, NIGHT, HOLIDAY]
    const assignments = noWeekendShift.flatMap((shift) =>
      generate(
        { shiftId: shift.id, engineerIds: [1, 2], periodDays: 1, startDate: '2026-11-01' },
        shift,
        dates,
        holidays,
        [],
      ),
    )
    expect(only(noWeekendShift, assignments, dates).map((v) => v.date)).toEqual(
      dates.filter((d) => dayType(d, holidays) !== 'workday'),
    )
  })
})
