import { expect, test, useSite } from './fixtures'
import { LoginScreen, SetupWizard, Shell, shot } from './pages'

/** A fresh site on 2026-11-25: the lead's first hour, on the duty room's 1366×768 screen. */
test.use({ viewport: { width: 1366, height: 768 } })
// late November: next year's 节假日安排 (2027) is the one still to be entered
test.use({ clockAt: '2026-11-25T09:00:00+08:00' })

const site = useSite({ setUp: false })

const PASSWORD = 'Duty#2026ok'
/** The State Council's notice for 2027 as published (not in the bundled data). */
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（周六）至13日（周六）放假调休，共8天。1月31日（周日）、2月20日（周六）上班。`

/** The main content scrolls down, never sideways, at 1366×768. */
const noHorizontalOverflow = () => {
  type Box = { scrollWidth: number; clientWidth: number }
  const doc = (globalThis as unknown as { document: { querySelector(s: string): Box | null } }).document
  const box = doc.querySelector('.content .n-scrollbar-container') ?? doc.querySelector('.content')!
  return box.scrollWidth <= box.clientWidth
}

/** Pairs of text lines under a form's fields that are drawn over each other (as "a | b"). */
const linesOverlap = (item: unknown) => {
  type R = { left: number; right: number; top: number; bottom: number }
  type El = { querySelectorAll(s: string): ArrayLike<El>; getBoundingClientRect(): R; textContent: string | null }
  const lines = Array.from((item as El).querySelectorAll('.n-form-item-feedback__line, li'))
  const hits: string[] = []
  lines.forEach((a, i) =>
    lines.slice(i + 1).forEach((b) => {
      if (a.querySelectorAll('li').length || b.querySelectorAll('li').length) return // a wrapper of the list
      const r = a.getBoundingClientRect()
      const q = b.getBoundingClientRect()
      if (r.left < q.right && q.left < r.right && r.top < q.bottom - 1 && q.top < r.bottom - 1)
        hits.push(`${a.textContent} | ${b.textContent}`)
    }),
  )
  return hits
}

test('first run: contracts by name, password rules up front, what comes next, a setup checklist instead of red', async ({
  page,
}) => {
  await site.open(page)
  const setup = new SetupWizard(page)
  await expect(page.getByText('首次使用设置')).toBeVisible()
  // the contract is named as users name it; no internal references anywhere in the wizard
  await expect(page.locator('.n-form-item', { hasText: 'SLA 策略' })).toContainText('海南省检察院运维合同 一级–四级')
  await expect(page.locator('body')).not.toContainText(/seed|§/)

  await setup.complete(
    { customerUnit: '海南省人民检察院', providerName: '海南某信息技术有限公司' },
    { username: 'zhangwei', displayName: '张伟', password: 'short' },
  )
  // the rules are on screen before anything is submitted, and tick as the password is typed
  const checks = page.getByTestId('password-checks')
  await expect(checks).toContainText('8–64 位')
  await expect(checks).toContainText('大写字母、小写字母、数字、符号中至少三类')
  await expect(checks.locator('li.ok')).toHaveCount(1) // only 不包含用户名 holds for "short"
  // leaving the field with a weak password: the unmet rules turn red in place, no error line printed over them
  await page.getByPlaceholder('至少 8 位，含大小写字母、数字、符号中的三类').press('Tab')
  const pwField = page.getByPlaceholder('至少 8 位，含大小写字母、数字、符号中的三类')
  await expect(page.locator('.n-form-item', { has: pwField }).locator('.n-form-item-feedback--error')).toBeVisible()
  expect(await page.locator('.n-form').first().evaluate(linesOverlap)).toEqual([])
  const confirmTop = (await page.getByPlaceholder('再次输入密码').boundingBox())!.y
  expect((await checks.boundingBox())!.y + (await checks.boundingBox())!.height).toBeLessThanOrEqual(confirmTop)
  await shot(page, 'first-run-00-weak-password')
  await page.getByPlaceholder('至少 8 位，含大小写字母、数字、符号中的三类').fill(PASSWORD)
  await page.getByPlaceholder('再次输入密码').fill(PASSWORD)
  await expect(checks.locator('li.ok')).toHaveCount(3)
  await shot(page, 'first-run-01-password-rules')

  await page.getByRole('button', { name: '完成设置' }).click()
  const done = page.getByTestId('setup-done')
  await expect(done).toContainText('站点已建立')
  await expect(done).toContainText('海南省检察院运维合同 一级–四级')
  await expect(done).toContainText('用 zhangwei 登录')
  await expect(done).toContainText('粘贴通知正文导入')
  await shot(page, 'first-run-02-done')
  await page.getByRole('button', { name: '去登录' }).click()
  await new LoginScreen(page).login('zhangwei', PASSWORD)

  // 首页: a short checklist, not violations
  const checklist = page.getByTestId('setup-checklist')
  await expect(checklist).toContainText('还有 4 件事')
  for (const step of ['为驻场工程师建账号', '录入运维对象', '核对班次，生成本月排班', '录入 2027 年节假日安排'])
    await expect(checklist).toContainText(step)
  await expect(page.getByTestId('holiday-warning')).toHaveCount(0) // said once, in the checklist
  expect(await page.evaluate(noHorizontalOverflow)).toBe(true)
  await shot(page, 'first-run-03-home-checklist')

  // 值班排班 of an unscheduled month: what to do, no red grid
  const shell = new Shell(page)
  await shell.go('值班排班')
  await expect(page.getByTestId('violations')).toContainText('本月还没有排班')
  await expect(page.getByTestId('violations')).toContainText('节假日值班')
  await expect(page.getByText(/不符合排班规则/)).toHaveCount(0)
  await expect(page.locator('.grid .problem')).toHaveCount(0)
  await shot(page, 'first-run-04-roster-empty')

  // checklist step → settings; paste the notice; a wrong weekday is refused and nothing is saved
  await shell.go('首页')
  await checklist.locator('li', { hasText: '节假日安排' }).getByRole('button', { name: '去设置' }).click()
  const notice = page.getByTestId('notice-import')
  await notice.scrollIntoViewIfNeeded()
  await notice.locator('textarea').fill(NOTICE_2027.replace('1月1日（周五）', '1月1日（周四）'))
  await notice.getByRole('button', { name: '识别' }).click()
  await expect(notice.getByRole('alert')).toContainText('1月1日标注为周四，但 2027 年的1月1日是周五')
  await expect(notice.getByTestId('notice-preview')).toHaveCount(0)
  await expect(notice.getByRole('button', { name: /确认保存/ })).toHaveCount(0)

  await notice.locator('textarea').fill(NOTICE_2027)
  await notice.getByRole('button', { name: '识别' }).click()
  const preview = notice.getByTestId('notice-preview')
  await expect(preview).toContainText('元旦')
  await expect(preview).toContainText('2月6日（周六） 至 2月13日（周六）')
  await expect(preview).toContainText('1月31日（周日）、2月20日（周六）')
  await shot(page, 'first-run-05-notice-preview')
  await notice.getByRole('button', { name: '确认保存 2027 年安排（11 天假日、2 天调休上班）' }).click()
  await expect(page.getByText('已保存 2027 年的节假日安排')).toBeVisible()
  await expect(preview).toHaveCount(0)
  expect(await page.evaluate(noHorizontalOverflow)).toBe(true)

  // pasting only part of the notice later says plainly which saved days it would reset; 取消 keeps them
  await notice.locator('textarea').fill('一、元旦：1月1日（周五）至3日（周日）放假，共3天。')
  await notice.getByRole('button', { name: '识别' }).click()
  await expect(notice.getByTestId('notice-dropped')).toContainText('通知中没有以下 10 天')
  await expect(notice.getByTestId('notice-dropped')).toContainText('2月6日（周六）')
  await shot(page, 'first-run-06-notice-partial')
  await notice.getByRole('button', { name: '取消' }).click()
  await expect(notice.getByTestId('notice-preview')).toHaveCount(0)

  // back on 首页 the holiday step is ticked off; the others remain
  await shell.go('首页')
  await expect(checklist).toContainText('还有 3 件事')
  await expect(checklist.locator('li.done')).toContainText('已有 2027 年的安排')

  // every other password form shows the same rules before saving: the first engineer's account, 修改密码
  await checklist.locator('li', { hasText: '为驻场工程师建账号' }).getByRole('button', { name: '去设置' }).click()
  await page.getByRole('button', { name: '新增账号' }).click()
  const accountForm = page.locator('.n-card', { hasText: '初始密码' })
  await expect(accountForm.getByTestId('password-checks')).toContainText('大写字母、小写字母、数字、符号中至少三类')
  await shot(page, 'first-run-07-account-password-rules')
  await accountForm.getByRole('button', { name: '取消' }).click()
  await page.getByRole('button', { name: '修改密码' }).click()
  const dialog = page.locator('.n-card', { hasText: '确认新密码' })
  await expect(dialog.getByTestId('password-checks')).toContainText('8–64 位')
  await dialog.getByRole('button', { name: '取消' }).click()
})
