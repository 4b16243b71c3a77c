import { rmSync } from 'node:fs'
import { expect, type Page, test } from '@playwright/test'
import { type Bridge, startBridge } from '../bridge/server'
import { tempDir } from '../support/world'
import { LoginScreen, Shell } from './pages'

/** The roster statistics follow the month on screen instead of keeping the first month's figures. */
test.use({ viewport: { width: 1366, height: 768 } })

let bridge: Bridge
const LEAD = { username: 'zhangwei', password: 'Duty#2026ok' }

test.beforeAll(async () => {
  bridge = await startBridge({ dataDir: tempDir() })
  const { auth, roster } = bridge.services
  auth.setup({
    site: {
      customerUnit: '海南省人民检察院',
      providerName: '',
      contractStart: '2026-01-01',
      contractEnd: '2026-12-31',
      serviceMode: '5x8',
      idleLockMinutes: 15,
    },
    admin: { username: LEAD.username, displayName: '张伟', phone: '', password: LEAD.password },
  })
  auth.login(LEAD.username, LEAD.password)
  const lead = auth.currentActor()!
  const day = roster.shifts()[0]!.id
  for (const date of ['2026-10-12', '2026-10-13', '2026-10-14']) roster.setCell(lead, date, lead.id, [day], '')
  roster.setCell(lead, '2026-11-16', lead.id, [day], '')
  auth.logout(lead)
})
test.afterAll(async () => {
  await bridge.close()
  rmSync(bridge.dataDir, { recursive: true, force: true })
})

async function openMonth(page: Page, month: string) {
  const input = page.getByPlaceholder('选择月份')
  await input.fill(month)
  await input.press('Enter')
}
const shiftsOf = (page: Page, name: string) =>
  page.locator('.n-tab-pane .n-data-table-tr', { hasText: name }).locator('td').nth(1)

test('the 统计 tab shows the month chosen, also when the month changes while it is open', async ({ page }) => {
  await page.goto(bridge.url)
  await new LoginScreen(page).login(LEAD.username, LEAD.password)
  await new Shell(page).go('值班排班')
  await openMonth(page, '2026-10')
  await page.locator('.n-tabs-tab', { hasText: '统计' }).click()
  await expect(shiftsOf(page, '张伟')).toHaveText('3')
  await openMonth(page, '2026-11')
  await expect(shiftsOf(page, '张伟')).toHaveText('1')
})
