import { randomBytes } from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_SHEET_ROWS, MAX_XLSX_BYTES } from '../../src/main/services/assets/import-sheet'
import { ASSET_IMPORT_COLUMNS } from '../../src/shared/assets/contract'
import { count, makeWorld, setUpSite, type World } from '../support/world'

let w: World
beforeEach(async () => {
  w = makeWorld()
  await setUpSite(w)
})
afterEach(() => w.close())

async function sheet(rows: number, blankEvery = 0): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const s = wb.addWorksheet('运维对象')
  s.addRow([...ASSET_IMPORT_COLUMNS])
  for (let i = 0; i < rows; i++) {
    if (blankEvery && i % blankEvery === 0) s.addRow([])
    s.addRow([`主机${i}`, '服务器', '', '信息中心', 3, '', '', '在用'])
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

describe('the xlsx import checks its limits before loading the whole file', () => {
  // Random bytes are no zip: had the file been read, the answer would be IMPORT_BAD_FILE.
  it('refuses a file over the size limit at once, reading nothing', async () => {
    const big = randomBytes(MAX_XLSX_BYTES + 1024).toString('base64')
    await expect(w.api.asset.import({ fileName: 'big.xlsx', format: 'xlsx', content: big })).rejects.toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      message: '文件过大（xlsx 上限 5 MB），请分批导入',
    })
    expect(count(w, 'asset')).toBe(0)
  })

  it('stops at the 5,000-row limit and imports nothing', async () => {
    const content = await sheet(5200)
    await expect(w.api.asset.import({ fileName: 'rows.xlsx', format: 'xlsx', content })).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      message: expect.stringContaining('超过 5000 行，请分批导入'),
    })
    expect(count(w, 'asset')).toBe(0)
  })

  it('counts only filled rows: 4,990 rows with blank lines between them all import', async () => {
    const content = await sheet(4990, 200)
    await expect(w.api.asset.import({ fileName: 'gaps.xlsx', format: 'xlsx', content })).resolves.toEqual({
      imported: 4990,
    })
  }, 60_000)

  it('stops reading a sheet of blank rows (small zipped, huge unzipped) at the row cap, importing nothing', async () => {
    const wb = new ExcelJS.Workbook()
    const s = wb.addWorksheet('运维对象')
    s.addRow([...ASSET_IMPORT_COLUMNS])
    // Cells holding a space: blank to the import, but rows the reader must walk through.
    for (let i = 0; i < MAX_SHEET_ROWS + 10; i++) s.addRow([' '])
    s.addRow(['主机末行', '服务器', '', '信息中心', 3, '', '', '在用'])
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
    await expect(w.api.asset.import({ fileName: 'blank.xlsx', format: 'xlsx', content })).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      message: expect.stringContaining(`工作表超过 ${MAX_SHEET_ROWS} 行（含空行）`),
    })
    expect(count(w, 'asset')).toBe(0)
  }, 60_000)
})
