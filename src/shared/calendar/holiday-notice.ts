/**
 * Reads the State Council's yearly notice (国务院办公厅关于××年部分节假日安排的通知)
 * as pasted by the lead, e.g.
 *   一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
 * into holidays and 调休 make-up workdays. Pure: the same function previews the
 * result in the renderer and saves it in main, so what is confirmed is what is saved.
 *
 * Tolerant of what copying from a web page or a PDF does to the text: full-width or
 * ASCII digits and brackets, "至/到/-/—/～" for ranges, any punctuation between
 * sentences, line breaks anywhere, and ranges across the new year
 * (「12月31日至1月2日」). Strict about what would silently corrupt the calendar: a
 * weekday in brackets that does not match the date, a day count (共N天) that does
 * not match the range, impossible dates, a festival listed twice.
 */
export interface NoticeSection {
  /** as the notice names it, e.g. 国庆节、中秋节 */
  title: string
  /** the name stored for its days, in the shipped data's words (清明, 端午, 国庆节 …); the first festival of a combined section */
  name: string
  holidays: string[]
  workdays: string[]
}

export interface ParsedNotice {
  year: number
  sections: NoticeSection[]
  /** date → festival name */
  holidays: Record<string, string>
  /** 调休 date → festival name */
  workdays: Record<string, string>
}

export type NoticeResult = { ok: true; notice: ParsedNotice } | { ok: false; error: string }

/** The notice's names and the short names the shipped data uses for the same festival. */
const FESTIVALS: [RegExp, string][] = [
  [/^元旦$/, '元旦'],
  [/^春节$/, '春节'],
  [/^清明节?$/, '清明'],
  [/^(劳动节|五一)$/, '劳动节'],
  [/^端午节?$/, '端午'],
  [/^中秋节?$/, '中秋'],
  [/^国庆节?$/, '国庆节'],
]
const FESTIVAL_WORD = '(?:元旦|春节|清明节?|劳动节|五一|端午节?|中秋节?|国庆节?)'
const HEADER = new RegExp(
  `(?:[一二三四五六七八九十]+\\s*[、.．]\\s*)?(${FESTIVAL_WORD}(?:\\s*[、，,和与及]\\s*${FESTIVAL_WORD})*)\\s*[：:]`,
  'g',
)
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*[（(]([^）)]*)[）)])?/g
const RANGE_JOIN = /^\s*(?:至|到|[-—–~～]+)\s*$/
const WEEKDAYS = '日一二三四五六'

function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+/g, ' ')
}

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`
const cn = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()

function nextDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`)
  t.setUTCDate(t.getUTCDate() + 1)
  return t.toISOString().slice(0, 10)
}

class NoticeError extends Error {}

interface DateToken {
  date: string
  start: number
  end: number
}

/**
 * The dates of one section, in order. A month carries over from the date before
 * ("1月1日至3日"); a date without a year belongs to the notice's year, except a
 * December date in a section whose days are otherwise in January (元旦 across the
 * new year) and a January date after a December one in the same range.
 */
function sectionDates(body: string, year: number, title: string): DateToken[] {
  const out: DateToken[] = []
  let month: number | null = null
  let lastYear: number | null = null
  for (const m of body.matchAll(DATE)) {
    const explicitYear = m[1] ? Number(m[1]) : null
    if (m[2]) month = Number(m[2])
    if (month === null) throw new NoticeError(`“${title}”中的“${m[0]}”缺少月份`)
    const day = Number(m[3])
    let y = explicitYear ?? year
    if (explicitYear === null) {
      const prev = out.at(-1)
      if (prev && lastYear !== null && month < Number(prev.date.slice(5, 7)) - 6) y = lastYear + 1
      else if (prev && lastYear !== null) y = lastYear
      else if (month === 12 && /(^|[^0-9])1\s*月/.test(body)) y = year - 1
    }
    if (!validDate(y, month, day)) throw new NoticeError(`“${title}”中的日期“${m[0].trim()}”不存在`)
    const date = iso(y, month, day)
    const note = m[4]?.match(/(?:周|星期)([日天一二三四五六])/)
    if (note) {
      const said = WEEKDAYS.indexOf(note[1] === '天' ? '日' : note[1]!)
      if (said !== weekdayOf(date))
        throw new NoticeError(
          `“${title}”中${cn(date)}标注为周${note[1]}，但 ${y} 年的${cn(date)}是周${WEEKDAYS[weekdayOf(date)]}。请确认年份和日期`,
        )
    }
    lastYear = y
    out.push({ date, start: m.index, end: m.index + m[0].length })
  }
  return out
}

function parseSection(title: string, body: string, year: number): NoticeSection {
  const names = title.split(/\s*[、，,和与及]\s*/).map((t) => FESTIVALS.find(([re]) => re.test(t))![1])
  const name = names[0]!
  const tokens = sectionDates(body, year, title)
  const restAt = body.indexOf('放假')
  if (restAt < 0) throw new NoticeError(`“${title}”中没有找到“放假”，无法确定放假日期`)
  const before = tokens.filter((t) => t.end <= restAt)
  const after = tokens.filter((t) => t.start > restAt)
  if (before.length === 0) throw new NoticeError(`“${title}”中“放假”之前没有日期`)
  if (before.length > 2) throw new NoticeError(`“${title}”的放假日期应为一天或“某日至某日”`)
  const holidays: string[] = []
  const [first, last] = [before[0]!, before.at(-1)!]
  if (before.length === 2 && !RANGE_JOIN.test(body.slice(first.end, last.start)))
    throw new NoticeError(`“${title}”的放假日期应写成“某日至某日”`)
  if (last.date < first.date) throw new NoticeError(`“${title}”的放假结束日期早于开始日期`)
  for (let d = first.date, i = 0; d <= last.date && i < 40; d = nextDay(d), i++) holidays.push(d)
  if (holidays.at(-1) !== last.date) throw new NoticeError(`“${title}”的放假时间超过 40 天，请检查日期`)
  const total = body.match(/共\s*(\d+)\s*天/)
  if (total && Number(total[1]) !== holidays.length)
    throw new NoticeError(
      `“${title}”写明共${total[1]}天，但${cn(first.date)}至${cn(last.date)}是 ${holidays.length} 天。请检查日期`,
    )
  if (after.length && !/上班/.test(body.slice(after[0]!.start)))
    throw new NoticeError(`“${title}”中放假之后的日期没有写明“上班”`)
  const workdays = after.map((t) => t.date)
  for (const w of workdays) if (holidays.includes(w)) throw new NoticeError(`“${title}”中${cn(w)}既是放假日又是上班日`)
  return { title: title.replace(/\s+/g, ''), name, holidays, workdays }
}

/** Parses a pasted notice; `defaultYear` is used when the text does not name its year. */
export function parseHolidayNotice(text: string, defaultYear: number): NoticeResult {
  try {
    const src = normalise(text ?? '')
    if (!src.trim()) throw new NoticeError('请粘贴国务院办公厅节假日安排通知的正文')
    if (src.length > 20_000) throw new NoticeError('粘贴的文字过长，请只粘贴通知正文')
    const named = src.match(/(\d{4})\s*年\s*(?:部分)?节假日安排/)
    const year = named ? Number(named[1]) : defaultYear
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new NoticeError('年份无效')
    const headers = [...src.matchAll(HEADER)]
    if (!headers.length)
      throw new NoticeError(
        '没有识别到节日安排。请粘贴形如“一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。”的正文',
      )
    const sections: NoticeSection[] = []
    const holidays: Record<string, string> = {}
    const workdays: Record<string, string> = {}
    headers.forEach((h, i) => {
      const bodyEnd = headers[i + 1]?.index ?? src.length
      const section = parseSection(h[1]!, src.slice(h.index + h[0].length, bodyEnd), year)
      if (sections.some((s) => s.name === section.name)) throw new NoticeError(`“${section.title}”出现了两次`)
      for (const d of [...section.holidays, ...section.workdays])
        if (holidays[d] !== undefined || workdays[d] !== undefined)
          throw new NoticeError(`${cn(d)}同时出现在“${section.title}”和另一个节日中`)
      for (const d of section.holidays) holidays[d] = section.name
      for (const d of section.workdays) workdays[d] = section.name
      sections.push(section)
    })
    const inYear = Object.keys(holidays).filter((d) => d.startsWith(String(year)))
    if (!inYear.length) throw new NoticeError(`没有识别到 ${year} 年的放假日期`)
    return { ok: true, notice: { year, sections, holidays, workdays } }
  } catch (e) {
    if (e instanceof NoticeError) return { ok: false, error: e.message }
    throw e
  }
}
