import { createHmac, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * The key that seals the audit trail's head. The database never holds it, so a
 * person with only the data file cannot make a valid seal for a shortened or
 * rewritten chain. Services see only this interface.
 */
export interface SealKey {
  /** HMAC-SHA256 of the text, hex */
  mac(text: string): string
}

function fromSecret(secret: Buffer): SealKey {
  return { mac: (text) => createHmac('sha256', secret).update(text).digest('hex') }
}

function readOrCreate(path: string, read: (raw: Buffer) => Buffer, write: (secret: Buffer) => Buffer): SealKey {
  if (existsSync(path)) return fromSecret(read(readFileSync(path)))
  const secret = randomBytes(32)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, write(secret), { mode: 0o600, flag: 'wx' })
  return fromSecret(secret)
}

/** Preview and tests: a plain key file kept outside the data folder. */
export function fileSealKey(path: string): SealKey {
  return readOrCreate(
    path,
    (raw) => Buffer.from(raw.toString('utf8').trim(), 'hex'),
    (secret) => Buffer.from(secret.toString('hex')),
  )
}

/** Where the preview keeps the key of a data folder: next to it, never inside it. */
export function sealKeyPathFor(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}.seal-key`)
}

/** What Electron's safeStorage offers; passed in so nothing here imports electron. */
export interface OsProtector {
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
}

/** Desktop app: the key is stored encrypted by the operating system for this user. */
export function osProtectedSealKey(path: string, os: OsProtector): SealKey {
  return readOrCreate(
    path,
    (raw) => Buffer.from(os.decryptString(raw), 'hex'),
    (secret) => os.encryptString(secret.toString('hex')),
  )
}

/** Benchmarks and one-off tools that never reopen the file. */
export function ephemeralSealKey(): SealKey {
  return fromSecret(randomBytes(32))
}
