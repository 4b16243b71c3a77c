import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FaultClockDto } from '../../src/shared/faults/contract'
import { computeMilestones } from '../../src/shared/faults/milestones'
import { clockInput } from '../../src/main/services/faults/service'
import { count, makeWorld, setUpSite, type World } from '../support/world'

let w: World
let systemId: number
beforeEach(async () => {
  w = makeWorld('2026-11-23T09:00:00+08:00')
  await setUpSite(w)
  await w.api.sla.usePreset({ key: 'hengqin' })
  systemId = (await w.api.asset.create({ name: '统一业务应用系统', kind: 'system', tier: 1 })).id
})
afterEach(() => w.close())

const event = (faultId: number, kind: string, at: string, extra: Record<string, unknown> = {}) =>
  w.api.fault.addEvent({ faultId, kind: kind as never, at: `2026-11-23T${at}:00+08:00`, ...extra })
const states = (f: { clock: FaultClockDto }) =>
  Object.fromEntries(
    computeMilestones(clockInput(f.clock), w.clock.now(), w.services.calendar.calendars()).map((m) => [
      m.milestone,
      m.state,
    ]),
  )

describe('fault records', () => {
  it('creates a P1 from a service-log entry and keeps the link', async () => {
    const categoryId = (await w.api.serviceLog.categories()).find((c) => c.name === '故障')!.id
    const entry = await w.api.serviceLog.create({
      serviceTime: '2026-11-23T08:50:00+08:00',
      channel: 'phone',
      categoryId,
      assetId: systemId,
      content: '全院无法登录统一业务系统',
      requester: '案管办',
    })
    const fault = await w.api.fault.create({
      title: '统一业务系统无法登录',
      severity: 'P1',
      assetId: systemId,
      reportedAt: entry.serviceTime,
      reportedBy: '案管办',
      serviceLogId: entry.id,
    })
    expect(fault).toMatchObject({
      no: 'GZ-2026-0001',
      status: 'new',
      major: true,
      serviceLogId: entry.id,
      severityName: 'P1 重大',
    })
    await expect(
      w.api.fault.create({ title: '重复', severity: 'P1', reportedAt: entry.serviceTime, serviceLogId: entry.id }),
    ).rejects.toMatchObject({ code: 'SERVICE_LOG_LINKED' })
  })

  it('walks the whole life: respond, pause and resume, escalate, recover, analysis', async () => {
    let f = await w.api.fault.create({
      title: '电子卷宗上传失败',
      severity: 'P2',
      assetId: systemId,
      reportedAt: '2026-11-23T08:00:00+08:00',
    })
    f = await event(f.id, 'respond', '08:05', { text: '电话受理' })
    expect(f.status).toBe('in_progress')
    f = await event(f.id, 'pause', '08:30', { text: '等待厂商远程接入窗口' })
    expect(f.status).toBe('paused')
    f = await event(f.id, 'resume', '09:00')
    f = await event(f.id, 'escalate', '09:00', { target: '厂商二线', text: '提交日志' })
    f = await event(f.id, 'recover', '09:00', { text: '调整上传限制后恢复' })
    expect(f).toMatchObject({ status: 'recovered', resolution: '调整上传限制后恢复' })
    expect(states(f)).toMatchObject({ respond: 'met', recover: 'met', analysis: 'running' })
    f = await event(f.id, 'analysis', '09:00', { text: '中间件上传大小限制过小；已调整并纳入巡检' })
    expect(f.status).toBe('closed')
    expect(f.events.map((e) => e.kind)).toEqual([
      'created',
      'respond',
      'pause',
      'resume',
      'escalate',
      'recover',
      'analysis',
    ])
    await expect(event(f.id, 'action', '09:00', { text: '再处理' })).rejects.toMatchObject({ code: 'FAULT_TRANSITION' })
    await expect(event(f.id, 'note', '09:00', { text: '补充：厂商已出补丁' })).resolves.toMatchObject({
      status: 'closed',
    })
  })

  it('excludes paused time from the recovery clock where the site turned that on for the level', async () => {
    const { policy } = await w.api.sla.get()
    await w.api.sla.update({
      ...policy,
      levels: policy.levels.map((l) => (l.code === 'P1' ? { ...l, pausesStopClock: true } : l)),
    })
    let f = await w.api.fault.create({ title: 'x', severity: 'P1', reportedAt: '2026-11-23T06:00:00+08:00' })
    f = await event(f.id, 'respond', '06:05')
    f = await event(f.id, 'pause', '06:30', { text: '等待机房断电检修结束' })
    // 06:00 report, 2 h target, paused since 06:30: the clock stands still while paused.
    expect(states(f).recover).toBe('paused')
    f = await event(f.id, 'resume', '08:30')
    // 30 min used before the pause; at 09:00, 30 more: 60 of 120 minutes, deadline 10:00.
    const recover = computeMilestones(clockInput(f.clock), w.clock.now(), w.services.calendar.calendars()).find(
      (m) => m.milestone === 'recover',
    )!
    expect(new Date(recover.deadline!).toISOString()).toBe('2026-11-23T02:00:00.000Z')
    expect(recover.state).toBe('running')
  })

  it('recomputes deadlines on a severity change and keeps the breach of the old level counted', async () => {
    let f = await w.api.fault.create({ title: 'x', severity: 'P1', reportedAt: '2026-11-23T06:00:00+08:00' })
    expect(states(f).respond).toBe('overdue')
    f = await event(f.id, 'severity', '09:00', { severity: 'P4', text: '影响范围仅一个科室' })
    // respond (10 min), remote diagnosis (15 min), arrival (1 h) and recovery (2 h) of the P1 all passed.
    expect(f).toMatchObject({ severity: 'P4', severityName: 'P4 一般', breaches: 4 })
    expect(f.events.filter((e) => e.kind === 'breach')).toHaveLength(4)
    expect(states(f).recover).toBe('running')
    await expect(event(f.id, 'severity', '09:00', { severity: 'P9', text: '?' })).rejects.toMatchObject({
      code: 'SEVERITY_UNKNOWN',
    })
  })

  it('makes a fault major when recovery takes 2 hours or more (seed 004) and then takes the emergency forms', async () => {
    let f = await w.api.fault.create({ title: 'x', severity: 'P3', reportedAt: '2026-11-23T06:00:00+08:00' })
    await expect(w.api.fault.saveForm({ faultId: f.id, kind: 'start_request', data: {} })).rejects.toMatchObject({
      code: 'FAULT_NOT_MAJOR',
    })
    f = await event(f.id, 'recover', '08:30')
    expect(f.major).toBe(true)
    f = await w.api.fault.saveForm({
      faultId: f.id,
      kind: 'start_request',
      data: { category: '关键业务中断', applicant: '张伟' },
    })
    f = await w.api.fault.saveForm({
      faultId: f.id,
      kind: 'start_request',
      data: { category: '关键业务中断', applicant: '张伟', approver: '信息中心主任' },
    })
    expect(f.forms).toEqual([
      expect.objectContaining({
        kind: 'start_request',
        version: 2,
        data: expect.objectContaining({ approver: '信息中心主任' }),
      }),
    ])
    expect(await w.api.fault.stats()).toMatchObject({ majorThisYear: 1, majorPerYear: 1 })
  })

  it('refuses bad input with a Chinese message and writes nothing', async () => {
    const before = count(w, 'fault') + count(w, 'audit_log')
    await expect(
      w.api.fault.create({ title: '', severity: 'P1', reportedAt: '2026-11-23T08:00:00+08:00' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '请填写故障标题' })
    await expect(
      w.api.fault.create({ title: 'x', severity: 'P1', reportedAt: '2026-11-23T12:00:00+08:00' }),
    ).rejects.toMatchObject({ code: 'TIME_IN_FUTURE' })
    await expect(
      w.api.fault.create({ title: 'x', severity: '紧急', reportedAt: '2026-11-23T08:00:00+08:00' }),
    ).rejects.toMatchObject({ code: 'SEVERITY_UNKNOWN' })
    await expect(
      w.api.fault.create({ title: 'x', severity: 'P1', assetId: 999, reportedAt: '2026-11-23T08:00:00+08:00' }),
    ).rejects.toMatchObject({ code: 'ASSET_NOT_FOUND' })
    expect(count(w, 'fault') + count(w, 'audit_log')).toBe(before)
    const f = await w.api.fault.create({ title: 'x', severity: 'P1', reportedAt: '2026-11-23T08:00:00+08:00' })
    await expect(event(f.id, 'recover', '07:00')).rejects.toMatchObject({ code: 'TIME_BEFORE_REPORT' })
    await expect(event(f.id, 'pause', '08:10')).rejects.toMatchObject({ code: 'TEXT_REQUIRED' })
    expect(w.services.faults.get(f.id).status).toBe('new')
  })

  it('keeps the timeline append-only in the database', async () => {
    const f = await w.api.fault.create({ title: 'x', severity: 'P1', reportedAt: '2026-11-23T08:00:00+08:00' })
    expect(() => w.db.prepare('UPDATE fault_event SET text = ? WHERE fault_id = ?').run('改', f.id)).toThrow(
      /append-only/,
    )
    expect(() => w.db.prepare('DELETE FROM fault_event WHERE fault_id = ?').run(f.id)).toThrow(/append-only/)
  })

  it('lists overdue faults and finds them by a Chinese word', async () => {
    await w.api.fault.create({ title: '统一业务系统登录缓慢', severity: 'P1', reportedAt: '2026-11-23T06:00:00+08:00' })
    await w.api.fault.create({ title: '打印机卡纸', severity: 'P5', reportedAt: '2026-11-23T08:55:00+08:00' })
    expect((await w.api.fault.list({ overdue: true })).items.map((f) => f.title)).toEqual(['统一业务系统登录缓慢'])
    expect((await w.api.fault.list({ q: '登录' })).items).toHaveLength(1)
    expect(await w.api.fault.stats()).toMatchObject({ open: 2, overdue: 1 })
  })
})

describe('milestones after recovery', () => {
  it('stops the arrival clock when the fault is recovered remotely: neither met nor missed', async () => {
    let f = await w.api.fault.create({ title: '远程恢复', severity: 'P2', reportedAt: '2026-11-23T08:30:00+08:00' })
    f = await event(f.id, 'recover', '08:38', { text: '远程重启服务' })
    expect(states(f)).toMatchObject({ respond: 'met', arrive: 'skipped', recover: 'met', analysis: 'running' })
  })
})

describe('progress updates', () => {
  it('expects an update every 30 minutes on a P1 (seed 001) and restarts the interval at each update', async () => {
    let f = await w.api.fault.create({ title: 'x', severity: 'P1', reportedAt: '2026-11-23T08:00:00+08:00' })
    expect(f.clock).toMatchObject({ lastUpdateAt: null, active: true })
    f = await event(f.id, 'progress', '08:40', { text: '已定位到认证服务' })
    expect(f.clock.lastUpdateAt).toBe('2026-11-23T08:40:00+08:00')
    const { progressDue } = await import('../../src/shared/faults/milestones')
    expect(
      progressDue(f.clock.level, Date.parse(f.clock.reportedAt), Date.parse(f.clock.lastUpdateAt!), f.clock.active),
    ).toBe(Date.parse('2026-11-23T09:10:00+08:00'))
    f = await event(f.id, 'recover', '08:55')
    expect(f.clock.active).toBe(false)
  })
})
