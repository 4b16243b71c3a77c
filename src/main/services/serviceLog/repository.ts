import type { Db } from '../../db/connection'
import type { Page } from '@shared/paging'
import { toIndexText, toMatchQuery } from '@shared/search/bigram'
import type { CategoryDto, ServiceLogDto, ServiceLogFields, ServiceLogQuery } from '@shared/serviceLog/contract'
import { addDays, dayStartIso } from '@shared/time/site-time'

interface Row {
  id: number
  service_time: string
  requester: string
  requester_dept: string
  asset_id: number | null
  asset_name: string | null
  channel: ServiceLogDto['channel']
  category_id: number
  category_name: string
  content: string
  result: string
  duration_min: number
  status: ServiceLogDto['status']
  engineer_id: number
  engineer_name: string
  owner_id: number | null
  owner_name: string
  voided_at: string | null
  void_reason: string | null
  voided_by_name: string | null
  created_at: string
  updated_at: string
}

const toDto = (r: Row): ServiceLogDto => ({
  id: r.id,
  serviceTime: r.service_time,
  requester: r.requester,
  requesterDept: r.requester_dept,
  assetId: r.asset_id,
  assetName: r.asset_name,
  channel: r.channel,
  categoryId: r.category_id,
  categoryName: r.category_name,
  content: r.content,
  result: r.result,
  durationMin: r.duration_min,
  status: r.status,
  engineerId: r.engineer_id,
  engineerName: r.engineer_name,
  ownerId: r.owner_id ?? r.engineer_id,
  ownerName: r.owner_name,
  voided: r.voided_at !== null,
  voidReason: r.void_reason,
  voidedAt: r.voided_at,
  voidedByName: r.voided_by_name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export const SEARCH_COUNT_CAP = 10_000

const SELECT = `SELECT sl.*, a.name AS asset_name, c.name AS category_name, u.display_name AS engineer_name,
  vb.display_name AS voided_by_name, ow.display_name AS owner_name
  FROM service_log sl
  LEFT JOIN asset a ON a.id = sl.asset_id
  JOIN service_category c ON c.id = sl.category_id
  JOIN user u ON u.id = sl.engineer_id
  LEFT JOIN user vb ON vb.id = sl.voided_by
  JOIN user ow ON ow.id = coalesce(sl.owner_id, sl.engineer_id)`

/** SQL for the service log and its bigram search index; no rules here. */
export class ServiceLogRepository {
  constructor(private readonly db: Db) {}

  get(id: number): ServiceLogDto | undefined {
    const row = this.db.prepare(`${SELECT} WHERE sl.id = ?`).get(id) as Row | undefined
    return row && toDto(row)
  }

  list(q: ServiceLogQuery): Page<ServiceLogDto> {
    const where: string[] = []
    const p: Record<string, unknown> = {}
    if (q.from) {
      where.push('sl.service_time >= @from')
      p.from = dayStartIso(q.from)
    }
    if (q.to) {
      where.push('sl.service_time < @to')
      p.to = dayStartIso(addDays(q.to, 1))
    }
    for (const [key, column] of [
      ['assetId', 'asset_id'],
      ['categoryId', 'category_id'],
      ['engineerId', 'engineer_id'],
      ['status', 'status'],
    ] as const) {
      if (q[key] !== undefined) {
        where.push(`sl.${column} = @${key}`)
        p[key] = q[key]
      }
    }
    if (!q.includeVoided) where.push('sl.voided_at IS NULL')
    let from = 'service_log sl'
    let order = 'sl.service_time DESC, sl.id DESC'
    if (q.q) {
      const match = toMatchQuery(q.q)
      if (match) {
        // Driven by the index, newest entry first: FTS5 walks rowids in descending
        // order and the page stops early, where sorting every hit by time would not.
        from = 'service_log_fts JOIN service_log sl ON sl.id = service_log_fts.rowid'
        where.push('service_log_fts MATCH @match')
        order = 'service_log_fts.rowid DESC'
        p.match = match
      } else {
        // A lone CJK character is below the bigram index: scan instead.
        where.push(
          '(instr(sl.content, @q) > 0 OR instr(sl.result, @q) > 0 OR instr(sl.requester, @q) > 0 OR instr(sl.requester_dept, @q) > 0)',
        )
        p.q = q.q
      }
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
    // A search word in a sixth of 500k entries would cost a full count; past the cap the screen shows "10000+".
    const cap = q.q ? SEARCH_COUNT_CAP : Number.MAX_SAFE_INTEGER
    const countSql = q.q
      ? `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${clause} LIMIT @cap)`
      : `SELECT count(*) AS n FROM ${from} ${clause}`
    const counted = (this.db.prepare(countSql).get(q.q ? { ...p, cap: cap + 1 } : p) as { n: number }).n
    const total = Math.min(counted, cap)
    const ids = this.db
      .prepare(`SELECT sl.id FROM ${from} ${clause} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...p, limit: q.limit, offset: q.offset }) as number[]
    const byId = new Map(
      (ids.length
        ? (this.db.prepare(`${SELECT} WHERE sl.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Row[])
        : []
      ).map((r) => [r.id, r]),
    )
    const rows = ids.map((id) => byId.get(id)!)
    return { items: rows.map(toDto), total, ...(counted > cap ? { capped: true } : {}) }
  }

  insert(f: ServiceLogFields, engineerId: number, by: number, now: string): number {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO service_log (service_time, requester, requester_dept, asset_id, channel, category_id, content, result,
           duration_min, status, engineer_id, created_at, created_by, updated_at)
           VALUES (@serviceTime, @requester, @requesterDept, @assetId, @channel, @categoryId, @content, @result,
           @durationMin, @status, @engineerId, @now, @by, @now)`,
        )
        .run({ ...f, engineerId, by, now }).lastInsertRowid,
    )
    this.index(id, f)
    return id
  }

  update(id: number, f: ServiceLogFields, now: string): void {
    this.db
      .prepare(
        `UPDATE service_log SET service_time = @serviceTime, requester = @requester, requester_dept = @requesterDept,
         asset_id = @assetId, channel = @channel, category_id = @categoryId, content = @content, result = @result,
         duration_min = @durationMin, status = @status, updated_at = @now WHERE id = @id`,
      )
      .run({ ...f, id, now })
    this.db.prepare('DELETE FROM service_log_fts WHERE rowid = ?').run(id)
    this.index(id, f)
  }

  /** Open, not voided entries owned by the user (the one who took it, or whom it was handed to), oldest first. */
  openOwnedBy(ownerId: number): ServiceLogDto[] {
    return (
      this.db
        .prepare(
          `${SELECT} WHERE sl.voided_at IS NULL AND sl.status = 'open' AND coalesce(sl.owner_id, sl.engineer_id) = ? ORDER BY sl.service_time, sl.id`,
        )
        .all(ownerId) as Row[]
    ).map(toDto)
  }

  setOwner(id: number, ownerId: number, now: string): void {
    this.db.prepare('UPDATE service_log SET owner_id = ?, updated_at = ? WHERE id = ?').run(ownerId, now, id)
  }

  markVoid(id: number, by: number, reason: string, now: string): void {
    this.db
      .prepare('UPDATE service_log SET voided_at = ?, voided_by = ?, void_reason = ?, updated_at = ? WHERE id = ?')
      .run(now, by, reason, now, id)
  }

  private index(id: number, f: ServiceLogFields): void {
    this.db
      .prepare('INSERT INTO service_log_fts (rowid, body) VALUES (?, ?)')
      .run(id, toIndexText(f.content, f.result, f.requester, f.requesterDept))
  }

  categories(): CategoryDto[] {
    return (
      this.db.prepare('SELECT id, name, active, sort FROM service_category ORDER BY sort, id').all() as (Omit<
        CategoryDto,
        'active'
      > & { active: number })[]
    ).map((c) => ({ ...c, active: c.active === 1 }))
  }

  category(id: number): CategoryDto | undefined {
    return this.categories().find((c) => c.id === id)
  }

  categoryByName(name: string): CategoryDto | undefined {
    return this.categories().find((c) => c.name === name)
  }

  insertCategory(name: string, active: boolean): number {
    const sort = (
      this.db.prepare('SELECT coalesce(max(sort), 0) + 1 AS s FROM service_category').get() as { s: number }
    ).s
    return Number(
      this.db
        .prepare('INSERT INTO service_category (name, sort, active) VALUES (?, ?, ?)')
        .run(name, sort, active ? 1 : 0).lastInsertRowid,
    )
  }

  updateCategory(id: number, name: string, active: boolean): void {
    this.db.prepare('UPDATE service_category SET name = ?, active = ? WHERE id = ?').run(name, active ? 1 : 0, id)
  }
}
