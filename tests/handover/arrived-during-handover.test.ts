import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LEAD_PASSWORD, makeWorld, setUpSite, type World } from '../support/world'

/** seed 003 §4.3.3.3 「交接班时发生系统运行障碍，一般由交班人员负责处理后再行交接」 */
let w: World
let b: number
beforeEach(async () => {
  w = makeWorld('2026-11-23T17:20:00+08:00')
  await setUpSite(w)
  await w.api.sla.usePreset({ key: 'hainan-procuratorate' })
  b = (
    await w.api.account.create({
      username: 'liqiang',
      displayName: '李强',
      role: 'engineer',
      phone: '',
      password: 'Field#2026ok',
    })
  ).id
})
afterEach(() => w.close())

const openHandover = async () => {
  const h = await w.api.handover.start()
  return w.api.handover.update({
    id: h.id,
    revision: h.revision,
    incomingId: b,
    summary: '本班平稳',
    cautions: '',
    todo: '',
    checklist: h.checklist.map((x) => ({ ...x, handed: true })),
    remarks: {},
  })
}

describe("a fault that arrives during the handover stays the outgoing engineer's", () => {
  it('refuses the submission twice, then after a wrong password changes nothing, and lets the retry through', async () => {
    const h0 = await openHandover()
    const late = await w.api.fault.create({
      title: '机房空调告警',
      severity: 'L3',
      reportedAt: '2026-11-23T17:19:00+08:00',
    })
    let h = await w.api.handover.recollect({ id: h0.id })
    for (let i = 0; i < 2; i++)
      await expect(
        w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD }),
      ).rejects.toMatchObject({ code: 'HANDOVER_NEW_UNHANDLED' })
    await w.api.fault.addEvent({ faultId: late.id, kind: 'respond', at: '2026-11-23T17:21:00+08:00', text: '已到机房' })
    h = await w.api.handover.recollect({ id: h.id })
    await expect(
      w.api.handover.submit({ id: h.id, revision: h.revision, password: 'wrong-password' }),
    ).rejects.toMatchObject({ code: 'AUTH_FAILED' })
    expect(await w.api.handover.get({ id: h.id })).toMatchObject({ status: 'draft', revision: h.revision })
    expect((await w.api.handover.get({ id: h.id })).items.find((i) => i.refId === late.id)).toMatchObject({
      arrivedDuringHandover: true,
    })
    h = await w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD })
    expect(h.status).toBe('submitted')
    await expect(
      w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD }),
    ).rejects.toMatchObject({ code: 'HANDOVER_SUBMITTED' })
  })

  it('does not take a response recorded by the incoming engineer as the outgoing one handling it', async () => {
    const h0 = await openHandover()
    const late = await w.api.fault.create({
      title: '网络中断',
      severity: 'L2',
      reportedAt: '2026-11-23T17:19:00+08:00',
    })
    const h = await w.api.handover.recollect({ id: h0.id })
    await w.api.auth.login({ username: 'liqiang', password: 'Field#2026ok' })
    await w.api.fault.addEvent({ faultId: late.id, kind: 'respond', at: '2026-11-23T17:21:00+08:00', text: '李强接听' })
    await w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })
    await expect(
      w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD }),
    ).rejects.toMatchObject({ code: 'HANDOVER_NEW_UNHANDLED' })
  })

  it('tells the outgoing engineer from a colleague of the same name', async () => {
    const namesake = (
      await w.api.account.create({
        username: 'zhangwei2',
        displayName: '张伟',
        role: 'engineer',
        phone: '',
        password: 'Field#2026ok',
      })
    ).id
    const h0 = await openHandover()
    const late = await w.api.fault.create({
      title: '存储告警',
      severity: 'L3',
      reportedAt: '2026-11-23T17:19:00+08:00',
    })
    const h = await w.api.handover.recollect({ id: h0.id })
    await w.api.auth.login({ username: 'zhangwei2', password: 'Field#2026ok' })
    await w.api.fault.addEvent({
      faultId: late.id,
      kind: 'respond',
      at: '2026-11-23T17:21:00+08:00',
      text: '同名同事接听',
    })
    await w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })
    expect(namesake).not.toBe(b)
    await expect(
      w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD }),
    ).rejects.toMatchObject({ code: 'HANDOVER_NEW_UNHANDLED' })
  })
})
