import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HandoverCollector } from '../../src/main/services/handover/collectors'
import { item } from '../../src/main/services/handover/collectors'
import type { HandoverItem } from '../../src/shared/handover/contract'
import type { Actor } from '../../src/shared/ipc/kit'
import { LEAD_PASSWORD, makeWorld, setUpSite, type World } from '../support/world'

/**
 * A later capability (here: upgrades in progress, SPEC §3.5 「升级进行中」) plugs
 * its open work into the handover by handing one collector to buildServices;
 * the handover service is not edited.
 */
class UpgradeCollector implements HandoverCollector {
  kind = 'upgrade'
  failNextTransfer = false
  constructor(private readonly w: () => World) {}

  collect(ownerId: number): HandoverItem[] {
    const rows = this.w()
      .db.prepare("SELECT id, title FROM upgrade_plan WHERE owner_id = ? AND status = 'running'")
      .all(ownerId) as { id: number; title: string }[]
    return rows.map((r) =>
      item('upgrade', r.id, { title: r.title, detail: '升级进行中', severity: null, serious: false, clocks: [] }),
    )
  }

  transfer(it: HandoverItem, toUserId: number, _actor: Actor, handoverId: number): void {
    this.w()
      .db.prepare('UPDATE upgrade_plan SET owner_id = ?, note = ? WHERE id = ?')
      .run(toUserId, `#${handoverId}`, it.refId)
    if (this.failNextTransfer) throw new Error('升级记录写入失败')
  }
}

const PW = 'Field#2026ok'
let w: World
let upgrades: UpgradeCollector
let incoming: number
let lead: number
let faultId: number

beforeEach(async () => {
  upgrades = new UpgradeCollector(() => w)
  w = makeWorld('2026-11-23T17:20:00+08:00', { handoverCollectors: [upgrades] })
  w.db.exec(
    "CREATE TABLE upgrade_plan (id INTEGER PRIMARY KEY, title TEXT NOT NULL, owner_id INTEGER NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL DEFAULT '')",
  )
  lead = (await setUpSite(w)).user!.id
  await w.api.sla.usePreset({ key: 'hengqin' })
  incoming = (
    await w.api.account.create({ username: 'liqiang', displayName: '李强', role: 'engineer', phone: '', password: PW })
  ).id
  w.db
    .prepare(
      "INSERT INTO upgrade_plan (title, owner_id, status) VALUES ('电子卷宗系统 V3.2 升级', ?, 'running'), ('已完成的升级', ?, 'done')",
    )
    .run(lead, lead)
  faultId = (
    await w.api.fault.create({ title: '统一业务系统登录缓慢', severity: 'P2', reportedAt: '2026-11-23T15:00:00+08:00' })
  ).id
})
afterEach(() => w.close())

async function submitted() {
  let h = await w.api.handover.start()
  h = await w.api.handover.update({
    id: h.id,
    revision: h.revision,
    incomingId: incoming,
    summary: '',
    cautions: '',
    todo: '',
    checklist: h.checklist,
    remarks: { 'upgrade:1': '生产库已备份，待验证' },
  })
  return w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD })
}

const upgradeOwner = () => w.db.prepare('SELECT owner_id FROM upgrade_plan WHERE id = 1').pluck().get()

describe('a capability plugged into the handover', () => {
  it('has its open work collected beside the faults and handed to the incoming engineer on acceptance', async () => {
    const h = await submitted()
    expect(h.items.filter((i) => i.kind === 'upgrade')).toEqual([
      expect.objectContaining({ key: 'upgrade:1', title: '电子卷宗系统 V3.2 升级', remark: '生产库已备份，待验证' }),
    ])
    const done = await w.api.handover.accept({ id: h.id, revision: h.revision, password: PW, remarks: '' })
    expect(done.status).toBe('accepted')
    expect(upgradeOwner()).toBe(incoming)
    expect((await w.api.fault.get({ id: faultId })).ownerId).toBe(incoming)
  })

  it('rolls the whole acceptance back when its transfer fails: nothing moves, the record stays submitted', async () => {
    const h = await submitted()
    upgrades.failNextTransfer = true
    await expect(w.api.handover.accept({ id: h.id, revision: h.revision, password: PW, remarks: '' })).rejects.toThrow()
    expect((await w.api.handover.get({ id: h.id })).status).toBe('submitted')
    expect(upgradeOwner()).toBe(lead)
    expect((await w.api.fault.get({ id: faultId })).ownerId).toBe(lead)
    upgrades.failNextTransfer = false
    expect((await w.api.handover.accept({ id: h.id, revision: h.revision, password: PW, remarks: '' })).status).toBe(
      'accepted',
    )
    expect(upgradeOwner()).toBe(incoming)
  })
})

describe('service requests at handover', () => {
  it('passes an open request on through the service log (audited there), and leaves one finished meanwhile', async () => {
    const categoryId = (await w.api.serviceLog.categories())[0]!.id
    const entry = (fields: { content: string; status: 'open' | 'done' }) =>
      w.api.serviceLog.create({ serviceTime: '2026-11-23T16:30:00+08:00', channel: 'phone', categoryId, ...fields })
    const open = await entry({ content: '协助开通案件管理账号，待审批', status: 'open' })
    const finishing = await entry({ content: '打印机驱动，待回访', status: 'open' })
    const h = await submitted()
    expect(h.items.filter((i) => i.kind === 'serviceLog').map((i) => i.refId)).toEqual([open.id, finishing.id])
    await w.api.serviceLog.update({
      id: finishing.id,
      serviceTime: finishing.serviceTime,
      channel: finishing.channel,
      categoryId,
      content: finishing.content,
      status: 'done',
    })
    await w.api.handover.accept({ id: h.id, revision: h.revision, password: PW, remarks: '' })
    expect((await w.api.serviceLog.get({ id: open.id })).ownerId).toBe(incoming)
    expect((await w.api.serviceLog.get({ id: finishing.id })).ownerId).toBe(lead)
    const trail = w.db
      .prepare("SELECT action, entity_id FROM audit_log WHERE entity = 'serviceLog' AND action = 'owner'")
      .all()
    expect(trail).toEqual([{ action: 'owner', entity_id: String(open.id) }])
  })
})
