import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FaultClockDto } from '../../src/shared/faults/contract'
import { contractYear } from '../../src/shared/faults/contract-year'
import { computeMilestones, describePauses } from '../../src/shared/faults/milestones'
import { presetPolicy, SLA_PRESETS } from '../../src/shared/faults/sla'
import { clockInput } from '../../src/shared/faults/clock'
import { makeWorld, setUpSite, type World } from '../support/world'

/** Each rule quotes the contract clause it counts by (seeds 002, 003, 004 in /work/shared/seeds). */
let w: World
beforeEach(async () => {
  w = makeWorld('2026-11-23T09:00:00+08:00')
  await setUpSite(w)
})
afterEach(() => w.close())

const at = (s: string) => `2026-11-${s}:00+08:00`
const event = (faultId: number, kind: string, when: string, extra: Record<string, unknown> = {}) =>
  w.api.fault.addEvent({ faultId, kind: kind as never, at: at(when), ...extra })
const states = (f: { clock: FaultClockDto }) =>
  Object.fromEntries(
    computeMilestones(clockInput(f.clock), w.clock.now(), w.services.calendar.calendars()).map((m) => [
      m.milestone,
      m.state,
    ]),
  )

describe('seed 002 §二 福建水利: 「15分钟，2小时内提交故障处理方案」 — a deadline that passed is missed', () => {
  beforeEach(() => w.api.sla.usePreset({ key: 'fujian-water' }))

  it('counts the plan as missed when the fault recovers after the 2-hour deadline without one', async () => {
    w.clock.set('2026-11-23T12:00:00+08:00')
    let f = await w.api.fault.create({ title: '质量检测平台宕机', severity: 'urgent', reportedAt: at('23T08:00') })
    f = await event(f.id, 'respond', '23T08:10')
    f = await event(f.id, 'recover', '23T11:00', { text: '重启数据库' })
    expect(states(f)).toMatchObject({ respond: 'met', plan: 'missed', recover: 'met' })
    const stats = await w.api.fault.stats()
    expect(stats).toMatchObject({ breachedFaults: 1, missedMilestones: 1, overdue: 1 })
    // Recovered but not yet closed, it is still listed among the late ones.
    expect((await w.api.fault.list({ overdue: true })).items.map((x) => x.id)).toEqual([f.id])
  })

  it('counts the plan as not needed (未发生) when the fault recovers before its deadline', async () => {
    let f = await w.api.fault.create({ title: '报表导出失败', severity: 'urgent', reportedAt: at('23T08:00') })
    f = await event(f.id, 'respond', '23T08:05')
    f = await event(f.id, 'recover', '23T08:40', { text: '清理缓存' })
    expect(states(f)).toMatchObject({ plan: 'skipped' })
    expect(await w.api.fault.stats()).toMatchObject({ breachedFaults: 0, missedMilestones: 0 })
  })

  it('tracks the 15-minute 「实质性响应」 for every request, 轻微 included', async () => {
    expect(presetPolicy('fujian-water')!.levels.find((l) => l.code === 'minor')!.targets.respond).toMatchObject({
      amount: 15,
      unit: 'minute',
      calendar: 'always',
    })
    const f = await w.api.fault.create({ title: '界面不够友好', severity: 'minor', reportedAt: at('23T08:30') })
    expect(states(f).respond).toBe('overdue')
  })

  it("quotes the levels from §二's table", () => {
    const levels = presetPolicy('fujian-water')!.levels
    expect(levels.find((l) => l.code === 'normal')!.description).toBe(
      '系统基本正常，出现非致命性、非关键业务错误，但影响用户工作',
    )
    expect(levels.find((l) => l.code === 'minor')!.description).toContain('不够友好而要求改进')
  })
})

describe('pauses do not stop contract clocks unless the site says so per level', () => {
  it('ships every preset level with pausesStopClock off: no seed lets the clock stop', () => {
    expect(SLA_PRESETS.flatMap((p) => p.levels.map((l) => l.pausesStopClock))).not.toContain(true)
  })

  it('keeps the clock running through a pause by default, and holds it with the reason once turned on', async () => {
    await w.api.sla.usePreset({ key: 'hengqin' })
    let f = await w.api.fault.create({ title: '门户无法访问', severity: 'P2', reportedAt: at('23T06:00') })
    f = await event(f.id, 'respond', '23T06:05')
    f = await event(f.id, 'pause', '23T06:30', { text: '等待用户停机窗口' })
    // 4 hours from 06:00 on 7×24, the pause not taken off: still due at 10:00.
    const recover = computeMilestones(clockInput(f.clock), w.clock.now(), w.services.calendar.calendars()).find(
      (m) => m.milestone === 'recover',
    )!
    expect(recover).toMatchObject({ state: 'at_risk', deadline: Date.parse(at('23T10:00')) })
    const { policy } = await w.api.sla.get()
    await w.api.sla.update({
      ...policy,
      levels: policy.levels.map((l) => (l.code === 'P3' ? { ...l, pausesStopClock: true } : l)),
    })
    let g = await w.api.fault.create({ title: '报表模块超时', severity: 'P3', reportedAt: at('23T06:00') })
    g = await event(g.id, 'pause', '23T06:00', { text: '等待用户停机窗口' })
    expect(states(g).recover).toBe('paused')
    expect(g.clock.pauses).toEqual([{ from: at('23T06:00'), to: null, reason: '等待用户停机窗口' }])
    expect(describePauses(g.clock, w.clock.now())).toEqual(['挂起中，暂停 3小时（停止计时），原因：等待用户停机窗口'])
    expect(describePauses(f.clock, w.clock.now())).toEqual([
      '挂起中，暂停 2小时30分（计时未停），原因：等待用户停机窗口',
    ])
    expect((await w.api.fault.stats()).stoppedPauses).toEqual([
      { faultId: g.id, no: g.no, minutes: 180, reason: '等待用户停机窗口' },
    ])
    // A pause without a reason changes nothing.
    await expect(event(f.id, 'resume', '23T07:00').then(() => event(f.id, 'pause', '23T07:10'))).rejects.toMatchObject({
      code: 'TEXT_REQUIRED',
    })
  })
})

describe('milestones the seeds name', () => {
  it('seed 004 §五(三)3 横琴: 「故障申报后15分钟内启动远程诊断」 is its own milestone', async () => {
    await w.api.sla.usePreset({ key: 'hengqin' })
    let f = await w.api.fault.create({ title: '填报失败', severity: 'P4', reportedAt: at('23T08:50') })
    expect(states(f).remote).toBe('at_risk')
    f = await event(f.id, 'remote', '23T08:58', { text: '远程查看服务日志' })
    expect(states(f)).toMatchObject({ respond: 'met', remote: 'met' })
    let g = await w.api.fault.create({ title: '单页样式异常', severity: 'P5', reportedAt: at('23T08:00') })
    g = await event(g.id, 'respond', '23T08:05')
    expect(states(g).remote).toBe('overdue')
  })

  it('seed 003 §3.2.4 海南: 「工程师将在 2 小时内赶到现场」 on weekends and holidays only', async () => {
    await w.api.sla.usePreset({ key: 'hainan-procuratorate' })
    w.clock.set('2026-11-30T09:00:00+08:00')
    const saturday = await w.api.fault.create({ title: '周六故障', severity: 'L3', reportedAt: at('28T10:00') })
    const monday = await w.api.fault.create({ title: '周一故障', severity: 'L3', reportedAt: at('30T08:40') })
    expect(states(saturday).arrive).toBe('overdue')
    expect(states(monday).arrive).toBeUndefined()
  })

  it('seed 003 §3.2.4: a 调休 Saturday (2026-02-14) is a workday, so no 2-hour arrival target', async () => {
    await w.api.sla.usePreset({ key: 'hainan-procuratorate' })
    w.clock.set('2026-02-14T11:00:00+08:00')
    const f = await w.api.fault.create({
      title: '调休日故障',
      severity: 'L2',
      reportedAt: '2026-02-14T10:00:00+08:00',
    })
    expect(states(f).arrive).toBeUndefined()
  })

  it("seed 003 §3.3.1.1.6.1 海南: the level texts are the contract's words", () => {
    const levels = presetPolicy('hainan-procuratorate')!.levels
    expect(levels.find((l) => l.code === 'L4')!.description).toContain('能够正常运行，但仍需要优化完善')
    expect(levels.find((l) => l.code === 'L2')!.description).toBe(
      '应用系统使用时出现主要业务流程或模块无法正常运行，严重影响用户在线业务工作',
    )
    // §3.3.1.1.6.2: 30 分钟 / 24、24、8、8 小时.
    expect(levels.map((l) => [l.targets.respond!.amount, l.targets.recover!.amount])).toEqual([
      [30, 24],
      [30, 24],
      [30, 8],
      [30, 8],
    ])
  })
})

describe('seed 004 §五(一)2 横琴: 「每年重大故障次数不得超过一次」 counts per contract year', () => {
  it('finds the contract year from the start date, across a year boundary and on 29 February', () => {
    expect(contractYear('2025-07-01', '2026-01-15')).toEqual({ from: '2025-07-01', to: '2026-07-01' })
    expect(contractYear('2025-07-01', '2026-07-01')).toEqual({ from: '2026-07-01', to: '2027-07-01' })
    expect(contractYear('2024-02-29', '2025-02-28')).toEqual({ from: '2024-02-29', to: '2025-03-01' })
  })

  it('counts the majors since the contract anniversary, not since 1 January', async () => {
    await w.api.sla.usePreset({ key: 'hengqin' })
    const site = await w.api.site.get()
    await w.api.site.update({ ...site, contractStart: '2025-07-01', contractEnd: '2027-06-30' })
    w.clock.set('2026-03-01T09:00:00+08:00')
    await w.api.fault.create({ title: '去年十二月', severity: 'P1', reportedAt: '2025-12-20T08:00:00+08:00' })
    await w.api.fault.create({ title: '去年五月', severity: 'P1', reportedAt: '2025-05-20T08:00:00+08:00' })
    expect(await w.api.fault.stats()).toMatchObject({
      contractYear: { from: '2025-07-01', to: '2026-07-01' },
      majorThisYear: 1,
      majorPerYear: 1,
    })
  })
})

describe('seed 003 §4.3.3.3 「遇有重大系统故障，值班人员应立即通知主管部门领导」', () => {
  beforeEach(() => w.api.sla.usePreset({ key: 'hainan-procuratorate' }))

  it('gives a major fault a 通知领导 step with a 5-minute deadline, done by who, when and how', async () => {
    let f = await w.api.fault.create({ title: '统一业务系统瘫痪', severity: 'L1', reportedAt: at('23T08:57') })
    expect(states(f).notify).toBe('at_risk')
    await expect(event(f.id, 'notify', '23T08:59', { via: 'phone' })).rejects.toMatchObject({
      code: 'NOTIFY_WHO_REQUIRED',
    })
    await expect(event(f.id, 'notify', '23T08:59', { target: '技术处王处长' })).rejects.toMatchObject({
      code: 'NOTIFY_VIA_REQUIRED',
    })
    expect((await w.api.fault.get({ id: f.id })).clock.done.notify).toBeNull()
    f = await event(f.id, 'notify', '23T08:59', { target: '技术处王处长', via: 'phone', text: '已电话报告' })
    expect(states(f).notify).toBe('met')
    expect(f.events.at(-1)).toMatchObject({ kind: 'notify', data: { who: '技术处王处长', via: 'phone' } })
  })

  it('shows the missing step in the handover until it is done', async () => {
    const f = await w.api.fault.create({ title: '数据库宕机', severity: 'L1', reportedAt: at('23T08:40') })
    const notifyLines = async () => {
      const h = (await w.api.handover.current()) ?? (await w.api.handover.start())
      const again = await w.api.handover.recollect({ id: h.id })
      return again.items.find((i) => i.refId === f.id)!.clocks.filter((c) => c.startsWith('通知领导'))
    }
    expect(await notifyLines()).toEqual(['通知领导：已超时 15分'])
    await event(f.id, 'notify', '23T09:00', { target: '分管副检察长', via: 'in_person' })
    expect(await notifyLines()).toEqual([])
  })
})

describe('fault category (seed 003 §3.2.12.3 系统运行故障记录表)', () => {
  it('filters and counts faults by category', async () => {
    await w.api.fault.create({ title: '硬盘告警', severity: 'L3', category: 'hardware', reportedAt: at('23T08:00') })
    await w.api.fault.create({ title: '交换机端口', severity: 'L3', category: 'network', reportedAt: at('23T08:10') })
    await w.api.fault.create({ title: '电源故障', severity: 'L3', category: 'hardware', reportedAt: at('23T08:20') })
    expect((await w.api.fault.list({ category: 'hardware' })).items.map((f) => f.title)).toEqual([
      '电源故障',
      '硬盘告警',
    ])
    const { byCategory } = await w.api.fault.stats()
    expect(byCategory.find((c) => c.category === 'hardware')!.count).toBe(2)
    expect(byCategory.find((c) => c.category === 'network')!.count).toBe(1)
    await expect(
      w.api.fault.create({ title: 'x', severity: 'L3', category: 'power' as never, reportedAt: at('23T08:20') }),
    ).rejects.toMatchObject({ message: expect.stringContaining('故障类别') })
  })
})
