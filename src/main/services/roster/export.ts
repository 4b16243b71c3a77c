import { weekday } from '@shared/time/day-format'
import { formatDateCn } from '@shared/time/site-time'
import type { MonthDto } from '@shared/roster/contract'

/** The month's 值班表 as .xlsx (A4 landscape when printed from Excel/WPS); exceljs is loaded on demand. */
export async function rosterWorkbook(m: MonthDto, siteName: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(`${m.month} 值班表`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  const [y, mo] = m.month.split('-').map(Number)
  ws.addRow([`${siteName} ${y}年${mo}月值班表`])
  ws.mergeCells(1, 1, 1, m.days.length + 1)
  ws.getRow(1).font = { bold: true, size: 14 }
  ws.getRow(1).alignment = { horizontal: 'center' }
  ws.addRow([
    '人员',
    ...m.days.map(
      (d) =>
        `${Number(d.date.slice(8))}\n${weekday(d.date)}${d.dayType === 'holiday' ? '\n休' : d.holidayName === '调休上班' ? '\n班' : ''}`,
    ),
  ])
  ws.getRow(2).alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' }
  for (const e of m.engineers) {
    ws.addRow([
      e.name,
      ...m.days.map((d) =>
        m.assignments
          .filter((a) => a.date === d.date && a.userId === e.id)
          .map((a) => m.shifts.find((s) => s.id === a.shiftId)?.name.slice(0, 2) ?? '')
          .join('\n'),
      ),
    ])
  }
  ws.getColumn(1).width = 10
  for (let c = 2; c <= m.days.length + 1; c++) ws.getColumn(c).width = 5.5
  // Row heights are written out: LibreOffice does not grow a row for wrapped text it did not lay out itself,
  // so a two-line day (白班 and 夜间) or the three-line date header would overlap or be clipped.
  const LINE_PT = 14
  ws.getRow(1).height = 24
  ws.eachRow((row, n) => {
    if (n < 2) return
    let lines = 1
    row.eachCell((cell) => (lines = Math.max(lines, String(cell.value ?? '').split('\n').length)))
    row.height = Math.max(2, lines) * LINE_PT + 4
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      }
      cell.alignment = { ...cell.alignment, horizontal: 'center', vertical: 'middle', wrapText: true }
    })
  })
  ws.addRow([])
  ws.addRow([
    `班次：${m.shifts.map((s) => `${s.name}（${hm(s.start)}–${s.end <= s.start ? '次日' : ''}${hm(s.end)}）`).join('；')}`,
  ])
  ws.addRow([`联系电话：${m.engineers.map((e) => `${e.name} ${e.phone || '—'}`).join('；')}`])
  ws.addRow([
    m.publication
      ? `第 ${m.publication.version} 版，${formatDateCn(m.publication.publishedAt)} 由 ${m.publication.publishedBy} 发布`
      : '未发布（草稿）',
  ])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
