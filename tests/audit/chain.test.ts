import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { count, makeWorld, setUpSite, type World } from '../support/world'

let w: World
beforeEach(async () => {
  w = makeWorld()
  await setUpSite(w)
  const cat = (await w.api.serviceLog.categories())[0]!
  for (let i = 0; i < 5; i++) {
    await w.api.serviceLog.create({
      serviceTime: '2026-11-23T08:30:00+08:00',
      channel: 'phone',
      categoryId: cat.id,
      content: `第${i}条`,
    })
  }
})
afterEach(() => w.close())

/** Tampering "directly in SQLite": the app's triggers are dropped first, as an attacker would. */
function tamper(sql: string, ...params: unknown[]) {
  w.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;')
  w.db.prepare(sql).run(...params)
}

describe('audit chain', () => {
  it('is intact after normal use and counts every row', () => {
    const status = w.services.integrity.verify()
    expect(status).toMatchObject({ ok: true, firstBrokenSeq: null })
    expect(status.count).toBe(count(w, 'audit_log'))
  })

  it('refuses UPDATE and DELETE on audit rows', () => {
    expect(() => w.db.prepare("UPDATE audit_log SET user_name = 'x' WHERE seq = 1").run()).toThrow(/append-only/)
    expect(() => w.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/)
  })

  it('detects a flipped byte in any row and names that row', () => {
    const n = count(w, 'audit_log')
    for (let seq = 1; seq <= n; seq++) {
      const fresh = makeWorldCopy()
      fresh.tamperRow(seq)
      expect(fresh.verify()).toMatchObject({ ok: false, firstBrokenSeq: seq })
      fresh.close()
    }
  })

  it('detects a deleted row', () => {
    tamper('DELETE FROM audit_log WHERE seq = 3')
    expect(w.services.integrity.verify()).toMatchObject({ ok: false, firstBrokenSeq: 3 })
  })

  it('detects two rows swapped', () => {
    const a = w.db.prepare('SELECT * FROM audit_log WHERE seq = 4').get() as Record<string, unknown>
    const b = w.db.prepare('SELECT * FROM audit_log WHERE seq = 5').get() as Record<string, unknown>
    tamper('DELETE FROM audit_log WHERE seq IN (4, 5)')
    const insert = w.db.prepare(
      'INSERT INTO audit_log (seq, at, user_id, user_name, action, entity, entity_id, before_json, after_json, result, prev_hash, hash) VALUES (@seq, @at, @user_id, @user_name, @action, @entity, @entity_id, @before_json, @after_json, @result, @prev_hash, @hash)',
    )
    insert.run({ ...b, seq: 4 })
    insert.run({ ...a, seq: 5 })
    expect(w.services.integrity.verify()).toMatchObject({ ok: false, firstBrokenSeq: 4 })
  })

  it('rolls the change back when the audit row cannot be written', async () => {
    const before = count(w, 'service_log')
    w.db.exec("CREATE TRIGGER audit_fail BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    const cat = (await w.api.serviceLog.categories())[0]!
    await expect(
      w.api.serviceLog.create({
        serviceTime: '2026-11-23T08:30:00+08:00',
        channel: 'phone',
        categoryId: cat.id,
        content: '不应保存',
      }),
    ).rejects.toMatchObject({ code: 'INTERNAL' })
    expect(count(w, 'service_log')).toBe(before)
  })
})

function makeWorldCopy() {
  const rows = w.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[]
  const copy = makeWorld()
  copy.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;')
  const insert = copy.db.prepare(
    'INSERT INTO audit_log (seq, at, user_id, user_name, action, entity, entity_id, before_json, after_json, result, prev_hash, hash) VALUES (@seq, @at, @user_id, @user_name, @action, @entity, @entity_id, @before_json, @after_json, @result, @prev_hash, @hash)',
  )
  for (const r of rows) insert.run(r)
  return {
    tamperRow(seq: number) {
      const row = copy.db.prepare('SELECT after_json, user_name FROM audit_log WHERE seq = ?').get(seq) as {
        after_json: string | null
        user_name: string
      }
      if (row.after_json) {
        const flipped = row.after_json.replace(/.$/, (c) => String.fromCharCode(c.charCodeAt(0) ^ 1))
        copy.db.prepare('UPDATE audit_log SET after_json = ? WHERE seq = ?').run(flipped, seq)
      } else {
        copy.db.prepare('UPDATE audit_log SET user_name = ? WHERE seq = ?').run(row.user_name + ' ', seq)
      }
    },
    verify: () => copy.services.integrity.verify(),
    close: () => copy.close(),
  }
}
