import type { Db } from '../../db/connection'
import type { FaultCategory, FaultEventDto, FaultFormDto, FaultQuery, FaultSummaryDto } from '@shared/faults/contract'
import type { Milestone, SlaLevel } from '@shared/faults/sla'
import type { FaultStatus } from '@shared/faults/state'
import { toIndexText, toMatchQuery } from '@shared/search/bigram'
import { addDays, dayStartIso } from '@shared/time/site-time'

export interface FaultRow {
  id: number
  no: string
  title: string
  asset_id: number | null
  asset_name: string | null
  severity: string
  category: FaultCategory
  level_json: string
  pauses_stop_clock: number
  status: FaultStatus
  reported_at: string
  reported_by: string
  report_channel: string
  symptoms: string
  impact: string
  owner_id: number
  owner_name: string
  service_log_id: number | null
  major: number
  respond_at: string | null
  remote_at: string | null
  notify_at: string | null
  arrive_at: string | null
  plan_at: string | null
  recovered_at: string | null
  analysis_at: string | null
  pauses_json: string
  last_update_at: string | null
  breaches: number
  workaround: string
  root_cause: string
  resolution: string
  analysis: string
  void_reason: string | null
}

/** The columns a fault's timeline may change; its number, report and creator never change. */
const UPDATABLE = [
  'status',
  'severity',
  'level_json',
  'major',
  'owner_id',
  'pauses_stop_clock',
  'respond_at',
  'remote_at',
  'notify_at',
  'arrive_at',
  'plan_at',
  'recovered_at',
  'analysis_at',
  'pauses_json',
  'last_update_at',
  'breaches',
  'workaround',
  'root_cause',
  'resolution',
  'analysis',
  'void_reason',
  'updated_at',
] as const
type Updatable = (typeof UPDATABLE)[number]
export type FaultChanges = Partial<Pick<FaultRow & { updated_at: string }, Updatable>>

const INSERTED = [
  'no',
  'title',
  'asset_id',
  'severity',
  'category',
  'level_json',
  'pauses_stop_clock',
  'status',
  'reported_at',
  'reported_by',
  'report_channel',
  'symptoms',
  'impact',
  'owner_id',
  'service_log_id',
  'major',
  'created_at',
  'created_by',
  'updated_at',
] as const
type FaultColumns = FaultRow & { created_at: string; created_by: number; updated_at: string }
export type FaultInsert = Pick<FaultColumns, (typeof INSERTED)[number]>

export const OPEN_STATUSES: FaultStatus[] = ['new', 'in_progress', 'paused', 'recovered']

export function toSummary(r: FaultRow): FaultSummaryDto {
  const level = JSON.parse(r.level_json) as SlaLevel
  const done: Partial<Record<Milestone, string | null>> = {
    respond: r.respond_at,
    remote: r.remote_at,
    notify: r.notify_at,
    arrive: r.arrive_at,
    plan: r.plan_at,
    recover: r.recovered_at,
    analysis: r.analysis_at,
  }
  return {
    id: r.id,
    no: r.no,
    title: r.title,
    assetId: r.asset_id,
    assetName: r.asset_name,
    severity: r.severity,
    severityName: level.name,
    category: r.category,
    status: r.status,
    reportedAt: r.reported_at,
    reportedBy: r.reported_by,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    major: r.major === 1,
    recoveredAt: r.recovered_at,
    breaches: r.breaches,
    clock: {
      reportedAt: r.reported_at,
      level,
      done,
      pauses: JSON.parse(r.pauses_json),
      pausesStopClock: r.pauses_stop_clock === 1,
      lastUpdateAt: r.last_update_at,
      active: ['new', 'in_progress', 'paused'].includes(r.status),
    },
  }
}

const SELECT = `SELECT f.*, a.name AS asset_name, u.display_name AS owner_name
  FROM fault f LEFT JOIN asset a ON a.id = f.asset_id JOIN user u ON u.id = f.owner_id`

/** SQL for faults, their timeline and forms; no rules here. */
export class FaultRepository {
  constructor(private readonly db: Db) {}

  get(id: number): FaultRow | undefined {
    return this.db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FaultRow | undefined
  }

  /** Rows matching the SQL-expressible filters, newest first; `all` skips paging (for the overdue filter). */
  query(q: FaultQuery, all = false): { rows: FaultRow[]; total: number } {
    const where: string[] = []
    const p: Record<string, unknown> = {}
    if (q.status) {
      where.push('f.status = @status')
      p.status = q.status
    }
    if (q.openOnly || q.overdue) where.push(`f.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`)
    for (const [key, col] of [
      ['severity', 'severity'],
      ['category', 'category'],
      ['assetId', 'asset_id'],
      ['ownerId', 'owner_id'],
    ] as const) {
      if (q[key] !== undefined) {
        where.push(`f.${col} = @${key}`)
        p[key] = q[key]
      }
    }
    if (q.from) {
      where.push('f.reported_at >= @from')
      p.from = dayStartIso(q.from)
    }
    if (q.to) {
      where.push('f.reported_at < @to')
      p.to = dayStartIso(addDays(q.to, 1))
    }
    let from = 'fault f'
    let order = 'f.reported_at DESC, f.id DESC'
    if (q.q) {
      const match = toMatchQuery(q.q)
      if (match) {
        // Index-driven, newest first, as in the service log: the page stops early.
        from = 'fault_fts JOIN fault f ON f.id = fault_fts.rowid'
        where.push('fault_fts MATCH @match')
        order = 'fault_fts.rowid DESC'
        p.match = match
      } else {
        where.push('(instr(f.title, @q) > 0 OR instr(f.symptoms, @q) > 0 OR instr(f.no, @q) > 0)')
        p.q = q.q
      }
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${from} ${clause}`).get(p) as { n: number }).n
    const page = all ? '' : 'LIMIT @limit OFFSET @offset'
    const ids = this.db
      .prepare(`SELECT f.id FROM ${from} ${clause} ORDER BY ${order} ${page}`)
      .pluck()
      .all(all ? p : { ...p, limit: q.limit, offset: q.offset }) as number[]
    if (!ids.length) return { rows: [], total }
    const byId = new Map(
      (this.db.prepare(`${SELECT} WHERE f.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as FaultRow[]).map(
        (r) => [r.id, r],
      ),
    )
    return { rows: ids.map((id) => byId.get(id)!), total }
  }

  /** By number, not by text: `GZ-2026-10000` follows `GZ-2026-9999`. */
  nextNo(year: string): string {
    const prefix = `GZ-${year}-`
    const last = this.db
      .prepare('SELECT max(CAST(substr(no, ?) AS INTEGER)) FROM fault WHERE no >= ? AND no < ?')
      .pluck()
      .get(prefix.length + 1, prefix, `GZ-${year}.`) as number | null
    return `${prefix}${String((last ?? 0) + 1).padStart(4, '0')}`
  }

  insert(f: FaultInsert): number {
    const cols = INSERTED
    return Number(
      this.db.prepare(`INSERT INTO fault (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(f)
        .lastInsertRowid,
    )
  }

  update(id: number, changes: FaultChanges): void {
    const cols = Object.keys(changes) as Updatable[]
    if (!cols.length) return
    // Column names go into the SQL text: only the known ones, whatever the caller's types said.
    const unknown = cols.find((c) => !(UPDATABLE as readonly string[]).includes(c))
    if (unknown) throw new Error(`fault.${unknown} is not an updatable column`)
    this.db
      .prepare(`UPDATE fault SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`)
      .run({ ...changes, id })
  }

  index(
    r: Pick<
      FaultRow,
      'id' | 'no' | 'title' | 'symptoms' | 'impact' | 'root_cause' | 'resolution' | 'analysis' | 'workaround'
    >,
  ): void {
    this.db.prepare('DELETE FROM fault_fts WHERE rowid = ?').run(r.id)
    this.db
      .prepare('INSERT INTO fault_fts (rowid, body) VALUES (?, ?)')
      .run(r.id, toIndexText(r.no, r.title, r.symptoms, r.impact, r.root_cause, r.resolution, r.analysis, r.workaround))
  }

  addEvent(e: {
    faultId: number
    at: string
    kind: string
    actorId: number | null
    actorName: string
    text: string
    data: unknown
    recordedAt: string
  }): void {
    this.db
      .prepare(
        'INSERT INTO fault_event (fault_id, at, kind, actor_id, actor_name, text, data_json, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        e.faultId,
        e.at,
        e.kind,
        e.actorId,
        e.actorName,
        e.text,
        e.data === null || e.data === undefined ? null : JSON.stringify(e.data),
        e.recordedAt,
      )
  }

  events(faultId: number): FaultEventDto[] {
    return (
      this.db
        .prepare(
          'SELECT id, at, kind, actor_id, actor_name, text, data_json, recorded_at FROM fault_event WHERE fault_id = ? ORDER BY id',
        )
        .all(faultId) as {
        id: number
        at: string
        kind: FaultEventDto['kind']
        actor_id: number | null
        actor_name: string
        text: string
        data_json: string | null
        recorded_at: string
      }[]
    ).map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      actorId: e.actor_id,
      actorName: e.actor_name,
      text: e.text,
      data: e.data_json ? JSON.parse(e.data_json) : null,
      recordedAt: e.recorded_at,
    }))
  }

  /** The latest version of each form. */
  forms(faultId: number): FaultFormDto[] {
    return (
      this.db
        .prepare(
          `SELECT ff.kind, ff.version, ff.data_json, ff.saved_at, u.display_name AS saved_by_name FROM fault_form ff JOIN user u ON u.id = ff.saved_by
           WHERE ff.fault_id = ? AND ff.version = (SELECT max(version) FROM fault_form x WHERE x.fault_id = ff.fault_id AND x.kind = ff.kind) ORDER BY ff.id`,
        )
        .all(faultId) as { kind: string; version: number; data_json: string; saved_at: string; saved_by_name: string }[]
    ).map((f) => ({
      kind: f.kind,
      version: f.version,
      data: JSON.parse(f.data_json),
      savedAt: f.saved_at,
      savedByName: f.saved_by_name,
    }))
  }

  addForm(faultId: number, kind: string, data: Record<string, string>, by: number, now: string): number {
    const version =
      ((this.db
        .prepare('SELECT max(version) FROM fault_form WHERE fault_id = ? AND kind = ?')
        .pluck()
        .get(faultId, kind) as number | null) ?? 0) + 1
    this.db
      .prepare(
        'INSERT INTO fault_form (fault_id, kind, version, data_json, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(faultId, kind, version, JSON.stringify(data), now, by)
    return version
  }

  /** Non-voided faults reported in [from, to), for the contract-year statistics. */
  reportedBetween(from: string, to: string): FaultRow[] {
    return this.db
      .prepare(
        `${SELECT} WHERE f.status != 'voided' AND f.reported_at >= ? AND f.reported_at < ? ORDER BY f.reported_at`,
      )
      .all(from, to) as FaultRow[]
  }

  /** The milestones each fault recorded as late before a severity change moved their deadlines. */
  recordedBreaches(from: string, to: string): Map<number, string[]> {
    const rows = this.db
      .prepare(
        `SELECT e.fault_id AS faultId, json_extract(e.data_json, '$.milestone') AS milestone
           FROM fault_event e JOIN fault f ON f.id = e.fault_id
          WHERE e.kind = 'breach' AND f.status != 'voided' AND f.reported_at >= ? AND f.reported_at < ?`,
      )
      .all(from, to) as { faultId: number; milestone: string | null }[]
    const out = new Map<number, string[]>()
    for (const r of rows) if (r.milestone) out.set(r.faultId, [...(out.get(r.faultId) ?? []), r.milestone])
    return out
  }
}
