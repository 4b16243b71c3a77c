import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FREE_FAILURES } from '../../src/main/services/auth/throttle'
import { count, LEAD_PASSWORD, makeWorld, setUpSite, type World } from '../support/world'

let w: World
beforeEach(async () => {
  w = makeWorld()
  await setUpSite(w)
  await w.api.auth.logout()
})
afterEach(() => w.close())

describe('what a failed login leaves in the audit trail', () => {
  it('refuses a username longer than 32 characters before anything is written', async () => {
    const rows = count(w, 'audit_log')
    await expect(w.api.auth.login({ username: 'a'.repeat(10 * 1024 * 1024), password: 'x' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '用户名不能超过 32 位',
    })
    expect(count(w, 'audit_log')).toBe(rows)
  })

  it('records an unknown username as a marker and a short hash, never as typed (a password in the wrong field)', async () => {
    await w.api.auth.login({ username: 'Secret#Pass2026', password: 'x' }).catch(() => {})
    const row = w.db.prepare("SELECT user_name, after_json FROM audit_log WHERE action = 'login.failed'").get() as {
      user_name: string
      after_json: string
    }
    expect(row.user_name).toBe('（未知用户名）')
    expect(JSON.parse(row.after_json)).toEqual({
      reason: 'unknown user',
      usernameHash: expect.stringMatching(/^[0-9a-f]{12}$/),
    })
    const all = JSON.stringify(w.db.prepare('SELECT * FROM audit_log').all())
    expect(all).not.toContain('Secret#Pass2026')
  })

  it('keys the hash so a reader of the audit trail cannot test password guesses against it; the same name gives the same mark', async () => {
    await w.api.auth.login({ username: 'Secret#Pass2026', password: 'x' }).catch(() => {})
    await w.api.auth.login({ username: ' secret#pass2026 ', password: 'x' }).catch(() => {})
    const marks = (
      w.db
        .prepare("SELECT after_json FROM audit_log WHERE action = 'login.failed' ORDER BY seq")
        .pluck()
        .all() as string[]
    ).map((j) => (JSON.parse(j) as { usernameHash: string }).usernameHash)
    expect(marks).toHaveLength(2)
    expect(marks[1]).toBe(marks[0])
    const guess = (text: string) => createHash('sha256').update(text).digest('hex')
    for (const text of ['secret#pass2026', 'Secret#Pass2026']) expect(guess(text).includes(marks[0]!)).toBe(false)
  })

  it('slows down repeated failures from the login screen, then lets the right password in after the wait', async () => {
    for (let i = 0; i < FREE_FAILURES; i++)
      await expect(w.api.auth.login({ username: `nobody${i}`, password: 'x' })).rejects.toMatchObject({
        code: 'AUTH_FAILED',
      })
    const rows = count(w, 'audit_log')
    await expect(w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })).rejects.toMatchObject({
      code: 'LOGIN_THROTTLED',
      message: '登录失败次数过多，请 1 秒后再试',
    })
    expect(count(w, 'audit_log')).toBe(rows)
    w.clock.ms += 1000
    await expect(w.api.auth.login({ username: 'nobody', password: 'x' })).rejects.toMatchObject({ code: 'AUTH_FAILED' })
    await expect(w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })).rejects.toMatchObject({
      message: '登录失败次数过多，请 2 秒后再试',
    })
    w.clock.ms += 2000
    await expect(w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })).resolves.toMatchObject({
      user: { username: 'zhangwei' },
    })
    await w.api.auth.logout()
    await expect(w.api.auth.login({ username: 'nobody', password: 'x' })).rejects.toMatchObject({ code: 'AUTH_FAILED' })
  })
})

describe('failures count within a window', () => {
  it('four wrong passwords, then one more a month later, do not lock the account', async () => {
    for (let i = 0; i < 4; i++) await w.api.auth.login({ username: 'zhangwei', password: 'wrong' }).catch(() => {})
    w.clock.advance(30 * 24 * 60)
    await expect(w.api.auth.login({ username: 'zhangwei', password: 'wrong' })).rejects.toMatchObject({
      code: 'AUTH_FAILED',
      message: '密码错误，再错 4 次将锁定账号',
    })
    await expect(w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })).resolves.toBeTruthy()
  })

  it('five wrong passwords within the window still lock', async () => {
    for (let i = 0; i < 4; i++) {
      await w.api.auth.login({ username: 'zhangwei', password: 'wrong' }).catch(() => {})
      w.clock.advance(5)
    }
    await expect(w.api.auth.login({ username: 'zhangwei', password: 'wrong' })).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
    })
  })
})
