import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pastEventProblem } from '../../src/shared/time/bounds'
import { parseIso, toSiteIso } from '../../src/shared/time/site-time'
import { count, makeWorld, setUpSite, type World } from '../support/world'

/** One rule for plausible dates (SPEC §3.12: impossible dates get a clear Chinese message and change nothing). */
describe('years are written with four digits', () => {
  it('pads years below 1000 instead of storing 1-01-01T…', () => {
    expect(toSiteIso(parseIso('0001-01-01T08:00:00+08:00')!)).toBe('0001-01-01T08:00:00+08:00')
    expect(toSiteIso(parseIso('0999-06-01T10:00:00+08:00')!)).toBe('0999-06-01T10:00:00+08:00')
  })
})

describe('the shared rule for times of things that already happened', () => {
  const now = parseIso('2026-11-23T09:00:00+08:00')!
  it('allows the site setup date minus one year up to now plus five minutes, across the year boundary', () => {
    expect(pastEventProblem('2025-11-23T00:00:00+08:00', now, '2026-11-23T09:00:00+08:00', '报告时间')).toBeNull()
    expect(pastEventProblem('2025-12-31T23:59:00+08:00', now, '2026-11-23T09:00:00+08:00', '报告时间')).toBeNull()
    expect(pastEventProblem('2026-11-23T09:05:00+08:00', now, '2026-11-23T09:00:00+08:00', '报告时间')).toBeNull()
  })
  it('refuses earlier or later with a sentence that says the bound', () => {
    expect(pastEventProblem('2025-11-22T23:59:00+08:00', now, '2026-11-23T09:00:00+08:00', '报告时间')).toEqual({
      code: 'TIME_TOO_EARLY',
      message: '报告时间不能早于 2025-11-23（站点启用或合同开始前一年），请检查年份',
    })
    expect(pastEventProblem('2026-11-23T09:06:00+08:00', now, null, '服务时间')).toMatchObject({
      code: 'TIME_IN_FUTURE',
      message: '服务时间不能晚于当前时间',
    })
    expect(pastEventProblem('1999-12-31T23:00:00+08:00', now, null, '报告时间')).toMatchObject({
      code: 'TIME_TOO_EARLY',
    })
  })
})

describe('through the contract and the services', () => {
  let w: World
  beforeEach(async () => {
    w = makeWorld('2026-11-23T09:00:00+08:00')
    await setUpSite(w)
    await w.api.sla.usePreset({ key: 'hengqin' })
  })
  afterEach(() => w.close())

  it('refuses year 0001 for a fault and for a service log with a Chinese message, writing nothing', async () => {
    const before = count(w, 'fault') + count(w, 'service_log') + count(w, 'audit_log')
    await expect(
      w.api.fault.create({ title: '年份错', severity: 'P3', reportedAt: '0001-01-01T08:00:00+08:00' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '年份应在 2000–2099 年之间' })
    const categoryId = (await w.api.serviceLog.categories())[0]!.id
    await expect(
      w.api.serviceLog.create({ serviceTime: '0000-01-01T08:00:00+08:00', channel: 'phone', categoryId, content: 'x' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(count(w, 'fault') + count(w, 'service_log') + count(w, 'audit_log')).toBe(before)
  })

  it('refuses a fault reported more than a year before the contract start (earlier than setup here), or in the future', async () => {
    await expect(
      w.api.fault.create({ title: '太早', severity: 'P3', reportedAt: '2024-06-01T08:00:00+08:00' }),
    ).rejects.toMatchObject({ code: 'TIME_TOO_EARLY', message: /不能早于 2025-01-01/ })
    await expect(
      w.api.fault.create({ title: '将来', severity: 'P3', reportedAt: '2026-11-24T08:00:00+08:00' }),
    ).rejects.toMatchObject({ code: 'TIME_IN_FUTURE' })
    await expect(
      w.api.fault.create({ title: '去年底补录', severity: 'P3', reportedAt: '2025-12-31T23:30:00+08:00' }),
    ).resolves.toMatchObject({ no: 'GZ-2025-0001' })
  })

  it('refuses a service time more than a year before setup', async () => {
    const categoryId = (await w.api.serviceLog.categories())[0]!.id
    await expect(
      w.api.serviceLog.create({ serviceTime: '2020-01-01T08:00:00+08:00', channel: 'phone', categoryId, content: 'x' }),
    ).rejects.toMatchObject({ code: 'TIME_TOO_EARLY', message: /服务时间不能早于 2025-01-01/ })
  })

  it('refuses a roster month or a holiday notice year outside 2000–2099 (0001-01, 1999-12, 2100-01), writing nothing', async () => {
    const before = count(w, 'audit_log')
    for (const month of ['0001-01', '1999-12', '2100-01']) {
      await expect(w.api.roster.month({ month })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: '年份应在 2000–2099 年之间',
      })
      await expect(w.api.roster.saveRules({ month, minRestHours: 8, swapNeedsApproval: false })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: '年份应在 2000–2099 年之间',
      })
      await expect(w.api.roster.publish({ month })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    }
    const text = '国务院办公厅关于2100年部分节假日安排的通知 一、元旦：1月1日放假，共1天。'
    await expect(w.api.calendar.importNotice({ text, year: 2100 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '年份应在 2000–2099 年之间',
    })
    expect(count(w, 'audit_log')).toBe(before)
    await expect(w.api.roster.month({ month: '2099-12' })).resolves.toMatchObject({ month: '2099-12' })
  })
})
