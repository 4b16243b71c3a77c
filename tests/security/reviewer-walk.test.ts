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
  for (const t of tables) h.update(t).update(JSON.stringify(w.db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()))
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
  'handover/notified': { faultId: ids.fault, text: '审阅人编造的提醒' },
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

  it('handover/notified: the reviewer cannot put an invented reminder into the next signed handover', async () => {
    await expect(w.api.handover.notified({ faultId: ids.fault, text: '审阅人编造的提醒' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(w.db.prepare('SELECT count(*) FROM notification_log').pluck().get()).toBe(0)
  })

  it('handover/notified by an engineer is audited with its text', async () => {
    await w.api.auth.logout()
    await w.api.auth.login({ username: 'zhangwei', password: 'Duty#2026ok' })
    await w.api.handover.notified({ faultId: ids.fault, text: '响应即将超时' })
    const ev = w.db.prepare("SELECT user_name, after_json FROM audit_log WHERE action = 'notify'").get() as {
      user_name: string
      after_json: string
    }
    expect(ev.user_name).toBe('张伟')
    expect(JSON.parse(ev.after_json)).toMatchObject({ faultId: ids.fault, text: '响应即将超时' })
  })
})
