import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../src/main/services/auth/password'
import { LEAD_PASSWORD, makeWorld, setUpSite, type World } from '../support/world'

/** SPEC §3.12: anchors are signed with a key only the signer's password unlocks. */
const PW = 'Field#2026ok'
let w: World
beforeEach(async () => {
  w = makeWorld()
  await setUpSite(w)
})
afterEach(() => w.close())

const keyRows = (userId: number) =>
  w.db.prepare('SELECT id, public_key, private_key_enc FROM user_key WHERE user_id = ? ORDER BY id').all(userId) as {
    id: number
    public_key: string
    private_key_enc: string
  }[]
const message = 'duty-console/anchor/v1|handover|1|5|abc'
const who = { id: null, name: 'test' }

describe('per-user signing keys', () => {
  it('makes a key pair at account creation and shows the public key and its fingerprint on the account page', async () => {
    const li = await w.api.account.create({
      username: 'liqiang',
      displayName: '李强',
      role: 'engineer',
      phone: '',
      password: PW,
    })
    expect(li.keyFingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){4}$/)
    const listed = (await w.api.account.list()).find((u) => u.id === li.id)!
    expect(listed).toMatchObject({ keyFingerprint: li.keyFingerprint, publicKey: keyRows(li.id)[0]!.public_key })
    expect((await w.api.account.list()).every((u) => u.keyFingerprint)).toBe(true)
    const ev = w.db
      .prepare("SELECT after_json FROM audit_log WHERE action = 'key.create' AND entity_id = ?")
      .pluck()
      .get(String(li.id))
    expect(JSON.parse(ev as string)).toMatchObject({ fingerprint: li.keyFingerprint, reason: 'create' })
  })

  it('stores the private key only encrypted: the password signs, a wrong password cannot', async () => {
    const li = await w.api.account.create({
      username: 'liqiang',
      displayName: '李强',
      role: 'engineer',
      phone: '',
      password: PW,
    })
    const [row] = keyRows(li.id)
    expect(row!.private_key_enc).toMatch(/^v1\$/)
    expect(row!.private_key_enc).not.toContain('MC4CAQAw') // a PKCS#8 Ed25519 key in base64 starts like this
    const signed = w.services.keys.sign(li.id, PW, message, who)
    expect(w.services.keys.verify(signed.keyId, li.id, message, signed.signature)).toBe(true)
    expect(w.services.keys.verify(signed.keyId, li.id, message + 'x', signed.signature)).toBe(false)
    expect(w.services.keys.verify(signed.keyId, 1, message, signed.signature)).toBe(false)
  })

  it('re-encrypts the same key on a password change: the old password no longer opens it', async () => {
    const me = (await w.api.auth.status()).user!
    const before = keyRows(me.id)
    await w.api.auth.changePassword({ oldPassword: LEAD_PASSWORD, newPassword: 'Newer#2026ok' })
    const after = keyRows(me.id)
    expect(after).toHaveLength(1)
    expect(after[0]!.public_key).toBe(before[0]!.public_key)
    expect(after[0]!.private_key_enc).not.toBe(before[0]!.private_key_enc)
    const s = w.services.keys.sign(me.id, 'Newer#2026ok', message, who)
    expect(s.keyId).toBe(before[0]!.id)
    expect(keyRows(me.id)).toHaveLength(1)
  })

  it('gives a new key pair on a reset by the lead, and the old signatures still verify', async () => {
    const li = await w.api.account.create({
      username: 'liqiang',
      displayName: '李强',
      role: 'engineer',
      phone: '',
      password: PW,
    })
    const old = w.services.keys.sign(li.id, PW, message, who)
    const reset = await w.api.account.resetPassword({ id: li.id, password: 'Reset#2026ok' })
    expect(reset.keyFingerprint).not.toBe(li.keyFingerprint)
    expect(keyRows(li.id)).toHaveLength(2)
    expect(w.services.keys.verify(old.keyId, li.id, message, old.signature)).toBe(true)
  })

  it('creates the key of an account made before keys existed at its next login', async () => {
    w.db
      .prepare(
        "INSERT INTO user (username, display_name, role, phone, password_hash, created_at, updated_at) VALUES ('old', '老账号', 'engineer', '', ?, '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00')",
      )
      .run(hashPassword(PW))
    const id = w.db.prepare("SELECT id FROM user WHERE username = 'old'").pluck().get() as number
    expect(keyRows(id)).toHaveLength(0)
    await w.api.auth.logout()
    await w.api.auth.login({ username: 'old', password: PW })
    expect(keyRows(id)).toHaveLength(1)
    await w.api.auth.logout()
    await w.api.auth.login({ username: 'old', password: PW })
    expect(keyRows(id)).toHaveLength(1)
  })

  it('refuses to change or delete a key row in the database', () => {
    expect(() => w.db.prepare("UPDATE user_key SET public_key = 'x'").run()).toThrow(/never changed/)
    expect(() => w.db.prepare('DELETE FROM user_key').run()).toThrow(/never deleted/)
  })
})
