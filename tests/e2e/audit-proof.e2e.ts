import { expect, LEAD, type SiteUser, test, useSite } from './fixtures'
import { Shell, shot } from './pages'

test.use({ viewport: { width: 1366, height: 768 } })

const ENGINEER: SiteUser = { username: 'liqiang', displayName: '李强', role: 'engineer', password: 'Field#2026ok' }
let handoverId: number

/** A site with one accepted handover, seeded through the real services the bridge serves. */
const site = useSite({
  users: [ENGINEER],
  seed: ({ services: s, lead, ids }) => {
    let h = s.handovers.start(lead)
    h = s.handovers.update(lead, {
      id: h.id,
      revision: h.revision,
      incomingId: ids['李强']!,
      summary: '本班正常',
      cautions: '',
      todo: '',
      checklist: h.checklist,
      remarks: {},
    })
    h = s.handovers.submit(lead, h.id, h.revision, LEAD.password)
    h = s.handovers.accept(h.id, h.revision, ENGINEER.password, '')
    handoverId = h.id
  },
})

test('the audit trail proves itself on screen: head code on paper, 核对纸质记录, key fingerprints, and tampering named', async ({
  page,
}) => {
  await site.open(page, LEAD)
  const shell = new Shell(page)
  await expect(page.getByTestId('audit-warning')).toHaveCount(0)

  // The printed 交接班记录 carries the head's code.
  await page.goto(`${site.url}#/handover/${handoverId}/print`)
  const printed = page.getByTestId('paper-code').locator('strong')
  await expect(printed).toHaveText(/^\d+-[0-9a-f]{12}$/)
  const code = (await printed.textContent())!
  await shot(page, 'audit-01-printed-code')

  // The lead types the code from paper: the chain still holds it.
  await page.goto(`${site.url}#/home`)
  await shell.go('审计日志')
  await expect(page.getByTestId('chain-status')).toContainText('哈希链完整')
  await page.getByPlaceholder(/纸质记录上的核对码/).fill(code)
  await page.getByPlaceholder(/纸质记录上的核对码/).press('Enter')
  await expect(page.getByTestId('paper-result')).toContainText('一致：审计链仍完整保存着')
  await page.getByPlaceholder(/纸质记录上的核对码/).fill('12-xyz')
  await page.getByRole('button', { name: '核对', exact: true }).click()
  await expect(page.getByTestId('paper-result')).toContainText('核对码格式为')
  await shot(page, 'audit-02-paper-check')

  // Every account shows its signing key's fingerprint.
  await shell.go('账号管理')
  await expect(page.getByTestId('key-fingerprint')).toHaveCount(2)
  await expect(page.getByTestId('key-fingerprint').first()).toHaveText(/^[0-9a-f]{4}( [0-9a-f]{4}){4}$/)
  await shot(page, 'audit-05-accounts')

  // Someone with a SQLite client cuts the newest rows; the next open's background check finds it.
  const db = site.services.db
  const head = db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number
  db.exec('DROP TRIGGER audit_log_no_delete')
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(head - 3)
  site.services.integrity.prepare()
  await site.services.integrity.checkInBackground()

  await shell.go('首页')
  await expect(page.getByTestId('audit-warning')).toContainText('审计日志完整性校验未通过')
  await shot(page, 'audit-03-home-warning')
  await shell.go('审计日志')
  await expect(page.getByTestId('chain-status')).toContainText('与封条')
  await page.getByPlaceholder(/纸质记录上的核对码/).fill(code)
  await page.getByPlaceholder(/纸质记录上的核对码/).press('Enter')
  await expect(page.getByTestId('paper-result')).toContainText('不一致')
  await page.getByRole('button', { name: '全链重新校验' }).click()
  await expect(page.getByTestId('chain-status')).toContainText('全链校验')
  await expect(page.getByTestId('chain-status')).toContainText('此前审计数据在程序之外被改动过')
  await shot(page, 'audit-04-tampered')
})
