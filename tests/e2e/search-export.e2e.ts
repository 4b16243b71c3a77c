import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { toSiteIso } from '../../src/shared/time/site-time'
import { expect, LEAD, test, useSite } from './fixtures'
import { Shell, shot } from './pages'

test.use({ viewport: { width: 1366, height: 768 } })

/** An afternoon in November: the export's file name carries the date and minute. */
test.use({ clockAt: '2026-11-23T17:00:00+08:00' })
const ids: Record<string, number> = {}

const site = useSite({
  seed: ({ services, lead, now }) => {
    const { assets, serviceLog, faults, db } = services
    const NOW = now()
    const asset = (name: string) =>
      assets.create(lead, {
        name,
        kind: 'system',
        parentId: null,
        department: '案件管理部',
        tier: 1,
        contacts: '',
        configNotes: '',
        status: 'in_service',
      }).id
    ids.卷宗 = asset('电子卷宗应用系统')
    ids.统一业务 = asset('统一业务应用软件')
    const categoryId = serviceLog.categories().find((c) => c.name === '账号权限')!.id
    const entry = (minutesAgo: number, content: string, assetId: number | null) =>
      serviceLog.create(lead, {
        serviceTime: toSiteIso(NOW - minutesAgo * 60_000),
        requester: '王检察官',
        requesterDept: '第一检察部',
        assetId,
        channel: 'phone',
        categoryId,
        content,
        result: '已处理',
        durationMin: 10,
        status: 'done',
      })
    // more than one page of the list (100 rows): the export takes the whole filter, not the page shown
    db.transaction(() => {
      for (let i = 0; i < 130; i++) entry(60 * 24 * 3 + i * 30, `忘记登录密码申请重置 ${i + 1}`, ids.统一业务!)
    })()
    ids.log = entry(30, '会议室投影仪无信号', null).id
    entry(45, '电子卷宗扫描件上传失败', ids.卷宗!)
    ids.fault = faults.create(lead, {
      title: '电子卷宗系统无法打开',
      severity: 'L2',
      assetId: ids.卷宗!,
      reportedAt: toSiteIso(NOW - 20 * 60_000),
      reportedBy: '李书记员',
      reportChannel: 'phone',
      symptoms: '全院电子卷宗打不开',
      impact: '',
    }).id
  },
})

async function search(page: Page, text: string) {
  await page.keyboard.press('Control+k')
  const box = page.getByPlaceholder(/搜索运维记录、故障、运维对象（/)
  await expect(box).toBeFocused()
  await page.keyboard.type(text)
  return page.getByRole('listbox', { name: '搜索结果' })
}

async function downloadedRows(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  const file = await download.path()
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer)
  const rows: string[][] = []
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  return { name: download.suggestedFilename(), rows }
}

test('Ctrl+K finds a word across faults, service log and inventory; arrows and Enter open the record', async ({
  page,
}) => {
  await site.open(page, LEAD)
  await expect(page.getByText('今日服务请求')).toBeVisible()

  let results = await search(page, '电子卷宗')
  await expect(results).toContainText('故障')
  await expect(results).toContainText('电子卷宗系统无法打开')
  await expect(results).toContainText('电子卷宗扫描件上传失败')
  await expect(results).toContainText('运维对象')
  await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
  await shot(page, 'search-01-palette')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/faults/${ids.fault}$`))
  await expect(page.locator('.page-head h1')).toContainText('电子卷宗系统无法打开')

  // ↑ from the first hit wraps to the last: the inventory item, opened in its form
  results = await search(page, '电子卷宗应用')
  await expect(results.getByRole('option')).toHaveCount(1)
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/assets\\?open=${ids.卷宗}$`))
  await expect(page.locator('.n-card', { hasText: '编辑：电子卷宗应用系统' })).toBeVisible()
  await page.keyboard.press('Escape')

  // a service log entry opens in its form; Enter typed before the results arrive still opens the first hit
  await page.keyboard.press('Control+k')
  await page.keyboard.type('投影仪')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/service-log\\?open=${ids.log}$`))
  await expect(page.locator('.n-card', { hasText: `修改运维记录 #${ids.log}` })).toBeVisible()
  await page.keyboard.press('Escape')

  results = await search(page, '不存在的内容')
  await expect(results).toContainText('没有找到“不存在的内容”')
  await page.keyboard.press('Escape')
  await expect(results).toBeHidden()
})

test('the service log and the fault list export the current filter, every row of it, to .xlsx', async ({ page }) => {
  await site.open(page, LEAD)
  const shell = new Shell(page)
  await shell.go('运维记录')
  await page.getByPlaceholder('搜索内容、处理情况、服务对象（如：密码）').fill('密码')
  await expect(page.getByText('共 130 条')).toBeVisible()
  await expect(page.getByRole('button', { name: '导出 xlsx' })).toBeInViewport()
  await shot(page, 'export-01-service-log')
  const log = await downloadedRows(page, () => page.getByRole('button', { name: '导出 xlsx' }).click())
  expect(log.name).toBe('运维记录_20261123-1700.xlsx')
  expect(log.rows[1]![0]).toContain('筛选：搜索：密码 · 共 130 条')
  expect(log.rows.slice(3)).toHaveLength(130)
  expect(log.rows.slice(3).every((r) => r.some((c) => c.startsWith('忘记登录密码申请重置')))).toBe(true)

  await shell.go('故障管理')
  await page.getByPlaceholder(/搜索/).first().fill('卷宗')
  await expect(page.getByText('共 1 条')).toBeVisible()
  const list = await downloadedRows(page, () => page.getByRole('button', { name: '导出 xlsx' }).click())
  expect(list.rows.slice(3)).toHaveLength(1)
  expect(list.rows[3]).toEqual(expect.arrayContaining(['电子卷宗系统无法打开', '新建', '电子卷宗应用系统']))
})
