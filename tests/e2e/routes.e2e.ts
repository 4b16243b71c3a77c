import { rmSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { toSiteIso } from '../../src/shared/time/site-time'
import { type Bridge, startBridge } from '../bridge/server'
import { tempDir } from '../support/world'
import { LoginScreen } from './pages'

/** Record views follow the URL: another id by link, typed URL or back/forward shows that record. */
test.use({ viewport: { width: 1366, height: 768 } })

let bridge: Bridge
const LEAD = { username: 'zhangwei', password: 'Duty#2026ok' }
const ENGINEER = { username: 'liqiang', password: 'Duty#2026li' }
let handoverIds: number[] = []

test.beforeAll(async () => {
  bridge = await startBridge({ dataDir: tempDir() })
  const { auth, accounts, faults, handovers, sla } = bridge.services
  auth.setup({
    site: {
      customerUnit: '海南省人民检察院',
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
  for (const title of ['统一身份认证平台无法登录', '电子卷宗上传失败'])
    faults.create(lead, {
      title,
      severity: 'P3',
      assetId: null,
      reportedAt: toSiteIso(Date.now() - 10 * 60_000),
      reportedBy: '',
      reportChannel: 'phone',
      symptoms: '',
      impact: '',
    })
  accounts.create(lead, { ...ENGINEER, displayName: '李强', role: 'engineer', phone: '' })
  handoverIds = [handovers.start(lead).id]
  auth.logout(lead)
  auth.login(ENGINEER.username, ENGINEER.password)
  const engineer = auth.currentActor()!
  handoverIds.push(handovers.start(engineer).id)
  auth.logout(engineer)
})
test.beforeEach(() => {
  const actor = bridge.services.auth.currentActor()
  if (actor) bridge.services.auth.logout(actor)
})
test.afterAll(async () => {
  await bridge.close()
  rmSync(bridge.dataDir, { recursive: true, force: true })
})

test('fault detail → fault detail and print → print by URL and back/forward show the record in the URL', async ({
  page,
}) => {
  await page.goto(bridge.url)
  await new LoginScreen(page).login(LEAD.username, LEAD.password)
  await expect(page.locator('.page-head h1')).toBeVisible()
  await page.goto(`${bridge.url}#/faults/1`)
  await expect(page.locator('.page-head h1')).toContainText('GZ-2026-0001')
  await page.goto(`${bridge.url}#/faults/2`)
  await expect(page.locator('.page-head h1')).toContainText('GZ-2026-0002')
  await expect(page.locator('.page-head h1')).toContainText('电子卷宗上传失败')
  await page.goBack()
  await expect(page.locator('.page-head h1')).toContainText('GZ-2026-0001')

  await page.goto(`${bridge.url}#/faults/1/print`)
  await expect(page.locator('.sheet')).toContainText('统一身份认证平台无法登录')
  await page.goto(`${bridge.url}#/faults/2/print`)
  await expect(page.locator('.sheet')).toContainText('电子卷宗上传失败')
  await expect(page.locator('.sheet')).not.toContainText('统一身份认证平台无法登录')
})

test('/handover/1/print → /handover/2/print shows record 2, and 导出 Word exports the record shown', async ({
  page,
}) => {
  const [first, second] = handoverIds as [number, number]
  await page.goto(bridge.url)
  await new LoginScreen(page).login(LEAD.username, LEAD.password)
  await expect(page.locator('.page-head h1')).toBeVisible()
  await page.goto(`${bridge.url}#/handover/${first}/print`)
  await expect(page.locator('.sheet .meta')).toContainText(`编号 ${first}`)
  await page.goto(`${bridge.url}#/handover/${second}/print`)
  await expect(page.locator('.sheet .meta')).toContainText(`编号 ${second}`)
  await page.goBack()
  await expect(page.locator('.sheet .meta')).toContainText(`编号 ${first}`)

  await page.goto(`${bridge.url}#/handover/${first}`)
  await expect(page.locator('.page-head h1')).toContainText(`#${first}`)
  await page.goto(`${bridge.url}#/handover/${second}`)
  await expect(page.locator('.page-head h1')).toContainText(`#${second}`)
  const exported = page.waitForRequest(
    (r) => r.url().endsWith('/__bridge/invoke') && /exportDocx/.test(r.postData() ?? ''),
  )
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: /导出\s*Word/ }).click()
  expect(JSON.parse((await exported).postData()!).payload).toEqual({ id: second })
  expect((await download).suggestedFilename()).toMatch(/^交接班记录-.*\.docx$/)
})
