import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { APPLICATION_ID, openDatabase } from '../../src/main/db/connection'
import { MIGRATIONS, migrate } from '../../src/main/db/migrate'
import { tempDir } from '../support/world'

const opened: Database.Database[] = []
afterEach(() => opened.splice(0).forEach((db) => db.open && db.close()))

describe('database file', () => {
  it('applies every migration once, in order, and records each one', () => {
    const file = join(tempDir(), 'a.sqlite3')
    const db = openDatabase(file)
    opened.push(db)
    const rows = db.prepare('SELECT seq, name FROM schema_migration ORDER BY seq').all() as {
      seq: number
      name: string
    }[]
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name))
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    db.close()
    const again = openDatabase(file)
    opened.push(again)
    expect((again.prepare('SELECT count(*) AS n FROM schema_migration').get() as { n: number }).n).toBe(
      MIGRATIONS.length,
    )
  })

  it('runs in WAL mode with synchronous=FULL and foreign keys on', () => {
    const db = openDatabase(join(tempDir(), 'b.sqlite3'))
    opened.push(db)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('refuses a database from a newer version and leaves the file byte-identical', () => {
    const file = join(tempDir(), 'newer.sqlite3')
    const db = openDatabase(file)
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    db.pragma('journal_mode = DELETE')
    db.close()
    const before = readFileSync(file)
    expect(() => openDatabase(file)).toThrowError(/更新/)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a file that belongs to another application', () => {
    const file = join(tempDir(), 'other.sqlite3')
    const other = new Database(file)
    other.pragma('application_id = 42')
    other.exec('CREATE TABLE x (a)')
    other.close()
    const before = readFileSync(file)
    expect(() => openDatabase(file)).toThrowError(/不属于/)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('rolls a failing migration back whole, keeping the previous schema and version', () => {
    const db = new Database(join(tempDir(), 'c.sqlite3'))
    opened.push(db)
    const ok = { name: '2026-01-01-01-ok', up: (d: Database.Database) => d.exec('CREATE TABLE ok (a)') }
    const failing = {
      name: '2026-01-01-02-failing',
      up: (d: Database.Database) => {
        d.exec('CREATE TABLE half (a)')
        throw new Error('boom')
      },
    }
    expect(() => migrate(db, [ok, failing])).toThrow('boom')
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('ok', 'half')").all()).toEqual([{ name: 'ok' }])
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    expect(migrate(db, [ok])).toEqual([])
  })

  it('refuses a database whose migration history it does not know', () => {
    const db = new Database(join(tempDir(), 'd.sqlite3'))
    opened.push(db)
    migrate(db, [{ name: 'from-the-future', up: () => {} }])
    expect(() => migrate(db)).toThrowError(/不认识/)
  })
})
