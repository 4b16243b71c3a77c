import type { Db } from '../../db/connection'
import { missingTriggers, restoreTriggers } from '../../db/guards'
import {
  type AuditHealthDto,
  type ChainProblemDto,
  type ChainStatusDto,
  PAPER_CODE_RE,
  type PaperCheckDto,
  paperCode,
} from '@shared/audit/contract'
import { toSiteIso } from '@shared/time/site-time'
import type { Clock } from '../clock'
import { type ChainCheck, type ChainedRow, GENESIS_HASH, verifyRows } from './chain'
import type { SigningKeys } from './keys'
import type { AuditService } from './service'

const CHUNK = 5000

/** What a handover's incoming engineer signs at acceptance. */
export const anchorMessage = (entity: string, id: number | string, seq: number, hash: string): string =>
  `duty-console/anchor/v1|${entity}|${id}|${seq}|${hash}`

interface SealRow {
  seq: number | null
  hash: string | null
  mac: string | null
  broken: string | null
  verified_seq: number | null
  verified_hash: string | null
  verified_mac: string | null
}

interface RegisteredKey {
  userId: number
  publicKey: string | undefined
  fingerprint: string | undefined
}

const isRegistered = (r: RegisteredKey | undefined, userId: number, publicKey: string, fingerprint: string) =>
  r !== undefined && r.userId === userId && r.publicKey === publicKey && r.fingerprint === fingerprint

interface AnchorRow {
  id: number
  incoming_id: number
  anchor_seq: number | null
  anchor_hash: string | null
  sig_seq: number | null
  sig_hash: string | null
  signer_id: number | null
  key_id: number | null
  signature: string | null
}

/**
 * Whether the audit trail still proves itself: the chain from row 1, every
 * handover anchor and its signature, the sealed head, the append-only guards.
 * Runs in full on request and incrementally (from the last verified row) in the
 * background on every open.
 */
export class AuditIntegrity {
  private last: AuditHealthDto = { state: 'checking', checkedAt: null, problems: [], headCode: '0-000000000000' }

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly keys: SigningKeys,
  ) {}

  /** Signs the anchor of an accepted handover; inside the acceptance transaction. */
  signHandoverAnchor(handoverId: number, signerId: number, password: string, signerName: string): void {
    const head = this.audit.head()
    const by = { id: signerId, name: signerName }
    const { keyId, signature } = this.keys.sign(
      signerId,
      password,
      anchorMessage('handover', handoverId, head.seq, head.hash),
      by,
    )
    this.db
      .prepare(
        `INSERT INTO anchor_signature (entity, entity_id, anchor_seq, anchor_hash, signer_id, key_id, signed_at, signature)
         VALUES ('handover', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(String(handoverId), head.seq, head.hash, signerId, keyId, toSiteIso(this.clock.now()), signature)
  }

  /** On open: put back missing guards (audited), seal a database that has never been sealed. */
  prepare(): string[] {
    const missing = missingTriggers(this.db)
    const system = { id: null, name: '（系统）' }
    this.db.transaction(() => {
      const seal = this.sealRow()
      if (seal && seal.mac === null && this.audit.head().seq > 0)
        this.audit.record(system, 'seal.init', 'audit', null, null, null)
      if (missing.length) {
        restoreTriggers(this.db, missing)
        this.audit.record(system, 'triggers.restored', 'audit', null, null, { missing })
      }
    })()
    return missing
  }

  health(): AuditHealthDto {
    return this.last
  }

  /** Full check from row 1, on the 审计日志 page. */
  verify(): ChainStatusDto {
    const steps = this.steps({ seq: 0, hash: GENESIS_HASH })
    let r = steps.next()
    while (!r.done) r = steps.next()
    this.remember(r.value)
    return r.value
  }

  /** Background check on open: from the last verified row, yielding to the event loop between chunks. */
  async checkInBackground(): Promise<ChainStatusDto> {
    this.last = { ...this.last, state: 'checking' }
    try {
      const steps = this.steps(this.checkpoint())
      let r = steps.next()
      while (!r.done) {
        await new Promise<void>((ok) => setImmediate(ok))
        r = steps.next()
      }
      this.remember(r.value)
      return r.value
    } catch (e) {
      // The database was closed while checking (the window closed): nothing to report.
      if (!this.db.open) return this.verifyStub()
      throw e
    }
  }

  checkPaper(code: string): PaperCheckDto {
    const m = PAPER_CODE_RE.exec(code)
    if (!m) return { match: false, message: '核对码格式不正确' }
    const seq = Number(m[1])
    const prefix = m[2]!
    const row = this.db.prepare('SELECT seq, at, hash FROM audit_log WHERE seq = ?').get(seq) as
      { seq: number; at: string; hash: string } | undefined
    if (!row)
      return { match: false, message: `不一致：审计链中已没有第 ${seq} 条记录（记录被删除，或这份数据比纸质记录旧）` }
    if (!row.hash.startsWith(prefix))
      return { match: false, message: `不一致：第 ${seq} 条记录的哈希已不是纸上的 ${prefix}，记录被改写过` }
    const rows = this.db
      .prepare('SELECT * FROM audit_log WHERE seq <= ? ORDER BY seq')
      .iterate(seq) as IterableIterator<ChainedRow>
    const chain = verifyRows(rows)
    if (!chain.ok || chain.headSeq !== seq)
      return { match: false, message: `不一致：第 ${seq} 条之前的链已断开（${chain.reason ?? '记录数不符'}）` }
    return {
      match: true,
      message: `一致：审计链仍完整保存着第 ${seq} 条记录（${row.at.slice(0, 16).replace('T', ' ')}）及其之前的全部记录`,
    }
  }

  private verifyStub(): ChainStatusDto {
    return {
      ok: false,
      count: 0,
      firstBrokenSeq: null,
      reason: null,
      headSeq: 0,
      headHash: GENESIS_HASH,
      headCode: this.last.headCode,
      problems: [],
      checkedAt: toSiteIso(this.clock.now()),
    }
  }

  private remember(s: ChainStatusDto): void {
    this.last = { state: s.ok ? 'ok' : 'broken', checkedAt: s.checkedAt, problems: s.problems, headCode: s.headCode }
    if (s.ok) {
      this.db
        .prepare('UPDATE audit_seal SET verified_seq = ?, verified_hash = ?, verified_mac = ? WHERE id = 1')
        .run(s.headSeq, s.headHash, this.audit.checkpointMac(s.headSeq, s.headHash))
    }
  }

  private sealRow(): SealRow | undefined {
    return this.db.prepare('SELECT * FROM audit_seal WHERE id = 1').get() as SealRow | undefined
  }

  /** The last verified row, if its mark is genuine and the row still has that hash; else row 0. */
  private checkpoint(): { seq: number; hash: string } {
    const s = this.sealRow()
    if (!s || s.verified_seq === null || s.verified_hash === null || s.verified_mac === null)
      return { seq: 0, hash: GENESIS_HASH }
    if (this.audit.checkpointMac(s.verified_seq, s.verified_hash) !== s.verified_mac)
      return { seq: 0, hash: GENESIS_HASH }
    const h = this.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(s.verified_seq) as
      string | undefined
    return h === s.verified_hash ? { seq: s.verified_seq, hash: s.verified_hash } : { seq: 0, hash: GENESIS_HASH }
  }

  private *steps(from: { seq: number; hash: string }): Generator<void, ChainStatusDto> {
    const problems: ChainProblemDto[] = []
    const select = this.db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?')
    let at = from
    let count = from.seq
    let chain: ChainCheck
    let full: boolean
    do {
      // From row 0 every row is read, whatever number it carries (a forged row 0 or -1 too).
      const rows = select.all(at.seq === 0 ? Number.MIN_SAFE_INTEGER : at.seq, CHUNK) as ChainedRow[]
      chain = verifyRows(rows, at)
      count += chain.count
      full = chain.ok && rows.length === CHUNK
      at = { seq: chain.headSeq, hash: chain.headHash }
      if (full) yield
    } while (full)
    if (!chain.ok)
      problems.push({ kind: chain.kind!, seq: chain.firstBrokenSeq, handoverId: null, message: chain.reason! })
    const head = this.audit.head()
    const registered = this.registeredKeys()
    problems.push(
      ...this.keyProblems(registered),
      ...this.anchorProblems(head.seq, registered),
      ...this.sealProblems(head),
      ...this.triggerProblems(),
    )
    const first = problems[0] ?? null
    return {
      ok: problems.length === 0,
      count,
      firstBrokenSeq: first?.seq ?? null,
      reason: first?.message ?? null,
      headSeq: head.seq,
      headHash: head.hash,
      headCode: paperCode(head.seq, head.hash),
      problems,
      checkedAt: toSiteIso(this.clock.now()),
    }
  }

  /**
   * The signing keys the app made, as the chain records them (key.create rows): a key
   * row inserted or changed with a SQLite client has no such row, or not the same one.
   */
  private registeredKeys(): { byId: Map<number, RegisteredKey>; firstSeq: number | null } {
    const rows = this.db
      .prepare(
        "SELECT seq, entity_id, after_json FROM audit_log WHERE entity = 'user' AND action = 'key.create' ORDER BY seq",
      )
      .all() as { seq: number; entity_id: string | null; after_json: string | null }[]
    const byId = new Map<number, RegisteredKey>()
    for (const r of rows) {
      try {
        const a = JSON.parse(r.after_json ?? '{}') as { keyId?: number; publicKey?: string; fingerprint?: string }
        if (typeof a.keyId === 'number')
          byId.set(a.keyId, { userId: Number(r.entity_id), publicKey: a.publicKey, fingerprint: a.fingerprint })
      } catch {
        // A row that is not ours registers nothing; the chain check names it.
      }
    }
    return { byId, firstSeq: rows[0]?.seq ?? null }
  }

  private keyProblems(registered: { byId: Map<number, RegisteredKey> }): ChainProblemDto[] {
    const keys = this.db.prepare('SELECT id, user_id, public_key, fingerprint FROM user_key ORDER BY id').all() as {
      id: number
      user_id: number
      public_key: string
      fingerprint: string
    }[]
    return keys
      .filter((k) => !isRegistered(registered.byId.get(k.id), k.user_id, k.public_key, k.fingerprint))
      .map((k) => ({
        kind: 'signature' as const,
        seq: null,
        handoverId: null,
        message: `用户 #${k.user_id} 的签名密钥 #${k.id} 不是本程序登记的（审计链中没有与之相符的登记记录）`,
      }))
  }

  private anchorProblems(
    headSeq: number,
    registered: { byId: Map<number, RegisteredKey>; firstSeq: number | null },
  ): ChainProblemDto[] {
    const rows = this.db
      .prepare(
        `SELECT h.id, h.incoming_id, h.anchor_seq, h.anchor_hash, s.anchor_seq AS sig_seq, s.anchor_hash AS sig_hash,
                s.signer_id, s.key_id, s.signature
         FROM handover h LEFT JOIN anchor_signature s ON s.entity = 'handover' AND s.entity_id = CAST(h.id AS TEXT)
         WHERE h.status = 'accepted' ORDER BY h.id`,
      )
      .all() as AnchorRow[]
    const hashAt = this.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck()
    const out: ChainProblemDto[] = []
    const add = (r: AnchorRow, message: string, kind: 'anchor' | 'signature' = 'anchor') =>
      out.push({ kind, seq: r.anchor_seq, handoverId: r.id, message: `交接班 #${r.id}：${message}` })
    for (const r of rows) {
      if (r.anchor_seq === null || r.anchor_hash === null) {
        add(r, '已接班但没有锚定审计链')
        continue
      }
      if (r.anchor_seq > headSeq) add(r, `锚定在第 ${r.anchor_seq} 条，但链头只到第 ${headSeq} 条：其后的记录被删除`)
      else {
        const h = hashAt.get(r.anchor_seq) as string | undefined
        if (h === undefined) add(r, `锚定的第 ${r.anchor_seq} 条记录已不存在`)
        else if (h !== r.anchor_hash) add(r, `锚定的第 ${r.anchor_seq} 条记录与链中的不符：链被改写过`)
      }
      if (r.signature === null) add(r, '锚点的签名缺失', 'signature')
      else if (r.sig_seq !== r.anchor_seq || r.sig_hash !== r.anchor_hash || r.signer_id !== r.incoming_id)
        add(r, '锚点与签名时的不符：锚点被改写过', 'signature')
      else if (r.signature === 'legacy') {
        // Only a handover accepted before the app made any signing key can be unsigned.
        if (registered.firstSeq !== null && r.anchor_seq >= registered.firstSeq)
          add(r, `锚点标为签名前的旧记录，但签名密钥自第 ${registered.firstSeq} 条起已启用：签名被移除`, 'signature')
      } else {
        const msg = anchorMessage('handover', r.id, r.anchor_seq, r.anchor_hash)
        const reg = r.key_id === null ? undefined : registered.byId.get(r.key_id)
        if (r.key_id !== null && reg?.userId !== r.incoming_id)
          add(r, `签名所用的密钥 #${r.key_id} 不是本程序登记的接班人密钥：锚点或签名被伪造`, 'signature')
        else if (r.key_id === null || !this.keys.verify(r.key_id, r.incoming_id, msg, r.signature))
          add(r, '接班人对锚点的签名验证失败：锚点或签名被伪造', 'signature')
      }
    }
    return out
  }

  private sealProblems(head: { seq: number; hash: string }): ChainProblemDto[] {
    const s = this.sealRow()
    const out: ChainProblemDto[] = []
    const p = (seq: number | null, message: string) => out.push({ kind: 'seal', seq, handoverId: null, message })
    if (!s) p(null, '链头封条缺失：审计数据被人为改动')
    else if (s.mac === null) {
      if (head.seq > 0) p(null, '链头尚未封存')
      // Setting up the site writes the first rows: accounts with no trail means the trail was emptied.
      else if (this.db.prepare('SELECT EXISTS (SELECT 1 FROM user)').pluck().get() === 1)
        p(null, '审计链为空，但已有账号：审计记录被整体删除，封条被清空')
    } else if (s.seq === null || s.hash === null || this.audit.sealMac(s.seq, s.hash, s.broken) !== s.mac) {
      p(s.seq, '链头封条无效：封条被改动，或数据文件来自另一台电脑/另一个系统用户')
    } else {
      if (s.broken) p(null, `${s.broken}：此前审计数据在程序之外被改动过`)
      if (head.seq < s.seq)
        p(head.seq + 1, `链头被截断：封条记录到第 ${s.seq} 条，现在只到第 ${head.seq} 条，其后的记录被删除`)
      else if (head.seq > s.seq)
        p(s.seq + 1, `第 ${s.seq + 1}–${head.seq} 条记录不是本程序写入的（封条只到第 ${s.seq} 条）`)
      else if (head.hash !== s.hash) p(head.seq, `第 ${head.seq} 条（链头）与封条不符：链被改写后重新计算过哈希`)
    }
    const reinit = this.db
      .prepare(
        "SELECT s.seq FROM audit_log s WHERE s.action = 'seal.init' AND EXISTS (SELECT 1 FROM audit_log k WHERE k.action = 'key.create' AND k.seq < s.seq) LIMIT 1",
      )
      .pluck()
      .get() as number | undefined
    if (reinit !== undefined) p(reinit, `第 ${reinit} 条：链头封条曾被清空后重建`)
    return out
  }

  private triggerProblems(): ChainProblemDto[] {
    const missing = missingTriggers(this.db)
    return missing.length
      ? [{ kind: 'triggers', seq: null, handoverId: null, message: `只追加保护被删除：${missing.join('、')}` }]
      : []
  }
}
