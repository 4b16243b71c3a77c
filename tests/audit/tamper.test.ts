import { generateKeyPairSync, sign } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { missingTriggers, restoreTriggers } from '../../src/main/db/guards'
import { fileSealKey } from '../../src/main/security/seal-key'
import { buildServices } from '../../src/main/services'
import { type ChainedRow, rowHash } from '../../src/main/services/audit/chain'
import { anchorMessage } from '../../src/main/services/audit/integrity'
import { fingerprintOf } from '../../src/main/services/audit/keys'
import type { ChainProblemKind } from '../../src/shared/audit/contract'
import { makeWorld, setUpSite, type World } from '../support/world'

/**
 * SPEC §3.12 / seed 003 §4.4: a person with a SQLite client and the source, but
 * without the engineers' passwords, the seal key or the paper, cannot delete,
 * rewrite, reorder or append to the audit trail without the verifier naming it.
 */
const PW = 'Field#2026ok'
let w: World
let anchorSeq: number
let handoverId: number

beforeEach(async () => {
  w = makeWorld('2026-11-23T17:20:00+08:00')
  await setUpSite(w)
  const li = await w.api.account.create({
    username: 'liqiang',
    displayName: '李强',
    role: 'engineer',
    phone: '',
    password: PW,
  })
  const categoryId = (await w.api.serviceLog.categories())[0]!.id
  const log = (content: string) =>
    w.api.serviceLog.create({ serviceTime: '2026-11-23T16:30:00+08:00', channel: 'phone', categoryId, content })
  for (let i = 0; i < 4; i++) await log(`接班前第${i}条`)
  let h = await w.api.handover.start()
  h = await w.api.handover.update({
    id: h.id,
    revision: h.revision,
    incomingId: li.id,
    summary: '正常',
    cautions: '',
    todo: '',
    checklist: h.checklist,
    remarks: {},
  })
  h = await w.api.handover.submit({ id: h.id, revision: h.revision, password: 'Duty#2026ok' })
  h = await w.api.handover.accept({ id: h.id, revision: h.revision, password: PW, remarks: '' })
  handoverId = h.id
  anchorSeq = h.anchorSeq!
  for (let i = 0; i < 12; i++) await log(`接班后第${i}条`)
})
afterEach(() => w.close())

const INSERT =
  'INSERT INTO audit_log (seq, at, user_id, user_name, action, entity, entity_id, before_json, after_json, result, prev_hash, hash) VALUES (@seq, @at, @user_id, @user_name, @action, @entity, @entity_id, @before_json, @after_json, @result, @prev_hash, @hash)'

/** As an attacker would: the append-only guards go first … */
function unguard() {
  w.db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;')
}
/** … and are put back afterwards to hide it. */
const reguard = () => restoreTriggers(w.db, missingTriggers(w.db))
const rows = () => w.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as ChainedRow[]
const head = () => w.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number
/** Recomputes prev_hash and hash of every row from `seq` on, as a tamperer with the source would. */
function recompute(fromSeq: number) {
  const all = rows()
  let prev = all.find((r) => r.seq === fromSeq - 1)?.hash ?? '0'.repeat(64)
  const upd = w.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?')
  for (const r of all.filter((x) => x.seq >= fromSeq)) {
    const hash = rowHash({ ...r, prev_hash: prev })
    upd.run(prev, hash, r.seq)
    prev = hash
  }
}
const kinds = () => w.services.integrity.verify().problems.map((p) => p.kind)
function expectNamed(kind: ChainProblemKind, message: RegExp) {
  const s = w.services.integrity.verify()
  expect(s.ok).toBe(false)
  expect(s.problems).toEqual(
    expect.arrayContaining([expect.objectContaining({ kind, message: expect.stringMatching(message) })]),
  )
  return s
}

describe('the verifier names every kind of tampering done with raw SQL', () => {
  it('is intact after normal use, with the handover anchor signed by the incoming engineer', () => {
    const s = w.services.integrity.verify()
    expect(s).toMatchObject({ ok: true, problems: [], headSeq: head() })
    expect(s.headCode).toMatch(new RegExp(`^${head()}-[0-9a-f]{12}$`))
    const sig = w.db
      .prepare("SELECT signer_id, key_id, signature FROM anchor_signature WHERE entity = 'handover'")
      .get() as {
      signature: string
    }
    expect(sig.signature).toMatch(/^[A-Za-z0-9+/=]{80,}$/)
  })

  it('byte flip: a changed character in a middle row is named by its sequence number', () => {
    unguard()
    w.db
      .prepare("UPDATE audit_log SET after_json = replace(after_json, '接班前第1条', '接班前第2条') WHERE seq = ?")
      .run(anchorSeq - 3)
    const flipped = w.db
      .prepare('SELECT after_json FROM audit_log WHERE seq = ?')
      .pluck()
      .get(anchorSeq - 3) as string
    if (!flipped.includes('第2条'))
      w.db.prepare("UPDATE audit_log SET user_name = user_name || ' ' WHERE seq = ?").run(anchorSeq - 3)
    expect(expectNamed('content', /内容与其哈希不符/).firstBrokenSeq).toBe(anchorSeq - 3)
  })

  it('delete middle: the gap is named', () => {
    unguard()
    w.db.prepare('DELETE FROM audit_log WHERE seq = 5').run()
    expect(expectNamed('sequence', /缺少第 5 条/).firstBrokenSeq).toBe(5)
  })

  it('delete last: the sealed head names the truncation', () => {
    const n = head()
    unguard()
    w.db.prepare('DELETE FROM audit_log WHERE seq = ?').run(n)
    expectNamed('seal', new RegExp(`封条记录到第 ${n} 条，现在只到第 ${n - 1} 条`))
  })

  it('delete last 10: the sealed head names the truncation', () => {
    const n = head()
    unguard()
    w.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(n - 10)
    expectNamed('seal', new RegExp(`现在只到第 ${n - 10} 条`))
  })

  it('delete all: the seal and the handover anchor both name it', () => {
    unguard()
    w.db.prepare('DELETE FROM audit_log').run()
    expectNamed('seal', /现在只到第 0 条/)
    const s = expectNamed('anchor', new RegExp(`交接班 #${handoverId}：锚定在第 ${anchorSeq} 条，但链头只到第 0 条`))
    expect(s.problems.find((p) => p.kind === 'anchor')!.handoverId).toBe(handoverId)
  })

  it('reorder: two rows swapped keep their numbers but break the links', () => {
    const [a, b] = [rows()[6]!, rows()[7]!]
    unguard()
    w.db.prepare('DELETE FROM audit_log WHERE seq IN (?, ?)').run(a.seq, b.seq)
    w.db.prepare(INSERT).run({ ...b, seq: a.seq })
    w.db.prepare(INSERT).run({ ...a, seq: b.seq })
    expect(expectNamed('link', /链接不符/).firstBrokenSeq).toBe(a.seq)
  })

  it('edit + recompute: every later hash recomputed is caught by the seal and by the anchor it reaches', () => {
    unguard()
    w.db.prepare("UPDATE audit_log SET user_name = '王五' WHERE seq = 3").run()
    recompute(3)
    expect(kinds()).not.toContain('content')
    expectNamed('seal', /链被改写后重新计算过哈希/)
    expectNamed('anchor', new RegExp(`交接班 #${handoverId}：锚定的第 ${anchorSeq} 条记录与链中的不符`))
  })

  it('edit + recompute + rewritten anchor: the signature over the anchor fails', () => {
    unguard()
    w.db.exec('DROP TRIGGER handover_locked; DROP TRIGGER anchor_signature_no_update;')
    w.db.prepare("UPDATE audit_log SET user_name = '王五' WHERE seq = 3").run()
    recompute(3)
    const newHash = w.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(anchorSeq) as string
    w.db.prepare('UPDATE handover SET anchor_hash = ? WHERE id = ?').run(newHash, handoverId)
    w.db.prepare("UPDATE anchor_signature SET anchor_hash = ? WHERE entity = 'handover'").run(newHash)
    expect(kinds()).not.toContain('anchor')
    expectNamed('signature', new RegExp(`交接班 #${handoverId}：接班人对锚点的签名验证失败`))
  })

  it('append forged row: a row with a correct hash that the app did not write is named', () => {
    const last = rows().at(-1)!
    const forged = { ...last, seq: last.seq + 1, action: 'void', prev_hash: last.hash, after_json: '{"reason":"伪造"}' }
    unguard()
    w.db.prepare(INSERT).run({ ...forged, hash: rowHash(forged) })
    reguard()
    expect(kinds()).toEqual(['seal'])
    expectNamed('seal', new RegExp(`第 ${last.seq + 1}–${last.seq + 1} 条记录不是本程序写入的`))
  })

  it('drop triggers: named by the verifier, put back on the next open with an audit event saying so', () => {
    w.db.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER handover_no_delete;')
    expectNamed('triggers', /audit_log_no_delete、handover_no_delete/)
    expect(w.services.integrity.prepare()).toEqual(['audit_log_no_delete', 'handover_no_delete'])
    expect(() => w.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/)
    const ev = w.db
      .prepare("SELECT after_json FROM audit_log WHERE action = 'triggers.restored'")
      .pluck()
      .get() as string
    expect(JSON.parse(ev)).toEqual({ missing: ['audit_log_no_delete', 'handover_no_delete'] })
    expect(w.services.integrity.verify()).toMatchObject({ ok: true })
  })

  it('cut back to an anchor: the anchor still holds, the seal names every row cut after it', () => {
    unguard()
    w.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(anchorSeq)
    reguard()
    expect(kinds()).toEqual(['seal'])
    expectNamed('seal', new RegExp(`现在只到第 ${anchorSeq} 条`))
  })

  it('cut back and the seal cleared to be re-made on open: the re-made seal is named', () => {
    unguard()
    w.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(anchorSeq)
    w.db.prepare('UPDATE audit_seal SET mac = NULL').run()
    w.services.integrity.prepare()
    expectNamed('seal', /链头封条曾被清空后重建/)
  })

  it('seal row deleted, or forged without the key: named', () => {
    w.db.prepare('UPDATE audit_seal SET mac = ? WHERE id = 1').run('0'.repeat(64))
    expectNamed('seal', /链头封条无效/)
    w.db.prepare('DELETE FROM audit_seal').run()
    expectNamed('seal', /链头封条缺失/)
  })

  it('the database opened with another seal key (copied to another machine or user) is named, not passed', () => {
    const other = buildServices(w.db, w.clock, fileSealKey(join(w.keyDir, 'other.key')))
    expect(other.integrity.verify().problems.map((p) => p.kind)).toEqual(['seal'])
  })
})

describe('tampering that leans on the keys rather than the chain', () => {
  /** An Ed25519 pair the tamperer made himself, stored as the app stores one. */
  function forgeKeyFor(userId: number) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const der = publicKey.export({ type: 'spki', format: 'der' })
    const keyId = Number(
      w.db
        .prepare(
          "INSERT INTO user_key (user_id, public_key, fingerprint, private_key_enc, created_at) VALUES (?, ?, ?, 'v1$x$x$x$x', '2026-11-23T17:30:00+08:00')",
        )
        .run(userId, der.toString('base64'), fingerprintOf(der)).lastInsertRowid,
    )
    return { keyId, privateKey }
  }
  /** Moves the handover's anchor back to an earlier, genuine row of the chain. */
  function moveAnchorTo(seq: number, keyId: number | null, signature: string) {
    const hash = w.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string
    w.db.exec('DROP TRIGGER handover_locked; DROP TRIGGER anchor_signature_no_update;')
    w.db.prepare('UPDATE handover SET anchor_seq = ?, anchor_hash = ? WHERE id = ?').run(seq, hash, handoverId)
    w.db
      .prepare(
        "UPDATE anchor_signature SET anchor_seq = ?, anchor_hash = ?, key_id = ?, signature = ? WHERE entity = 'handover'",
      )
      .run(seq, hash, keyId, signature)
    reguard()
    return hash
  }
  const incomingId = () =>
    w.db.prepare('SELECT incoming_id FROM handover WHERE id = ?').pluck().get(handoverId) as number

  it('a signing key inserted for the incoming engineer, and the anchor re-signed with it: named', () => {
    const { keyId, privateKey } = forgeKeyFor(incomingId())
    const seq = anchorSeq - 2
    const hash = w.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string
    const sig = sign(null, Buffer.from(anchorMessage('handover', handoverId, seq, hash)), privateKey).toString('base64')
    moveAnchorTo(seq, keyId, sig)
    expectNamed('signature', new RegExp(`交接班 #${handoverId}：签名所用的密钥 #${keyId} 不是本程序登记的`))
    expectNamed('signature', new RegExp(`签名密钥 #${keyId} 不是本程序登记的`))
  })

  it("two users' public keys swapped: named", () => {
    const k = w.db.prepare('SELECT id, public_key, fingerprint FROM user_key ORDER BY id').all() as {
      id: number
      public_key: string
      fingerprint: string
    }[]
    expect(k.length).toBeGreaterThanOrEqual(2)
    const [a, b] = [k[0]!, k.at(-1)!]
    w.db.exec('DROP TRIGGER user_key_fixed')
    const upd = w.db.prepare('UPDATE user_key SET public_key = ?, fingerprint = ? WHERE id = ?')
    upd.run(b.public_key, b.fingerprint, a.id)
    upd.run(a.public_key, a.fingerprint, b.id)
    expectNamed('signature', /签名验证失败|不是本程序登记的/)
  })

  it("an anchor moved back and marked 'legacy' (as if accepted before signing existed): named", () => {
    moveAnchorTo(anchorSeq - 2, null, 'legacy')
    expectNamed('signature', new RegExp(`交接班 #${handoverId}：.*签名`))
  })

  it('the whole trail emptied with its handovers and the seal blanked: the keys it registered name it', () => {
    unguard()
    w.db.pragma('foreign_keys = OFF')
    w.db.exec(`DROP TRIGGER handover_no_delete; DROP TRIGGER anchor_signature_no_delete;
      DELETE FROM anchor_signature; DELETE FROM handover; DELETE FROM audit_log;
      UPDATE audit_seal SET seq = NULL, hash = NULL, mac = NULL, broken = NULL, verified_seq = NULL, verified_hash = NULL, verified_mac = NULL;`)
    // audit_log numbers rows itself (no AUTOINCREMENT), so there is no sqlite_sequence row to reset.
    expect(w.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'").pluck().get()).toBe(0)
    reguard()
    w.services.integrity.prepare()
    expectNamed('signature', /不是本程序登记的/)
  })

  it('… and with the signing keys deleted too: the accounts with no trail name it', () => {
    unguard()
    w.db.pragma('foreign_keys = OFF')
    w.db
      .exec(`DROP TRIGGER handover_no_delete; DROP TRIGGER anchor_signature_no_delete; DROP TRIGGER user_key_no_delete;
      DELETE FROM anchor_signature; DELETE FROM handover; DELETE FROM audit_log; DELETE FROM user_key;
      UPDATE audit_seal SET seq = NULL, hash = NULL, mac = NULL, broken = NULL, verified_seq = NULL, verified_hash = NULL, verified_mac = NULL;`)
    reguard()
    w.services.integrity.prepare()
    expectNamed('seal', /审计链为空，但已有账号/)
  })
})

describe('on every open', () => {
  it('a later write by the app does not launder a cut: the seal keeps the break for good', async () => {
    const n = head()
    unguard()
    w.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(n - 2)
    reguard()
    await w.api.auth.lock()
    await w.api.auth.unlock({ password: PW })
    expectNamed('seal', new RegExp(`链头（第 ${n - 2} 条）与封条（第 ${n} 条）不符`))
  })

  it('checks incrementally from the last verified row in the background and reports the result', async () => {
    expect(w.services.integrity.health().state).toBe('checking')
    await expect(w.services.integrity.checkInBackground()).resolves.toMatchObject({ ok: true })
    expect(w.services.integrity.health()).toMatchObject({ state: 'ok', problems: [] })
    const seal = w.db.prepare('SELECT verified_seq FROM audit_seal').pluck().get()
    expect(seal).toBe(head())
    const n = head()
    unguard()
    w.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(n - 3)
    const db2 = openDatabase(w.file)
    const reopened = buildServices(db2, w.clock, fileSealKey(join(w.keyDir, 'seal.key')))
    reopened.integrity.prepare()
    const result = await reopened.integrity.checkInBackground()
    expect(result.problems.map((p) => p.kind)).toContain('seal')
    expect(reopened.integrity.health().state).toBe('broken')
    db2.close()
  })

  it('walks a long chain in chunks and still names a row changed deep inside it', async () => {
    w.db.transaction(() => {
      for (let i = 0; i < 12_000; i++)
        w.services.audit.record({ id: 1, name: '张伟' }, 'update', 'site', 1, null, { i })
    })()
    await expect(w.services.integrity.checkInBackground()).resolves.toMatchObject({ ok: true, count: head() })
    unguard()
    w.db.prepare('UPDATE audit_log SET after_json = \'{"i":6}\' WHERE seq = 7001').run()
    reguard()
    expect(w.services.integrity.verify()).toMatchObject({ ok: false, firstBrokenSeq: 7001 })
  })

  it('names a forged row numbered 0 in front of the chain', () => {
    const first = rows()[0]!
    unguard()
    w.db.prepare(INSERT).run({ ...first, seq: 0 })
    reguard()
    expect(expectNamed('sequence', /缺少第 1 条记录或顺序被改动/).firstBrokenSeq).toBe(1)
  })

  it('shows the warning to every logged-in user through audit/health', async () => {
    unguard()
    w.db.prepare('DELETE FROM audit_log WHERE seq = ?').run(head())
    await w.services.integrity.checkInBackground()
    await expect(w.api.audit.health()).resolves.toMatchObject({ state: 'broken' })
  })
})

describe('核对纸质记录', () => {
  it('says the chain still holds a printed code, and names a row deleted or rewritten since', async () => {
    await w.api.auth.logout()
    await w.api.auth.login({ username: 'zhangwei', password: 'Duty#2026ok' })
    const { code } = await w.api.audit.head()
    await expect(w.api.audit.checkPaper({ code })).resolves.toMatchObject({ match: true })
    await expect(w.api.audit.checkPaper({ code: code.toUpperCase() })).resolves.toMatchObject({ match: true })
    const seq = Number(code.split('-')[0])
    unguard()
    w.db.prepare("UPDATE audit_log SET user_name = '王五' WHERE seq = 3").run()
    recompute(3)
    await expect(w.api.audit.checkPaper({ code })).resolves.toMatchObject({ match: false, message: /被改写过/ })
    w.db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(seq)
    await expect(w.api.audit.checkPaper({ code })).resolves.toMatchObject({ match: false, message: /已没有第/ })
  })

  it('refuses a code that is not in the printed form, with a Chinese message', async () => {
    await expect(w.api.audit.checkPaper({ code: '12-xyz' })).rejects.toMatchObject({ message: /核对码格式/ })
  })
})
