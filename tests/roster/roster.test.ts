import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LEAD_PASSWORD, makeWorld, setUpSite, type World } from '../support/world'

let w: World
let ids: Record<string, number>
const PW = 'Field#2026ok'
beforeEach(async () => {
  w = makeWorld('2026-09-20T10:00:00+08:00')
  await setUpSite(w)
  ids = { 张伟: (await w.api.auth.status()).user!.id }
  for (const [username, name] of [
    ['liqiang', '李强'],
    ['wangfang', '王芳'],
    ['chenjie', '陈杰'],
  ]) {
    ids[name!] = (
      await w.api.account.create({
        username: username!,
        displayName: name!,
        role: 'engineer',
        phone: '1390000',
        password: PW,
      })
    ).id
  }
  const team = [ids.张伟!, ids.李强!, ids.王芳!, ids.陈杰!]
  const shifts = (await w.api.roster.month({ month: '2026-10' })).shifts
  for (const s of shifts)
    await w.api.roster.saveRotation({
      name: `${s.name}轮换`,
      shiftId: s.id,
      engineerIds: team,
      periodDays: s.kind === 'oncall' ? 7 : 1,
      startDate: '2026-10-01',
    })
  for (const r of await w.api.roster.rotations()) await w.api.roster.generate({ month: '2026-10', rotationId: r.id })
})
afterEach(() => w.close())

const as = async (username: string) => {
  await w.api.auth.logout()
  await w.api.auth.login({ username, password: username === 'zhangwei' ? LEAD_PASSWORD : PW })
}

describe('the October 2026 roster', () => {
  it('generates a month with no rule broken, the 国庆 holidays covered', async () => {
    const m = await w.api.roster.month({ month: '2026-10' })
    expect(m.violations).toEqual([])
    expect(m.days.find((d) => d.date === '2026-10-01')).toMatchObject({ dayType: 'holiday', holidayName: '国庆节' })
    const holidayShift = m.shifts.find((s) => s.name === '节假日值班')!
    expect(m.assignments.filter((a) => a.shiftId === holidayShift.id).map((a) => a.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ])
  })

  it('refuses to publish while a holiday has no cover, names the day, and publishes once fixed', async () => {
    let m = await w.api.roster.month({ month: '2026-10' })
    const onDuty = m.assignments.filter((a) => a.date === '2026-10-03')
    for (const a of onDuty) await w.api.roster.setCell({ date: a.date, userId: a.userId, shiftIds: [] })
    m = await w.api.roster.month({ month: '2026-10' })
    expect(m.violations.map((v) => v.rule)).toContain('holiday')
    await expect(w.api.roster.publish({ month: '2026-10' })).rejects.toMatchObject({
      code: 'ROSTER_VIOLATIONS',
      message: expect.stringContaining('2026-10-03'),
    })
    const holidayShift = m.shifts.find((s) => s.name === '节假日值班')!
    const nightShift = m.shifts.find((s) => s.name === '夜间待命')!
    await w.api.roster.setCell({ date: '2026-10-03', userId: ids.王芳!, shiftIds: [holidayShift.id, nightShift.id] })
    m = await w.api.roster.publish({ month: '2026-10' })
    expect(m.violations).toEqual([])
    expect(m.publication).toMatchObject({ version: 1, publishedBy: '张伟', overrideReason: null })
  })

  it('records changes to a published month with who and why, and asks for the why', async () => {
    const m = await w.api.roster.publish({ month: '2026-10' })
    const a = m.assignments.find((x) => x.date === '2026-10-20')!
    await expect(w.api.roster.setCell({ date: a.date, userId: a.userId, shiftIds: [] })).rejects.toMatchObject({
      code: 'REASON_REQUIRED',
    })
    const after = await w.api.roster.setCell({
      date: a.date,
      userId: ids.陈杰!,
      shiftIds: [a.shiftId],
      reason: '李强外出培训',
    })
    expect(after.changes).toEqual([
      expect.objectContaining({ by: '张伟', reason: '李强外出培训', what: expect.stringContaining('2026-10-20 陈杰') }),
    ])
  })

  it('lets the lead publish over violations only with a recorded reason', async () => {
    const m = await w.api.roster.month({ month: '2026-10' })
    const a = m.assignments.find((x) => x.date === '2026-10-10')!
    await w.api.roster.setCell({ date: a.date, userId: a.userId, shiftIds: [] })
    const published = await w.api.roster.publish({ month: '2026-10', overrideReason: '10 日由客户方值班' })
    expect(published.publication).toMatchObject({ overrideReason: '10 日由客户方值班' })
  })

  it('respects leave when generating: the next engineer in the cycle covers', async () => {
    await w.api.roster.addLeave({ userId: ids.李强!, kind: '年假', from: '2026-10-12', to: '2026-10-16' })
    for (const r of await w.api.roster.rotations()) await w.api.roster.generate({ month: '2026-10', rotationId: r.id })
    const m = await w.api.roster.month({ month: '2026-10' })
    expect(
      m.assignments.filter((a) => a.userId === ids.李强! && a.date >= '2026-10-12' && a.date <= '2026-10-16'),
    ).toEqual([])
    expect(m.violations).toEqual([])
  })
})

describe('swaps', () => {
  it('goes proposal → acceptance → approval, then the roster changes and the trail is kept', async () => {
    const m = await w.api.roster.month({ month: '2026-10' })
    const day = m.shifts.find((s) => s.name === '白班')!
    const mine = m.assignments.find((a) => a.userId === ids.李强! && a.shiftId === day.id && a.date > '2026-10-08')!
    const theirs = m.assignments.find((a) => a.userId === ids.王芳! && a.shiftId === day.id && a.date > mine.date)!
    await as('liqiang')
    let swaps = await w.api.roster.proposeSwap({
      assignmentId: mine.id,
      toUserId: ids.王芳!,
      otherAssignmentId: theirs.id,
      reason: '孩子家长会',
    })
    await expect(w.api.roster.answerSwap({ swapId: swaps[0]!.id, action: 'accept' })).rejects.toMatchObject({
      code: 'SWAP_NOT_ALLOWED',
    })
    await as('wangfang')
    swaps = await w.api.roster.answerSwap({ swapId: swaps[0]!.id, action: 'accept' })
    expect(swaps[0]!.status).toBe('accepted')
    await as('zhangwei')
    swaps = await w.api.roster.answerSwap({ swapId: swaps[0]!.id, action: 'approve' })
    expect(swaps[0]).toMatchObject({
      status: 'approved',
      trail: [expect.anything(), expect.objectContaining({ by: '王芳' }), expect.objectContaining({ by: '张伟' })],
    })
    const after = await w.api.roster.month({ month: '2026-10' })
    expect(after.assignments.find((a) => a.id === mine.id)!.userId).toBe(ids.王芳)
    expect(after.assignments.find((a) => a.id === theirs.id)!.userId).toBe(ids.李强)
    expect(after.violations).toEqual([])
  })

  it('refuses a swap that would break a rule, with the rule', async () => {
    const m = await w.api.roster.month({ month: '2026-10' })
    const holiday = m.shifts.find((s) => s.name === '节假日值班')!
    const a = m.assignments.find((x) => x.shiftId === holiday.id && x.date === '2026-10-02')!
    const other = m.engineers.find((e) => e.id !== a.userId)!
    await w.api.roster.addLeave({ userId: other.id, kind: '请假', from: '2026-10-02', to: '2026-10-02' })
    await expect(
      w.api.roster.proposeSwap({ assignmentId: a.id, toUserId: other.id, reason: '有事' }),
    ).rejects.toMatchObject({ code: 'SWAP_BREAKS_RULE', message: expect.stringContaining('请假') })
  })
})

describe('duty and statistics', () => {
  it("shows today's duty and counts holiday and night shifts per person", async () => {
    w.clock.set('2026-10-01T10:00:00+08:00')
    const duty = await w.api.roster.duty()
    expect(duty.today.map((d) => d.shiftName)).toEqual(['夜间待命', '节假日值班'])
    const stats = await w.api.roster.stats({ from: '2026-10-01', to: '2026-10-31' })
    expect(stats.reduce((t, s) => t + s.holiday, 0)).toBe(14)
    expect(stats.reduce((t, s) => t + s.night, 0)).toBe(31)
  })

  it('exports the month as xlsx and audits the export', async () => {
    const file = await w.api.roster.exportXlsx({ month: '2026-10' })
    expect(file.fileName).toBe('2026年10月值班表.xlsx')
    const { default: ExcelJS } = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    expect(String(wb.worksheets[0]!.getCell('A1').value)).toContain('2026年10月值班表')
    expect(
      w.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'export' AND entity = 'roster'").pluck().get(),
    ).toBe(1)
  })
})

describe('site rules', () => {
  it('applies a swap at once when the lead turns approval off', async () => {
    await w.api.roster.saveRules({ month: '2026-10', minRestHours: 8, swapNeedsApproval: false })
    const m = await w.api.roster.month({ month: '2026-10' })
    const day = m.shifts.find((s) => s.name === '白班')!
    const mine = m.assignments.find((a) => a.userId === ids.李强! && a.shiftId === day.id && a.date > '2026-10-08')!
    await as('liqiang')
    const [swap] = await w.api.roster.proposeSwap({ assignmentId: mine.id, toUserId: ids.陈杰!, reason: '代班' })
    await as('chenjie')
    expect((await w.api.roster.answerSwap({ swapId: swap!.id, action: 'accept' }))[0]!.status).toBe('approved')
    expect((await w.api.roster.month({ month: '2026-10' })).assignments.find((a) => a.id === mine.id)!.userId).toBe(
      ids.陈杰,
    )
  })
})

describe('weekends are 节假日 for cover (seed 003 §3.2.4 「周六、日及其它法定节假日…安排至少 1 个工程师值班」)', () => {
  it('ships a 周末电话值班 that covers weekend daytime, and shows the Saturday left without it', async () => {
    let m = await w.api.roster.month({ month: '2026-10' })
    const weekend = m.shifts.find((s) => s.name === '周末电话值班')!
    expect(weekend).toMatchObject({ kind: 'oncall', dayTypes: ['weekend'], holidayCover: true, start: 510, end: 1050 })
    // 2026-10-10 is a Saturday but a 调休 workday; 10-17 is an ordinary Saturday.
    expect(m.assignments.filter((a) => a.shiftId === weekend.id).map((a) => a.date)).not.toContain('2026-10-10')
    const sat = m.assignments.find((a) => a.shiftId === weekend.id && a.date === '2026-10-17')!
    const night = m.shifts.find((s) => s.name === '夜间待命')!
    // The same engineer keeps the night on-call that Saturday; only the daytime phone duty goes.
    await w.api.roster.setCell({ date: sat.date, userId: sat.userId, shiftIds: [night.id] })
    m = await w.api.roster.month({ month: '2026-10' })
    expect(m.violations.filter((v) => v.rule === 'holiday')).toEqual([
      expect.objectContaining({ date: '2026-10-17', message: expect.stringContaining('周六') }),
    ])
    // The night on-call alone is not 节假日值班 unless the lead marks that shift so.
    await w.api.roster.saveShift({ ...night, holidayCover: true })
    m = await w.api.roster.month({ month: '2026-10' })
    expect(m.violations.filter((v) => v.rule === 'holiday')).toEqual([])
  })

  it('lists weekends with phone numbers in the 节假日值班表, and leaves 调休 Saturdays out', async () => {
    const { holidayDutyRows } = await import('../../src/shared/roster/holiday-table')
    const m = await w.api.roster.month({ month: '2026-10' })
    const rows = holidayDutyRows([m], '2026-10-01', '2026-10-18')
    expect(rows.map((r) => `${r.date} ${r.name}`)).toEqual([
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d} 国庆节`),
      '2026-10-11 周末',
      '2026-10-17 周末',
      '2026-10-18 周末',
    ])
    const sat = rows.find((r) => r.date === '2026-10-17')!
    expect(sat.lines.find((l) => l.shift === '周末电话值班')).toMatchObject({
      time: '08:30–17:30',
      people: expect.stringMatching(/^(张伟|李强|王芳|陈杰) \d+/),
    })
  })
})
