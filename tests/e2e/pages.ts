import { mkdirSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'

/** Page objects: act as a user would, by visible text, placeholders and the keyboard. */

export const SHOTS = 'artifacts/screenshots'
export async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false })
}

/** Naive UI select in the form item labelled `label`: open, type to filter, pick the option. */
export async function choose(page: Page, label: string, option: string, scope = page.locator('body')) {
  await scope.locator('.n-form-item', { hasText: label }).locator('.n-base-selection').click()
  await pickOption(page, option)
}

/** In an open select menu: click the option, typing to filter first when a long list has not rendered it. */
export async function pickOption(page: Page, option: string) {
  await page.locator('.n-base-select-menu').last().waitFor()
  const item = page.locator('.n-base-select-option', { hasText: option }).first()
  // The menu may still be opening on a busy machine: give it a moment before filtering by typing.
  await item.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => page.keyboard.type(option))
  await item.click()
}

export class SetupWizard {
  constructor(private readonly page: Page) {}
  async complete(
    site: { customerUnit: string; providerName: string },
    admin: { username: string; displayName: string; password: string },
  ) {
    const p = this.page
    await expect(p.getByText('首次使用设置')).toBeVisible()
    await p.getByPlaceholder('例如：海南省人民检察院').fill(site.customerUnit)
    await p.getByPlaceholder('运维服务单位名称（用于报告封面）').fill(site.providerName)
    await p.getByRole('button', { name: '下一步' }).click()
    await p.getByPlaceholder('字母开头，用于登录').fill(admin.username)
    await p.getByPlaceholder('显示在记录和报告上').fill(admin.displayName)
    await p.getByPlaceholder('至少 8 位，含大小写字母、数字、符号中的三类').fill(admin.password)
    await p.getByPlaceholder('再次输入密码').fill(admin.password)
  }
  async finish() {
    await this.page.getByRole('button', { name: '完成设置' }).click()
    await this.page.getByRole('button', { name: '去登录' }).click()
  }
}

export class LoginScreen {
  constructor(private readonly page: Page) {}
  async login(username: string, password: string) {
    await this.page.getByPlaceholder('用户名').fill(username)
    await this.page.getByPlaceholder('密码', { exact: true }).fill(password)
    await this.page.getByPlaceholder('密码', { exact: true }).press('Enter')
  }
}

export class Shell {
  constructor(private readonly page: Page) {}
  async go(title: string) {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: title }).click()
    await expect(this.page.locator('.page-head h1')).toContainText(title === '首页' ? '年' : title)
  }
}

export class AssetsPage {
  constructor(private readonly page: Page) {}
  async add(a: { name: string; department: string; notes: string }) {
    const p = this.page
    await p.getByRole('button', { name: '新增运维对象' }).click()
    const modal = p.locator('.n-card', { hasText: '新增运维对象' })
    await modal.getByPlaceholder('例如：统一业务应用系统').fill(a.name)
    await modal.getByPlaceholder('例如：信息技术处').fill(a.department)
    await modal.getByPlaceholder('IP、版本、安装记录、部署路径等').fill(a.notes)
    await modal.getByRole('button', { name: '保存' }).click()
    await expect(p.locator('.n-data-table-td', { hasText: a.name })).toBeVisible()
  }
}

export class ServiceLogPage {
  constructor(private readonly page: Page) {}
  /** The quick-entry path: F2 from anywhere, type, Enter. */
  async quickEntry(e: { system: string; category: string; requester: string; content: string; result: string }) {
    const p = this.page
    await p.keyboard.press('F2')
    const modal = p.locator('.n-card', { hasText: '登记运维记录' })
    await expect(modal).toBeVisible()
    await modal.getByPlaceholder('姓名，例如：王检察官').fill(e.requester)
    await choose(p, '运维对象', e.system, modal)
    await choose(p, '运维类别', e.category, modal)
    await modal.getByPlaceholder('如何处理、结果如何').fill(e.result)
    await modal.getByPlaceholder('用户反映的问题或请求').fill(e.content)
    await modal.getByPlaceholder('用户反映的问题或请求').press('Enter')
    await expect(modal).toBeHidden()
  }
  rows() {
    return this.page.locator('.n-data-table-tbody .n-data-table-tr')
  }
  async search(q: string) {
    await this.page.getByPlaceholder('搜索内容、处理情况、服务对象（如：密码）').fill(q)
  }
  async voidRow(content: string, reason: string) {
    const row = this.rows().filter({ hasText: content })
    await row.getByRole('button', { name: '作废' }).click()
    await this.page.getByPlaceholder('作废原因，例如：重复登记').fill(reason)
    await this.page.getByRole('button', { name: '确认作废' }).click()
    await expect(this.rows().filter({ hasText: content })).toHaveClass(/voided/)
  }
}

export class FaultDetailPage {
  constructor(private readonly page: Page) {}
  clock(milestone: string) {
    return this.page.locator(`.clocks:not(.compact) [data-milestone="${milestone}"]`)
  }
  async act(action: string, fields: { text?: string; target?: string; severity?: string; closeReason?: string } = {}) {
    const p = this.page
    await p.getByLabel('处理操作').getByRole('button', { name: action, exact: true }).click()
    const dialog = p.locator('.n-card', { hasText: '· GZ-' })
    await expect(dialog).toBeVisible()
    if (fields.severity) await choose(p, '新的故障级别', fields.severity, dialog)
    if (fields.target)
      await dialog.getByPlaceholder('例如：总部二线专家、厂商技术支持（姓名/电话）').fill(fields.target)
    if (fields.closeReason) {
      await expect(dialog.getByTestId('close-gaps')).toBeVisible()
      await dialog.getByPlaceholder('例如：客户书面确认无需启动应急流程').fill(fields.closeReason)
    }
    const text = dialog.locator('textarea')
    if (fields.text) await text.fill(fields.text)
    await text.press('Enter')
    await expect(dialog).toBeHidden()
  }
}
