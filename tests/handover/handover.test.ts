import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../src/shared/ipc/contract'
import { LEAD_PASSWORD, makeWorld, setUpSite, type World } from '../support/world'

let w: World
const PW = 'Field#2026ok'
let b: number
let c: number
let faultIds: number[]
let openLog: number
beforeEach(async () => {
  w = makeWorld('2026-11-23T17:20:00+08:00')
  await setUpSite(w)
  await w.api.sla.usePreset({ key: 'hengqin' })
  b = (
    await w.api.account.create({ username: 'liqiang', displayName: '李强', role: 'engineer', phone: '', password: PW })
  ).id
  c = (
    await w.api.account.create({ username: 'wangfang', displayName: '王芳', role: 'engineer', phone: '', password: PW })
  ).id
  const night = (await w.api.roster.month({ month: '2026-11' })).shifts.find((s) => s.name === '夜间待命')!
  await w.api.roster.setCell({ date: '2026-11-23', userId: b, shiftIds: [night.id] })
  faultIds = [
    (
      await w.api.fault.create({
        title: '统一业务系统登录缓慢',
        severity: 'P2',
        reportedAt: '2026-11-23T15:00:00+08:00',
      })
    ).id,
    (await w.api.fault.create({ title: '电子卷宗上传失败', severity: 'P4', reportedAt: '2026-11-23T16:00:00+08:00' }))
      .id,
  ]
  const categoryId = (await w.api.serviceLog.categories())[0]!.id
  openLog = (
    await w.api.serviceLog.create({
      serviceTime: '2026-11-23T16:30:00+08:00',
      channel: 'phone',
      categoryId,
      content: '协助开通案件管理账号，待审批',
      status: 'open',
    })
  ).id
  await w.api.serviceLog.create({
    serviceTime: '2026-11-23T16:40:00+08:00',
    channel: 'phone',
    categoryId,
    content: '已完成的咨询',
    status: 'done',
  })
})
afterEach(() => w.close())

const start = () => w.api.handover.start()
const ready = async () => {
  const h = await start()
  return w.api.handover.update({
    id: h.id,
    revision: h.revision,
    incomingId: h.incomingId,
    summary: '本班处理咨询 12 起',
    cautions: '交换平台 ICE 服务需关注',
    todo: '明早 9 点回访',
    checklist: h.checklist.map((x) => ({ ...x, handed: true })),
    remarks: { [`fault:${faultIds[0]}`]: '厂商已远程接入' },
  })
}

describe('collecting the handover', () => {
  it('collects exactly the open faults with their clocks and the unfinished service requests, and proposes the next shift', async () => {
    const h = await start()
    expect(h.incomingName).toBe('李强')
    expect(h.shiftLabel).toBe('2026-11-23 当班')
    expect(h.items.map((i) => i.key)).toEqual([`fault:${faultIds[1]}`, `fault:${faultIds[0]}`, `serviceLog:${openLog}`])
    const p2 = h.items.find((i) => i.refId === faultIds[0] && i.kind === 'fault')!
    expect(p2).toMatchObject({ severity: 'P2 严重', serious: true })
    expect(p2.clocks).toEqual(
      expect.arrayContaining([expect.stringMatching(/^响应：已超时 2小时10分$/), '恢复：计时中，剩余 1小时40分']),
    )
    expect(h.checklist.map((x) => x.item)).toEqual(['钥匙', '门禁卡', 'uKey', '值班手机', '机房登记本'])
  })

  it('refuses a handover to oneself, to a locked account, and a second open handover', async () => {
    const h = await start()
    await expect(start()).rejects.toMatchObject({ code: 'HANDOVER_OPEN' })
    const base = {
      id: h.id,
      revision: h.revision,
      summary: '',
      cautions: '',
      todo: '',
      checklist: h.checklist,
      remarks: {},
    }
    await expect(w.api.handover.update({ ...base, incomingId: h.outgoingId })).rejects.toMatchObject({
      code: 'HANDOVER_TO_SELF',
    })
    for (let i = 0; i < 5; i++) expect(() => w.services.auth.checkPassword(c, 'wrong')).toThrow()
    await expect(w.api.handover.update({ ...base, incomingId: c })).rejects.toMatchObject({
      code: 'HANDOVER_INCOMING_LOCKED',
      message: expect.stringContaining('王芳'),
    })
    expect((await w.api.handover.get({ id: h.id })).revision).toBe(h.revision)
  })
})

describe('submitting and accepting', () => {
  it('moves ownership of every item to the incoming engineer in one transaction and locks the record', async () => {
    let h = await ready()
    h = await w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD })
    expect(h.status).toBe('submitted')
    w.clock.advance(15)
    h = await w.api.handover.accept({ id: h.id, revision: h.revision, password: PW, remarks: '已清点' })
    expect(h).toMatchObject({ status: 'accepted', incomingRemarks: '已清点' })
    const anchor = w.db.prepare('SELECT action, hash FROM audit_log WHERE seq = ?').get(h.anchorSeq) as {
      action: string
      hash: string
    }
    expect(anchor).toEqual({ action: 'accept', hash: h.anchorHash })
    expect((await w.api.auth.status()).user!.username).toBe('liqiang')
    for (const id of faultIds) {
      const f = await w.api.fault.get({ id })
      expect(f.ownerName).toBe('李强')
      expect(f.events.at(-1)).toMatchObject({ kind: 'owner', text: expect.stringContaining(`交接班 #${h.id}`) })
    }
    expect((await w.api.serviceLog.get({ id: openLog })).ownerName).toBe('李强')
  })

  it('has no path to change an accepted record: every handler refuses, the database refuses, addenda are appended', async () => {
    let h = await ready()
    h = await w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD })
    h = await w.api.handover.accept({ id: h.id, revision: h.revision, password: PW })
    await w.api.auth.logout()
    await w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })
    const attempts: [string, unknown][] = [
      [
        'handover/update',
        {
          id: h.id,
          revision: h.revision,
          incomingId: b,
          summary: '改',
          cautions: '',
          todo: '',
          checklist: [],
          remarks: {},
        },
      ],
      ['handover/recollect', { id: h.id }],
      ['handover/submit', { id: h.id, revision: h.revision, password: LEAD_PASSWORD }],
      ['handover/refuse', { id: h.id, password: PW, reason: '改主意了' }],
      ['handover/accept', { id: h.id, revision: h.revision, password: PW }],
    ]
    expect(
      CHANNELS.filter(
        (ch) =>
          ch.startsWith('handover/') &&
          ![
            'handover/current',
            'handover/start',
            'handover/get',
            'handover/addendum',
            'handover/list',
            'handover/chain',
            'handover/exportDocx',
          ].includes(ch),
      ).sort(),
    ).toEqual(attempts.map(([ch]) => ch).sort())
    for (const [ch, payload] of attempts)
      expect(await w.dispatch(ch, payload), ch).toMatchObject({ ok: false, code: 'HANDOVER_LOCKED' })
    expect(() => w.db.prepare("UPDATE handover SET summary = 'x' WHERE id = ?").run(h.id)).toThrow(/locked/)
    const after = await w.api.handover.addendum({ id: h.id, text: '补充：uKey 实际在二号柜' })
    expect(after.summary).toBe('本班处理咨询 12 起')
    expect(after.addenda).toEqual([expect.objectContaining({ byName: '张伟', text: '补充：uKey 实际在二号柜' })])
  })

  it('counts a wrong acceptance password toward the incoming account lockout and changes nothing', async () => {
    let h = await ready()
    h = await w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD })
    await expect(w.api.handover.accept({ id: h.id, revision: h.revision, password: 'nope' })).rejects.toMatchObject({
      code: 'AUTH_FAILED',
      message: expect.stringContaining('再错 4 次'),
    })
    expect((await w.api.handover.get({ id: h.id })).status).toBe('submitted')
    expect((await w.api.fault.get({ id: faultIds[0]! })).ownerName).toBe('张伟')
  })

  it('refuses an acceptance of a version the outgoing engineer has since changed', async () => {
    let h = await ready()
    h = await w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD })
    await expect(w.api.handover.accept({ id: h.id, revision: h.revision - 1, password: PW })).rejects.toMatchObject({
      code: 'HANDOVER_CHANGED',
    })
  })

  it('sends a refused handover back to the outgoing engineer with the reason', async () => {
    let h = await ready()
    h = await w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD })
    h = await w.api.handover.refuse({ id: h.id, password: PW, reason: '门禁卡未交' })
    expect(h).toMatchObject({ status: 'refused', refusedReason: '门禁卡未交' })
    h = await w.api.handover.update({
      id: h.id,
      revision: h.revision,
      incomingId: b,
      summary: h.summary,
      cautions: h.cautions,
      todo: h.todo,
      checklist: h.checklist,
      remarks: {},
    })
    await expect(
      w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD }),
    ).resolves.toMatchObject({ status: 'submitted' })
  })

  it('blocks submission while a fault that came in during handover is neither handled nor passed on', async () => {
    const h = await ready()
    const late = await w.api.fault.create({
      title: '机房空调告警',
      severity: 'P3',
      reportedAt: '2026-11-23T17:18:00+08:00',
    })
    expect((await w.api.handover.get({ id: h.id })).uncollected).toEqual([
      { refId: late.id, title: expect.stringContaining('机房空调告警') },
    ])
    await expect(
      w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD }),
    ).rejects.toMatchObject({ code: 'HANDOVER_NEW_ITEMS' })
    let again = await w.api.handover.recollect({ id: h.id })
    expect(again.items.find((i) => i.refId === faultIds[0] && i.kind === 'fault')!.remark).toBe('厂商已远程接入')
    // seed 003 §4.3.3.3 「在交接班时发生的故障，由交班人员负责处理后再行交接」: re-collecting does not pass it on.
    expect(again.items.find((i) => i.refId === late.id)).toMatchObject({ arrivedDuringHandover: true })
    expect(again.items.find((i) => i.refId === faultIds[0])!.arrivedDuringHandover).toBeUndefined()
    await expect(
      w.api.handover.submit({ id: again.id, revision: again.revision, password: LEAD_PASSWORD }),
    ).rejects.toMatchObject({ code: 'HANDOVER_NEW_UNHANDLED', message: expect.stringContaining('机房空调告警') })
    expect((await w.api.handover.get({ id: h.id })).status).toBe('draft')
    await w.api.fault.addEvent({
      faultId: late.id,
      kind: 'respond',
      at: '2026-11-23T17:19:00+08:00',
      text: '已到机房查看',
    })
    // Re-collecting again keeps the mark; the recorded response lets the handover go.
    again = await w.api.handover.recollect({ id: h.id })
    expect(again.items.find((i) => i.refId === late.id)).toMatchObject({ arrivedDuringHandover: true })
    await expect(
      w.api.handover.submit({ id: again.id, revision: again.revision, password: LEAD_PASSWORD }),
    ).resolves.toMatchObject({ status: 'submitted' })
  })

  it('shows a fault created between submission and acceptance as a warning', async () => {
    let h = await ready()
    h = await w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD })
    await w.api.fault.create({ title: '打印服务异常', severity: 'P4', reportedAt: '2026-11-23T17:19:00+08:00' })
    expect((await w.api.handover.get({ id: h.id })).uncollected.map((u) => u.title)).toEqual([
      expect.stringContaining('打印服务异常'),
    ])
  })
})

describe('history and paper', () => {
  it('flags a staffed past day without an accepted handover', async () => {
    const chain = await w.api.handover.chain({ from: '2026-11-01', to: '2026-11-23' })
    expect(chain.find((d) => d.date === '2026-11-23')).toMatchObject({ staffed: true, missing: false })
    const m = await w.api.roster.month({ month: '2026-11' })
    await w.api.roster.setCell({ date: '2026-11-20', userId: m.engineers[0]!.id, shiftIds: [m.shifts[0]!.id] })
    expect((await w.api.handover.chain({ from: '2026-11-20', to: '2026-11-20' }))[0]).toMatchObject({
      staffed: true,
      missing: true,
    })
  })

  it('exports the 交接班记录 as docx with the items and the anchor', async () => {
    let h = await ready()
    h = await w.api.handover.submit({ id: h.id, revision: h.revision, password: LEAD_PASSWORD })
    h = await w.api.handover.accept({ id: h.id, revision: h.revision, password: PW })
    const file = await w.api.handover.exportDocx({ id: h.id })
    const zip = Buffer.from(file.base64, 'base64')
    expect(zip.subarray(0, 2).toString()).toBe('PK')
    expect(file.fileName).toMatch(/^交接班记录-2026-11-23/)
  })
})

describe('notifications of the shift', () => {
  it('lists the SLA reminders shown since the last accepted handover', async () => {
    await w.api.fault.reminders()
    await w.api.fault.reminders()
    const h = await start()
    const shown = h.items.filter((i) => i.kind === 'notification').map((i) => i.title)
    expect(shown).toContain('GZ-2026-0001 响应已超时：统一业务系统登录缓慢（P2 严重）已超时 2小时10分')
    expect(new Set(shown).size).toBe(shown.length)
  })
})
