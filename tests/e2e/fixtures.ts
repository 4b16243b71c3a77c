/**
 * The one site set-up for browser e2e files: a test bridge on its own data
 * folder, a clock set to the suite's date, the site and its accounts, and a
 * page that logs in. Every e2e file uses it instead of repeating the set-up.
 *
 * Adopting it in a file (replace the bridge/beforeAll/afterAll block):
 *
 *   import { expect, test, useSite, LEAD } from './fixtures'
 *   const site = useSite({
 *     customerUnit: '福建省水利厅',                // optional; also serviceMode, slaPreset
 *     users: [{ username: 'liqiang', displayName: '李强', role: 'engineer', password: 'Field#2026ok' }],
 *     seed: ({ services, lead, ids, now }) => { ... },   // runs once, with the lead logged in
 *   })
 *   test('…', async ({ page }) => {
 *     await site.open(page, LEAD)                 // page clock = bridge clock, login as LEAD
 *     … site.services / site.now() / site.year(ms) / site.url …
 *   })
 *
 * The date: the worker option `clockAt` (projects in playwright.config.ts), which
 * the E2E_CLOCK environment variable sets, e.g. E2E_CLOCK=2027-01-01T00:01:00+08:00.
 * The bridge's clock starts there and runs at the real pace; the page gets the same
 * time through page.clock. Never read Date.now() in a test: use site.now(). Each
 * test starts at the login screen (any session left by the previous one is ended).
 */
import { rmSync } from 'node:fs'
import { test as base, expect, type Page } from '@playwright/test'
import type { Actor } from '../../src/shared/ipc/kit'
import { parseIso, toSiteDate } from '../../src/shared/time/site-time'
import { type Bridge, startBridge } from '../bridge/server'
import { tempDir } from '../support/world'
import { LoginScreen } from './pages'

export { expect }

/** Just before midnight on New Year's Eve in the site's time zone: every file runs across the year boundary. */
export const DEFAULT_CLOCK = '2026-12-31T23:59:00+08:00'

export const test = base.extend<object, { clockAt: string }>({
  clockAt: [process.env.E2E_CLOCK || DEFAULT_CLOCK, { scope: 'worker', option: true }],
})

export interface SiteUser {
  username: string
  displayName: string
  password: string
  role?: 'engineer' | 'lead' | 'reviewer'
  phone?: string
}

/** The site lead every file's site is set up with. */
export const LEAD: SiteUser = {
  username: 'zhangwei',
  displayName: '张伟',
  password: 'Duty#2026ok',
  role: 'lead',
  phone: '13907550001',
}

export interface SeedContext {
  services: Bridge['services']
  lead: Actor
  /** account ids by display name (张伟, 李强 …) */
  ids: Record<string, number>
  now(): number
}

export interface SiteOptions {
  customerUnit?: string
  serviceMode?: '7x24' | '5x8'
  /** an SLA preset key (hengqin …) applied by the lead */
  slaPreset?: string
  users?: SiteUser[]
  /**
   * The contract period for the site-local date the suite starts on (default: from
   * 1 January of the year before to 31 December of the year after).
   */
  contract?(today: string): { start: string; end: string }
  /** false: leave the site unset, for the first-use wizard or a site `prepare` writes */
  setUp?: boolean
  /**
   * Writes the data folder before the bridge opens it, at the suite's time (e.g. a
   * demo site: `generateDemoData(dataDir, { now, days: 30 })`). Use with `setUp: false`.
   */
  prepare?(dataDir: string, now: number): void
  seed?(ctx: SeedContext): void | Promise<void>
}

export function useSite(opts: SiteOptions = {}) {
  let bridge: Bridge | undefined
  const ids: Record<string, number> = {}
  const started = () => {
    if (!bridge) throw new Error('useSite: the bridge starts in beforeAll; use site.* inside tests')
    return bridge
  }

  test.beforeAll(async ({ clockAt }) => {
    const dataDir = tempDir()
    if (opts.prepare) {
      const at = parseIso(clockAt)
      if (at === null) throw new Error(`useSite: clockAt is not an ISO time: ${clockAt}`)
      opts.prepare(dataDir, at)
    }
    bridge = await startBridge({ dataDir, clockAt })
    if (opts.setUp === false) return
    const { auth, accounts, sla } = bridge.services
    const today = toSiteDate(bridge.clock.now())
    const year = Number(today.slice(0, 4))
    const contract = opts.contract?.(today) ?? { start: `${year - 1}-01-01`, end: `${year + 1}-12-31` }
    auth.setup({
      site: {
        customerUnit: opts.customerUnit ?? '海南省人民检察院',
        providerName: '',
        // the contract runs around whatever date the suite is set to
        contractStart: contract.start,
        contractEnd: contract.end,
        serviceMode: opts.serviceMode ?? '5x8',
        idleLockMinutes: 15,
      },
      admin: {
        username: LEAD.username,
        displayName: LEAD.displayName,
        phone: LEAD.phone ?? '',
        password: LEAD.password,
      },
    })
    auth.login(LEAD.username, LEAD.password)
    const lead = auth.currentActor()!
    ids[LEAD.displayName] = lead.id
    if (opts.slaPreset) sla.usePreset(lead, opts.slaPreset)
    for (const u of opts.users ?? []) {
      ids[u.displayName] = accounts.create(lead, {
        username: u.username,
        displayName: u.displayName,
        role: u.role ?? 'engineer',
        phone: u.phone ?? '',
        password: u.password,
      }).id
    }
    await opts.seed?.({ services: bridge.services, lead, ids, now: bridge.clock.now })
    auth.logout(lead)
  })

  test.beforeEach(() => {
    const actor = started().services.auth.currentActor()
    if (actor) started().services.auth.logout(actor)
  })

  test.afterAll(async () => {
    if (!bridge) return
    await bridge.close()
    rmSync(bridge.dataDir, { recursive: true, force: true })
  })

  return {
    get bridge() {
      return started()
    },
    get services() {
      return started().services
    },
    get url() {
      return started().url
    },
    ids,
    /** the time the services (and the page) read now */
    now: () => started().clock.now(),
    /** the site-local year of a time, as fault numbers (GZ-YYYY-…) use it */
    year: (ms: number) => toSiteDate(ms).slice(0, 4),
    /**
     * Gives the page the bridge's time (page.clock, running on from there), opens
     * `path` (default the start page) and logs in as `user` when given.
     */
    async open(page: Page, user?: SiteUser, path = '') {
      await page.clock.install({ time: started().clock.now() })
      await page.goto(started().url + path)
      if (user) await new LoginScreen(page).login(user.username, user.password)
    },
  }
}

/** The first month with 31 days from the site-local month of `ms` on (the widest roster grid), as YYYY-MM. */
export function month31From(ms: number): string {
  let [y, m] = toSiteDate(ms).slice(0, 7).split('-').map(Number) as [number, number]
  for (;;) {
    // day 0 of the next month is the last day of this one
    if (new Date(Date.UTC(y, m, 0)).getUTCDate() === 31) return `${y}-${String(m).padStart(2, '0')}`
    m += 1
    if (m > 12) [y, m] = [y + 1, 1]
  }
}
