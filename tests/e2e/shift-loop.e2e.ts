import type { Page } from '@playwright/test'
import { addDays, toSiteDate, toSiteIso } from '../../src/shared/time/site-time'
import { expect, LEAD, type SiteUser, test, useSite } from './fixtures'
import { LoginScreen, Shell, shot } from './pages'

/** The loop of every shift at the duty-room screen: SLA alerts, then the handover. */
test.use({ viewport: { width: 1366, height: 768 } })

const A = LEAD
const B: SiteUser = {
  username: 'liqiang',
  displayName: '李强',
  role: 'engineer',
  password: 'Field#2026ok',
  phone: '13907550002',
}
let faults: number[] = []

const site = useSite({
  slaPreset: 'hengqin',
  users: [B],
  seed: ({ services, lead, ids, now }) => {
    const night = services.roster.shifts().find((s) => s.name === '夜间待命')!
    // 李强 holds the next shift to start whatever the hour: tonight's 夜间待命 and tomorrow's
    // (a minute before midnight, tonight's began hours ago and tomorrow's is the next one)
    const today = toSiteDate(now())
    for (const date of [today, addDays(today, 1)])
      services.roster.setCell(lead, date, ids[B.displayName]!, [night.id], '')
    // Three faults reported three hours ago: every response clock has run out (横琴 P3: 10 minutes).
    faults = ['统一业务系统登录缓慢', '交换平台下行数据积压', '电子卷宗上传失败'].map(
      (title) =>
        services.faults.create(lead, {
          title,
          severity: 'P3',
          assetId: null,
          reportedAt: toSiteIso(now() - 180 * 60_000),
          reportedBy: '',
          reportChannel: 'phone',
          symptoms: '',
          impact: '',
        }).id,
    )
  },
})

const alerts = (page: Page) => page.locator('.sla-alerts')
const summary = (page: Page) => page.getByTestId('sla-summary')
const reminderCall = (page: Page) =>
  page.waitForRequest((r) => r.url().includes('/__bridge/invoke') && !!r.postData()?.includes('"fault/reminders"'))

test('SLA alerts belong to the session: none before login or on the lock screen, collapsed, acknowledged until the state changes', async ({
  page,
}) => {
  const calls: string[] = []
  page.on('request', (r) => {
    const ch = /"channel":"([^"]+)"/.exec(r.postData() ?? '')?.[1]
    if (ch) calls.push(ch)
  })
  await site.open(page)
  await expect(page.getByPlaceholder('用户名')).toBeVisible()
  await expect(alerts(page)).toHaveCount(0)

  await new LoginScreen(page).login(A.username, A.password)
  // Three faults overdue: one summary card, not a stack of cards over the page.
  await expect(summary(page)).toContainText('3 项已超时')
  await expect(summary(page).getByRole('button', { name: '查看看板' })).toBeVisible()
  await expect(page.getByTestId('sla-alert')).toHaveCount(0)
  expect(calls.filter((c) => c === 'fault/reminders')).toHaveLength(1)
  expect(calls.filter((c) => c.startsWith('handover/'))).toHaveLength(0)
  await shot(page, '50-alerts-summary-home')

  await summary(page).getByRole('button', { name: '查看看板' }).click()
  await expect(page.getByRole('radio', { name: '看板（按时限）' })).toBeChecked()
  await expect(alerts(page)).toHaveCount(0)

  // Acknowledged stays acknowledged on a page load …
  let call = reminderCall(page)
  await page.reload()
  await call
  await expect(page.locator('.page-head h1')).toBeVisible()
  await expect(alerts(page)).toHaveCount(0)

  // … until the state changes: the level of one fault goes up, its deadlines move, and it is shown again.
  const lead = site.services.auth.currentActor()!
  site.services.faults.addEvent(lead, {
    faultId: faults[0]!,
    kind: 'severity',
    at: toSiteIso(site.now()),
    text: '影响全院办案',
    severity: 'P2',
  })
  call = reminderCall(page)
  await page.reload()
  await call
  const card = page.getByTestId('sla-alert')
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('统一业务系统登录缓慢')
  await expect(card).toContainText(/响应已超时 \d+小时/)
  await shot(page, '51-alert-card-after-severity-change')

  // Locked: nothing about a fault on the screen.
  await page.getByRole('button', { name: '锁定' }).click()
  const lock = page.getByRole('dialog', { name: '屏幕已锁定' })
  await expect(lock).toBeVisible()
  await expect(alerts(page)).toHaveCount(0)
  await shot(page, '52-locked-no-alerts')
  await lock.getByPlaceholder('输入密码解锁').fill(A.password)
  await lock.getByPlaceholder('输入密码解锁').press('Enter')
  await expect(card).toHaveCount(1)

  // Switching user clears the session's alerts; the next user gets their own, once.
  await page.getByRole('button', { name: '切换用户' }).click()
  await expect(page.getByPlaceholder('用户名')).toBeVisible()
  await expect(alerts(page)).toHaveCount(0)
  await new LoginScreen(page).login(B.username, B.password)
  await expect(summary(page)).toHaveCount(1)
  await expect(summary(page)).toContainText('3 项已超时')
  await summary(page).getByRole('button', { name: '知道了' }).click()
  await expect(alerts(page)).toHaveCount(0)

  const rows = site.services.db
    .prepare('SELECT count(*) AS n, count(DISTINCT key) AS keys, count(key) AS keyed FROM notification_log')
    .get() as { n: number; keys: number; keyed: number }
  expect(rows.n).toBeGreaterThan(0)
  expect(rows).toEqual({ n: rows.n, keys: rows.n, keyed: rows.n })
  await page.getByRole('button', { name: '切换用户' }).click()
})

test('the handover draft saves itself, asks before leaving with unsaved text, and a wrong password can be retried', async ({
  page,
}) => {
  await site.open(page, A)
  const shell = new Shell(page)
  await shell.go('交接班')
  await page.getByRole('button', { name: '开始交接班' }).click()
  const summaryText = page.getByLabel('本班情况').locator('textarea')
  await summaryText.fill('本班处理咨询 8 起，故障 3 起')
  await expect(page.getByTestId('autosave')).toHaveText(/^已保存 \d\d:\d\d$/)
  await shot(page, '53-handover-autosaved')

  // Saved: leaving asks nothing, and the text is there on return.
  await shell.go('故障管理')
  await shell.go('交接班')
  await expect(summaryText).toHaveValue('本班处理咨询 8 起，故障 3 起')

  // Typed and left at once: the page asks first; Esc stays, 保存后离开 keeps the text.
  const cautions = page.getByLabel('注意事项').locator('textarea')
  await cautions.fill('交换平台积压需每小时查看')
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '故障管理' }).click()
  const ask = page.locator('.n-dialog', { hasText: '交接内容尚未保存' })
  await expect(ask).toBeVisible()
  await shot(page, '54-handover-leave-asks')
  await page.keyboard.press('Escape')
  await expect(ask).toBeHidden()
  await expect(page.locator('.page-head h1')).toHaveText('交接班')
  await cautions.fill('交换平台积压需每小时查看，厂商电话 0898-12345678')
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '故障管理' }).click()
  await ask.getByRole('button', { name: '保存后离开' }).click()
  await expect(page.locator('.page-head h1')).toHaveText('故障管理')
  await shell.go('交接班')
  await expect(cautions).toHaveValue('交换平台积压需每小时查看，厂商电话 0898-12345678')

  // Typed and 切换用户 at once: saved before the session ends, there at the next login.
  await page.getByLabel('待办').locator('textarea').fill('明早 9 点回访')
  await page.getByRole('button', { name: '切换用户' }).click()
  await new LoginScreen(page).login(A.username, A.password)
  await shell.go('交接班')
  await expect(page.getByLabel('待办').locator('textarea')).toHaveValue('明早 9 点回访')

  // One wrong password at 提交交班, then the right one: submitted, no stale-revision error.
  await page.getByRole('button', { name: '提交交班' }).click()
  const dialog = page.locator('.n-card', { hasText: '提交交班' }).last()
  const password = dialog.locator('input[type=password]')
  await password.fill('wrong-password')
  await password.press('Enter')
  await expect(dialog).toContainText('密码')
  await expect(dialog).not.toContainText('已在别处修改')
  await password.fill(A.password)
  await password.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByText(`请 ${B.displayName} 在本机核对以下交接内容`)).toBeVisible()
  await expect(page.locator('body')).not.toContainText('已在别处修改')
  const h = site.services.handovers.current(site.services.auth.currentActor()!)!
  expect(h).toMatchObject({ status: 'submitted', todo: '明早 9 点回访', summary: '本班处理咨询 8 起，故障 3 起' })
})
