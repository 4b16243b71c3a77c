import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { count, LEAD_PASSWORD, makeWorld, setUpSite, type World } from '../support/world'

let w: World
beforeEach(() => {
  w = makeWorld()
})
afterEach(() => w.close())

describe('first run and login', () => {
  it('reports a fresh install as not set up, then logs the lead in after setup', async () => {
    expect(await w.api.auth.status()).toMatchObject({ setupDone: false, user: null })
    const session = await setUpSite(w)
    expect(session).toMatchObject({
      setupDone: true,
      siteName: '海南省人民检察院',
      user: { username: 'zhangwei', role: 'lead' },
    })
  })

  it('refuses a second setup', async () => {
    await setUpSite(w)
    await expect(setUpSite(w)).rejects.toMatchObject({ code: 'ALREADY_SET_UP' })
  })

  it('refuses a weak first password and writes nothing', async () => {
    await expect(
      w.api.auth.setup({
        site: {
          customerUnit: '某单位',
          providerName: '',
          contractStart: '2026-01-01',
          contractEnd: '2026-12-31',
          serviceMode: '7x24',
          idleLockMinutes: 15,
        },
        admin: { username: 'lead', displayName: '负责人', phone: '', password: 'abcdefgh' },
      }),
    ).rejects.toMatchObject({ code: 'PASSWORD_WEAK' })
    expect(count(w, 'site') + count(w, 'user') + count(w, 'audit_log')).toBe(0)
  })

  it('stores only a scrypt hash of the password', async () => {
    await setUpSite(w)
    const row = w.db.prepare('SELECT password_hash FROM user').get() as { password_hash: string }
    expect(row.password_hash.startsWith('scrypt$')).toBe(true)
    expect(row.password_hash).not.toContain(LEAD_PASSWORD)
  })
})

describe('lockout after 5 failures for 15 minutes', () => {
  beforeEach(async () => {
    await setUpSite(w)
    await w.api.auth.logout()
  })

  it('locks the account on the fifth wrong password, even for the right one, until 15 minutes pass', async () => {
    for (let i = 1; i <= 4; i++) {
      await expect(w.api.auth.login({ username: 'zhangwei', password: 'wrong' })).rejects.toMatchObject({
        code: 'AUTH_FAILED',
      })
    }
    await expect(w.api.auth.login({ username: 'zhangwei', password: 'wrong' })).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
    })
    await expect(w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
    })
    w.clock.advance(14)
    await expect(w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
    })
    w.clock.advance(2)
    await expect(w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })).resolves.toMatchObject({
      user: { username: 'zhangwei' },
    })
  })

  it('resets the count after a successful login', async () => {
    for (let i = 0; i < 4; i++) await w.api.auth.login({ username: 'zhangwei', password: 'wrong' }).catch(() => {})
    await w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })
    await w.api.auth.logout()
    for (let i = 0; i < 4; i++) await w.api.auth.login({ username: 'zhangwei', password: 'wrong' }).catch(() => {})
    await expect(w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })).resolves.toBeTruthy()
  })

  it('audits every failed login', async () => {
    await w.api.auth.login({ username: 'zhangwei', password: 'wrong' }).catch(() => {})
    await w.api.auth.login({ username: 'nobody', password: 'wrong' }).catch(() => {})
    const rows = w.db.prepare("SELECT user_name, result FROM audit_log WHERE action = 'login.failed'").all()
    expect(rows).toEqual([
      { user_name: '张伟', result: 'denied' },
      { user_name: '（未知用户名）', result: 'denied' },
    ])
  })
})

describe('idle lock and roles', () => {
  beforeEach(async () => {
    await setUpSite(w)
  })

  it('refuses every call while locked except unlock, and unlocks with the password', async () => {
    await w.api.auth.lock()
    await expect(w.api.serviceLog.categories()).rejects.toMatchObject({ code: 'SESSION_LOCKED' })
    await expect(w.api.auth.unlock({ password: 'wrong' })).rejects.toMatchObject({ code: 'AUTH_FAILED' })
    await expect(w.api.auth.unlock({ password: LEAD_PASSWORD })).resolves.toMatchObject({ locked: false })
    await expect(w.api.serviceLog.categories()).resolves.toHaveLength(9)
  })

  it('lets a reviewer read but not write', async () => {
    await w.api.account.create({
      username: 'reviewer1',
      displayName: '王审阅',
      role: 'reviewer',
      phone: '',
      password: 'Review#2026',
    })
    await w.api.auth.logout()
    await w.api.auth.login({ username: 'reviewer1', password: 'Review#2026' })
    await expect(w.api.serviceLog.list({})).resolves.toMatchObject({ total: 0 })
    await expect(w.api.audit.verify()).resolves.toMatchObject({ ok: true })
    const cat = (await w.api.serviceLog.categories())[0]!
    await expect(
      w.api.serviceLog.create({
        serviceTime: '2026-11-23T08:00:00+08:00',
        channel: 'phone',
        categoryId: cat.id,
        content: 'x',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('keeps engineers out of the audit trail and account management', async () => {
    await w.api.account.create({
      username: 'li',
      displayName: '李工',
      role: 'engineer',
      phone: '',
      password: 'Engineer#1',
    })
    await w.api.auth.logout()
    await w.api.auth.login({ username: 'li', password: 'Engineer#1' })
    await expect(w.api.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      w.api.account.create({ username: 'x1', displayName: 'x', role: 'lead', phone: '', password: 'Engineer#1' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('never leaves the site without an active lead', async () => {
    const me = (await w.api.auth.status()).user!
    await expect(
      w.api.account.update({ id: me.id, displayName: '张伟', role: 'engineer', phone: '', active: true }),
    ).rejects.toMatchObject({ code: 'LAST_LEAD' })
  })
})
