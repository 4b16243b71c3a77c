import {
  ASSET_IMPORT_COLUMNS,
  ASSET_KIND_LABELS,
  ASSET_STATUS_LABELS,
  type AssetFields,
  assetFields,
} from '@shared/assets/contract'
import { parseCsv } from '@shared/csv'
import { DomainError } from '@shared/errors'

export interface SheetRow {
  /** the row number a person sees in Excel/WPS (header = 1) */
  line: number
  fields: Omit<AssetFields, 'parentId'>
  parentName: string
}

const MAX_ROWS = 5000
const TIERS: Record<string, number> = { 一级: 1, 二级: 2, 三级: 3, 四级: 4, 五级: 5 }
const KIND_ALIASES: Record<string, string> = { 系统: 'system', 应用系统: 'system', 服务器: 'host' }

function byLabel(labels: Record<string, string>, value: string): string | undefined {
  const hit = Object.entries(labels).find(([code, label]) => value === label || value === code)
  return hit?.[0]
}

/**
 * Rows read in all, blank ones included: a sheet of a million empty rows is small
 * when zipped but would take the main process half a minute and most of a gigabyte.
 */
export const MAX_SHEET_ROWS = 4 * MAX_ROWS
/** Columns read per row: the import's columns are the first few; the rest are never looked at. */
const MAX_SHEET_COLUMNS = 64

/** 5,000 rows of inventory fit in well under this; a bigger file is refused before it is read. */
export const MAX_XLSX_BYTES = 5 * 1024 * 1024

/**
 * Reads the first sheet of an xlsx file row by row (exceljs's streaming reader,
 * loaded only when a file is imported) and stops one row past the limit, so a
 * huge sheet costs neither the time nor the memory of loading it whole.
 */
const tooManyRows = () =>
  new DomainError(
    'IMPORT_INVALID',
    `导入未执行：工作表超过 ${MAX_SHEET_ROWS} 行（含空行），请删除多余的空行或分批导入（每次最多 ${MAX_ROWS} 行）`,
  )

async function xlsxRows(base64: string): Promise<string[][]> {
  if (Math.floor((base64.length * 3) / 4) > MAX_XLSX_BYTES)
    throw new DomainError('IMPORT_TOO_LARGE', `文件过大（xlsx 上限 ${MAX_XLSX_BYTES / 1024 / 1024} MB），请分批导入`)
  const [{ default: ExcelJS }, { Readable }] = await Promise.all([import('exceljs'), import('node:stream')])
  const rows: string[][] = []
  let filled = 0
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(base64, 'base64')]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'emit',
    })
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (row.number > MAX_SHEET_ROWS) throw tooManyRows()
        const cells: string[] = []
        const width = Math.min(MAX_SHEET_COLUMNS, Math.max(row.cellCount, ASSET_IMPORT_COLUMNS.length))
        for (let c = 1; c <= width; c++) cells.push(row.getCell(c).text ?? '')
        rows[row.number - 1] = cells
        // Header + MAX_ROWS data rows + one more to know the limit was passed.
        if (cells.some((c) => c.trim() !== '') && ++filled > MAX_ROWS + 1) break
      }
      break
    }
  } catch (e) {
    if (e instanceof DomainError) throw e
    throw new DomainError('IMPORT_BAD_FILE', '无法读取这个 xlsx 文件，请确认它是 Excel/WPS 保存的 .xlsx 格式')
  }
  if (!rows.length) throw new DomainError('IMPORT_EMPTY', '文件中没有工作表')
  return Array.from(rows, (r) => r ?? [])
}

/**
 * Reads and validates every row. Any bad row makes the whole import fail with a
 * message listing each problem by row number, so nothing is half-imported.
 */
export async function readAssetSheet(format: 'csv' | 'xlsx', content: string): Promise<SheetRow[]> {
  const rows = format === 'csv' ? parseCsv(content) : await xlsxRows(content)
  const header = (rows[0] ?? []).map((h) => h.trim())
  const col = (name: (typeof ASSET_IMPORT_COLUMNS)[number]) => header.indexOf(name)
  const missing = ['名称', '类型', '保障等级'].filter((h) => !header.includes(h))
  if (missing.length) {
    throw new DomainError(
      'IMPORT_BAD_HEADER',
      `第 1 行应为表头，缺少列：${missing.join('、')}（可用列：${ASSET_IMPORT_COLUMNS.join('、')}）`,
    )
  }
  const out: SheetRow[] = []
  const errors: string[] = []
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]!.map((c) => c.trim())
    if (cells.every((c) => c === '')) continue
    if (out.length >= MAX_ROWS) {
      errors.push(`超过 ${MAX_ROWS} 行，请分批导入`)
      break
    }
    const line = i + 1
    const cell = (name: (typeof ASSET_IMPORT_COLUMNS)[number]) => (col(name) >= 0 ? (cells[col(name)] ?? '') : '')
    const kindText = cell('类型')
    const kind = KIND_ALIASES[kindText] ?? byLabel(ASSET_KIND_LABELS, kindText)
    const tierText = cell('保障等级')
    const tier = TIERS[tierText] ?? (/^[1-5]$/.test(tierText) ? Number(tierText) : NaN)
    const statusText = cell('状态')
    const status = statusText === '' ? 'in_service' : byLabel(ASSET_STATUS_LABELS, statusText)
    const problems: string[] = []
    if (!kind) problems.push(`类型“${kindText}”无效（应为 ${Object.values(ASSET_KIND_LABELS).join('/')}）`)
    if (Number.isNaN(tier)) problems.push(`保障等级“${tierText}”无效（应为 1–5）`)
    if (!status) problems.push(`状态“${statusText}”无效（应为 在用/停用）`)
    const parsed = assetFields.safeParse({
      name: cell('名称'),
      kind: kind ?? 'system',
      department: cell('责任部门'),
      tier: Number.isNaN(tier) ? 1 : tier,
      contacts: cell('联系人'),
      configNotes: cell('配置说明'),
      status: status ?? 'in_service',
    })
    if (!parsed.success) problems.push(...parsed.error.issues.map((x) => x.message))
    if (problems.length) errors.push(`第 ${line} 行：${problems.join('；')}`)
    else out.push({ line, fields: parsed.data!, parentName: cell('上级') })
  }
  if (errors.length)
    throw new DomainError(
      'IMPORT_INVALID',
      `导入未执行，请修正后重试：\n${errors.slice(0, 50).join('\n')}${errors.length > 50 ? `\n……共 ${errors.length} 处问题` : ''}`,
    )
  if (out.length === 0) throw new DomainError('IMPORT_EMPTY', '文件中没有数据行')
  return out
}
