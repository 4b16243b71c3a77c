import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { holidayDutyRows } from '../../src/shared/roster/holiday-table'
import { makeWorld, setUpSite, type World } from '../support/world'

let w: World
beforeEach(async () => {
  w = makeWorld('2026-09-20T09:00:00+08:00')
  await setUpSite(w)
})
afterEach(() => w.close())

describe('seed 003 §3.2.4 「节假日期间安排至少 1 个工程师值班」 on the posted 节假日值班表', () => {
  it('marks a weekend day whose only duty is a night on-call not counted as 节假日值班', async () => {
    let m = await w.api.roster.month({ month: '2026-10' })
    const me = m.engineers[0]!
    const night = m.shifts.find((s) => s.name === '夜间待命')!
    const weekend = m.shifts.find((s) => s.name === '周末电话值班')!
    expect(night.holidayCover).toBe(false)
    await w.api.roster.setCell({ date: '2026-10-17', userId: me.id, shiftIds: [night.id] })
    m = await w.api.roster.setCell({ date: '2026-10-18', userId: me.id, shiftIds: [weekend.id] })
    const rows = holidayDutyRows([m], '2026-10-17', '2026-10-18')
    // On paper the Saturday must not look covered just because someone holds the night phone.
    expect(rows.map((r) => [r.date, r.lines.map((l) => l.shift), r.covered])).toEqual([
      ['2026-10-17', ['夜间待命'], false],
      ['2026-10-18', ['周末电话值班'], true],
    ])
  })
})
