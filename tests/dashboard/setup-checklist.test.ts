import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeWorld, setUpSite, type World } from '../support/world'

let w: World
beforeEach(async () => {
  w = makeWorld('2026-11-25T09:00:00+08:00')
  await setUpSite(w)
})
afterEach(() => w.close())

const open = async () => (await w.api.dashboard.setup()).filter((s) => !s.done).map((s) => s.key)

describe('首页 setup checklist of a fresh site', () => {
  it('lists engineers, systems, this month’s roster and next year’s holidays on a fresh site', async () => {
    expect(await open()).toEqual(['engineers', 'systems', 'roster', 'holidays'])
    const steps = await w.api.dashboard.setup()
    expect(steps.find((s) => s.key === 'holidays')!.title).toBe('录入 2027 年节假日安排')
  })

  it('ticks each step off from the records themselves, as they are entered', async () => {
    const engineer = await w.api.account.create({
      username: 'liqiang',
      displayName: '李强',
      role: 'engineer',
      phone: '',
      password: 'Field#2026ok',
    })
    await w.api.asset.create({ name: '统一业务应用系统', kind: 'system', tier: 3 })
    const shift = (await w.api.roster.month({ month: '2026-11' })).shifts[0]!
    await w.api.roster.setCell({ date: '2026-11-26', userId: engineer.id, shiftIds: [shift.id] })
    expect(await open()).toEqual(['holidays'])
    await w.api.calendar.importNotice({ text: '一、元旦：1月1日（周五）至3日（周日）放假，共3天。', year: 2027 })
    expect(await open()).toEqual([])
  })

  it('does not count a roster of another month as this month’s', async () => {
    const me = (await w.api.auth.status()).user!.id
    const shift = (await w.api.roster.month({ month: '2026-12' })).shifts[0]!
    await w.api.roster.setCell({ date: '2026-12-01', userId: me, shiftIds: [shift.id] })
    expect(await open()).toContain('roster')
  })
})

describe('next year’s holidays before the notice can exist', () => {
  it('does not ask for next year’s holidays in spring; asks from October', async () => {
    const spring = makeWorld('2026-03-10T09:00:00+08:00')
    try {
      await setUpSite(spring)
      const step = (await spring.api.dashboard.setup()).find((x) => x.key === 'holidays')!
      expect(step).toMatchObject({ done: true, detail: '2027 年的安排一般在年底公布，届时首页会提醒' })
    } finally {
      spring.close()
    }
    expect((await w.api.dashboard.setup()).find((x) => x.key === 'holidays')!.done).toBe(false)
  })
})
