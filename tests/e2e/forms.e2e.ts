import type { Page } from '@playwright/test'
import { toSiteDate } from '../../src/shared/time/site-time'
import { expect, LEAD, test, useSite } from './fixtures'
import { pickOption, shot } from './pages'

/** Keyboard-first forms: one save per Enter, dropdowns that filter as typed, hotkeys, no lost text. */
test.use({ viewport: { width: 1366, height: 768 } })

const site = useSite({
  serviceMode: '7x24',
  slaPreset: 'hainan-procuratorate',
  seed: ({ services: { assets }, lead }) => {
    for (const name of ['统一业务应用系统', '电子卷宗系统', '检察办公OA', '视频会议系统'])
      assets.create(lead, {
        name,
        kind: 'system',
        parentId: null,
        department: '信息技术处',
        tier: 2,
        contacts: '',
        configNotes: '',
        status: 'in_service',
      })
  },
})
const count = (table: string) => site.services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

async function login(page: Page) {
  await site.open(page, LEAD)
  await expect(page.locator('.page-head h1')).toBeVisible()
}

test('Enter pressed twice in quick entry records one service-log entry', async ({ page }) => {
  await login(page)
  const before = count('service_log')
  await page.keyboard.press('F2')
  const modal = page.locator('.n-card', { hasText: '登记运维记录' })
  await expect(modal).toBeVisible()
  await modal.locator('.n-form-item', { hasText: '运维类别' }).locator('.n-base-selection').click()
  await pickOption(page, '咨询')
  await modal.getByPlaceholder('用户反映的问题或请求').fill('双击回车只登记一条')
  await modal.getByPlaceholder('用户反映的问题或请求').focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await expect(modal).toBeHidden()
  await page.waitForTimeout(300)
  expect(count('service_log')).toBe(before + 1)
})

test('Enter pressed twice in 登记故障 records one fault with one number', async ({ page }) => {
  await login(page)
  const before = count('fault')
  await page.keyboard.press('F3')
  const modal = page.locator('.n-card', { hasText: '登记故障' })
  await expect(modal).toBeVisible()
  await modal.locator('.n-form-item', { hasText: '故障级别' }).locator('.n-base-selection').click()
  await pickOption(page, '三级')
  const title = modal.getByPlaceholder('一句话说明故障，例如：统一业务系统全院无法登录')
  await title.fill('电子卷宗上传失败')
  await title.focus()
  // the number carries the site-local year it is reported in (the suite's clock may pass midnight here)
  const years = new Set([site.year(site.now())])
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  years.add(site.year(site.now()))
  await expect(page.locator('.page-head h1')).toContainText(new RegExp(`GZ-(${[...years].join('|')})-`))
  await page.waitForTimeout(300)
  expect(count('fault')).toBe(before + 1)
})

test('typing after tabbing into a searchable dropdown filters at once', async ({ page }) => {
  await login(page)
  await page.keyboard.press('F2')
  const modal = page.locator('.n-card', { hasText: '登记运维记录' })
  await modal.getByPlaceholder('例如：第一检察部 / 三亚市院').focus()
  await page.keyboard.press('Tab')
  await page.keyboard.type('卷宗')
  const options = page.locator('.n-base-select-menu .n-base-select-option')
  await expect(options).toHaveCount(1)
  await expect(options.first()).toContainText('电子卷宗系统')
  await page.keyboard.press('Enter')
  await expect(modal.locator('.n-form-item', { hasText: '运维对象' })).toContainText('电子卷宗系统')
  await shot(page, '60-quick-entry-type-to-filter')
})

test('F3 and the 首页 button open 登记故障; ? lists the hotkeys', async ({ page }) => {
  await login(page)
  await page
    .getByRole('main')
    .or(page.locator('.page'))
    .first()
    .click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('?')
  const overlay = page.locator('.n-card', { hasText: '快捷键' })
  await expect(overlay).toBeVisible()
  await expect(overlay).toContainText('F2')
  await expect(overlay).toContainText('登记故障')
  await shot(page, '61-hotkeys')
  await page.keyboard.press('Escape')
  await expect(overlay).toBeHidden()

  await page
    .locator('.page-head')
    .getByRole('button', { name: /登记故障/ })
    .click()
  const create = page.locator('.n-card', { hasText: '登记故障' })
  await expect(create.getByPlaceholder('一句话说明故障，例如：统一业务系统全院无法登录')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(create).toBeHidden()
  await page.keyboard.press('F3')
  await expect(create).toBeVisible()
})

test('leaving the page with typed text in a form asks first, and 继续编辑 keeps the text', async ({ page }) => {
  await login(page)
  await page.keyboard.press('F2')
  const modal = page.locator('.n-card', { hasText: '登记运维记录' })
  await modal.getByPlaceholder('用户反映的问题或请求').fill('还没保存的内容')
  await page.goto(`${site.url}#/faults`)
  const ask = page.locator('.n-dialog', { hasText: '放弃未保存的运维记录？' })
  await expect(ask).toBeVisible()
  await ask.getByRole('button', { name: '继续编辑' }).click()
  await expect(ask).toBeHidden()
  await expect(page).not.toHaveURL(/#\/faults$/)
  await expect(modal.getByPlaceholder('用户反映的问题或请求')).toHaveValue('还没保存的内容')

  await page.goto(`${site.url}#/faults`)
  await page
    .locator('.n-dialog', { hasText: '放弃未保存的运维记录？' })
    .getByRole('button', { name: '放弃并离开' })
    .click()
  await expect(page.locator('.page-head h1')).toContainText('故障管理')
  await expect(modal).toBeHidden()
})

test('quick-entry defaults are marked as defaults; the status default is a site setting; the category stays only within the shift', async ({
  page,
}) => {
  await login(page)
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '站点设置' }).click()
  await page.locator('.default-status').getByText('处理中').click()
  await expect(page.getByText('默认状态已保存')).toBeVisible()

  await page.keyboard.press('F2')
  const modal = page.locator('.n-card', { hasText: '登记运维记录' })
  const item = (label: string) => modal.locator('.n-form-item', { hasText: label })
  await expect(item('状态')).toContainText('默认')
  await expect(item('状态').locator('.n-radio-button--checked')).toHaveText('处理中')
  await expect(item('耗时')).toContainText('默认')
  await expect(item('运维类别')).toContainText('默认')
  await shot(page, '62-quick-entry-defaults')
  await item('耗时').locator('input').fill('25')
  await expect(item('耗时')).not.toContainText('默认')

  await item('运维类别').locator('.n-base-selection').click()
  await pickOption(page, '账号权限')
  await modal.getByPlaceholder('用户反映的问题或请求').fill('重置办案系统密码')
  await modal.getByPlaceholder('用户反映的问题或请求').press('Enter')
  await expect(modal).toBeHidden()

  await page.keyboard.press('F2')
  await expect(item('运维类别')).toContainText('账号权限')
  await expect(item('运维类别')).toContainText('默认')
  await page.keyboard.press('Escape')
  await expect(modal).toBeHidden()

  // The next shift: what was remembered belongs to an earlier one.
  await page.evaluate(
    (earlier) => {
      const store = (
        globalThis as unknown as {
          localStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void }
        }
      ).localStorage
      const last = JSON.parse(store.getItem('serviceLog.lastUsed') ?? '{}') as Record<string, unknown>
      store.setItem('serviceLog.lastUsed', JSON.stringify({ ...last, shift: `${earlier} 白班` }))
    },
    toSiteDate(site.now() - 2 * 86_400_000),
  )
  await page.keyboard.press('F2')
  await expect(modal).toBeVisible()
  await expect(item('运维类别')).not.toContainText('账号权限')
  await expect(item('运维类别')).toContainText('咨询')
  await expect(item('运维类别')).toContainText('默认')
})

test('a page form (站点设置) with unsaved text asks before the menu takes the user elsewhere', async ({ page }) => {
  await login(page)
  const nav = page.getByRole('navigation', { name: '主导航' })
  await nav.getByRole('link', { name: '站点设置' }).click()
  const unit = page.locator('.n-form-item', { hasText: '客户单位' }).locator('input')
  await expect(unit).toHaveValue('海南省人民检察院')
  await unit.fill('海南省人民检察院第一分院')
  await nav.getByRole('link', { name: '故障管理' }).click()
  const ask = page.locator('.n-dialog', { hasText: '放弃未保存的站点设置？' })
  await expect(ask).toBeVisible()
  await ask.getByRole('button', { name: '继续编辑' }).click()
  await expect(ask).toBeHidden()
  await expect(page.locator('.page-head h1')).toContainText('站点设置')
  await expect(unit).toHaveValue('海南省人民检察院第一分院')
  await unit.fill('海南省人民检察院')
  await nav.getByRole('link', { name: '故障管理' }).click()
  await expect(page.locator('.page-head h1')).toContainText('故障管理')
})
