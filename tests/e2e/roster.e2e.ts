import { type Page } from '@playwright/test'
import { expect, LEAD, type SiteUser, test, useSite } from './fixtures'
import { LoginScreen, pickOption, Shell, shot } from './pages'

const PW = 'Field#2026ok'
const TEAM: SiteUser[] = [
  { username: 'liqiang', displayName: '李强', password: PW, phone: '13907550002' },
  { username: 'wangfang', displayName: '王芳', password: PW, phone: '13907550003' },
  { username: 'chenjie', displayName: '陈杰', password: PW, phone: '13907550004' },
]
// October 2026 (国庆节) is planned whatever the suite's date.
const site = useSite({
  serviceMode: '5x8',
  users: TEAM,
  seed: ({ services: { roster }, lead, ids }) => {
    const team = [ids.张伟!, ids.李强!, ids.王芳!, ids.陈杰!]
    for (const shift of roster.shifts().filter((s) => s.name !== '夜间待命')) {
      roster.saveRotation(lead, {
        name: `${shift.name}轮换`,
        shiftId: shift.id,
        engineerIds: team,
        periodDays: 1,
        startDate: '2026-10-01',
      })
    }
  },
})

async function pick(page: Page, scope: ReturnType<Page['locator']>, placeholder: string, option: string) {
  await scope.locator('.n-base-selection', { hasText: placeholder }).click()
  await pickOption(page, option)
}
async function openMonth(page: Page, month: string) {
  await new Shell(page).go('值班排班')
  const input = page.getByPlaceholder('选择月份')
  await input.fill(month)
  await input.press('Enter')
  await expect(page.locator('.grid thead')).toContainText('31')
}
const cell = (page: Page, date: string, name: string) => page.locator(`[data-cell="${date}|${name}"]`)

test('October 2026: shifts, generation, a holiday left uncovered and fixed, publication, a swap, the printed roster', async ({
  page,
}) => {
  await site.open(page, LEAD)
  const shell = new Shell(page)

  await shell.go('站点设置')
  const shiftCard = page.locator('.n-card', { hasText: '值班班次' })
  await shiftCard.getByRole('button', { name: '新增班次' }).click()
  const row = shiftCard.locator('tbody tr').last()
  await row.locator('input').first().fill('周末巡检')
  await row.getByRole('checkbox', { name: '工作日（含调休上班）' }).click()
  await row.getByRole('checkbox', { name: '周末' }).click()
  await row.locator('.n-input-number input').fill('0')
  await row.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('已保存班次“周末巡检”')).toBeVisible()

  await openMonth(page, '2026-10')
  await page.getByRole('button', { name: '生成排班' }).click()
  const gen = page.locator('.n-card', { hasText: '新增轮换方案' })
  await gen.getByPlaceholder('方案名称，如：夜间待命周轮换').fill('夜间待命周轮换')
  await pick(page, gen, '班次', '夜间待命')
  await gen.locator('.n-input-number input').fill('7')
  // A multiple select stays open: pick the engineers in rotation order, then close it.
  await gen.locator('.n-base-selection', { hasText: '按轮换顺序选择工程师' }).click()
  for (const name of ['李强', '王芳', '陈杰', '张伟'])
    await page.locator('.n-base-select-option', { hasText: name }).first().click()
  await page.keyboard.press('Escape')
  await gen.getByRole('button', { name: '保存方案' }).click()
  await expect(gen.locator('tbody')).toContainText('夜间待命周轮换')
  await gen.getByRole('button', { name: '按全部方案生成' }).click()
  await expect(gen).toBeHidden()
  await expect(page.getByTestId('violations')).toContainText('排班符合全部规则')

  const onHoliday = (await site.services.roster.month('2026-10')).assignments.filter((a) => a.date === '2026-10-03')
  for (const a of onHoliday) {
    await cell(page, '2026-10-03', a.userName).click()
    const dialog = page.locator('.n-card', { hasText: `2026-10-03 ${a.userName}` })
    for (const box of await dialog.getByRole('checkbox', { checked: true }).all()) await box.click()
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect(dialog).toBeHidden()
  }
  await expect(page.getByTestId('violations')).toContainText('【节假日无人值班】2026-10-03')
  await page.getByRole('button', { name: '发布' }).click()
  await expect(page.getByRole('alert').filter({ hasText: '不能发布' })).toContainText('2026-10-03')
  await shot(page, '30-roster-violation')

  await cell(page, '2026-10-03', '王芳').click()
  const fix = page.locator('.n-card', { hasText: '2026-10-03 王芳' })
  await fix.getByRole('checkbox', { name: /节假日值班/ }).click()
  await fix.getByRole('checkbox', { name: /夜间待命/ }).click()
  await fix.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('violations')).toContainText('排班符合全部规则')
  await page.getByRole('button', { name: '发布' }).click()
  await expect(page.locator('.page-head')).toContainText('已发布 · 第 1 版')
  await shot(page, '31-roster-grid')

  // 李强 gives a 白班 to 王芳; 王芳 accepts; the lead approves.
  const october = site.services.roster.month('2026-10')
  const dayShift = october.shifts.find((s) => s.name === '白班')!
  const give = october.assignments.find(
    (a) => a.userName === '李强' && a.shiftId === dayShift.id && a.date > '2026-10-15',
  )!
  const shiftName = dayShift.name
  await page.getByRole('button', { name: '切换用户' }).click()
  await new LoginScreen(page).login('liqiang', PW)
  await openMonth(page, '2026-10')
  await page.locator('.n-tabs-tab', { hasText: '换班申请' }).click()
  await pick(page, page.locator('.n-tab-pane'), '我的班次', `${give.date} ${shiftName}`)
  await pick(page, page.locator('.n-tab-pane'), '交给谁', '王芳')
  await page.getByPlaceholder('原因').fill('外出参加培训')
  await page.getByRole('button', { name: '申请换班' }).click()
  await expect(page.locator('[data-swap]')).toContainText('待对方确认')

  await page.getByRole('button', { name: '切换用户' }).click()
  await new LoginScreen(page).login('wangfang', PW)
  await openMonth(page, '2026-10')
  await page.locator('.n-tabs-tab', { hasText: '换班申请' }).click()
  await page.locator('[data-swap]').getByRole('button', { name: '接受' }).click()
  await expect(page.locator('[data-swap]')).toContainText('待负责人批准')

  await page.getByRole('button', { name: '切换用户' }).click()
  await new LoginScreen(page).login(LEAD.username, LEAD.password)
  await openMonth(page, '2026-10')
  await page.locator('.n-tabs-tab', { hasText: '换班申请' }).click()
  await page.locator('[data-swap]').getByRole('button', { name: '批准' }).click()
  await expect(page.locator('[data-swap]')).toContainText('已生效')
  await expect(page.locator('[data-swap]')).toContainText('王芳 接受')
  await page.locator('.n-tabs-tab', { hasText: '月表' }).click()
  await expect(cell(page, give.date, '王芳')).toContainText(shiftName.slice(0, 2))
  await page.locator('.n-tabs-tab', { hasText: '发布后变更' }).click()
  await expect(page.locator('.n-tab-pane')).toContainText(`换班：${give.date} 李强 → 王芳`)

  await page.getByRole('button', { name: '打印值班表' }).click()
  await expect(page.getByRole('heading', { name: '海南省人民检察院 2026年10月值班表' })).toBeVisible()
  await expect(page.locator('.sheet')).toContainText('第 1 版')
  await expect(page.locator('.sheet')).toContainText('王芳 13907550003')
  await shot(page, '32-roster-print')
  await page.goto(site.url + '#/roster/2026-10/print?from=2026-10-01&to=2026-10-07')
  await expect(page.getByRole('heading', { name: '节假日值班表' })).toBeVisible()
  await expect(page.locator('.holiday tbody')).toContainText('国庆节')
  await shot(page, '33-holiday-duty-print')
})
