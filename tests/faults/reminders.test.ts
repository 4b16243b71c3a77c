import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { count, makeWorld, setUpSite, type World } from '../support/world'

const PW = 'Field#2026ok'
let w: World

beforeEach(async () => {
  w = makeWorld('2026-11-23T17:20:00+08:00')
  await setUpSite(w)
  await w.api.sla.usePreset({ key: 'hengqin' })
  await w.api.account.create({ username: 'liqiang', displayName: '李强', role: 'engineer', phone: '', password: PW })
})
afterEach(() => w.close())

/** 500 open faults: half reported three hours ago (response overdue), half a minute ago (clocks running). */
function manyOpenFaults() {
  const lead = { id: 1, username: 'zhangwei', displayName: '张伟', role: 'lead' as const }
  w.db.transaction(() => {
    for (let i = 0; i < 500; i++)
      w.services.faults.create(lead, {
        title: `业务系统告警 ${i}`,
        assetId: null,
        severity: i % 2 ? 'P3' : 'P4',
        reportedAt: i < 250 ? '2026-11-23T14:20:00+08:00' : '2026-11-23T17:19:00+08:00',
        reportedBy: '',
        reportChannel: 'phone',
        symptoms: '',
        impact: '',
      })
  })()
}

describe('SLA reminders (one record per fault, milestone and state)', () => {
  it('records 500 open faults’ reminders in one call, and never again on the next login or page load', async () => {
    manyOpenFaults()
    const started = performance.now()
    const first = await w.api.fault.reminders()
    const ms = performance.now() - started
    expect(ms).toBeLessThan(2000)
    expect(first.length).toBeGreaterThanOrEqual(250)
    expect(first.every((r) => r.fresh)).toBe(true)
    expect(new Set(first.map((r) => r.key)).size).toBe(first.length)
    const recorded = count(w, 'notification_log')
    expect(recorded).toBe(first.length)

    // A page load, then another engineer logs in: the same reminders, none recorded twice.
    expect((await w.api.fault.reminders()).some((r) => r.fresh)).toBe(false)
    await w.api.auth.logout()
    await w.api.auth.login({ username: 'liqiang', password: PW })
    const again = await w.api.fault.reminders()
    expect(again.map((r) => r.key)).toEqual(first.map((r) => r.key))
    expect(again.every((r) => !r.fresh && r.at === '2026-11-23T17:20:00+08:00')).toBe(true)
    expect(count(w, 'notification_log')).toBe(recorded)

    // The handover lists each reminder once.
    const h = await w.api.handover.start()
    const titles = h.items.filter((i) => i.kind === 'notification').map((i) => i.title)
    expect(titles).toHaveLength(recorded)
    expect(new Set(titles).size).toBe(titles.length)
  })

  it('records a new reminder when a milestone goes from at risk to overdue, and drops the one that no longer holds', async () => {
    const f = await w.api.fault.create({
      title: '电子卷宗上传失败',
      severity: 'P1',
      reportedAt: '2026-11-23T17:15:00+08:00',
    })
    // 横琴 P1: response within 10 minutes; at 17:20 five are left (at risk).
    const atRisk = (await w.api.fault.reminders()).filter((r) => r.faultId === f.id)
    expect(atRisk.map((r) => [r.key, r.state, r.title])).toContainEqual([
      `${f.id}:P1:respond:at_risk`,
      'at_risk',
      `${f.no} 响应即将超时`,
    ])
    w.clock.advance(10)
    const overdue = (await w.api.fault.reminders()).filter((r) => r.faultId === f.id && r.key.includes(':respond:'))
    expect(overdue).toEqual([
      expect.objectContaining({ key: `${f.id}:P1:respond:overdue`, state: 'overdue', fresh: true }),
    ])
    const responded = await w.api.fault.addEvent({
      faultId: f.id,
      kind: 'respond',
      at: '2026-11-23T17:30:00+08:00',
      text: '已电话响应',
    })
    expect(responded.clock.done.respond).toBeTruthy()
    expect((await w.api.fault.reminders()).some((r) => r.key.includes(':respond:'))).toBe(false)
    const rows = w.db
      .prepare('SELECT key FROM notification_log WHERE key LIKE ? ORDER BY id')
      .pluck()
      .all(`${f.id}:P1:respond:%`)
    expect(rows).toEqual([`${f.id}:P1:respond:at_risk`, `${f.id}:P1:respond:overdue`])
  })

  it('counts reminders written before keys existed once each in the handover', async () => {
    for (let i = 0; i < 3; i++)
      w.db
        .prepare('INSERT INTO notification_log (at, user_id, fault_id, text) VALUES (?, 1, NULL, ?)')
        .run('2026-11-23T10:00:00+08:00', 'GZ-2026-0001 响应已超时：旧提醒')
    const h = await w.api.handover.start()
    expect(h.items.filter((i) => i.kind === 'notification').map((i) => i.title)).toEqual([
      'GZ-2026-0001 响应已超时：旧提醒',
    ])
  })
})
