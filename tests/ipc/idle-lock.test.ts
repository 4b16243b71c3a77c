import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { count, LEAD_PASSWORD, makeWorld, setUpSite, type World } from '../support/world'

// The site's idle lock (setUpSite: 15 minutes) is held by main, not only drawn by the screen.
let w: World
let categoryId: number
beforeEach(async () => {
  w = makeWorld('2026-11-23T09:00:00+08:00')
  await setUpSite(w)
  categoryId = (await w.api.serviceLog.categories())[0]!.id
})
afterEach(() => w.close())

const entry = (content: string) => ({
  serviceTime: '2026-11-23T09:00:00+08:00',
  channel: 'phone',
  categoryId,
  content,
  requester: '王检察官',
})

describe('idle lock in main', () => {
  it('refuses a write after the idle minutes without a user call, and changes nothing', async () => {
    w.clock.idle(16)
    const before = count(w, 'service_log')
    const r = await w.dispatch('serviceLog/create', entry('八小时后写入'))
    expect(r).toMatchObject({ ok: false, code: 'SESSION_LOCKED' })
    expect(count(w, 'service_log')).toBe(before)
    expect(await w.dispatch('dashboard/today', undefined)).toMatchObject({ code: 'SESSION_LOCKED' })
    expect((await w.api.auth.status()).locked).toBe(true)
  })

  it('lets unlock and logout through, and after unlock the same write succeeds', async () => {
    w.clock.idle(16)
    expect(await w.dispatch('serviceLog/create', entry('锁定时写入'))).toMatchObject({ code: 'SESSION_LOCKED' })
    expect(await w.dispatch('auth/unlock', { password: LEAD_PASSWORD })).toMatchObject({ ok: true })
    expect(await w.dispatch('serviceLog/create', entry('解锁后写入'))).toMatchObject({ ok: true })
    w.clock.idle(20)
    expect(await w.dispatch('auth/logout', undefined)).toMatchObject({ ok: true })
  })

  it('a user call within the idle minutes keeps the session open; a timer poll does not', async () => {
    w.clock.idle(14)
    expect(await w.dispatch('serviceLog/create', entry('十四分钟后写入'))).toMatchObject({ ok: true })
    w.clock.idle(14)
    expect(await w.dispatch('fault/list', { openOnly: true, offset: 0, limit: 500 }, true)).toMatchObject({ ok: true })
    w.clock.idle(2)
    expect(await w.dispatch('fault/list', { openOnly: true, offset: 0, limit: 500 }, true)).toMatchObject({
      code: 'SESSION_LOCKED',
    })
  })

  it('records the idle lock in the audit trail once', async () => {
    w.clock.idle(16)
    await w.dispatch('dashboard/today', undefined)
    await w.dispatch('dashboard/today', undefined)
    const locks = w.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'lock'").get() as { n: number }
    expect(locks.n).toBe(1)
  })
})
