import { describe, expect, it } from 'vitest'
import { currentShiftKey } from '../../src/shared/roster/current-shift'
import { parseIso } from '../../src/shared/time/site-time'

const shift = (shiftName: string, start: string, end: string) => {
  const m = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3))
  return { date: '2026-12-31', shiftName, kind: 'onsite', start: m(start), end: m(end), names: ['李强'] }
}
const duty = { today: [shift('白班', '08:00', '18:00'), shift('夜班', '18:00', '08:00')] }
const key = (iso: string) => currentShiftKey(duty, parseIso(iso)!)

describe('the shift an entry belongs to (quick entry keeps the last category only within it)', () => {
  it('tells the day shift from the night shift of the same date', () => {
    expect(key('2026-12-31T09:00:00+08:00')).toBe('2026-12-31 白班')
    expect(key('2026-12-31T17:59:00+08:00')).toBe('2026-12-31 白班')
    expect(key('2026-12-31T18:00:00+08:00')).toBe('2026-12-31 夜班')
  })

  it('keeps the hours after midnight in the night shift that began the evening before, across the year boundary', () => {
    expect(key('2027-01-01T02:30:00+08:00')).toBe('2026-12-31 夜班')
    expect(key('2026-12-31T23:59:00+08:00')).toBe('2026-12-31 夜班')
  })

  it('gives a day without shifts one key per day', () => {
    expect(currentShiftKey({ today: [] }, parseIso('2026-11-23T10:00:00+08:00')!)).toBe('2026-11-23 班外')
    expect(currentShiftKey({ today: [] }, parseIso('2026-11-24T10:00:00+08:00')!)).toBe('2026-11-24 班外')
  })
})
