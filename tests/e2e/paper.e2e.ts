/// <reference lib="dom" />
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, generateDemoData } from '../../scripts/demo-data'
import { rosterWorkbook } from '../../src/main/services/roster/export'
import { formatDateCn, toSiteIso } from '../../src/shared/time/site-time'
import { tempDir } from '../support/world'
import { expect, month31From, test, useSite } from './fixtures'
import { LoginScreen } from './pages'

/**
 * Paper as the reader gets it: every print view through Chromium's PDF, every
 * export through LibreOffice, each page as a PNG in artifacts/paper/ to look at.
 */
test.use({ viewport: { width: 1366, height: 768 } })

const OUT = 'artifacts/paper'
// A month of demo records at the suite's date; the 值班表 printed is the widest month from then on.
const site = useSite({
  setUp: false,
  prepare: (dataDir, now) => generateDemoData(dataDir, { now, days: 30, perDay: 3 }),
})
let handoverId: number
let month: string

test.beforeAll(() => {
  mkdirSync(OUT, { recursive: true })
  month = month31From(site.now())
  const { auth, handovers, accounts, roster } = site.services
  auth.login('zhangwei', DEMO_PASSWORD)
  const lead = auth.currentActor()!
  // Put a two-shift day in the month (白班 and 夜间 for one person) to see how it prints.
  const day = roster.month(month)
  const shifts = day.shifts.slice(0, 2).map((s) => s.id)
  roster.setCell(lead, `${month}-05`, day.engineers[0]!.id, shifts, '加班顶岗')
  const incoming = accounts.list().find((u) => u.username === 'liqiang')!
  let h = handovers.start(lead)
  h = handovers.update(lead, {
    id: h.id,
    revision: h.revision,
    incomingId: incoming.id,
    summary: '本班处理咨询 12 起，故障 2 起。\n统一业务系统登录缓慢已远程处理，待观察。',
    cautions: '交换平台下行数据积压，每小时查看一次队列。',
    todo: '明早 9 点回访三亚市院王检察官。',
    checklist: h.checklist.map((c) => ({ ...c, handed: true })),
    remarks: {},
  })
  h = handovers.submit(lead, h.id, h.revision, DEMO_PASSWORD)
  h = handovers.accept(h.id, h.revision, DEMO_PASSWORD, '已清点物品，收到')
  handoverId = h.id
  auth.logout(auth.currentActor()!)
})

const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-']).toString()
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1])
const toPng = (pdf: string) => execFileSync('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')])

async function printed(page: Page, path: string, name: string) {
  await site.open(page, undefined, `#${path}`)
  const login = page.getByPlaceholder('用户名')
  const sheet = page.locator('.sheet')
  await expect(login.or(sheet).first()).toBeVisible()
  if (await login.isVisible()) {
    await new LoginScreen(page).login('zhangwei', DEMO_PASSWORD)
    await page.goto(`${site.url}#${path}`)
  }
  await expect(sheet).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  const pdf = join(OUT, `${name}.pdf`)
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true })
  toPng(pdf)
  return pdf
}

/** LibreOffice with a profile of its own, so a conversion never waits on another instance's lock. */
function office(file: string) {
  const profile = `file://${tempDir()}`
  execFileSync(
    'libreoffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, file],
    { stdio: 'ignore', timeout: 120_000 },
  )
  const pdf = file.replace(/\.(docx|xlsx)$/, '.pdf')
  toPng(pdf)
  return pdf
}

test('the printed 交接班记录 has page numbers, lines to sign on, and ends with the anchor on the same page', async ({
  page,
}) => {
  const pdf = await printed(page, `/handover/${handoverId}/print`, 'handover-print')
  const text = pdfText(pdf)
  expect(pages(pdf)).toBe(1)
  expect(text).toMatch(/第 1 页，共 1 页/)
  expect(text.match(/签字/g)).toHaveLength(2)
  expect(text).toContain('完整性锚点')
  expect(text).toContain('打印日期')
  // Signature lines are drawn, not typed: each is a ruled box.
  await expect(page.locator('.sign-line')).toHaveCount(2)
})

test('the printed 值班表 has even day columns and names on one line', async ({ page }) => {
  const pdf = await printed(page, `/roster/${month}/print`, 'roster-print')
  expect(pages(pdf)).toBe(1)
  expect(pdfText(pdf)).toMatch(/第 1 页，共 1 页/)
  const widths = await page
    .locator('.grid thead th.day')
    .evaluateAll((ths) => ths.map((t) => t.getBoundingClientRect().width))
  expect(widths).toHaveLength(31)
  expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(1)
  const names = await page
    .locator('.grid tbody th')
    .evaluateAll((ths) => ths.map((t) => t.getBoundingClientRect().height / parseFloat(getComputedStyle(t).lineHeight)))
  for (const lines of names) expect(lines).toBeLessThan(3)
  const nameCells = await page.locator('.grid tbody th').evaluateAll((ths) =>
    ths.map((t) => {
      const r = document.createRange()
      r.selectNodeContents(t)
      return r.getClientRects().length
    }),
  )
  for (const n of nameCells) expect(n).toBe(1)
})

test('the printed 节假日值班表 lists each day with who is on duty and their phone, numbered', async ({ page }) => {
  const pdf = await printed(page, `/roster/${month}/print?from=${month}-01&to=${month}-07`, 'holiday-roster-print')
  const text = pdfText(pdf)
  expect(text).toContain('节假日值班表')
  expect(text).toMatch(/第 1 页，共 \d+ 页/)
  expect(text).toMatch(/1390755000\d/)
})

test('the printed 故障处理记录表 fits its pages with page numbers', async ({ page }) => {
  const pdf = await printed(page, '/faults/1/print', 'fault-print')
  expect(pdfText(pdf)).toMatch(/第 1 页，共 \d+ 页/)
})

test('the .xlsx 值班表 opens in LibreOffice with its header rows apart and two shifts a day readable', async () => {
  const m = site.services.roster.month(month)
  const file = join(OUT, 'roster-export.xlsx')
  writeFileSync(file, await rosterWorkbook(m, '海南省人民检察院'))
  const pdf = office(file)
  const text = pdfText(pdf)
  expect(text).toContain('值班表')
  expect(text).toMatch(/白班\s*\n?.*夜间|白班[\s\S]{0,200}夜间/)
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = wb.worksheets[0]!
  const headerLines = Math.max(...m.days.map((d) => (d.dayType === 'holiday' || d.holidayName === '调休上班' ? 3 : 2)))
  expect(ws.getRow(2).height).toBeGreaterThanOrEqual(headerLines * 14)
  const two = ws.getRow(3).getCell(6)
  expect(String(two.value)).toBe('白班\n夜间')
  expect(ws.getRow(3).height).toBeGreaterThanOrEqual(28)
})

test('the .docx 交接班记录 opens in LibreOffice with page numbers and signature lines', async () => {
  const lead = { id: 1, username: 'zhangwei', displayName: '张伟', role: 'lead' as const }
  const before = site.now()
  const out = await site.services.handovers.exportDocx(lead, handoverId)
  const after = site.now()
  const file = join(OUT, 'handover-export.docx')
  writeFileSync(file, Buffer.from(out.base64, 'base64'))
  const pdf = office(file)
  const text = pdfText(pdf)
  expect(text).toContain('交接班记录')
  // GB/T 9704 page numbers: 「— 1 —」.
  expect(text).toMatch(/—\s*1\s*—/)
  expect(text).toContain('完整性锚点')
  expect(text.match(/签字/g)).toHaveLength(2)
  // The closing block (both signatures, anchor, print date) stays together on the page it starts on.
  const last = execFileSync('pdftotext', ['-f', String(pages(pdf)), '-l', String(pages(pdf)), pdf, '-']).toString()
  for (const part of ['交班人', '接班人', '完整性锚点', '打印日期']) expect(last).toContain(part)
  // the date the services read when exporting (the suite's clock may pass midnight during the export)
  const printedOn = [before, after].map((t) => `打印日期：${formatDateCn(toSiteIso(t))}`)
  expect(
    printedOn.some((p) => text.replace(/\s+/g, '').includes(p)),
    printedOn.join(' / '),
  ).toBe(true)
})
