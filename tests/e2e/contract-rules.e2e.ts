import { dayType } from '../../src/shared/calendar/holidays'
import { addDays, toSiteDate, toSiteIso } from '../../src/shared/time/site-time'
import { expect, LEAD, test, useSite } from './fixtures'
import { choose, FaultDetailPage, Shell, shot } from './pages'

/**
 * The contracts' counting rules on screen: 通知领导 on the board until done (seed 003
 * §4.3.3.3), fault category filter and counts, the per-level pause setting, and the
 * 节假日值班表 listing weekends with phones (seed 003 §3.2.4).
 */
test.use({ viewport: { width: 1366, height: 768 } })
/** the site-local month the roster is generated for (the suite's clock may pass midnight into another) */
let rosterMonth = ''

const site = useSite({
  // 本合同年 runs from the contract's anniversary: one that began six months back keeps
  // the faults below (reported up to an hour ago) in the current contract year at any date,
  // also a minute into 1 January
  contract: (today) => {
    const start = `${addDays(today, -183).slice(0, 7)}-01`
    return { start, end: `${Number(start.slice(0, 4)) + 2}${start.slice(4)}` }
  },
  seed: ({ services: { faults, roster }, lead, now }) => {
    faults.create(lead, {
      title: '统一业务系统数据库宕机',
      severity: 'L1',
      category: 'hardware',
      assetId: null,
      reportedAt: toSiteIso(now() - 2 * 60_000),
      reportedBy: '案管办',
      reportChannel: 'phone',
      symptoms: '全院无法登录',
      impact: '',
    })
    faults.create(lead, {
      title: '交换机端口闪断',
      severity: 'L3',
      category: 'network',
      assetId: null,
      reportedAt: toSiteIso(now() - 60 * 60_000),
      reportedBy: '',
      reportChannel: 'phone',
      symptoms: '',
      impact: '',
    })
    const month = toSiteDate(now()).slice(0, 7)
    rosterMonth = month
    for (const shift of roster.shifts())
      roster.saveRotation(lead, {
        name: `${shift.name}轮换`,
        shiftId: shift.id,
        engineerIds: [lead.id],
        periodDays: 1,
        startDate: `${month}-01`,
      })
    for (const r of roster.rotations()) roster.generate(lead, month, r.id, false, '')
  },
})

test('a major fault shows 通知领导 on the board until the lead records who was told and how', async ({ page }) => {
  await site.open(page, LEAD)
  await new Shell(page).go('故障管理')
  await page.getByText('看板（按时限）').click()
  const card = page.locator('.card', { hasText: '统一业务系统数据库宕机' })
  await expect(card.getByTestId('notify-pending')).toContainText('须立即通知主管部门领导')
  await expect(card.locator('[data-milestone="notify"]')).toBeVisible()
  await shot(page, '60-contract-notify-board')

  await card.click()
  const detail = new FaultDetailPage(page)
  await page.getByLabel('处理操作').getByRole('button', { name: '通知领导', exact: true }).click()
  const dialog = page.locator('.n-card', { hasText: '· GZ-' })
  // Saved without saying whom: a Chinese message, nothing recorded.
  await dialog.locator('textarea').press('Enter')
  await expect(dialog.getByRole('alert')).toContainText('请填写通知了哪位领导')
  await dialog.getByPlaceholder('主管部门领导的姓名或职务，例如：技术处王处长').fill('技术处王处长')
  await choose(page, '通知方式', '电话', dialog)
  await dialog.locator('textarea').fill('电话报告故障现象和影响范围')
  await dialog.locator('textarea').press('Enter')
  await expect(dialog).toBeHidden()
  await expect(detail.clock('notify')).toHaveAttribute('data-state', 'met')
  await expect(page.locator('.n-timeline')).toContainText('通知领导：技术处王处长（电话）')
  await expect(page.locator('.n-descriptions')).toContainText('硬件')
  // A pause needs a reason; by default it does not stop the contract clock, and the record says so.
  await detail.act('挂起', { text: '等待用户停机窗口' })
  await expect(page.getByTestId('pauses')).toContainText('（计时未停），原因：等待用户停机窗口')
  await shot(page, '66-contract-fault-detail')

  await page.getByRole('button', { name: '返回列表' }).click()
  await page.getByText('看板（按时限）').click()
  await expect(page.locator('.card', { hasText: '统一业务系统数据库宕机' })).toBeVisible()
  await expect(page.getByTestId('notify-pending')).toHaveCount(0)
})

test('filters faults by category and counts them on the home page for the contract year', async ({ page }) => {
  await site.open(page, LEAD)
  await new Shell(page).go('故障管理')
  await page.locator('.filters .n-base-selection', { hasText: '类别' }).click()
  await page.locator('.n-base-select-option', { hasText: '网络' }).click()
  const rows = page.locator('.n-data-table-tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('交换机端口闪断')
  await expect(rows.first()).toContainText('网络')
  await page.getByRole('button', { name: '登记故障', exact: true }).click()
  const form = page.locator('.n-form-item', { hasText: '故障类别' })
  await expect(form).toContainText('其他')
  await shot(page, '65-contract-create-category')
  await page.keyboard.press('Escape')

  await new Shell(page).go('首页')
  await expect(page.getByTestId('fault-categories')).toContainText('硬件 1')
  await expect(page.getByTestId('fault-categories')).toContainText('网络 1')
  await expect(page.getByTestId('major-year')).toContainText('本合同年重大故障')
  await expect(page.getByTestId('missed-milestones')).toBeVisible()
  await shot(page, '61-contract-home')
  // The count opens as the list of those faults: the same faults, counted the same way.
  const counted = (
    await page.getByTestId('missed-milestones').locator('.n-statistic-value__content').innerText()
  ).trim()
  await page.getByTestId('missed-milestones').click()
  await expect(page.getByRole('checkbox', { name: '有超时环节（含已关闭）' })).toBeChecked()
  await expect(page.locator('.n-data-table-tbody')).toContainText('交换机端口闪断')
  await expect(page.getByText(`共 ${counted} 条`)).toBeVisible()
  await shot(page, '67-contract-breached-list')
})

test('站点设置 shows 挂起停止计时 per level, off for every level of the preset', async ({ page }) => {
  await site.open(page, LEAD)
  await new Shell(page).go('站点设置')
  const card = page.locator('.n-card', { hasText: 'SLA 策略' })
  for (const level of ['一级', '二级', '三级', '四级'])
    await expect(card.getByRole('checkbox', { name: `${level} 挂起停止计时` })).not.toBeChecked()
  await expect(card.getByTestId('sla-note')).toContainText('一级/二级解决 7×24')
  await card.scrollIntoViewIfNeeded()
  await shot(page, '64-contract-sla-settings')
  await card.getByRole('checkbox', { name: '三级 挂起停止计时' }).click()
  await card.getByRole('button', { name: '保存 SLA 策略' }).click()
  await expect(page.getByText('SLA 策略已保存')).toBeVisible()
  expect(site.services.sla.policy().levels.map((l) => l.pausesStopClock)).toEqual([false, false, true, false])
  // Left and come back to: the setting stays.
  await new Shell(page).go('首页')
  await new Shell(page).go('站点设置')
  await expect(
    page.locator('.n-card', { hasText: 'SLA 策略' }).getByRole('checkbox', { name: '三级 挂起停止计时' }),
  ).toBeChecked()
})

test('the 节假日值班表 lists the weekends of a period with the phone numbers', async ({ page }) => {
  await site.open(page, LEAD)
  const from = `${rosterMonth}-01`
  const to = addDays(from, 13)
  await page.goto(`${site.url}#/roster/${rosterMonth}/print?from=${from}&to=${to}`)
  await expect(page.getByRole('heading', { name: '节假日值班表' })).toBeVisible()
  const body = page.locator('.holiday tbody')
  await expect(body).toContainText('周末')
  await expect(body).toContainText('周末电话值班')
  await expect(body).toContainText('张伟 13907550001')
  await shot(page, '62-contract-holiday-table')
  // The SLA reminders (the 三级 fault's response is overdue) never land on the printed sheet:
  // the session has them on its screens, and the sheet shows none, on screen or on paper.
  const reminder = page.locator('.sla-alerts')
  await page.goto(`${site.url}#/home`)
  await expect(reminder).toBeVisible()
  await page.goBack()
  await expect(page.getByRole('heading', { name: '节假日值班表' })).toBeVisible()
  await expect(reminder).toHaveCount(0)
  await page.emulateMedia({ media: 'print' })
  await expect(reminder).toHaveCount(0)
  await expect(page.getByRole('heading', { name: '节假日值班表' })).toBeVisible()
  await page.emulateMedia({ media: 'screen' })
})

test('a fault that arrives during the handover is marked 交接中新发生 and stays so when collected again', async ({
  page,
}) => {
  await site.open(page, LEAD)
  await new Shell(page).go('交接班')
  await page.getByRole('button', { name: '开始交接班' }).click()
  const items = page.getByTestId('handover-items')
  await expect(items).toContainText('交换机端口闪断')
  await expect(page.getByTestId('arrived-during-handover')).toHaveCount(0)

  const lead = site.services.auth.currentActor()!
  site.services.faults.create(lead, {
    title: '机房空调告警',
    severity: 'L3',
    category: 'environment',
    assetId: null,
    reportedAt: toSiteIso(site.now() - 60_000),
    reportedBy: '',
    reportChannel: 'monitor',
    symptoms: '',
    impact: '',
  })
  await page.reload()
  await page.getByRole('button', { name: '重新收集' }).first().click()
  const row = items.locator('tbody tr', { hasText: '机房空调告警' })
  await expect(row.getByTestId('arrived-during-handover')).toHaveText('交接中新发生，需交班人先处理')
  await expect(page.getByTestId('arrived-during-handover')).toHaveCount(1)
  await shot(page, '63-contract-handover-arrived')
  await page.getByRole('button', { name: '重新收集' }).first().click()
  await expect(row.getByTestId('arrived-during-handover')).toBeVisible()
})

test('a weekend fault solved remotely shows its 2-hour arrival as not needed, not missed (seed 003 §3.2.4)', async ({
  page,
}) => {
  const { auth, faults, calendar } = site.services
  auth.login(LEAD.username, LEAD.password)
  const lead = auth.currentActor()!
  // The latest Saturday or Sunday, at least three days back, that is not a 调休 workday.
  let day = addDays(toSiteDate(site.now()), -3)
  while (dayType(day, calendar.holidays()) !== 'weekend') day = addDays(day, -1)
  const f = faults.create(lead, {
    title: '文书模板需优化',
    severity: 'L4',
    category: 'other',
    assetId: null,
    reportedAt: `${day}T10:00:00+08:00`,
    reportedBy: '办公室',
    reportChannel: 'phone',
    symptoms: '',
    impact: '',
  })
  faults.addEvent(lead, { faultId: f.id, kind: 'respond', at: `${day}T10:05:00+08:00`, text: '电话受理' })
  faults.addEvent(lead, {
    faultId: f.id,
    kind: 'recover',
    at: `${addDays(day, 2)}T10:00:00+08:00`,
    text: '远程调整模板',
  })
  auth.logout(lead)
  await site.open(page, LEAD)
  await page.goto(`${site.url}#/faults/${f.id}`)
  const detail = new FaultDetailPage(page)
  await expect(detail.clock('arrive')).toContainText('远程解决，无需到场')
  await expect(detail.clock('arrive')).not.toContainText('超时')
  await shot(page, '66-contract-weekend-remote')
})
