import { describe, expect, it } from 'vitest'
import { shippedHolidays } from '../../src/shared/calendar/holidays'
import { parseHolidayNotice } from '../../src/shared/calendar/holiday-notice'

const data = shippedHolidays(2020)
const WEEK = '日一二三四五六'
const OFFICIAL: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' }
const NUMERALS = '一二三四五六七八九十'
const wd = (d: string) => WEEK[new Date(`${d}T00:00:00Z`).getUTCDay()]
const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`
const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/**
 * Writes the State Council's notice for a year in its official shape, from the
 * bundled chinese-days data: one section per run of consecutive holidays, the
 * 调休 workdays of that festival after it.
 */
function officialNotice(year: number): string {
  const days = Object.keys(data.holidays)
    .filter((d) => d.startsWith(String(year)))
    .sort()
  const runs: string[][] = []
  for (const d of days) {
    const run = runs.at(-1)
    if (run && next(run.at(-1)!) === d) run.push(d)
    else runs.push([d])
  }
  const lines = runs.map((run, i) => {
    const names = [...new Set(run.map((d) => data.holidays[d]!))]
    const title = names.map((n) => OFFICIAL[n] ?? n).join('、')
    const [a, b] = [run[0]!, run.at(-1)!]
    const work = Object.keys(data.workdays)
      .filter((d) => names.includes(data.workdays[d]!) && Math.abs(Date.parse(d) - Date.parse(a)) < 40 * 86_400_000)
      .sort()
    const span =
      run.length === 1
        ? `${md(a)}（周${wd(a)}）放假`
        : `${md(a)}（周${wd(a)}）至${a.slice(5, 7) === b.slice(5, 7) ? `${Number(b.slice(8))}日` : md(b)}（周${wd(b)}）放假${work.length ? '调休' : ''}`
    const workText = work.length ? `${work.map((d) => `${md(d)}（周${wd(d)}）`).join('、')}上班。` : ''
    return `${NUMERALS[i]}、${title}：${span}，共${run.length}天。${workText}`
  })
  return [
    `国务院办公厅关于${year}年部分节假日安排的通知`,
    '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
    `经国务院批准，现将${year}年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。`,
    ...lines,
    '节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。',
  ].join('\n')
}

const ofYear = (rec: Record<string, string>, year: number) =>
  Object.fromEntries(Object.entries(rec).filter(([d]) => d.startsWith(String(year))))

function parsed(text: string, year = 2026) {
  const r = parseHolidayNotice(text, year)
  if (!r.ok) throw new Error(r.error)
  return r.notice
}

describe('State Council holiday notice, pasted by the lead', () => {
  for (const year of [2024, 2025, 2026]) {
    it(`reads the official ${year} notice back into exactly the bundled holidays and 调休 workdays`, () => {
      const n = parsed(officialNotice(year), 1999)
      expect(n.year).toBe(year)
      expect(Object.keys(n.holidays).sort()).toEqual(Object.keys(ofYear(data.holidays, year)).sort())
      expect(n.workdays).toEqual(ofYear(data.workdays, year))
      // a combined section (2025 国庆节、中秋节) names the festival of each of its days
      for (const [d, name] of Object.entries(ofYear(data.holidays, year))) {
        const section = n.sections.find((s) => s.holidays.includes(d))!
        expect(section.title.split('、').map((x) => x.replace(/节$/, ''))).toContain(name.replace(/节$/, ''))
      }
    })
  }

  it('names 2026 元旦 1月1日–3日 as holidays and 1月4日 (Sunday) as a 调休 workday', () => {
    const n = parsed('一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。')
    expect(n.holidays).toEqual({ '2026-01-01': '元旦', '2026-01-02': '元旦', '2026-01-03': '元旦' })
    expect(n.workdays).toEqual({ '2026-01-04': '元旦' })
  })

  it('accepts ASCII punctuation, full-width digits and line breaks in the middle of a sentence', () => {
    const text =
      '二、春节: 2月15日(周日)至\n２３日(周一)放假调休,共9天.\n2月14日(周六),2月28日(周六)\n上班;\n三、清明节:4月4日(星期六)-6日(星期一)放假,共3天'
    const n = parsed(text)
    expect(Object.keys(n.holidays)).toHaveLength(12)
    expect(n.holidays['2026-02-23']).toBe('春节')
    expect(n.holidays['2026-04-06']).toBe('清明')
    expect(n.workdays).toEqual({ '2026-02-14': '春节', '2026-02-28': '春节' })
  })

  it('reads the lunar dates the real notice puts in the brackets beside the weekday', () => {
    const n = parsed(
      '二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。',
    )
    expect(Object.keys(n.holidays)).toEqual(
      Object.keys(ofYear(data.holidays, 2026)).filter((d) => d.slice(5, 7) === '02'),
    )
    expect(Object.keys(n.workdays)).toEqual(['2026-02-14', '2026-02-28'])
  })

  it('reads a 跨年 range 「12月31日至1月2日」 as the old year’s last day and the new year’s first two', () => {
    const n = parsed('国务院办公厅关于2023年部分节假日安排的通知\n一、元旦：12月31日至1月2日放假调休，共3天。')
    expect(Object.keys(n.holidays).sort()).toEqual(['2022-12-31', '2023-01-01', '2023-01-02'])
    expect(Object.keys(n.holidays).sort()).toEqual(
      Object.keys(data.holidays)
        .filter((d) => d >= '2022-12-31' && d <= '2023-01-02')
        .sort(),
    )
  })

  it('takes an explicit year over the default and reads one-day festivals without a range', () => {
    const n = parsed(
      '一、元旦：2025年1月1日（周三）放假1天，不调休。\n五、端午节：6月19日（周五）至21日（周日）放假，共3天。',
    )
    expect(n.holidays['2025-01-01']).toBe('元旦')
    expect(n.holidays['2026-06-20']).toBe('端午')
  })

  it('refuses a weekday that does not match the date (the notice of another year) with a clear message', () => {
    const r = parseHolidayNotice('一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。1月4日（周日）上班。', 2026)
    expect(r).toEqual({ ok: false, error: expect.stringContaining('1月1日标注为周五，但 2026 年的1月1日是周四') })
  })

  it('refuses a day count that does not match the range', () => {
    const r = parseHolidayNotice('七、国庆节：10月1日（周四）至7日（周三）放假调休，共8天。', 2026)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContain('共8天')
  })

  it('refuses text that is not a notice, impossible dates and festivals listed twice', () => {
    for (const text of [
      '',
      '   ',
      '明天开会，请准时参加。',
      '一、元旦：2月30日放假。',
      '一、元旦：1月1日放假。二、元旦：1月2日放假。',
    ]) {
      const r = parseHolidayNotice(text, 2026)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error).toMatch(/[\u4e00-\u9fa5]/)
    }
  })
})
