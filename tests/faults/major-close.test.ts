import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeWorld, setUpSite, type World } from '../support/world'

/** Seed 003 §3.2.12.5: a major fault's emergency flow ends with its forms and the evaluation. */
let w: World
beforeEach(async () => {
  w = makeWorld('2026-11-23T09:00:00+08:00')
  await setUpSite(w)
  await w.api.sla.usePreset({ key: 'hainan-procuratorate' })
})
afterEach(() => w.close())

const at = (hm: string) => `2026-11-23T${hm}:00+08:00`
async function recoveredMajor() {
  const f = await w.api.fault.create({ title: '全院统一业务系统中断', severity: 'L1', reportedAt: at('08:00') })
  expect(f.major).toBe(true)
  await w.api.fault.addEvent({ faultId: f.id, kind: 'respond', at: at('08:05') })
  return w.api.fault.addEvent({ faultId: f.id, kind: 'recover', at: at('08:40'), text: '切换备用库' })
}
const close = (faultId: number, closeReason?: string) =>
  w.api.fault.addEvent({ faultId, kind: 'analysis', at: at('08:55'), text: '原因：主库磁盘满', closeReason })
const FORM = (kind: string, data: Record<string, string>) => ({ kind, data })

describe('closing a 一级 (major) fault', () => {
  it('refuses to close with 故障原因 empty and the emergency forms 未填写, changing nothing', async () => {
    const f = await recoveredMajor()
    await expect(close(f.id)).rejects.toMatchObject({ code: 'MAJOR_CLOSE_INCOMPLETE' })
    const after = await w.api.fault.get({ id: f.id })
    expect(after.status).toBe('recovered')
    expect(after.events).toHaveLength(f.events.length)
  })

  it('names what is missing: the cause and 启动应急流程申请单, 应急处理过程记录, 应急流程评估单', async () => {
    const f = await recoveredMajor()
    const err = await close(f.id).then(
      () => ({ message: 'closed' }),
      (e: { message: string }) => e,
    )
    expect(err.message).toContain('故障原因')
    expect(err.message).toContain('启动应急流程申请单')
    expect(err.message).toContain('应急处理过程记录')
    expect(err.message).toContain('应急流程评估单')
    expect(err.message).not.toContain('资源申请单')
  })

  it('closes once the cause and the three forms are recorded', async () => {
    const f = await recoveredMajor()
    await w.api.fault.addEvent({ faultId: f.id, kind: 'root_cause', at: at('08:45'), text: '主库磁盘满' })
    for (const form of [
      FORM('start_request', { category: '关键业务中断', approver: '王处长' }),
      FORM('process_record', { plan: '切换备用库', result: '已恢复' }),
      FORM('evaluation', { verdict: '达到要求' }),
    ])
      await w.api.fault.saveForm({ faultId: f.id, ...form })
    const closed = await close(f.id)
    expect(closed.status).toBe('closed')
  })

  it('does not count a form saved with every field blank', async () => {
    const f = await recoveredMajor()
    await w.api.fault.addEvent({ faultId: f.id, kind: 'root_cause', at: at('08:45'), text: '主库磁盘满' })
    await w.api.fault.saveForm({ faultId: f.id, kind: 'start_request', data: {} })
    await w.api.fault.saveForm({ faultId: f.id, kind: 'process_record', data: { plan: '切换' } })
    await w.api.fault.saveForm({ faultId: f.id, kind: 'evaluation', data: { verdict: '达到要求' } })
    await expect(close(f.id)).rejects.toMatchObject({ code: 'MAJOR_CLOSE_INCOMPLETE' })
  })

  it('closes with an explicit reason instead, and the reason and the gaps stand in the timeline', async () => {
    const f = await recoveredMajor()
    const closed = await close(f.id, '客户书面确认本次不启动应急流程')
    expect(closed.status).toBe('closed')
    const note = closed.events.find((e) => e.kind === 'note')!
    expect(note.text).toContain('客户书面确认本次不启动应急流程')
    expect(note.text).toContain('应急流程评估单')
    expect(note.actorName).toBe('张伟')
  })

  it('asks nothing extra of a fault that is not major', async () => {
    const f = await w.api.fault.create({ title: '打印机卡纸', severity: 'L4', reportedAt: at('08:00') })
    await w.api.fault.addEvent({ faultId: f.id, kind: 'recover', at: at('08:20') })
    expect((await close(f.id)).status).toBe('closed')
  })
})
