import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { count, makeWorld, setUpSite, type World } from '../support/world'

let w: World
let categoryId: number
let systemId: number
beforeEach(async () => {
  w = makeWorld('2026-11-23T17:00:00+08:00')
  await setUpSite(w)
  categoryId = (await w.api.serviceLog.categories())[0]!.id
  systemId = (await w.api.asset.create({ name: '电子卷宗应用系统', kind: 'system', tier: 1 })).id
})
afterEach(() => w.close())

function addEntries(n: number, content: (i: number) => string, day = '2026-11-23') {
  const actor = w.services.auth.currentActor()!
  w.db.transaction(() => {
    for (let i = 0; i < n; i++)
      w.services.serviceLog.create(actor, {
        serviceTime: `${day}T09:00:00+08:00`,
        requester: '王检察官',
        requesterDept: '第一检察部',
        assetId: i % 2 ? systemId : null,
        channel: 'phone',
        categoryId,
        content: content(i),
        result: '已处理',
        durationMin: 5,
        status: 'done',
      })
  })()
}

async function sheetOf(base64: string) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]!
  const rows: string[][] = []
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  return rows
}

describe('service log and fault list to .xlsx (current filter)', () => {
  it('exports every row of the filter, beyond one page, and only those; the export is audited', async () => {
    addEntries(620, (i) => `重置密码 ${i}`)
    addEntries(5, (i) => `投影仪无信号 ${i}`)
    addEntries(3, (i) => `重置密码 上月 ${i}`, '2026-10-20')
    const audits = count(w, 'audit_log')
    const file = await w.api.serviceLog.exportXlsx({ q: '密码', from: '2026-11-01', to: '2026-11-30', limit: 100 })
    expect(file.fileName).toBe('运维记录_20261123-1700.xlsx')
    const rows = await sheetOf(file.base64)
    expect(rows[0]![0]).toBe('海南省人民检察院 运维记录')
    expect(rows[1]![0]).toContain('筛选：2026-11-01 至 2026-11-30；搜索：密码 · 共 620 条')
    expect(rows[2]).toEqual(expect.arrayContaining(['服务时间', '运维内容', '处理情况', '工程师']))
    const body = rows.slice(3)
    expect(body).toHaveLength(620)
    expect(body.every((r) => r.some((c) => c.startsWith('重置密码 ')) && !r.some((c) => c.includes('上月')))).toBe(true)
    expect(count(w, 'audit_log')).toBe(audits + 1)
  })

  it('exports an empty filter as a sheet with its header and 共 0 条, not an error', async () => {
    const rows = await sheetOf((await w.api.serviceLog.exportXlsx({ q: '不存在的词' })).base64)
    expect(rows).toHaveLength(3)
    expect(rows[1]![0]).toContain('共 0 条')
  })

  it('exports the fault list with number, level and status in words', async () => {
    await w.api.fault.create({
      title: '电子卷宗上传失败',
      severity: 'L1',
      assetId: systemId,
      reportedAt: '2026-11-23T10:00:00+08:00',
    })
    await w.api.fault.create({
      title: '打印机卡纸',
      severity: 'L4',
      assetId: null,
      reportedAt: '2026-11-23T11:00:00+08:00',
    })
    const rows = await sheetOf((await w.api.fault.exportXlsx({ q: '电子卷宗' })).base64)
    expect(rows.slice(3)).toHaveLength(1)
    expect(rows[3]).toEqual(expect.arrayContaining(['电子卷宗上传失败', '新建', '电子卷宗应用系统']))
    expect(rows[3]!.find((c) => c.startsWith('GZ-'))).toBeTruthy()
  })
})

describe('one search across service log, faults and inventory', () => {
  it('finds a word in all three, each hit with the route that opens it', async () => {
    addEntries(2, (i) => `电子卷宗扫描件上传失败 ${i}`)
    const fault = await w.api.fault.create({
      title: '电子卷宗无法打开',
      severity: 'L2',
      assetId: systemId,
      reportedAt: '2026-11-23T10:00:00+08:00',
    })
    const { hits } = await w.api.search.all({ q: '电子卷宗' })
    expect(hits.map((h) => h.kind)).toEqual(['fault', 'serviceLog', 'serviceLog', 'asset'])
    expect(hits[0]).toMatchObject({ id: fault.id, to: `/faults/${fault.id}` })
    expect(hits.at(-1)).toMatchObject({ title: '电子卷宗应用系统', to: `/assets?open=${systemId}` })
    expect(hits[1]!.to).toMatch(/^\/service-log\?open=\d+$/)
  })

  it('leaves voided entries out, and refuses an empty query with a Chinese message', async () => {
    addEntries(1, () => '误登记的电子卷宗记录')
    const entry = (await w.api.serviceLog.list({ q: '误登记' })).items[0]!
    await w.api.serviceLog.void({ id: entry.id, reason: '重复登记' })
    expect((await w.api.search.all({ q: '误登记' })).hits).toEqual([])
    await expect(w.api.search.all({ q: '  ' })).rejects.toMatchObject({ message: '请输入搜索词' })
  })
})
