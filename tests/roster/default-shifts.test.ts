import { afterEach, describe, expect, it } from 'vitest'
import { RosterRepository } from '../../src/main/services/roster/repository'
import { RosterSetup } from '../../src/main/services/roster/setup'
import { dayType } from '../../src/shared/calendar/holidays'
import { monthDates, shiftApplies } from '../../src/shared/roster/rules'
import type { ServiceMode } from '../../src/shared/site/contract'
import { LEAD_PASSWORD, makeWorld, type World } from '../support/world'

let w: World
afterEach(() => w.close())

async function setUp(mode: ServiceMode) {
  w = makeWorld('2026-11-25T09:00:00+08:00')
  await w.api.auth.setup({
    site: {
      customerUnit: '海南省人民检察院',
      providerName: '',
      contractStart: '2026-01-01',
      contractEnd: '2026-12-31',
      serviceMode: mode,
      idleLockMinutes: 15,
    },
    admin: { username: 'zhangwei', displayName: '张伟', phone: '', password: LEAD_PASSWORD },
  })
  await w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })
  return (await w.api.roster.month({ month: '2026-10' })).shifts
}

describe('default shifts follow the service mode chosen at setup', () => {
  it('5×8: on site on working days and holidays, weekends on the duty phone counted as cover (seed 003 §3.2.4)', async () => {
    const shifts = await setUp('5x8')
    expect(shifts.map((s) => s.name)).toEqual(['白班', '夜间待命', '节假日值班', '周末电话值班'])
    expect(shifts.find((s) => s.name === '周末电话值班')).toMatchObject({
      kind: 'oncall',
      dayTypes: ['weekend'],
      holidayCover: true,
      start: 510,
      end: 1050,
    })
  })

  it('7×24: someone on site in the daytime on weekends and holidays, and on call every night', async () => {
    const shifts = await setUp('7x24')
    expect(shifts.map((s) => s.name)).toEqual(['白班', '夜间待命', '节假日值班'])
    expect(shifts.find((s) => s.name === '节假日值班')).toMatchObject({
      kind: 'onsite',
      dayTypes: ['weekend', 'holiday'],
    })
    expect(shifts.find((s) => s.name === '夜间待命')).toMatchObject({
      kind: 'oncall',
      dayTypes: ['workday', 'weekend', 'holiday'],
    })
  })

  for (const mode of ['5x8', '7x24'] as const) {
    it(`${mode}: every day of October 2026 (国庆, weekends, the 调休 Saturday 10-10) has a daytime shift`, async () => {
      const shifts = await setUp(mode)
      const { holidays } = await w.api.calendar.get()
      for (const date of monthDates('2026-10')) {
        const daytime = shifts.filter((s) => s.start === 510 && shiftApplies(s, date, holidays))
        expect(daytime, `${date} (${dayType(date, holidays)})`).toHaveLength(1)
      }
    })
  }

  it('leaves the shifts alone once the site has a roster', async () => {
    await setUp('5x8')
    const shift = (await w.api.roster.month({ month: '2026-10' })).shifts[0]!
    const me = (await w.api.auth.status()).user!.id
    await w.api.roster.setCell({ date: '2026-10-09', userId: me, shiftIds: [shift.id] })
    const before = w.services.roster.shifts()
    const setup = new RosterSetup(w.db, w.services.audit, new RosterRepository(w.db))
    expect(setup.useDefaultShifts('7x24')).toBe(false)
    expect(w.services.roster.shifts()).toEqual(before)
  })
})
