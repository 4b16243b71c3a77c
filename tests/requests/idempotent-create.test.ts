import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { count, makeWorld, setUpSite, type World } from '../support/world'

let w: World
let categoryId: number
beforeEach(async () => {
  w = makeWorld('2026-11-23T09:00:00+08:00')
  await setUpSite(w)
  await w.api.sla.usePreset({ key: 'hengqin' })
  categoryId = (await w.api.serviceLog.categories()).find((c) => c.name === '咨询')!.id
})
afterEach(() => w.close())

const entry = (requestId?: string) => ({
  serviceTime: '2026-11-23T08:50:00+08:00',
  channel: 'phone' as const,
  categoryId,
  content: '打印机无法连接',
  requestId,
})
const fault = (requestId?: string, reportedAt = '2026-11-23T08:55:00+08:00') => ({
  title: '统一业务系统无法登录',
  severity: 'P2',
  reportedAt,
  requestId,
})
const audits = (entity: string) =>
  (w.db.prepare('SELECT count(*) FROM audit_log WHERE entity = ?').pluck().get(entity) as number) ?? 0

describe('a save sent twice records once', () => {
  it('returns the first service-log entry for a repeated request id, with one entry and one audit row', async () => {
    const first = await w.api.serviceLog.create(entry('a1b2c3d4e5f60718293a4b5c6d7e8f90'))
    const second = await w.api.serviceLog.create(entry('a1b2c3d4e5f60718293a4b5c6d7e8f90'))
    expect(second).toEqual(first)
    expect(count(w, 'service_log')).toBe(1)
    expect(audits('serviceLog')).toBe(1)
  })

  it('records two entries for two request ids (two real saves of the same text)', async () => {
    await w.api.serviceLog.create(entry('11111111111111111111111111111111'))
    await w.api.serviceLog.create(entry('22222222222222222222222222222222'))
    expect(count(w, 'service_log')).toBe(2)
  })

  it('keeps one fault and one number (GZ-2026-0001) for a repeated request id', async () => {
    const first = await w.api.fault.create(fault('f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0'))
    const second = await w.api.fault.create(fault('f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0'))
    expect(second.id).toBe(first.id)
    expect(second.no).toBe('GZ-2026-0001')
    expect(count(w, 'fault')).toBe(1)
    expect(audits('fault')).toBe(1)
    const next = await w.api.fault.create(fault('abababababababababababababababab'))
    expect(next.no).toBe('GZ-2026-0002')
  })

  it('lets the same request id succeed after a refused first attempt (nothing was written)', async () => {
    await expect(
      w.api.fault.create(fault('cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd', '2026-11-23T12:00:00+08:00')),
    ).rejects.toMatchObject({
      code: 'TIME_IN_FUTURE',
    })
    expect(count(w, 'fault')).toBe(0)
    const ok = await w.api.fault.create(fault('cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd'))
    expect(ok.no).toBe('GZ-2026-0001')
    expect(count(w, 'fault')).toBe(1)
  })

  it('refuses a request id already used by another kind of save, changing nothing', async () => {
    await w.api.serviceLog.create(entry('99999999999999999999999999999999'))
    await expect(w.api.fault.create(fault('99999999999999999999999999999999'))).rejects.toMatchObject({
      code: 'REQUEST_ID_REUSED',
    })
    expect(count(w, 'fault')).toBe(0)
  })

  it('still creates without a request id (scripts and imports)', async () => {
    await w.api.serviceLog.create(entry())
    await w.api.serviceLog.create(entry())
    expect(count(w, 'service_log')).toBe(2)
  })
})
