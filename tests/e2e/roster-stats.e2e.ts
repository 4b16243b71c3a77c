import type { Page } from '@playwright/test'
import { expect, LEAD, test, useSite } from './fixtures'
import { Shell } from './pages'

/** The roster statistics follow the month on screen instead of keeping the first month's figures. */
test.use({ viewport: { width: 1366, height: 768 } })

// Fixed weekdays inside the contract the fixture sets (the year before the suite's date to the year after).
const site = useSite({
  seed: ({ services: { roster }, lead }) => {
    const day = roster.shifts()[0]!.id
    for (const date of ['2026-10-12', '2026-10-13', '2026-10-14']) roster.setCell(lead, date, lead.id, [day], '')
    roster.setCell(lead, '2026-11-16', lead.id, [day], '')
  },
})

async function openMonth(page: Page, month: string) {
  const input = page.getByPlaceholder('选择月份')
  await input.fill(month)
  await input.press('Enter')
}
const shiftsOf = (page: Page, name: string) =>
  page.locator('.n-tab-pane .n-data-table-tr', { hasText: name }).locator('td').nth(1)

test('the 统计 tab shows the month chosen, also when the month changes while it is open', async ({ page }) => {
  await site.open(page, LEAD)
  await new Shell(page).go('值班排班')
  await openMonth(page, '2026-10')
  await page.locator('.n-tabs-tab', { hasText: '统计' }).click()
  await expect(shiftsOf(page, '张伟')).toHaveText('3')
  await openMonth(page, '2026-11')
  await expect(shiftsOf(page, '张伟')).toHaveText('1')
})
