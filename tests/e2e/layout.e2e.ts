/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, generateDemoData } from '../../scripts/demo-data'
import { expect, month31From, test, useSite } from './fixtures'
import { LoginScreen, shot } from './pages'

/** The duty-room screen: 1366×768. Every route's main content fits its width, and pagination is on screen. */
test.use({ viewport: { width: 1366, height: 768 } })

// A month of demo records at the suite's date: enough rows for every list to paginate.
const site = useSite({
  setUp: false,
  prepare: (dataDir, now) => generateDemoData(dataDir, { now, days: 30, perDay: 6 }),
})

/** Elements inside the main content whose content is wider than they are (scrolled or clipped sideways). */
async function overflowing(page: Page) {
  return page.evaluate(() => {
    const out: string[] = []
    const root = document.querySelector('.content') ?? document.body
    const doc = document.documentElement
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`)
    const rootBox = root.getBoundingClientRect()
    for (const el of [root, ...Array.from(root.querySelectorAll<HTMLElement>('*'))]) {
      const css = getComputedStyle(el)
      if (css.display === 'none' || css.visibility === 'hidden') continue
      // Text cut with an ellipsis on purpose (long titles) shows its whole text on hover.
      if (css.textOverflow === 'ellipsis') continue
      const scrolls = ['auto', 'scroll', 'hidden'].includes(css.overflowX)
      if (scrolls && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        const name = `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}`
        out.push(`${name} ${el.scrollWidth} > ${el.clientWidth}`)
      }
      const box = el.getBoundingClientRect()
      if (box.width > 0 && box.right > rootBox.right + 1 && el.closest('.n-scrollbar-container') === null) {
        out.push(`${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} ends at ${Math.round(box.right)}`)
      }
    }
    return [...new Set(out)].slice(0, 10)
  })
}

const ROUTES: [string, string][] = [
  ['/home', 'home'],
  ['/service-log', 'service-log'],
  ['/faults', 'faults'],
  ['/faults?view=board', 'faults-board'],
  ['/faults/1', 'fault-detail'],
  ['/roster', 'roster'],
  ['/roster?month=31', 'roster-31-days'],
  ['/handover', 'handover'],
  ['/handover/history', 'handover-history'],
  ['/assets', 'assets'],
  ['/audit', 'audit'],
  ['/accounts', 'accounts'],
  ['/settings', 'settings'],
]

for (const [path, name] of ROUTES) {
  test(`${path} fits a 1366×768 screen: no sideways overflow, pagination visible`, async ({ page }) => {
    // the roster's widest month: the first 31-day month from the suite's date on
    const route = path.replace('month=31', `month=${month31From(site.now())}`)
    await site.open(page, undefined, `#${route}`)
    const login = page.getByPlaceholder('用户名')
    const head = page.locator('.page-head h1')
    await expect(login.or(head).first()).toBeVisible()
    if (await login.isVisible()) await new LoginScreen(page).login('zhangwei', DEMO_PASSWORD)
    await expect(head).toBeVisible()
    await page.waitForLoadState('networkidle')
    await expect(page.locator('.n-data-table-loading-wrapper, .n-spin-container .n-spin')).toHaveCount(0)
    // The alerts card is the session's, not the page's: acknowledge it so the page is seen as it is.
    const ack = page.locator('.sla-alerts').getByRole('button', { name: '知道了' })
    while (await ack.count()) await ack.first().click()
    await shot(page, `60-layout-${name}`)
    expect(await overflowing(page)).toEqual([])
    const pagination = page.locator('.n-pagination')
    for (const p of await pagination.all()) {
      const box = (await p.boundingBox())!
      expect(box.y + box.height, `${path}: pagination row below the screen`).toBeLessThanOrEqual(768)
      expect(box.x + box.width, `${path}: pagination row past the right edge`).toBeLessThanOrEqual(1366)
    }
  })
}

test('SLA alerts in the header at 1366×768: every card whole, its 查看 and 知道了 on screen, none under another', async ({
  page,
}) => {
  await site.open(page)
  await new LoginScreen(page).login('zhangwei', DEMO_PASSWORD)
  await expect(page.locator('.page-head h1')).toBeVisible()
  const strip = page.locator('.sla-alerts')
  await expect(strip).toBeVisible() // the demo year has faults past their deadlines
  await shot(page, '61-layout-alerts-header')
  const clipped = await strip.evaluate((el) => {
    const box = el.getBoundingClientRect()
    const cards = Array.from(el.querySelectorAll<HTMLElement>('.alert')).map((c) => c.getBoundingClientRect())
    const out: string[] = []
    cards.forEach((a, i) => {
      if (a.left < box.left - 1 || a.right > box.right + 1) out.push(`card ${i + 1} cut by the header`)
      cards.slice(i + 1).forEach((b) => a.right > b.left + 1 && out.push(`card ${i + 1} under the next`))
    })
    for (const b of Array.from(el.querySelectorAll<HTMLElement>('button'))) {
      const r = b.getBoundingClientRect()
      const card = b.closest('.alert')!.getBoundingClientRect()
      if (r.left < card.left || r.right > card.right || r.right > box.right + 1) out.push(`${b.textContent} spills out`)
    }
    return out
  })
  expect(clipped).toEqual([])
})
