import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { DomainError } from '@shared/errors'
import { checkHistory, MIGRATIONS, type MigrateOptions, migrate, readApplied } from './migrate'

export type Db = Database.Database

/** 'ZCZT' — marks the file as this app's, so a stray SQLite file is never migrated by mistake. */
export const APPLICATION_ID = 0x5a435a54

/**
 * Checks an existing file before anything writes to it: a database from a newer
 * version of the app, a migration history it does not know, or a file that is not
 * ours (another application's id, or no id but tables in it) is refused and left
 * byte-identical (a read-only open never changes the main file).
 */
function preflight(file: string, opts: MigrateOptions): void {
  if (!existsSync(file)) return
  const ro = new Database(file, { readonly: true, fileMustExist: true })
  try {
    let appId: number
    try {
      appId = ro.pragma('application_id', { simple: true }) as number
    } catch (e) {
      const code = (e as { code?: unknown }).code
      if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
        throw new DomainError(
          'DB_FOREIGN',
          '这个文件不是驻场值守台的数据文件（不是数据库，或已损坏），已拒绝打开。文件未作任何改动。',
        )
      throw e
    }
    const version = ro.pragma('user_version', { simple: true }) as number
    const objects = ro.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number
    if ((appId !== 0 && appId !== APPLICATION_ID) || (appId === 0 && objects > 0)) {
      throw new DomainError('DB_FOREIGN', '这个数据文件不属于驻场值守台，已拒绝打开。')
    }
    if (version > MIGRATIONS.length) {
      throw new DomainError(
        'DB_TOO_NEW',
        `数据文件的结构版本（${version}）比本程序支持的（${MIGRATIONS.length}）更新，请使用新版本程序打开。文件未作任何改动。`,
      )
    }
    checkHistory(readApplied(ro), MIGRATIONS, opts)
  } finally {
    ro.close()
  }
}

/**
 * Every transaction of the app begins IMMEDIATE (better-sqlite3's `.immediate()`):
 * it takes the write lock when it starts, so a concurrent reader or writer makes it
 * wait (busy_timeout) instead of failing half-way with "database is locked" when a
 * deferred transaction tries to upgrade its read to a write. Set here once, so every
 * `db.transaction(fn)()` in the services is immediate without each call site saying so;
 * `.deferred()` stays available for a read-only snapshot.
 */
export function immediateByDefault(db: Db): Db {
  const make = db.transaction.bind(db)
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const tx = make(fn)
    const run = (...args: never[]) => tx.immediate(...args)
    return Object.assign(run, {
      default: tx.immediate,
      deferred: tx.deferred,
      immediate: tx.immediate,
      exclusive: tx.exclusive,
      database: db,
    })
  }) as unknown as Db['transaction']
  return db
}

/** `strictChecksums`: development builds and tests refuse a database whose applied migrations were edited. */
export function openDatabase(file: string, opts: MigrateOptions = {}): Db {
  preflight(file, opts)
  const db = immediateByDefault(new Database(file))
  try {
    // WAL + FULL: a committed record survives a power cut in the duty room.
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    // A writer waits up to 10 s for another to finish instead of failing.
    db.pragma('busy_timeout = 10000')
    db.pragma(`application_id = ${APPLICATION_ID}`)
    migrate(db, MIGRATIONS, opts)
    return db
  } catch (e) {
    db.close()
    throw e
  }
}
