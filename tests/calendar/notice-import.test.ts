import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dayType } from '../../src/shared/calendar/holidays'
import { count, makeWorld, setUpSite, type World } from '../support/world'

/** 2027 is not in the bundled data: the lead pastes the notice when it is published. */
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（周六）至13日（周六）放假调休，共8天。1月31日（周日）、2月20日（周六）上班。`

let w: World
beforeEach(async () => {
  w = makeWorld()
  await setUpSite(w)
})
afterEach(() => w.close())

describe('importing the State Council notice in 站点设置', () => {
  it('saves the notice’s holidays and 调休 workdays so the calendar counts them', async () => {
    const cal = await w.api.calendar.importNotice({ text: NOTICE_2027, year: 2027 })
    expect(dayType('2027-02-08', cal.holidays)).toBe('holiday')
    expect(dayType('2027-02-20', cal.holidays)).toBe('workday')
    expect(cal.holidays.workdays['2027-01-31']).toBe('春节')
    expect(Object.keys(cal.holidays.holidays).filter((d) => d.startsWith('2027'))).toHaveLength(11)
  })

  it('imported twice gives the same calendar, and a day typed by hand earlier is reset to its weekday', async () => {
    await w.api.calendar.saveOverride({ date: '2027-03-01', kind: 'holiday', name: '误录' })
    await w.api.calendar.importNotice({ text: NOTICE_2027, year: 2027 })
    const again = await w.api.calendar.importNotice({ text: NOTICE_2027, year: 2027 })
    expect(dayType('2027-03-01', again.holidays)).toBe('workday')
    expect(Object.keys(again.holidays.holidays).filter((d) => d.startsWith('2027'))).toHaveLength(11)
  })

  it('refuses bad text with a Chinese message and writes nothing, not even an audit row', async () => {
    const audits = count(w, 'audit_log')
    const overrides = count(w, 'holiday_override')
    await expect(
      w.api.calendar.importNotice({ text: '一、元旦：1月1日（周四）至3日（周六）放假，共3天。', year: 2027 }),
    ).rejects.toMatchObject({ message: expect.stringContaining('标注为周四') })
    expect(count(w, 'holiday_override')).toBe(overrides)
    expect(count(w, 'audit_log')).toBe(audits)
  })
})
