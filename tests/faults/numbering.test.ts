import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeWorld, setUpSite, type World } from '../support/world'

let w: World
beforeEach(async () => {
  w = makeWorld('2026-11-23T09:00:00+08:00')
  await setUpSite(w)
  await w.api.sla.usePreset({ key: 'hengqin' })
})
afterEach(() => w.close())

/** A copy of fault `id` under another number, as 9,998 earlier faults of the year would have left it. */
function copyAs(id: number, no: string) {
  const cols = (w.db.prepare('PRAGMA table_info(fault)').all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== 'id' && c !== 'no')
  w.db
    .prepare(`INSERT INTO fault (no, ${cols.join(', ')}) SELECT ?, ${cols.join(', ')} FROM fault WHERE id = ?`)
    .run(no, id)
}

describe('fault numbers past 9,999 in a year', () => {
  it('numbers GZ-2026-10000 after GZ-2026-9999, and GZ-2026-10001 after that', async () => {
    const first = await w.api.fault.create({ title: '第一起', severity: 'P3', reportedAt: '2026-11-23T08:00:00+08:00' })
    expect(first.no).toBe('GZ-2026-0001')
    copyAs(first.id, 'GZ-2026-9999')
    const a = await w.api.fault.create({ title: '第一万起', severity: 'P3', reportedAt: '2026-11-23T08:10:00+08:00' })
    const b = await w.api.fault.create({
      title: '第一万零一起',
      severity: 'P3',
      reportedAt: '2026-11-23T08:20:00+08:00',
    })
    expect([a.no, b.no]).toEqual(['GZ-2026-10000', 'GZ-2026-10001'])
  })

  it('starts each year at 0001, whatever the other years hold', async () => {
    const first = await w.api.fault.create({ title: '今年', severity: 'P3', reportedAt: '2026-11-23T08:00:00+08:00' })
    copyAs(first.id, 'GZ-2025-12000')
    w.clock.set('2027-01-04T09:00:00+08:00')
    const next = await w.api.fault.create({ title: '明年', severity: 'P3', reportedAt: '2027-01-04T08:00:00+08:00' })
    expect(next.no).toBe('GZ-2027-0001')
  })
})
