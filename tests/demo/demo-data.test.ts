import { join } from 'node:path'
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoData } from '../../scripts/demo-data'
import { openDatabase } from '../../src/main/db/connection'
import { buildServices } from '../../src/main/services'
import { dayType } from '../../src/shared/calendar/holidays'
import { addDays, parseIso } from '../../src/shared/time/site-time'
import { FakeClock, tempDir } from '../support/world'

/** 40 days back from "now" cross a month boundary and several weekends; a full year only adds days. */
const NOW = '2026-11-25T09:00:00+08:00'
let dir: string
let s: ReturnType<typeof buildServices>

beforeAll(() => {
  dir = tempDir()
  generateDemoData(dir, { now: parseIso(NOW)!, days: 40, perDay: 3 })
  s = buildServices(openDatabase(join(dir, 'duty-console.sqlite3')), new FakeClock(parseIso(NOW)!))
}, 120_000)
afterAll(() => {
  s.db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('demo data', () => {
  it('has an accepted handover on every staffed day before today, so 按日连续性 shows no gap', () => {
    const days = s.handoverHistory.chain('2026-10-16', '2026-11-24')
    expect(days.filter((d) => d.staffed)).toHaveLength(days.length)
    expect(days.filter((d) => d.missing).map((d) => d.date)).toEqual([])
    expect(days.every((d) => d.handovers.some((h) => h.status === 'accepted'))).toBe(true)
  })

  it('publishes the current month’s roster and schedules the next', () => {
    expect(s.roster.publication('2026-11')).not.toBeNull()
    expect(s.roster.assignments('2026-12-01', '2026-12-31').length).toBeGreaterThan(0)
  })

  it('puts an engineer on call on weekend days (seed 003 §3.2.4 周六、日值班)', () => {
    const shifts = new Map(s.roster.shifts().map((x) => [x.id, x]))
    const holidays = s.calendar.holidays()
    const weekendOnCall = s.roster
      .assignments('2026-11-01', '2026-11-30')
      .filter((a) => dayType(a.date, holidays) === 'weekend' && shifts.get(a.shiftId)!.kind === 'oncall')
      .filter((a) => shifts.get(a.shiftId)!.start < shifts.get(a.shiftId)!.end)
    expect(weekendOnCall.map((a) => a.date)).toContain('2026-11-21')
  })

  it('dates nothing after the "now" it was given', () => {
    const latest = s.db.prepare('SELECT max(service_time) AS t FROM service_log').get() as { t: string }
    expect(parseIso(latest.t)!).toBeLessThanOrEqual(parseIso(NOW)!)
    const lastHandover = s.db.prepare('SELECT max(shift_date) AS d FROM handover').get() as { d: string }
    expect(lastHandover.d).toBe(addDays('2026-11-25', -1))
  })
})

describe('demo data at another "now"', () => {
  it('follows the clock it is given, not the machine’s', () => {
    const other = tempDir()
    try {
      generateDemoData(other, { now: parseIso('2025-03-10T09:00:00+08:00')!, days: 3, perDay: 2 })
      const db = openDatabase(join(other, 'duty-console.sqlite3'))
      const span = db.prepare('SELECT min(service_time) AS a, max(service_time) AS b FROM service_log').get() as {
        a: string
        b: string
      }
      const published = db.prepare('SELECT month FROM roster_publication ORDER BY month').pluck().all()
      db.close()
      expect(span.a >= '2025-03-07' && span.b < '2025-03-10T09:00').toBe(true)
      expect(published).toEqual(['2025-03'])
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  }, 60_000)
})
