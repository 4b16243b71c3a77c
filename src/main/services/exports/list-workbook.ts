/** A list as one A4-landscape sheet: a title, what was filtered, a frozen header row, then one row per record. */
export interface ListColumn<T> {
  title: string
  /** Excel character widths; long text columns wrap */
  width: number
  value: (row: T) => string | number
  wrap?: boolean
}

export interface ListSheet<T> {
  sheetName: string
  title: string
  /** e.g. 筛选：2026-11-01 至 2026-11-30；状态：处理中 · 导出于 2026-11-25 09:00 */
  subtitle: string
  columns: ListColumn<T>[]
  rows: T[]
}

const THIN = { style: 'thin' as const }
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }

/** exceljs is loaded on demand, never at start-up. */
export async function listWorkbook<T>(sheet: ListSheet<T>): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(sheet.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: '3:3',
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: 3 }],
  })
  const n = sheet.columns.length
  ws.columns = sheet.columns.map((c) => ({ width: c.width }))
  ws.addRow([sheet.title])
  ws.mergeCells(1, 1, 1, n)
  ws.getRow(1).font = { bold: true, size: 14 }
  ws.getRow(1).alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(1).height = 24
  ws.addRow([sheet.subtitle])
  ws.mergeCells(2, 1, 2, n)
  ws.getRow(2).font = { size: 9, color: { argb: 'FF555555' } }
  ws.getRow(2).height = 18
  const head = ws.addRow(sheet.columns.map((c) => c.title))
  head.font = { bold: true }
  head.height = 20
  head.eachCell((cell) => {
    cell.border = BORDER
    cell.alignment = { horizontal: 'center', vertical: 'middle' }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF2F7' } }
  })
  for (const r of sheet.rows) {
    const row = ws.addRow(sheet.columns.map((c) => c.value(r)))
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = BORDER
      cell.alignment = { vertical: 'top', wrapText: sheet.columns[col - 1]?.wrap ?? false }
    })
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: n } }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
