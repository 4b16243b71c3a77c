import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
  sign,
  verify,
} from 'node:crypto'
import type { Db } from '../../db/connection'
import { toSiteIso } from '@shared/time/site-time'
import type { Clock } from '../clock'
import type { AuditService, AuditWho } from './service'

// Same cost as the password hash: unlocking the key is as slow to guess as the password itself.
const SCRYPT = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

interface KeyRow {
  id: number
  user_id: number
  public_key: string
  fingerprint: string
  private_key_enc: string
}

export interface PublicKeyInfo {
  keyId: number
  publicKey: string
  fingerprint: string
}

/** `3fa9 c2e0 1b7d 55aa 9c01`: the first 80 bits of SHA-256 over the public key, for reading aloud. */
export function fingerprintOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 20)
  return hex.match(/.{4}/g)!.join(' ')
}

function seal(privateDer: Buffer, password: string): string {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const key = scryptSync(password.normalize('NFKC'), salt, 32, SCRYPT)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const ct = Buffer.concat([cipher.update(privateDer), cipher.final()])
  return ['v1', salt, iv, cipher.getAuthTag(), ct]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
    .join('$')
}

/** Null when the password does not open it (wrong password, or the text was altered). */
function unseal(enc: string, password: string): Buffer | null {
  const [v, salt, iv, tag, ct] = enc.split('$')
  if (v !== 'v1' || !salt || !iv || !tag || !ct) return null
  try {
    const key = scryptSync(password.normalize('NFKC'), Buffer.from(salt, 'base64'), 32, SCRYPT)
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
    d.setAuthTag(Buffer.from(tag, 'base64'))
    return Buffer.concat([d.update(Buffer.from(ct, 'base64')), d.final()])
  } catch {
    return null
  }
}

/**
 * Each user's Ed25519 signing key. The private half is stored encrypted with a
 * key derived (scrypt) from the user's password, so only that password can sign;
 * the public half and its fingerprint are public. Key rows are never changed or
 * deleted (triggers), so old signatures stay verifiable after a password reset.
 */
export class SigningKeys {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  private row(userId: number): KeyRow | undefined {
    return this.db.prepare('SELECT * FROM user_key WHERE user_id = ? ORDER BY id DESC LIMIT 1').get(userId) as
      KeyRow | undefined
  }

  current(userId: number): PublicKeyInfo | null {
    const r = this.row(userId)
    return r ? { keyId: r.id, publicKey: r.public_key, fingerprint: r.fingerprint } : null
  }

  /** A new key pair for the user, audited with its fingerprint. Call inside the action's transaction. */
  create(userId: number, password: string, by: AuditWho, reason: 'create' | 'reset' | 'login'): PublicKeyInfo {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const pub = publicKey.export({ type: 'spki', format: 'der' })
    const info = { publicKey: pub.toString('base64'), fingerprint: fingerprintOf(pub) }
    const keyId = Number(
      this.db
        .prepare(
          'INSERT INTO user_key (user_id, public_key, fingerprint, private_key_enc, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(
          userId,
          info.publicKey,
          info.fingerprint,
          seal(privateKey.export({ type: 'pkcs8', format: 'der' }), password),
          toSiteIso(this.clock.now()),
        ).lastInsertRowid,
    )
    this.audit.record(by, 'key.create', 'user', userId, null, { keyId, reason, ...info })
    return { keyId, ...info }
  }

  /** Creates the key of an account made before signing keys existed, at its first login. */
  ensure(userId: number, password: string, by: AuditWho): void {
    if (!this.row(userId)) this.create(userId, password, by, 'login')
  }

  /** On a password change the same key is re-encrypted under the new password. */
  rewrap(userId: number, oldPassword: string, newPassword: string, by: AuditWho): void {
    const r = this.row(userId)
    const der = r ? unseal(r.private_key_enc, oldPassword) : null
    if (!r || !der) {
      this.create(userId, newPassword, by, 'reset')
      return
    }
    this.db.prepare('UPDATE user_key SET private_key_enc = ? WHERE id = ?').run(seal(der, newPassword), r.id)
  }

  /** Signs with the user's current key; the password has been checked by the caller. */
  sign(userId: number, password: string, message: string, by: AuditWho): { keyId: number; signature: string } {
    let r = this.row(userId)
    let der = r ? unseal(r.private_key_enc, password) : null
    if (!r || !der) {
      this.create(userId, password, by, r ? 'reset' : 'login')
      r = this.row(userId)!
      der = unseal(r.private_key_enc, password)!
    }
    const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
    return { keyId: r.id, signature: sign(null, Buffer.from(message), key).toString('base64') }
  }

  /** True when `signature` over `message` was made by key `keyId` of user `userId`. */
  verify(keyId: number, userId: number, message: string, signature: string): boolean {
    const r = this.db.prepare('SELECT * FROM user_key WHERE id = ?').get(keyId) as KeyRow | undefined
    if (!r || r.user_id !== userId) return false
    try {
      const der = Buffer.from(r.public_key, 'base64')
      if (fingerprintOf(der) !== r.fingerprint) return false
      const key = createPublicKey({ key: der, format: 'der', type: 'spki' })
      return verify(null, Buffer.from(message), key, Buffer.from(signature, 'base64'))
    } catch {
      return false
    }
  }
}
