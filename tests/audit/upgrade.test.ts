import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import { APPLICATION_ID, openDatabase } from '../../src/main/db/connection'
import { MIGRATIONS } from '../../src/main/db/migrate'
import { fileSealKey } from '../../src/main/security/seal-key'
import { buildServices } from '../../src/main/services'
import { type ChainedRow, GENESIS_HASH, rowHash } from '../../src/main/services/audit/chain'
import { hashPassword } from '../../src/main/services/auth/password'
import { FakeClock, tempDir } from '../support/world'

const opened: Database.Database[] = []
afterEach(() => opened.splice(0).forEach((db) => db.open && db.close()))

it('a database from before signing and sealing opens sealed, its accepted handover kept as an unsigned legacy anchor', () => {
  const file = join(tempDir(), 'old.sqlite3')
  const old = new Database(file)
  old.pragma(`application_id = ${APPLICATION_ID}`)
  old.exec(
    'CREATE TABLE schema_migration (seq INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)',
  )
  MIGRATIONS.slice(0, 4).forEach((m, i) => {
    m.up(old)
    old.prepare('INSERT INTO schema_migration VALUES (?, ?, ?)').run(i + 1, m.name, '2026-11-24T00:00:00Z')
  })
  old.pragma('user_version = 4')
  const now = '2026-11-24T09:00:00+08:00'
  for (const [u, n] of [
    ['zhangwei', '张伟'],
    ['liqiang', '李强'],
  ])
    old
      .prepare(
        "INSERT INTO user (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, 'lead', ?, ?, ?)",
      )
      .run(u, n, hashPassword('Duty#2026ok'), now, now)
  let prev = GENESIS_HASH
  for (let seq = 1; seq <= 3; seq++) {
    const row: Omit<ChainedRow, 'hash'> = {
      seq,
      at: now,
      user_id: 1,
      user_name: '张伟',
      action: 'update',
      entity: 'site',
      entity_id: '1',
      before_json: null,
      after_json: `{"n":${seq}}`,
      result: 'ok',
      prev_hash: prev,
    }
    prev = rowHash(row)
    old
      .prepare(
        'INSERT INTO audit_log VALUES (@seq, @at, @user_id, @user_name, @action, @entity, @entity_id, @before_json, @after_json, @result, @prev_hash, @hash)',
      )
      .run({ ...row, hash: prev })
  }
  old
    .prepare(
      "INSERT INTO handover (status, outgoing_id, incoming_id, shift_label, shift_date, opened_at, accepted_at, checklist_json, items_json, anchor_seq, anchor_hash) VALUES ('accepted', 1, 2, '2026-11-24 当班', '2026-11-24', ?, ?, '[]', '[]', 3, ?)",
    )
    .run(now, now, prev)
  old.close()

  const db = openDatabase(file, { strictChecksums: true })
  opened.push(db)
  const s = buildServices(db, new FakeClock(Date.parse(now)), fileSealKey(join(tempDir(), 'seal.key')))
  s.integrity.prepare()
  expect(db.prepare('SELECT action FROM audit_log WHERE seq = 4').pluck().get()).toBe('seal.init')
  expect(db.prepare("SELECT signature FROM anchor_signature WHERE entity_id = '1'").pluck().get()).toBe('legacy')
  expect(s.integrity.verify()).toMatchObject({ ok: true, headSeq: 4 })
  s.auth.login('liqiang', 'Duty#2026ok')
  expect(s.keys.current(2)).not.toBeNull()
  expect(s.integrity.verify()).toMatchObject({ ok: true })
})
