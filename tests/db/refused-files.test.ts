import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { APPLICATION_ID, openDatabase } from '../../src/main/db/connection'
import { MIGRATIONS } from '../../src/main/db/migrate'
import { MIGRATION_CHECKSUMS } from '../../src/main/db/migrations/checksums'
import { tempDir } from '../support/world'

const opened: Database.Database[] = []
afterEach(() => opened.splice(0).forEach((db) => db.open && db.close()))

/** A database of ours, closed in rollback-journal mode so its bytes can be compared. */
function ourFile(name: string, change?: (db: Database.Database) => void): string {
  const file = join(tempDir(), name)
  const db = openDatabase(file)
  change?.(db)
  db.pragma('journal_mode = DELETE')
  db.close()
  return file
}

describe('a foreign SQLite file', () => {
  it('refuses a file with application_id 0 that already has tables, and leaves it byte-identical', () => {
    const file = join(tempDir(), 'foreign.sqlite3')
    const other = new Database(file)
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 1)')
    other.close()
    const before = readFileSync(file)
    expect(() => openDatabase(file)).toThrowError(/不属于驻场值守台/)
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses a file that is no database at all (a renamed document) with a Chinese message, byte-identical', () => {
    const file = join(tempDir(), 'renamed.sqlite3')
    writeFileSync(file, 'PK\u0003\u0004 一份改了扩展名的文档'.padEnd(5000, 'z'))
    const before = readFileSync(file)
    expect(() => openDatabase(file)).toThrowError(
      expect.objectContaining({ code: 'DB_FOREIGN', message: expect.stringMatching(/不是驻场值守台的数据文件/) }),
    )
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('accepts an empty new file (0 bytes) and makes it ours', () => {
    const file = join(tempDir(), 'empty.sqlite3')
    writeFileSync(file, '')
    const db = openDatabase(file)
    opened.push(db)
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
  })
})

describe('a refused file is refused before anything is written', () => {
  it('an unknown migration history is refused with the file byte-identical and no WAL written', () => {
    const file = ourFile('history.sqlite3', (db) =>
      db.prepare("UPDATE schema_migration SET name = '2026-12-01-01-from-elsewhere' WHERE seq = 2").run(),
    )
    const before = readFileSync(file)
    expect(() => openDatabase(file)).toThrowError(/不认识的结构变更/)
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })
})

describe('released migrations are never edited', () => {
  it('every migration file still has the text it was released with (else: undo the edit, add a new migration)', () => {
    for (const m of MIGRATIONS) {
      const text = readFileSync(join('src/main/db/migrations', `${m.name}.ts`), 'utf8').replace(/\r\n/g, '\n')
      const sum = createHash('sha256').update(text).digest('hex')
      expect(
        MIGRATION_CHECKSUMS[m.name],
        `${m.name} has no line in migrations/checksums.ts (add: '${sum}')`,
      ).toBeDefined()
      expect(sum, `${m.name} was edited after release`).toBe(MIGRATION_CHECKSUMS[m.name])
    }
  })

  it('stores each applied migration with its checksum', () => {
    const db = openDatabase(join(tempDir(), 'sums.sqlite3'))
    opened.push(db)
    const rows = db.prepare('SELECT name, checksum FROM schema_migration ORDER BY seq').all() as {
      name: string
      checksum: string
    }[]
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ name: m.name, checksum: MIGRATION_CHECKSUMS[m.name] })))
  })

  it('a development build refuses a database whose applied migration text changed since; a release build opens it', () => {
    const file = ourFile('edited.sqlite3', (db) =>
      db.prepare("UPDATE schema_migration SET checksum = 'beef' WHERE name = '2026-11-24-03-handover'").run(),
    )
    const before = readFileSync(file)
    expect(() => openDatabase(file, { strictChecksums: true })).toThrowError(
      /2026-11-24-03-handover 在应用到这个数据文件之后被修改过/,
    )
    expect(readFileSync(file).equals(before)).toBe(true)
    const db = openDatabase(file)
    opened.push(db)
    expect(db.open).toBe(true)
  })

  it('a database from before checksums were stored opens, and the repair migration adds the table an edit had left out', () => {
    const file = join(tempDir(), 'old.sqlite3')
    const db = new Database(file)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    // The history as it was: no checksum column, the handover migration without notification_log.
    db.exec(
      'CREATE TABLE schema_migration (seq INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)',
    )
    MIGRATIONS.slice(0, 4).forEach((m, i) => {
      m.up(db)
      db.prepare('INSERT INTO schema_migration VALUES (?, ?, ?)').run(i + 1, m.name, '2026-11-24T00:00:00Z')
    })
    db.exec('DROP TABLE notification_log')
    db.pragma('user_version = 4')
    db.close()
    const again = openDatabase(file, { strictChecksums: true })
    opened.push(again)
    expect(again.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'notification_log'").pluck().get()).toBe(1)
    const sums = again.prepare('SELECT checksum FROM schema_migration ORDER BY seq').pluck().all()
    expect(sums.slice(0, 4)).toEqual([null, null, null, null])
    expect(sums.slice(4).every((s) => typeof s === 'string')).toBe(true)
  })
})
