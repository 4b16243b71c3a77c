import type Database from 'better-sqlite3'
import { DomainError } from '@shared/errors'
import { migrations } from './migrations'
import { MIGRATION_CHECKSUMS } from './migrations/checksums'

export interface Migration {
  /** `YYYY-MM-DD-NN-what`: sorted by name, applied once, never edited after release */
  name: string
  up(db: Database.Database): void
}

export const MIGRATIONS: readonly Migration[] = migrations

export interface AppliedMigration {
  seq: number
  name: string
  checksum: string | null
}

export interface MigrateOptions {
  /** development builds: refuse a database whose applied migrations' text has changed since */
  strictChecksums?: boolean
  checksums?: Readonly<Record<string, string>>
}

/**
 * Throws when the applied history is not a prefix of `list` (a newer or foreign
 * version of the app), or, when strict, when an applied migration's recorded
 * checksum differs from its current one. Reads only.
 */
export function checkHistory(
  applied: readonly AppliedMigration[],
  list: readonly Migration[],
  opts: MigrateOptions = {},
): void {
  const sums = opts.checksums ?? MIGRATION_CHECKSUMS
  applied.forEach((row, i) => {
    if (list[i]?.name !== row.name) {
      throw new DomainError('DB_TOO_NEW', `数据文件包含本程序不认识的结构变更（${row.name}），请使用新版本程序打开。`)
    }
    const now = sums[row.name]
    if (opts.strictChecksums && row.checksum && now && row.checksum !== now) {
      throw new DomainError(
        'DB_MIGRATION_CHANGED',
        `结构变更 ${row.name} 在应用到这个数据文件之后被修改过。已发布的迁移不能修改，请撤销修改并另加一个新迁移。`,
      )
    }
  })
}

export function readApplied(db: Database.Database): AppliedMigration[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'").get()
  if (!table) return []
  const cols = (db.prepare('PRAGMA table_info(schema_migration)').all() as { name: string }[]).map((c) => c.name)
  const sum = cols.includes('checksum') ? 'checksum' : 'NULL AS checksum'
  return db.prepare(`SELECT seq, name, ${sum} FROM schema_migration ORDER BY seq`).all() as AppliedMigration[]
}

/**
 * Applies pending migrations in order, each in its own transaction together with
 * its tracking row (name and checksum) and the user_version bump, so a failure
 * leaves the previous consistent schema behind.
 */
export function migrate(
  db: Database.Database,
  list: readonly Migration[] = MIGRATIONS,
  opts: MigrateOptions = {},
): string[] {
  const applied = readApplied(db)
  checkHistory(applied, list, opts)
  const sums = opts.checksums ?? MIGRATION_CHECKSUMS
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    seq INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    applied_at TEXT NOT NULL,
    checksum TEXT
  )`)
  const cols = (db.prepare('PRAGMA table_info(schema_migration)').all() as { name: string }[]).map((c) => c.name)
  if (!cols.includes('checksum')) db.exec('ALTER TABLE schema_migration ADD COLUMN checksum TEXT')
  const done: string[] = []
  for (let i = applied.length; i < list.length; i++) {
    const m = list[i]!
    db.transaction(() => {
      m.up(db)
      db.prepare('INSERT INTO schema_migration (seq, name, applied_at, checksum) VALUES (?, ?, ?, ?)').run(
        i + 1,
        m.name,
        new Date().toISOString(),
        sums[m.name] ?? null,
      )
      db.pragma(`user_version = ${i + 1}`)
    })()
    done.push(m.name)
  }
  return done
}
