import type { Db } from '../../db/connection'
import { where } from '../../db/where'
import type { HandoverDto, HandoverItem, HandoverStatus } from '@shared/handover/contract'

interface Row {
  id: number
  status: HandoverStatus
  outgoing_id: number
  outgoing_name: string
  incoming_id: number | null
  incoming_name: string | null
  shift_label: string
  shift_date: string
  opened_at: string
  submitted_at: string | null
  accepted_at: string | null
  refused_reason: string | null
  summary: string
  cautions: string
  todo: string
  checklist_json: string
  items_json: string
  incoming_remarks: string
  revision: number
  anchor_seq: number | null
  anchor_hash: string | null
}

/** A stored handover as the database holds it; what the service derives (addenda, uncollected items) is added there. */
export type HandoverRecord = Omit<HandoverDto, 'addenda' | 'uncollected'>

export interface HandoverFilter {
  userId?: number | undefined
  from?: string | undefined
  to?: string | undefined
  serious?: boolean | undefined
  offset: number
  limit: number
}

const SELECT = `SELECT h.*, o.display_name AS outgoing_name, i.display_name AS incoming_name
  FROM handover h JOIN user o ON o.id = h.outgoing_id LEFT JOIN user i ON i.id = h.incoming_id`

const toRecord = (r: Row): HandoverRecord => ({
  id: r.id,
  status: r.status,
  outgoingId: r.outgoing_id,
  outgoingName: r.outgoing_name,
  incomingId: r.incoming_id,
  incomingName: r.incoming_name,
  shiftLabel: r.shift_label,
  shiftDate: r.shift_date,
  openedAt: r.opened_at,
  submittedAt: r.submitted_at,
  acceptedAt: r.accepted_at,
  refusedReason: r.refused_reason,
  summary: r.summary,
  cautions: r.cautions,
  todo: r.todo,
  checklist: JSON.parse(r.checklist_json) as HandoverDto['checklist'],
  items: JSON.parse(r.items_json) as HandoverItem[],
  incomingRemarks: r.incoming_remarks,
  revision: r.revision,
  anchorSeq: r.anchor_seq,
  anchorHash: r.anchor_hash,
})

/** SQL for handovers and their addenda; no rules here. */
export class HandoverRepository {
  constructor(private readonly db: Db) {}

  get(id: number): HandoverRecord | undefined {
    const r = this.db.prepare(`${SELECT} WHERE h.id = ?`).get(id) as Row | undefined
    return r && toRecord(r)
  }

  /** The newest unfinished handover the user gives or receives. */
  unfinishedOf(userId: number): HandoverRecord | undefined {
    const r = this.db
      .prepare(
        `${SELECT} WHERE h.status != 'accepted' AND (h.outgoing_id = ? OR h.incoming_id = ?) ORDER BY h.id DESC LIMIT 1`,
      )
      .get(userId, userId) as Row | undefined
    return r && toRecord(r)
  }

  /** The id of the unfinished handover the user gives, if any. */
  openOutgoing(userId: number): number | undefined {
    return this.db
      .prepare("SELECT id FROM handover WHERE outgoing_id = ? AND status != 'accepted'")
      .pluck()
      .get(userId) as number | undefined
  }

  byShift(outgoingId: number, shiftLabel: string): number | undefined {
    return this.db
      .prepare('SELECT id FROM handover WHERE outgoing_id = ? AND shift_label = ?')
      .pluck()
      .get(outgoingId, shiftLabel) as number | undefined
  }

  /** When the last handover was accepted (the start of the current shift's record), if ever. */
  lastAcceptedAt(): string | null {
    return (this.db.prepare("SELECT max(accepted_at) FROM handover WHERE status = 'accepted'").pluck().get() ??
      null) as string | null
  }

  insert(h: {
    outgoingId: number
    incomingId: number | null
    shiftLabel: string
    shiftDate: string
    openedAt: string
    checklist: HandoverDto['checklist']
    items: HandoverItem[]
  }): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO handover (status, outgoing_id, incoming_id, shift_label, shift_date, opened_at, checklist_json, items_json)
           VALUES ('draft', ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          h.outgoingId,
          h.incomingId,
          h.shiftLabel,
          h.shiftDate,
          h.openedAt,
          JSON.stringify(h.checklist),
          JSON.stringify(h.items),
        ).lastInsertRowid,
    )
  }

  /** Writes the outgoing engineer's text and bumps the revision. */
  updateDraft(
    id: number,
    d: Pick<HandoverRecord, 'incomingId' | 'summary' | 'cautions' | 'todo' | 'checklist' | 'items'>,
  ): void {
    this.db
      .prepare(
        'UPDATE handover SET incoming_id = ?, summary = ?, cautions = ?, todo = ?, checklist_json = ?, items_json = ?, revision = revision + 1 WHERE id = ?',
      )
      .run(d.incomingId, d.summary, d.cautions, d.todo, JSON.stringify(d.checklist), JSON.stringify(d.items), id)
  }

  replaceItems(id: number, items: HandoverItem[]): void {
    this.db
      .prepare('UPDATE handover SET items_json = ?, revision = revision + 1 WHERE id = ?')
      .run(JSON.stringify(items), id)
  }

  markSubmitted(id: number, at: string): void {
    this.db
      .prepare("UPDATE handover SET status = 'submitted', submitted_at = ?, refused_reason = NULL WHERE id = ?")
      .run(at, id)
  }

  markRefused(id: number, reason: string): void {
    this.db.prepare("UPDATE handover SET status = 'refused', refused_reason = ? WHERE id = ?").run(reason, id)
  }

  markAccepted(id: number, at: string, remarks: string, anchor: { seq: number; hash: string }): void {
    this.db
      .prepare(
        "UPDATE handover SET status = 'accepted', accepted_at = ?, incoming_remarks = ?, anchor_seq = ?, anchor_hash = ? WHERE id = ?",
      )
      .run(at, remarks, anchor.seq, anchor.hash, id)
  }

  addenda(id: number): HandoverDto['addenda'] {
    return (
      this.db
        .prepare(
          'SELECT a.at, u.display_name AS by_name, a.text FROM handover_addendum a JOIN user u ON u.id = a.by_id WHERE a.handover_id = ? ORDER BY a.id',
        )
        .all(id) as { at: string; by_name: string; text: string }[]
    ).map((a) => ({ at: a.at, byName: a.by_name, text: a.text }))
  }

  insertAddendum(id: number, at: string, byId: number, text: string): void {
    this.db
      .prepare('INSERT INTO handover_addendum (handover_id, at, by_id, text) VALUES (?, ?, ?, ?)')
      .run(id, at, byId, text)
  }

  list(q: HandoverFilter): { items: HandoverRecord[]; total: number } {
    const w = where()
      .and('h.outgoing_id = @userId OR h.incoming_id = @userId', q.userId && { userId: q.userId })
      .and('h.shift_date >= @from', q.from && { from: q.from })
      .and('h.shift_date <= @to', q.to && { to: q.to })
      .and(`h.items_json LIKE '%"serious":true%'`, q.serious && {})
    const total = this.db.prepare(`SELECT count(*) FROM handover h ${w.clause}`).pluck().get(w.params) as number
    const rows = this.db
      .prepare(`${SELECT} ${w.clause} ORDER BY h.id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...w.params, limit: q.limit, offset: q.offset }) as Row[]
    return { items: rows.map(toRecord), total }
  }

  /** Every handover of the days from..to (shift dates), oldest first. */
  between(from: string, to: string): HandoverRecord[] {
    return (
      this.db.prepare(`${SELECT} WHERE h.shift_date >= ? AND h.shift_date <= ? ORDER BY h.id`).all(from, to) as Row[]
    ).map(toRecord)
  }
}
