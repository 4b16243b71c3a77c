import { toSiteIso } from '../../src/shared/time/site-time'
import { expect, LEAD, type SiteUser, test, useSite } from './fixtures'

/** Record views follow the URL: another id by link, typed URL or back/forward shows that record. */
test.use({ viewport: { width: 1366, height: 768 } })

const ENGINEER: SiteUser = { username: 'liqiang', displayName: '李强', role: 'engineer', password: 'Duty#2026li' }
let handoverIds: number[] = []
/** the site-local year the faults are reported in: their numbers carry it */
let reportYear = ''

const site = useSite({
  serviceMode: '7x24',
  slaPreset: 'hengqin',
  users: [ENGINEER],
  seed: ({ services: { auth, faults, handovers }, lead, now }) => {
    const reportedAt = now() - 10 * 60_000
    reportYear = site.year(reportedAt)
    for (const title of ['统一身份认证平台无法登录', '电子卷宗上传失败'])
      faults.create(lead, {
        title,
        severity: 'P3',
        assetId: null,
        reportedAt: toSiteIso(reportedAt),
        reportedBy: '',
        reportChannel: 'phone',
        symptoms: '',
        impact: '',
      })
    handoverIds = [handovers.start(lead).id]
    auth.logout(lead)
    auth.login(ENGINEER.username, ENGINEER.password)
    const engineer = auth.currentActor()!
    handoverIds.push(handovers.start(engineer).id)
    auth.logout(engineer)
    auth.login(LEAD.username, LEAD.password)
  },
})

test('fault detail → fault detail and print → print by URL and back/forward show the record in the URL', async ({
  page,
}) => {
  await site.open(page, LEAD)
  await expect(page.locator('.page-head h1')).toBeVisible()
  await page.goto(`${site.url}#/faults/1`)
  await expect(page.locator('.page-head h1')).toContainText(`GZ-${reportYear}-0001`)
  await page.goto(`${site.url}#/faults/2`)
  await expect(page.locator('.page-head h1')).toContainText(`GZ-${reportYear}-0002`)
  await expect(page.locator('.page-head h1')).toContainText('电子卷宗上传失败')
  await page.goBack()
  await expect(page.locator('.page-head h1')).toContainText(`GZ-${reportYear}-0001`)

  await page.goto(`${site.url}#/faults/1/print`)
  await expect(page.locator('.sheet')).toContainText('统一身份认证平台无法登录')
  await page.goto(`${site.url}#/faults/2/print`)
  await expect(page.locator('.sheet')).toContainText('电子卷宗上传失败')
  await expect(page.locator('.sheet')).not.toContainText('统一身份认证平台无法登录')
})

test('/handover/1/print → /handover/2/print shows record 2, and 导出 Word exports the record shown', async ({
  page,
}) => {
  const [first, second] = handoverIds as [number, number]
  await site.open(page, LEAD)
  await expect(page.locator('.page-head h1')).toBeVisible()
  await page.goto(`${site.url}#/handover/${first}/print`)
  await expect(page.locator('.sheet .meta')).toContainText(`编号 ${first}`)
  await page.goto(`${site.url}#/handover/${second}/print`)
  await expect(page.locator('.sheet .meta')).toContainText(`编号 ${second}`)
  await page.goBack()
  await expect(page.locator('.sheet .meta')).toContainText(`编号 ${first}`)

  await page.goto(`${site.url}#/handover/${first}`)
  await expect(page.locator('.page-head h1')).toContainText(`#${first}`)
  await page.goto(`${site.url}#/handover/${second}`)
  await expect(page.locator('.page-head h1')).toContainText(`#${second}`)
  const exported = page.waitForRequest(
    (r) => r.url().endsWith('/__bridge/invoke') && /exportDocx/.test(r.postData() ?? ''),
  )
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: /导出\s*Word/ }).click()
  expect(JSON.parse((await exported).postData()!).payload).toEqual({ id: second })
  expect((await download).suggestedFilename()).toMatch(/^交接班记录-.*\.docx$/)
})
