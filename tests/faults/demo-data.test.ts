import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { generateDemoData } from '../../scripts/demo-data'
import { openDatabase } from '../../src/main/db/connection'
import { buildServices } from '../../src/main/services'
import { computeMilestones } from '../../src/shared/faults/milestones'
import { dayType } from '../../src/shared/calendar/holidays'
import { clockInput } from '../../src/shared/faults/clock'
import { parseIso } from '../../src/shared/time/site-time'
import { tempDir } from '../support/world'

/** The demo site shows the contract rules at work, not only their happy path. */
const END = '2026-11-20T18:00:00+08:00'
let dir: string
let s: ReturnType<typeof buildServices>
let db: ReturnType<typeof openDatabase>
beforeAll(() => {
  dir = tempDir()
  // four months are enough for these faults and weekends, and keep the daily handovers quick
  generateDemoData(dir, { now: parseIso(END)!, days: 120, perDay: 3 })
  db = openDatabase(join(dir, 'duty-console.sqlite3'))
  s = buildServices(db, { now: () => parseIso(END)! })
}, 240_000)
afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('demo data', () => {
  it('has a fault whose plan deadline passed before recovery (missed, seed 002 §二 counting), counted on the home page', () => {
    const all = s.faults.list({ offset: 0, limit: 5000 }).items
    const cals = s.calendar.calendars()
    const missed = all.filter((f) =>
      computeMilestones(clockInput(f.clock), parseIso(END)!, cals).some(
        (m) => m.milestone === 'plan' && m.state === 'missed',
      ),
    )
    expect(missed.length).toBeGreaterThanOrEqual(1)
    expect(s.faults.stats().missedMilestones).toBeGreaterThanOrEqual(1)
  })

  it('has a major fault whose leaders were informed, with who and how (seed 003 §4.3.3.3)', () => {
    const majors = s.faults.list({ severity: 'L1', offset: 0, limit: 100 }).items
    const informed = majors.map((f) => s.faults.get(f.id)).filter((f) => f.events.some((e) => e.kind === 'notify'))
    expect(informed.length).toBeGreaterThanOrEqual(1)
    expect(informed[0]!.events.find((e) => e.kind === 'notify')!.data).toMatchObject({
      who: '信息技术处处长',
      via: 'phone',
    })
  })

  it('has weekend days on the duty phone (seed 003 §3.2.4) and no weekend left uncovered this month', () => {
    const m = s.roster.month('2026-11')
    const weekendShift = m.shifts.find((x) => x.name === '周末电话值班')!
    const holidays = s.calendar.holidays()
    const days = m.assignments.filter((a) => a.shiftId === weekendShift.id).map((a) => a.date)
    expect(days.length).toBeGreaterThanOrEqual(8)
    expect(days.every((d) => dayType(d, holidays) === 'weekend')).toBe(true)
    expect(m.violations.filter((v) => v.rule === 'holiday')).toEqual([])
  })
})
