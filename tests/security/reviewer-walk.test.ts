import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS, contract } from '../../src/shared/ipc/contract'
import { makeWorld, setUpSite, type World } from '../support/world'

/**
 * SPEC §3.12: the 审阅人 is read-only. Walks the whole contract as a reviewer and
 * proves that no channel the reviewer can reach changes anything but the audit
 * trail's own record of an export, and that every other channel refuses them.
 */
let w: World
let ids: { fault: number; log: number; handover: number }

beforeEach(async () => {
  w = makeWorld('2026-11-23T17:20:00+08:00')
  await setUpSite(w)
  await w.api.sla.usePreset({ key: 'hengqin' })
  const li = await w.api.account.create({
    username: 'liqiang',
    displayName: '李强',
    role: 'engineer',
    phone: '',
    password: 'Field#2026ok',
  })
  await w.api.account.create({
    username: 'shenyue',
    displayName: '审阅',
    role: 'reviewer',
    phone: '',
    password: 'Review#2026ok',
  })
  const fault = await w.api.fault.create({ title: '网络中断', severity: 'P2', reportedAt: '2026-11-23T15:00:00+08:00' })
  const categoryId = (await w.api.serviceLog.categories())[0]!.id
  const log = await w.api.serviceLog.create({
    serviceTime: '2026-11-23T16:30:00+08:00',
    channel: 'phone',
    categoryId,
    content: '咨询',
  })
  const h = await w.api.handover.start()
  await w.api.handover.update({
    id: h.id,
    revision: h.revision,
    incomingId: li.id,
    summary: '',
    cautions: '',
    todo: '',
    checklist: h.checklist,
    remarks: {},
  })
  ids = { fault: fault.id, log: log.id, handover: h.id }
  await w.api.auth.logout()
  await w.api.auth.login({ username: 'shenyue', password: 'Review#2026ok' })
})
afterEach(() => w.close())

/** Everything in the file except the audit trail and its seal. */
function snapshot(): string {
  const tables = w.db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT IN ('audit_log', 'audit_seal') ORDER BY name",
    )
    .pluck()
    .all() as string[]
  const h = createHash('sha256')
  // Rows sorted by their text: some tables have no rowid (WITHOUT ROWID).
  for (const t of tables)
    h.update(t).update(
      JSON.stringify(
        w.db
          .prepare(`SELECT * FROM "${t}"`)
          .all()
          .map((r) => JSON.stringify(r))
          .sort(),
      ),
    )
  return h.digest('hex')
}

const samples = (): Record<string, unknown> => ({
  'serviceLog/get': { id: ids.log },
  'serviceLog/list': {},
  'asset/list': {},
  'audit/list': {},
  'audit/checkPaper': { code: '1-000000000000' },
  'fault/list': {},
  'fault/get': { id: ids.fault },
  'roster/month': { month: '2026-11' },
  'roster/swaps': { month: '2026-11' },
  'roster/stats': { from: '2026-11-01', to: '2026-11-30' },
  'roster/exportXlsx': { month: '2026-11' },
  'handover/get': { id: ids.handover },
  'handover/list': {},
  'handover/chain': { from: '2026-11-01', to: '2026-11-30' },
  'handover/exportDocx': { id: ids.handover },
  'serviceLog/exportXlsx': {},
  'fault/exportXlsx': {},
  'search/all': { q: '网络' },
})

// Session operations on the reviewer's own session and password are not data.
const OWN_SESSION = new Set([
  'auth/setup',
  'auth/login',
  'auth/logout',
  'auth/lock',
  'auth/unlock',
  'auth/changePassword',
])

describe('the reviewer is read-only on every channel', () => {
  it('every channel the reviewer may call changes nothing but an audited export; every other channel is refused', async () => {
    const s = samples()
    const reached: string[] = []
    for (const name of CHANNELS) {
      if (OWN_SESSION.has(name)) continue
      const before = snapshot()
      const seqBefore = w.services.audit.head().seq
      const res = await w.dispatch(name, s[name])
      const spec = contract[name]
      if (spec.access === 'writer' || spec.access === 'lead') {
        expect(res, name).toMatchObject({ ok: false })
        if (!res.ok) expect(['FORBIDDEN', 'INVALID_INPUT'], name).toContain(res.code)
      } else {
        expect(res.ok ? 'ok' : res.code, name).not.toBe('INVALID_INPUT')
        reached.push(name)
      }
      expect(snapshot(), `${name} changed the data`).toBe(before)
      const added = w.db.prepare('SELECT action FROM audit_log WHERE seq > ?').pluck().all(seqBefore)
      expect(
        added.every((a) => a === 'export'),
        `${name} wrote ${added.join(',')}`,
      ).toBe(true)
    }
    expect(reached.length).toBeGreaterThan(20)
  })

  it('fault/reminders: the reviewer is shown the overdue reminders but records none into the next signed handover', async () => {
    const shown = await w.api.fault.reminders()
    expect(shown.length).toBeGreaterThan(0)
    expect(w.db.prepare('SELECT count(*) FROM notification_log').pluck().get()).toBe(0)
  })

  it('fault/reminders for an engineer records each reminder once, however often the screen asks', async () => {
    await w.api.auth.logout()
    await w.api.auth.login({ username: 'zhangwei', password: 'Duty#2026ok' })
    const first = await w.api.fault.reminders()
    expect(first.length).toBeGreaterThan(0)
    expect(first.every((r) => r.fresh)).toBe(true)
    const again = await w.api.fault.reminders()
    expect(again.some((r) => r.fresh)).toBe(false)
    expect(w.db.prepare('SELECT count(*) FROM notification_log').pluck().get()).toBe(first.length)
  })
})
