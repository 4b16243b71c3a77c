import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { count, makeWorld, setUpSite, type World } from '../support/world'

let w: World
beforeEach(async () => {
  w = makeWorld()
  await setUpSite(w)
})
afterEach(() => w.close())

const HEADER = '名称,类型,上级,责任部门,保障等级,联系人,配置说明,状态'

describe('scope inventory', () => {
  it('keeps a host under its system and refuses a loop of parents', async () => {
    const sys = await w.api.asset.create({
      name: '电子卷宗应用系统',
      kind: 'system',
      tier: 2,
      department: '案件管理部',
    })
    const host = await w.api.asset.create({
      name: 'DZJZ-APP01',
      kind: 'host',
      tier: 2,
      parentId: sys.id,
      configNotes: 'IP 10.1.1.21',
    })
    expect(host.parentName).toBe('电子卷宗应用系统')
    await expect(w.api.asset.update({ ...sys, parentId: host.id })).rejects.toMatchObject({
      code: 'ASSET_PARENT_CYCLE',
    })
  })

  it('refuses a duplicate name, ignoring case', async () => {
    await w.api.asset.create({ name: 'Oracle 主库', kind: 'database', tier: 1 })
    await expect(w.api.asset.create({ name: 'ORACLE 主库', kind: 'database', tier: 1 })).rejects.toMatchObject({
      code: 'ASSET_NAME_TAKEN',
    })
  })

  it('imports a CSV with parents defined in the same file', async () => {
    const csv = [
      HEADER,
      '应用服务器01,主机,统一业务应用系统,信息中心,2,李工,,在用',
      '统一业务应用系统,业务系统,,信息中心,一级,,,',
    ].join('\r\n')
    await expect(w.api.asset.import({ fileName: 'a.csv', format: 'csv', content: '\ufeff' + csv })).resolves.toEqual({
      imported: 2,
    })
    const list = await w.api.asset.list({})
    expect(list.find((a) => a.name === '应用服务器01')).toMatchObject({
      kind: 'host',
      parentName: '统一业务应用系统',
      tier: 2,
    })
  })

  it('reports every bad row by its number and imports nothing', async () => {
    const csv = [
      HEADER,
      '好的系统,业务系统,,,3,,,',
      ',主机,,,2,,,',
      '坏等级,主机,,,9,,,',
      '坏类型,路由器,,,2,,,',
      '孤儿,主机,不存在的系统,,2,,,',
    ].join('\n')
    const err = await w.api.asset.import({ fileName: 'b.csv', format: 'csv', content: csv }).catch((e) => e)
    expect(err.code).toBe('IMPORT_INVALID')
    expect(err.message).toContain('第 3 行')
    expect(err.message).toContain('第 4 行')
    expect(err.message).toContain('第 5 行')
    expect(err.message).not.toContain('第 2 行')
    expect(count(w, 'asset')).toBe(0)
  })

  it('reports the missing parent only after the rows themselves are valid', async () => {
    const csv = [HEADER, '孤儿,主机,不存在的系统,,2,,,'].join('\n')
    await expect(w.api.asset.import({ fileName: 'c.csv', format: 'csv', content: csv })).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      message: expect.stringContaining('第 2 行：上级“不存在的系统”不在清单或文件中'),
    })
    expect(count(w, 'asset')).toBe(0)
  })

  it('imports an xlsx sheet', async () => {
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('运维对象')
    sheet.addRow(HEADER.split(','))
    sheet.addRow(['达梦数据库', '数据库', '', '信息中心', 1, '', 'DM8', '在用'])
    const buf = Buffer.from(await wb.xlsx.writeBuffer())
    await expect(
      w.api.asset.import({ fileName: 'd.xlsx', format: 'xlsx', content: buf.toString('base64') }),
    ).resolves.toEqual({ imported: 1 })
  })

  it('refuses a file that is not xlsx with a clear message', async () => {
    await expect(
      w.api.asset.import({ fileName: 'e.xlsx', format: 'xlsx', content: Buffer.from('not a zip').toString('base64') }),
    ).rejects.toMatchObject({
      code: 'IMPORT_BAD_FILE',
    })
  })
})
