import type Database from 'better-sqlite3'
import { DomainError } from '../../shared/errors'
import { migrations } from './migrations'

export interface Migration {
  /** `YYYY-MM-DD-NN-what`: sorted by name, applied once, never edited after release */
  name: string
  up(db: Database.Database): void
}

export const MIGRATIONS: readonly Migration[] = migrations

/**
 * Applies pending migrations in order, each in its own transaction together with
 * its tracking row and the user_version bump, so a failure leaves the previous
 * consistent schema behind.
 */
export function migrate(db: Database.Database, list: readonly Migration[] = MIGRATIONS): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    seq INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    applied_at TEXT NOT NULL
  )`)
  const applied = db.prepare('SELECT seq, name FROM schema_migration ORDER BY seq').all() as {
    seq: number
    name: string
  }[]
  applied.forEach((row, i) => {
    if (list[i]?.name !== row.name) {
      throw new DomainError('DB_TOO_NEW', `数据文件包含本程序不认识的结构变更（${row.name}），请使用新版本程序打开。`)
    }
  })
  const done: string[] = []
  for (let i = applied.length; i < list.length; i++) {
    const m = list[i]!
    db.transaction(() => {
      m.up(db)
      db.prepare('INSERT INTO schema_migration (seq, name, applied_at) VALUES (?, ?, ?)').run(
        i + 1,
        m.name,
        new Date().toISOString(),
      )
      db.pragma(`user_version = ${i + 1}`)
    })()
    done.push(m.name)
  }
  return done
}
