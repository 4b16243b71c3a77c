import { toSiteDate } from '../../src/shared/time/site-time'
import { expect, LEAD, test, useSite } from './fixtures'
import { AssetsPage, LoginScreen, ServiceLogPage, SetupWizard, Shell, shot } from './pages'

// A fresh install: the first-use wizard sets the site up, so the fixture leaves it unset.
const site = useSite({ setUp: false })
const PASSWORD = LEAD.password

test('a new site: setup, login, inventory, a day of service requests, search, void, audit', async ({ page }) => {
  await site.open(page)

  const setup = new SetupWizard(page)
  await setup.complete(
    { customerUnit: '海南省人民检察院', providerName: '海南某信息技术有限公司' },
    { username: 'zhangwei', displayName: '张伟', password: PASSWORD },
  )
  await shot(page, '01-setup')
  await setup.finish()

  await expect(page.getByText('驻场值守台').first()).toBeVisible()
  await expect(page.getByText('海南省人民检察院')).toBeVisible()
  await shot(page, '02-login')
  await new LoginScreen(page).login('zhangwei', PASSWORD)

  const shell = new Shell(page)
  await expect(page.getByText('今日服务请求')).toBeVisible()
  await shell.go('运维对象')
  const assets = new AssetsPage(page)
  await assets.add({
    name: '统一业务应用系统',
    department: '案件管理部',
    notes: '应用服务器 10.46.1.11/12，Oracle 11g RAC',
  })
  await assets.add({ name: '电子卷宗应用系统', department: '案件管理部', notes: '扫描上传服务 10.46.2.11' })
  await shot(page, '03-inventory')

  await shell.go('运维记录')
  const log = new ServiceLogPage(page)
  await log.quickEntry({
    system: '统一业务应用系统',
    category: '账号权限',
    requester: '王检察官',
    content: '检察官忘记登录密码，申请重置密码',
    result: '核实身份后已重置',
  })
  await log.quickEntry({
    system: '电子卷宗应用系统',
    category: '故障',
    requester: '李书记员',
    content: '电子卷宗扫描件上传失败提示文件过大',
    result: '调整上传大小限制后恢复',
  })
  await log.quickEntry({
    system: '统一业务应用系统',
    category: '咨询',
    requester: '陈主任',
    content: '咨询如何打印案件流程监控表',
    result: '电话指导操作',
  })
  await expect(log.rows()).toHaveCount(3)
  await shot(page, '04-service-log')

  await log.search('密码')
  await expect(log.rows()).toHaveCount(1)
  await expect(log.rows().first()).toContainText('申请重置密码')
  await log.search('扫描件上传失败')
  await expect(log.rows()).toHaveCount(1)
  await expect(log.rows().first()).toContainText('电子卷宗')
  await log.search('')
  await expect(log.rows()).toHaveCount(3)

  await log.voidRow('咨询如何打印案件流程监控表', '重复登记')
  await shot(page, '05-service-log-voided')

  await shell.go('首页')
  // Two entries stand (one voided). Run across midnight, 首页 counts the new day's entries, not yesterday's.
  const today = toSiteDate(site.now())
  const standing = site.services.serviceLog.list({ from: today, to: today, includeVoided: false, offset: 0, limit: 10 })
  expect(standing.total).toBeLessThanOrEqual(2)
  await expect(page.locator('.n-statistic', { hasText: '今日服务请求' })).toContainText(String(standing.total))
  await shot(page, '06-home')

  await shell.go('审计日志')
  await expect(page.getByTestId('chain-status')).toContainText('哈希链完整')
  await expect(page.locator('.n-data-table-td', { hasText: '作废' }).first()).toBeVisible()
  await shot(page, '07-audit')
})
