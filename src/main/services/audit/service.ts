import type { Statement } from 'better-sqlite3'
import type { Db } from '../../db/connection'
import { where } from '../../db/where'
import type { AuditEntryDto } from '@shared/audit/contract'
import type { Actor } from '@shared/ipc/kit'
import type { Page } from '@shared/paging'
import { dayStartIso, addDays, toSiteIso } from '@shared/time/site-time'
import type { SealKey } from '../../security/seal-key'
import type { Clock } from '../clock'
import { type ChainedRow, GENESIS_HASH, rowHash } from './chain'

export interface AuditWho {
  id: number | null
  name: string
}

export const who = (actor: Actor | null, fallbackName = '（未登录）'): AuditWho =>
  actor ? { id: actor.id, name: actor.displayName } : { id: null, name: fallbackName }

export interface AuditQuery {
  userId?: number | undefined
  entity?: string | undefined
  from?: string | undefined
  to?: string | undefined
  offset: number
  limit: number
}

/**
 * The append-only, hash-chained audit trail. `record` must be called inside the
 * transaction of the change it describes: if the audit row cannot be written the
 * change is rolled back with it.
 */
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sealKey: SealKey,
  ) {}

  // Every write of every capability passes here: prepare each statement once.
  private readonly statements = new Map<string, Statement>()
  private stmt(sql: string): Statement {
    let st = this.statements.get(sql)
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)))
    return st
  }

  /** The MAC over the head (and any break found on the way); the key lives outside the database. */
  sealMac(seq: number, hash: string, broken: string | null): string {
    return this.sealKey.mac(`audit-seal/v1|${seq}|${hash}|${broken ?? ''}`)
  }

  /**
   * A short mark for text the trail must not keep (an unknown username, which may be a
   * password typed into the wrong field): keyed with the seal key, so the same text
   * gives the same mark but guesses cannot be tested against it from the database.
   */
  keyedMark(text: string): string {
    return this.sealKey.mac(`audit-mark/v1|${text}`).slice(0, 12)
  }

  checkpointMac(seq: number, hash: string): string {
    return this.sealKey.mac(`audit-verified/v1|${seq}|${hash}`)
  }

  /**
   * Moves the seal to the new head. If the seal did not match the head this write
   * extends (rows were cut, rewritten or appended outside the app), that is kept in
   * the seal for good, so the next write cannot launder it. Only UPDATE: a removed
   * seal stays missing for the verifier.
   */
  private reseal(prev: { seq: number; hash: string }, seq: number, hash: string): void {
    const s = this.stmt('SELECT seq, hash, mac, broken FROM audit_seal WHERE id = 1').get() as
      { seq: number | null; hash: string | null; mac: string | null; broken: string | null } | undefined
    if (!s) return
    let broken = s.broken
    if (s.mac === null && prev.seq > 0) {
      // Never sealed: right once, when a chain from before signing keys existed is first opened.
      const keyed = this.db.prepare("SELECT 1 FROM audit_log WHERE action = 'key.create' LIMIT 1").get()
      if (keyed) broken ??= `第 ${seq} 条写入时发现链头封条被清空`
    } else if (s.mac !== null) {
      const genuine = s.seq !== null && s.hash !== null && this.sealMac(s.seq, s.hash, s.broken) === s.mac
      if (!genuine) broken ??= `第 ${seq} 条写入时封条无效（被改动，或密钥不是本机的）`
      else if (s.seq !== prev.seq || s.hash !== prev.hash)
        broken ??= `第 ${seq} 条写入时链头（第 ${prev.seq} 条）与封条（第 ${s.seq} 条）不符`
    }
    this.stmt('UPDATE audit_seal SET seq = ?, hash = ?, mac = ?, broken = ? WHERE id = 1').run(
      seq,
      hash,
      this.sealMac(seq, hash, broken),
      broken,
    )
  }

  record(
    by: AuditWho,
    action: string,
    entity: string,
    entityId: number | string | null,
    before: unknown,
    after: unknown,
    result: 'ok' | 'denied' | 'failed' = 'ok',
  ): number {
    const head = this.stmt('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined
    const row: Omit<ChainedRow, 'hash'> = {
      seq: (head?.seq ?? 0) + 1,
      at: toSiteIso(this.clock.now()),
      user_id: by.id,
      user_name: by.name,
      action,
      entity,
      entity_id: entityId === null ? null : String(entityId),
      before_json: before === null || before === undefined ? null : JSON.stringify(before),
      after_json: after === null || after === undefined ? null : JSON.stringify(after),
      result,
      prev_hash: head?.hash ?? GENESIS_HASH,
    }
    const hash = rowHash(row)
    const write = () => {
      this.stmt(
        `INSERT INTO audit_log (seq, at, user_id, user_name, action, entity, entity_id, before_json, after_json, result, prev_hash, hash)
         VALUES (@seq, @at, @user_id, @user_name, @action, @entity, @entity_id, @before_json, @after_json, @result, @prev_hash, @hash)`,
      ).run({ ...row, hash })
      this.reseal({ seq: row.seq - 1, hash: row.prev_hash }, row.seq, hash)
    }
    // The row and its seal together: inside the caller's transaction, or in one of their own.
    if (this.db.inTransaction) write()
    else this.db.transaction(write)()
    return row.seq
  }

  head(): { seq: number; hash: string } {
    const head = this.stmt('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined
    return head ?? { seq: 0, hash: GENESIS_HASH }
  }

  list(q: AuditQuery): Page<AuditEntryDto> {
    const { clause, params } = where()
      .and('user_id = @userId', q.userId && { userId: q.userId })
      .and('entity = @entity', q.entity && { entity: q.entity })
      .and('at >= @from', q.from && { from: dayStartIso(q.from) })
      .and('at < @to', q.to && { to: dayStartIso(addDays(q.to, 1)) })
    const total = (this.db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }).n
    const rows = this.db
      .prepare(`SELECT * FROM audit_log ${clause} ORDER BY seq DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: q.limit, offset: q.offset }) as ChainedRow[]
    return { total, items: rows.map(toDto) }
  }
}

function toDto(r: ChainedRow): AuditEntryDto {
  return {
    seq: r.seq,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
    result: r.result as AuditEntryDto['result'],
    hash: r.hash,
  }
}
