import { type Page } from '@playwright/test'
import { addDays, dayStartIso, parseIso, toSiteDate, toSiteIso } from '../../src/shared/time/site-time'
import { expect, LEAD, type SiteUser, test, useSite } from './fixtures'
import { LoginScreen, Shell, shot } from './pages'

const A = { ...LEAD, name: LEAD.displayName }
const B = { username: 'liqiang', password: 'Field#2026ok', name: '李强' }
const ENGINEER_B: SiteUser = { ...B, displayName: B.name, role: 'engineer', phone: '13907550002' }
let faults: number[] = []

const site = useSite({
  serviceMode: '5x8',
  slaPreset: 'hengqin',
  users: [ENGINEER_B],
  seed: ({ services, lead, ids, now }) => {
    const { roster } = services
    const night = roster.shifts().find((s) => s.name === '夜间待命')!
    // B holds the next night shift to start: tonight's, or tomorrow's once tonight's has begun.
    const today = toSiteDate(now())
    const startsAt = (date: string) => parseIso(dayStartIso(date))! + night.start * 60_000
    const nightOf = startsAt(today) >= now() - 3_600_000 ? today : addDays(today, 1)
    roster.setCell(lead, nightOf, ids[B.name]!, [night.id], '')
    faults = ['统一业务系统登录缓慢', '交换平台下行数据积压'].map(
      (title, i) =>
        services.faults.create(lead, {
          title,
          severity: i ? 'P3' : 'P2',
          assetId: null,
          reportedAt: toSiteIso(now() - (40 + i * 10) * 60_000),
          reportedBy: '',
          reportChannel: 'phone',
          symptoms: '',
          impact: '',
        }).id,
    )
  },
})

async function sign(page: Page, title: string, password: string, reason?: string) {
  const dialog = page.locator('.n-card', { hasText: title }).last()
  if (reason) await dialog.getByPlaceholder('退回原因').fill(reason)
  await dialog.locator('input[type=password]').fill(password)
  await dialog.locator('input[type=password]').press('Enter')
  await expect(dialog).toBeHidden()
}

test('A hands two open faults over to B; B refuses once, A fixes it, B accepts; the record locks', async ({ page }) => {
  await site.open(page, A)
  await new Shell(page).go('交接班')
  await page.getByRole('button', { name: '开始交接班' }).click()
  const items = page.getByTestId('handover-items')
  // The two faults; SLA reminders the shift was shown may be listed too.
  await expect(items.locator('tbody tr', { hasText: /故障 P\d/ })).toHaveCount(2)
  await expect(items).toContainText('统一业务系统登录缓慢')
  await expect(page.locator('.n-base-selection', { hasText: B.name })).toBeVisible()
  await page
    .getByLabel(/交接说明 GZ-\d+-\d+ 统一业务系统登录缓慢/)
    .locator('input')
    .fill('厂商已远程接入，等待回电')
  await page.getByLabel('本班情况').locator('textarea').fill('本班处理咨询 8 起，故障 2 起')
  await page.getByLabel('注意事项').locator('textarea').fill('交换平台积压需每小时查看')
  for (const item of ['钥匙', 'uKey', '值班手机', '机房登记本']) await page.getByRole('switch', { name: item }).click()
  await shot(page, '40-handover-draft')
  await page.getByRole('button', { name: '提交交班' }).click()
  await sign(page, '提交交班', A.password)
  await expect(page.getByText(`请 ${B.name} 在本机核对以下交接内容`)).toBeVisible()

  await page.getByRole('button', { name: '退回' }).click()
  await sign(page, '退回交班人', B.password, '门禁卡未交')
  await expect(page.getByText('接班人退回：门禁卡未交')).toBeVisible()
  await page.getByRole('switch', { name: '门禁卡' }).click()
  await page.getByRole('button', { name: '提交交班' }).click()
  await sign(page, '提交交班', A.password)

  await page.getByLabel('接班意见').locator('textarea').fill('已清点物品，收到')
  await page.getByRole('button', { name: '接班确认' }).click()
  await sign(page, '接班确认', B.password)
  await expect(page.locator('.n-descriptions')).toContainText('已接班')
  await expect(page.locator('.n-layout-header')).toContainText(B.name)
  await expect(page.getByText(/完整性锚点：审计日志第 \d+ 条/)).toBeVisible()
  await shot(page, '41-handover-accepted')

  for (const id of faults) {
    await page.goto(`${site.url}#/faults/${id}`)
    await expect(page.locator('.n-descriptions')).toContainText(B.name)
    await expect(page.locator('.n-timeline')).toContainText('转交负责人')
  }

  // A cannot change the accepted record: the screen offers no edit, and the contract refuses.
  await page.getByRole('button', { name: '切换用户' }).click()
  await new LoginScreen(page).login(A.username, A.password)
  const id = (await site.services.handoverHistory.list({ offset: 0, limit: 1 })).items[0]!.id
  await page.goto(`${site.url}#/handover/${id}`)
  await expect(page.getByRole('button', { name: '提交交班' })).toHaveCount(0)
  const refused = await page.evaluate(
    (hid) =>
      (
        globalThis as unknown as {
          api: { calls: { handover: { update(x: unknown): Promise<{ ok: boolean; code?: string }> } } }
        }
      ).api.calls.handover
        .update({
          id: hid,
          revision: 99,
          incomingId: null,
          summary: '改写',
          cautions: '',
          todo: '',
          checklist: [],
          remarks: {},
        })
        .then((r) => (r.ok ? 'changed' : r.code)),
    id,
  )
  expect(refused).toBe('HANDOVER_LOCKED')
  await page.getByLabel('补充说明').locator('textarea').fill('更正：uKey 放在二号柜')
  await page.getByRole('button', { name: '追加' }).click()
  await expect(page.locator('.n-card').first()).toContainText('更正：uKey 放在二号柜')

  await page.getByRole('button', { name: '打印' }).click()
  await expect(page.getByRole('heading', { name: '交接班记录' })).toBeVisible()
  const sheet = page.locator('.sheet')
  for (const text of [
    '统一业务系统登录缓慢',
    '交换平台下行数据积压',
    '厂商已远程接入',
    '门禁卡（已交）',
    `交班人：${A.name}`,
    `接班人：${B.name}`,
    '已清点物品',
    '更正：uKey 放在二号柜',
    '完整性锚点',
  ]) {
    await expect(sheet).toContainText(text)
  }
  await shot(page, '42-handover-print')
})
