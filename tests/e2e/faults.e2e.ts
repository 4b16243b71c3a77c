import { rmSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { toSiteIso } from '../../src/shared/time/site-time'
import { type Bridge, startBridge } from '../bridge/server'
import { tempDir } from '../support/world'
import { choose, FaultDetailPage, LoginScreen, ServiceLogPage, Shell, shot } from './pages'

let bridge: Bridge
const LEAD = { username: 'zhangwei', password: 'Duty#2026ok' }

test.beforeAll(async () => {
  bridge = await startBridge({ dataDir: tempDir() })
  const { auth, assets, serviceLog, sla } = bridge.services
  auth.setup({
    site: {
      customerUnit: '横琴粤澳深度合作区',
      providerName: '',
      contractStart: '2026-01-01',
      contractEnd: '2026-12-31',
      serviceMode: '7x24',
      idleLockMinutes: 15,
    },
    admin: { username: LEAD.username, displayName: '张伟', phone: '', password: LEAD.password },
  })
  auth.login(LEAD.username, LEAD.password)
  const lead = auth.currentActor()!
  sla.usePreset(lead, 'hengqin')
  const system = assets.create(lead, {
    name: '统一身份认证平台',
    kind: 'system',
    parentId: null,
    department: '信息中心',
    tier: 1,
    contacts: '',
    configNotes: '',
    status: 'in_service',
  })
  const categoryId = serviceLog.categories().find((c) => c.name === '故障')!.id
  serviceLog.create(lead, {
    serviceTime: toSiteIso(Date.now() - 3 * 60_000),
    requester: '办公室',
    requesterDept: '',
    assetId: system.id,
    channel: 'phone',
    categoryId,
    content: '全区用户无法登录统一身份认证平台',
    result: '',
    durationMin: 0,
    status: 'open',
  })
  auth.logout(lead)
})
test.afterAll(async () => {
  await bridge.close()
  rmSync(bridge.dataDir, { recursive: true, force: true })
})

test('a P1 from a service-log entry through response, pause, escalation, severity change, recovery and analysis', async ({
  page,
}) => {
  await page.goto(bridge.url)
  await new LoginScreen(page).login(LEAD.username, LEAD.password)
  const shell = new Shell(page)
  await shell.go('运维记录')
  const log = new ServiceLogPage(page)
  await log.rows().filter({ hasText: '无法登录统一身份认证平台' }).getByRole('button', { name: '转为故障' }).click()

  const create = page.locator('.n-card', { hasText: '登记故障' })
  await expect(create.getByPlaceholder('一句话说明故障，例如：统一业务系统全院无法登录')).toHaveValue(
    '全区用户无法登录统一身份认证平台',
  )
  await choose(page, '故障级别', 'P1 重大', create)
  await create.getByRole('button', { name: '登记', exact: true }).click()

  const detail = new FaultDetailPage(page)
  await expect(page.locator('.page-head h1')).toContainText('GZ-2026-0001')
  await expect(detail.clock('respond')).toHaveAttribute('data-state', /running|at_risk/)
  await expect(detail.clock('recover')).toHaveAttribute('data-state', 'running')
  await expect(detail.clock('analysis')).toHaveAttribute('data-state', 'waiting')

  await detail.act('响应', { text: '电话受理，远程查看认证服务日志' })
  await expect(detail.clock('respond')).toHaveAttribute('data-state', 'met')
  await detail.act('挂起', { text: '等待厂商远程接入窗口' })
  // No contract lets a pause stop the clock (presets ship pausesStopClock off): it keeps running.
  await expect(detail.clock('recover')).toHaveAttribute('data-state', 'running')
  await detail.act('恢复处理')
  await expect(detail.clock('recover')).toHaveAttribute('data-state', /running|at_risk/)
  await detail.act('升级处理', { target: '厂商二线 王工 138xxxx', text: '提交认证服务日志与线程转储' })

  const p1Deadline = await detail.clock('recover').locator('.deadline').textContent()
  await detail.act('调整级别', { severity: 'P2 严重', text: '仅外网门户受影响，内网可登录' })
  await expect(page.locator('.page-head h1')).toContainText('P2 严重')
  await expect(detail.clock('recover').locator('.deadline')).not.toHaveText(p1Deadline!)
  await shot(page, '20-fault-detail')

  await detail.act('业务恢复', { text: '重启认证服务集群，清理会话缓存后恢复' })
  await expect(detail.clock('recover')).toHaveAttribute('data-state', 'met')
  await expect(detail.clock('analysis')).toHaveAttribute('data-state', /running|at_risk/)
  await detail.act('故障分析处理记录', { text: '原因：会话缓存占满；处理：扩容并设置淘汰策略；预防：纳入每日巡检' })
  await expect(page.locator('.page-head h1')).toContainText('已关闭')
  await expect(page.locator('.n-timeline-item')).toHaveCount(8)

  await page.getByRole('button', { name: '打印记录表' }).click()
  await expect(page.getByRole('heading', { name: '故障处理记录表' })).toBeVisible()
  await expect(page.locator('.sheet')).toContainText('会话缓存占满')
  await expect(page.locator('.sheet')).toContainText('厂商二线 王工')
  await shot(page, '21-fault-print')
  await page.getByRole('button', { name: '返回' }).click()

  await shell.go('故障管理')
  await expect(page.locator('.n-data-table-tr', { hasText: 'GZ-2026-0001' })).toContainText('已关闭')
  await shot(page, '22-fault-list')
})

test('the board lists open faults by nearest deadline', async ({ page }) => {
  const { auth, faults } = bridge.services
  auth.login(LEAD.username, LEAD.password)
  const lead = auth.currentActor()!
  const now = Date.now()
  faults.create(lead, {
    title: '网上信访系统页面打开缓慢',
    severity: 'P4',
    assetId: null,
    reportedAt: toSiteIso(now - 60_000),
    reportedBy: '',
    reportChannel: 'phone',
    symptoms: '',
    impact: '',
  })
  faults.create(lead, {
    title: '电子卷宗上传失败',
    severity: 'P1',
    assetId: null,
    reportedAt: toSiteIso(now - 5 * 60_000),
    reportedBy: '',
    reportChannel: 'phone',
    symptoms: '',
    impact: '',
  })
  await page.goto(bridge.url + '#/faults')
  await page.getByText('看板（按时限）').click()
  const cards = page.locator('.board .card')
  await expect(cards).toHaveCount(2)
  await expect(cards.first()).toContainText('电子卷宗上传失败')
  await shot(page, '23-fault-board')
})
