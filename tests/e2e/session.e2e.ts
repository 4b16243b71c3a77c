import { toSiteIso } from '../../src/shared/time/site-time'
import { expect, LEAD, type SiteUser, test, useSite } from './fixtures'
import { LoginScreen, Shell, shot } from './pages'

const ENGINEER: SiteUser = { username: 'liqiang', displayName: '李强', role: 'engineer', password: 'Field#2026ok' }
const REVIEWER: SiteUser = { username: 'xxzb', displayName: '信息装备处', role: 'reviewer', password: 'Review#2026ok' }
// The session lives in the main process (one duty-room PC); each scenario starts at the login screen.
const site = useSite({ customerUnit: '福建省水利厅', serviceMode: '7x24', users: [ENGINEER, REVIEWER] })

test('the idle lock covers the screen and keeps what was typed', async ({ page }) => {
  await site.open(page, ENGINEER)
  await expect(page.getByText('今日服务请求')).toBeVisible()
  await page.keyboard.press('F2')
  const content = page.getByPlaceholder('用户反映的问题或请求')
  await content.fill('信息中心打印机无法连接，已远程协助')

  await page.clock.runFor('16:00')
  const lock = page.getByRole('dialog', { name: '屏幕已锁定' })
  await expect(lock).toBeVisible()
  await shot(page, '10-idle-lock')
  await lock.getByPlaceholder('输入密码解锁').fill('wrong-password')
  await lock.getByPlaceholder('输入密码解锁').press('Enter')
  await expect(lock.getByText('再错 4 次将锁定账号')).toBeVisible()
  await lock.getByPlaceholder('输入密码解锁').fill(ENGINEER.password)
  await lock.getByPlaceholder('输入密码解锁').press('Enter')
  await expect(lock).toBeHidden()
  await expect(content).toHaveValue('信息中心打印机无法连接，已远程协助')
  await content.press('Enter')
  await new Shell(page).go('运维记录')
  await expect(page.locator('.n-data-table-tbody')).toContainText('信息中心打印机无法连接')
})

test('a reviewer reads the records and the audit trail but cannot write', async ({ page }) => {
  await site.open(page, REVIEWER)
  await expect(page.getByText('今日服务请求')).toBeVisible()
  await expect(page.getByRole('button', { name: /登记运维记录/ })).toHaveCount(0)
  await new Shell(page).go('运维记录')
  await expect(page.locator('.n-data-table-tbody')).toContainText('信息中心打印机无法连接')
  await expect(page.getByRole('button', { name: '作废' })).toHaveCount(0)
  await page.keyboard.press('F2')
  await expect(page.getByText('登记运维记录', { exact: true })).toHaveCount(0)
  await expect(page.getByRole('link', { name: '账号管理' })).toHaveCount(0)
  await new Shell(page).go('审计日志')
  await expect(page.getByTestId('chain-status')).toContainText('哈希链完整')
  await page.getByRole('button', { name: '切换用户' }).click()
  await expect(page.getByPlaceholder('用户名')).toBeVisible()
})

test('five wrong passwords lock the account with a message that says until when', async ({ page }) => {
  await site.open(page)
  const login = new LoginScreen(page)
  for (let i = 1; i <= 4; i++) {
    await login.login(ENGINEER.username, `Wrong#${i}`)
    await expect(page.getByRole('alert')).toContainText(`再错 ${5 - i} 次将锁定账号`)
  }
  await login.login(ENGINEER.username, 'Wrong#5')
  await expect(page.getByRole('alert')).toContainText('账号已锁定 15 分钟')
  await login.login(ENGINEER.username, ENGINEER.password)
  await expect(page.getByRole('alert')).toContainText('已锁定至')
  await shot(page, '11-lockout')

  await login.login(LEAD.username, LEAD.password)
  await new Shell(page).go('账号管理')
  const row = page.locator('.n-data-table-tr', { hasText: 'liqiang' })
  await expect(row).toContainText('锁定至')
  await row.getByRole('button', { name: '解除锁定' }).click()
  await expect(row).toContainText('在用')
})

test('the lead imports the inventory from cells pasted out of Excel; a bad row blocks the whole import', async ({
  page,
}) => {
  await site.open(page, LEAD)
  await new Shell(page).go('运维对象')
  await page.getByRole('button', { name: '导入清单' }).click()
  const header = '名称\t类型\t上级\t责任部门\t保障等级\t联系人\t配置说明\t状态'
  const good = [
    '水利一张图\t业务系统\t\t信息中心\t2\t\t\t在用',
    '一张图应用服务器\t主机\t水利一张图\t信息中心\t2\t\tIP 10.35.1.8\t在用',
  ]
  const area = page.getByPlaceholder('从 Excel/WPS 复制包含表头的区域后粘贴到这里，或粘贴 CSV 文本')
  await area.fill([header, ...good, '防汛会商系统\t路由器\t\t\t2\t\t\t'].join('\n'))
  await page.getByRole('button', { name: '导入', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('第 4 行：类型“路由器”无效')
  await shot(page, '12-import-error')
  await expect(page.locator('.n-data-table-td', { hasText: '水利一张图' })).toHaveCount(0)
  await area.fill([header, ...good, '防汛会商系统\t业务系统\t\t\t1\t\t\t'].join('\n'))
  await page.getByRole('button', { name: '导入', exact: true }).click()
  await expect(page.getByText('已导入 3 个运维对象')).toBeVisible()
  await expect(page.locator('.n-data-table-tr', { hasText: '一张图应用服务器' })).toContainText('水利一张图')
})

test('main locks a session idle past the site setting even when the screen did not; the typed entry survives', async ({
  page,
}) => {
  await site.open(page, ENGINEER)
  await expect(page.getByText('今日服务请求')).toBeVisible()
  await page.keyboard.press('F2')
  const content = page.getByPlaceholder('用户反映的问题或请求')
  await content.fill('机房空调告警，已通知物业')
  // Only main's clock moves on, as if the screen's own idle timer had been suspended.
  site.bridge.clock.set(toSiteIso(site.now() + 16 * 60_000))
  await content.press('Enter')
  const lock = page.getByRole('dialog', { name: '屏幕已锁定' })
  await expect(lock).toBeVisible()
  await lock.getByPlaceholder('输入密码解锁').fill(ENGINEER.password)
  await lock.getByPlaceholder('输入密码解锁').press('Enter')
  await expect(lock).toBeHidden()
  await expect(content).toHaveValue('机房空调告警，已通知物业')
  await content.press('Enter')
  await expect(content).toBeHidden()
  await new Shell(page).go('运维记录')
  await expect(page.locator('.n-data-table-tbody')).toContainText('机房空调告警，已通知物业')
})
