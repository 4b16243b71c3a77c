import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dayType, mergeOverrides, missingNextYear, shippedHolidays } from '../../src/shared/calendar/holidays'
import { parseBlocks, type Pause, ServiceCalendar } from '../../src/shared/calendar/service-calendar'
import { parseIso, toSiteIso } from '../../src/shared/time/site-time'

const data = shippedHolidays()
const fiveByEight = new ServiceCalendar({ kind: 'hours', blocks: parseBlocks('08:30-12:00, 14:00-17:30')! }, data)
const always = new ServiceCalendar({ kind: '24x7', blocks: [] }, data)
const at = (iso: string) => parseIso(iso)!
const iso = (ms: number) => toSiteIso(ms).slice(0, 16)

describe('holiday calendar (mainland China)', () => {
  it('counts 2026-02-14 (调休 Saturday) as a working day', () => {
    expect(dayType('2026-02-14', data)).toBe('workday')
  })
  it('knows 2026-10-01 as a holiday and an ordinary Saturday as a weekend', () => {
    expect(dayType('2026-10-01', data)).toBe('holiday')
    expect(dayType('2026-11-21', data)).toBe('weekend')
  })
  it('lets a hand-entered correction win over the shipped data', () => {
    const corrected = mergeOverrides(data, [
      { date: '2026-11-23', kind: 'holiday', name: '临时休假' },
      { date: '2026-10-01', kind: 'normal', name: '' },
    ])
    expect(dayType('2026-11-23', corrected)).toBe('holiday')
    expect(dayType('2026-10-01', corrected)).toBe('workday')
  })
  it('warns after October when next year is missing, and not once it is entered', () => {
    expect(missingNextYear('2026-11-23', data)).toBe(2027)
    expect(missingNextYear('2026-09-30', data)).toBeNull()
    expect(
      missingNextYear('2026-11-23', mergeOverrides(data, [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }])),
    ).toBeNull()
  })
})

describe('deadline arithmetic', () => {
  it('1 working day from 2026-09-30 16:00 on a 5×8 calendar lands on 2026-10-08 16:00 (国庆)', () => {
    expect(iso(fiveByEight.addMinutes(at('2026-09-30T16:00:00+08:00'), fiveByEight.minutesPerDay))).toBe(
      '2026-10-08T16:00',
    )
  })
  it('a 4-hour 7×24 target ignores holidays', () => {
    expect(iso(always.addMinutes(at('2026-10-01T22:00:00+08:00'), 240))).toBe('2026-10-02T02:00')
  })
  it('2 working days from Friday 2026-02-13 15:00 count the 调休 Saturday and skip 春节 to 2026-02-24 15:00', () => {
    expect(iso(fiveByEight.addMinutes(at('2026-02-13T15:00:00+08:00'), 2 * fiveByEight.minutesPerDay))).toBe(
      '2026-02-24T15:00',
    )
  })
  it('starts the clock at the next opening when a fault is reported at night', () => {
    expect(iso(fiveByEight.addMinutes(at('2026-11-23T20:00:00+08:00'), 30))).toBe('2026-11-24T09:00')
  })
  it('skips the lunch break', () => {
    expect(iso(fiveByEight.addMinutes(at('2026-11-23T11:30:00+08:00'), 60))).toBe('2026-11-23T14:30')
  })
  it('excludes paused time from elapsed', () => {
    const pauses: Pause[] = [{ from: at('2026-11-23T09:00:00+08:00'), to: at('2026-11-23T10:00:00+08:00') }]
    expect(always.elapsed(at('2026-11-23T08:00:00+08:00'), at('2026-11-23T12:00:00+08:00'), pauses)).toBe(180)
  })
})

// 2026 is the year with shipped data; properties range over it.
const instant = fc
  .integer({ min: at('2026-01-01T00:00:00+08:00'), max: at('2026-12-01T00:00:00+08:00') })
  .map((ms) => Math.floor(ms / 60000) * 60000)
const calendar = fc.constantFrom(fiveByEight, always)

describe('calendar properties', () => {
  it('splitting an interval never changes the sum', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (cal, a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number]
        expect(cal.openMinutes(x, y) + cal.openMinutes(y, z)).toBeCloseTo(cal.openMinutes(x, z), 6)
      }),
      { numRuns: 200 },
    )
  })
  it('pauses never make elapsed negative nor larger than without them', () => {
    const pause = fc
      .tuple(instant, fc.integer({ min: 0, max: 5 * 1440 }), fc.boolean())
      .map(([from, len, open]) => ({ from, to: open ? null : from + len * 60000 }))
    fc.assert(
      fc.property(calendar, instant, instant, fc.array(pause, { maxLength: 4 }), (cal, a, b, pauses) => {
        const [x, y] = a <= b ? [a, b] : [b, a]
        const e = cal.elapsed(x, y, pauses)
        expect(e).toBeGreaterThanOrEqual(0)
        expect(e).toBeLessThanOrEqual(cal.openMinutes(x, y) + 1e-9)
      }),
      { numRuns: 200 },
    )
  })
  it('a deadline is never inside a closed period', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 5 * 1440 }), (cal, start, minutes) => {
        expect(cal.isOpenOrEdge(cal.addMinutes(start, minutes))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
  it('adding then measuring round-trips', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 10 * 1440 }), (cal, start, minutes) => {
        expect(cal.openMinutes(start, cal.addMinutes(start, minutes))).toBeCloseTo(minutes, 6)
      }),
      { numRuns: 300 },
    )
  })
})

describe('working hours', () => {
  it('parses blocks and refuses overlapping or impossible ones', () => {
    expect(parseBlocks('08:30-12:00, 14:00-17:30')).toEqual([
      [510, 720],
      [840, 1050],
    ])
    expect(parseBlocks('09:00-12:00, 11:00-13:00')).toBeNull()
    expect(parseBlocks('25:00-26:00')).toBeNull()
    expect(parseBlocks('午饭')).toBeNull()
  })
})
