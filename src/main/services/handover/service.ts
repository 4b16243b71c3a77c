import type { Db } from '../../db/connection'
import { DomainError } from '../../../shared/errors'
import {
  DEFAULT_CHECKLIST,
  type HandoverDto,
  type HandoverItem,
  type HandoverStatus,
} from '../../../shared/handover/contract'
import type { Actor } from '../../../shared/ipc/kit'
import { formatDateTime, toSiteDate, toSiteIso } from '../../../shared/time/site-time'
import { type AuditService, who } from '../audit/service'
import type { AuthService } from '../auth/service'
import type { UserRepository } from '../auth/users'
import type { Clock } from '../clock'
import type { RosterService } from '../roster/service'
import { FaultCollector, type HandoverCollector } from './collectors'

export interface Row {
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

export const SELECT = `SELECT h.*, o.display_name AS outgoing_name, i.display_name AS incoming_name
  FROM handover h JOIN user o ON o.id = h.outgoing_id LEFT JOIN user i ON i.id = h.incoming_id`

/**
 * 交接班: the outgoing engineer's snapshot of open work, signed by both with
 * their own passwords; on acceptance, in one transaction, the record locks and
 * every open item moves to the incoming engineer.
 */
export class HandoverService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly users: UserRepository,
    private readonly roster: RosterService,
    private readonly collectors: HandoverCollector[],
  ) {}

  private now(): string {
    return toSiteIso(this.clock.now())
  }

  private faultCollector(): FaultCollector {
    return this.collectors.find((c): c is FaultCollector => c instanceof FaultCollector)!
  }

  private collect(ownerId: number): HandoverItem[] {
    return this.collectors.flatMap((c) => c.collect(ownerId, this.clock.now()))
  }

  private row(id: number): Row {
    const r = this.db.prepare(`${SELECT} WHERE h.id = ?`).get(id) as Row | undefined
    if (!r) throw new DomainError('HANDOVER_NOT_FOUND', '交接班记录不存在')
    return r
  }

  dto(r: Row): HandoverDto {
    const items = JSON.parse(r.items_json) as HandoverItem[]
    const inSnapshot = new Set(items.map((i) => i.key))
    const uncollected =
      r.status === 'accepted'
        ? []
        : this.collectors
            .find((c) => c.kind === 'fault')!
            .collect(r.outgoing_id, this.clock.now())
            .filter((i) => !inSnapshot.has(i.key))
            .map((i) => ({ refId: i.refId, title: i.title }))
    return {
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
      checklist: JSON.parse(r.checklist_json),
      items,
      incomingRemarks: r.incoming_remarks,
      revision: r.revision,
      anchorSeq: r.anchor_seq,
      anchorHash: r.anchor_hash,
      addenda: (
        this.db
          .prepare(
            'SELECT a.at, u.display_name AS by_name, a.text FROM handover_addendum a JOIN user u ON u.id = a.by_id WHERE a.handover_id = ? ORDER BY a.id',
          )
          .all(r.id) as { at: string; by_name: string; text: string }[]
      ).map((a) => ({ at: a.at, byName: a.by_name, text: a.text })),
      uncollected,
    }
  }

  get(id: number): HandoverDto {
    return this.dto(this.row(id))
  }

  /** The unfinished handover the current user gives or receives, if any. */
  current(actor: Actor): HandoverDto | null {
    const r = this.db
      .prepare(
        `${SELECT} WHERE h.status != 'accepted' AND (h.outgoing_id = ? OR h.incoming_id = ?) ORDER BY h.id DESC LIMIT 1`,
      )
      .get(actor.id, actor.id) as Row | undefined
    return r ? this.dto(r) : null
  }

  private checkIncoming(outgoingId: number, incomingId: number | null): void {
    if (incomingId === null) return
    if (incomingId === outgoingId) throw new DomainError('HANDOVER_TO_SELF', '不能交班给自己')
    const u = this.users.byId(incomingId)
    if (!u || u.active !== 1 || u.role === 'reviewer')
      throw new DomainError('HANDOVER_INCOMING_INVALID', '接班人必须是在用的工程师或负责人')
    if (u.locked_until && u.locked_until > this.now())
      throw new DomainError(
        'HANDOVER_INCOMING_LOCKED',
        `${u.display_name} 的账号已锁定（至 ${formatDateTime(u.locked_until)}），请负责人解除锁定或选择其他接班人`,
      )
  }

  start(actor: Actor): HandoverDto {
    return this.db.transaction(() => {
      const open = this.db
        .prepare("SELECT id FROM handover WHERE outgoing_id = ? AND status != 'accepted'")
        .pluck()
        .get(actor.id) as number | undefined
      if (open) throw new DomainError('HANDOVER_OPEN', `你已有一份未完成的交接班（#${open}），请继续填写或等待接班`)
      const nowMs = this.clock.now()
      const mine = this.roster.onDutyAt(nowMs).find((a) => a.userId === actor.id)
      const shiftName = mine ? (this.roster.repo.shifts().find((s) => s.id === mine.shiftId)?.name ?? '') : ''
      const shiftDate = mine?.date ?? toSiteDate(nowMs)
      const shiftLabel = `${shiftDate} ${shiftName || '当班'}`
      const same = this.db
        .prepare('SELECT id FROM handover WHERE outgoing_id = ? AND shift_label = ?')
        .pluck()
        .get(actor.id, shiftLabel) as number | undefined
      if (same && shiftName)
        throw new DomainError(
          'HANDOVER_SHIFT_DONE',
          `这个班次（${shiftLabel}）已经交接过（#${same}），如需更正请在原记录上追加补充说明`,
        )
      const incoming = this.roster.nextDuty(nowMs, actor.id)
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO handover (status, outgoing_id, incoming_id, shift_label, shift_date, opened_at, checklist_json, items_json)
             VALUES ('draft', ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            actor.id,
            incoming?.userId ?? null,
            shiftLabel,
            shiftDate,
            this.now(),
            JSON.stringify(DEFAULT_CHECKLIST.map((item) => ({ item, handed: false }))),
            JSON.stringify(this.collect(actor.id)),
          ).lastInsertRowid,
      )
      this.audit.record(who(actor), 'create', 'handover', id, null, {
        shiftLabel,
        incomingId: incoming?.userId ?? null,
      })
      return this.get(id)
    })()
  }

  private editable(actor: Actor, id: number, revision?: number): Row {
    const r = this.row(id)
    if (r.status === 'accepted')
      throw new DomainError('HANDOVER_LOCKED', '交接班已接班确认，记录已锁定，只能追加补充说明')
    if (r.outgoing_id !== actor.id) throw new DomainError('HANDOVER_NOT_OUTGOING', '只有交班人可以修改交接内容')
    if (r.status === 'submitted') throw new DomainError('HANDOVER_SUBMITTED', '已提交待接班，请接班人退回后再修改')
    if (revision !== undefined && revision !== r.revision)
      throw new DomainError('HANDOVER_STALE', '交接内容已在别处修改，请刷新后再保存')
    return r
  }

  update(
    actor: Actor,
    input: {
      id: number
      revision: number
      incomingId: number | null
      summary: string
      cautions: string
      todo: string
      checklist: { item: string; handed: boolean }[]
      remarks: Record<string, string>
    },
  ): HandoverDto {
    return this.db.transaction(() => {
      const r = this.editable(actor, input.id, input.revision)
      this.checkIncoming(actor.id, input.incomingId)
      const items = (JSON.parse(r.items_json) as HandoverItem[]).map((i) => ({
        ...i,
        remark: input.remarks[i.key] ?? i.remark,
      }))
      const before = this.get(r.id)
      this.db
        .prepare(
          'UPDATE handover SET incoming_id = ?, summary = ?, cautions = ?, todo = ?, checklist_json = ?, items_json = ?, revision = revision + 1 WHERE id = ?',
        )
        .run(
          input.incomingId,
          input.summary,
          input.cautions,
          input.todo,
          JSON.stringify(input.checklist),
          JSON.stringify(items),
          r.id,
        )
      const after = this.get(r.id)
      this.audit.record(who(actor), 'update', 'handover', r.id, strip(before), strip(after))
      return after
    })()
  }

  /** Takes the snapshot again (e.g. a fault came in during handover), keeping the remarks already written. */
  recollect(actor: Actor, id: number): HandoverDto {
    return this.db.transaction(() => {
      const r = this.editable(actor, id)
      const before = new Map((JSON.parse(r.items_json) as HandoverItem[]).map((i) => [i.key, i]))
      // A fault that was not in the snapshot came in while the handover was open: it stays the
      // outgoing engineer's to handle first, however often the list is collected again.
      const items = this.collect(actor.id).map((i) => {
        const arrived = i.kind === 'fault' && (before.get(i.key)?.arrivedDuringHandover ?? !before.has(i.key))
        return { ...i, remark: before.get(i.key)?.remark ?? '', ...(arrived ? { arrivedDuringHandover: true } : {}) }
      })
      this.db
        .prepare('UPDATE handover SET items_json = ?, revision = revision + 1 WHERE id = ?')
        .run(JSON.stringify(items), r.id)
      this.audit.record(who(actor), 'recollect', 'handover', r.id, null, { items: items.map((i) => i.key) })
      return this.get(r.id)
    })()
  }

  submit(actor: Actor, id: number, revision: number, password: string): HandoverDto {
    const r = this.editable(actor, id, revision)
    if (r.incoming_id === null) throw new DomainError('HANDOVER_NO_INCOMING', '请选择接班人')
    this.checkIncoming(actor.id, r.incoming_id)
    const pending = this.dto(r).uncollected
    if (pending.length) {
      throw new DomainError(
        'HANDOVER_NEW_ITEMS',
        `交接期间有新的故障尚未列入交接：${pending.map((p) => p.title).join('、')}。请先处理（至少记录响应），再点“重新收集”。`,
      )
    }
    const unhandled = (JSON.parse(r.items_json) as HandoverItem[]).filter(
      (i) => i.arrivedDuringHandover && !this.faultCollector().handledBy(i, r.outgoing_id),
    )
    if (unhandled.length) {
      throw new DomainError(
        'HANDOVER_NEW_UNHANDLED',
        `交接中新发生的故障需交班人先处理：${unhandled.map((i) => i.title).join('、')}。请至少记录响应后再提交。`,
      )
    }
    this.auth.checkPassword(actor.id, password)
    return this.db.transaction(() => {
      this.db
        .prepare("UPDATE handover SET status = 'submitted', submitted_at = ?, refused_reason = NULL WHERE id = ?")
        .run(this.now(), r.id)
      this.audit.record(
        who(actor),
        'submit',
        'handover',
        r.id,
        { status: r.status },
        { status: 'submitted', revision: r.revision },
      )
      return this.get(r.id)
    })()
  }

  private awaiting(id: number): Row {
    const r = this.row(id)
    if (r.status === 'accepted') throw new DomainError('HANDOVER_LOCKED', '交接班已接班确认，记录已锁定')
    if (r.status !== 'submitted') throw new DomainError('HANDOVER_NOT_SUBMITTED', '交班人还没有提交交接内容')
    return r
  }

  refuse(id: number, password: string, reason: string): HandoverDto {
    const r = this.awaiting(id)
    this.auth.checkPassword(r.incoming_id!, password)
    const incoming = this.users.byId(r.incoming_id!)!
    return this.db.transaction(() => {
      this.db.prepare("UPDATE handover SET status = 'refused', refused_reason = ? WHERE id = ?").run(reason, r.id)
      this.audit.record(
        { id: incoming.id, name: incoming.display_name },
        'refuse',
        'handover',
        r.id,
        { status: 'submitted' },
        { status: 'refused', reason },
      )
      return this.get(r.id)
    })()
  }

  /**
   * Accepts with the incoming engineer's own password, in one transaction: lock
   * the record, move every collected item to the incoming engineer, and anchor
   * the record to the audit chain's head. The incoming engineer is then the
   * user at the duty-room PC.
   */
  accept(id: number, revision: number, password: string, remarks: string): HandoverDto {
    const r = this.awaiting(id)
    if (r.revision !== revision) throw new DomainError('HANDOVER_CHANGED', '交班人刚修改了交接内容，请重新查看后再接班')
    this.auth.checkPassword(r.incoming_id!, password)
    const incoming = this.users.byId(r.incoming_id!)!
    const actor: Actor = {
      id: incoming.id,
      username: incoming.username,
      displayName: incoming.display_name,
      role: incoming.role,
    }
    const at = this.now()
    const result = this.db.transaction(() => {
      const items = JSON.parse(r.items_json) as HandoverItem[]
      for (const it of items)
        this.collectors.find((c) => c.kind === it.kind)?.transfer(it, incoming.id, actor, r.id, at)
      this.audit.record(
        who(actor),
        'accept',
        'handover',
        r.id,
        { status: 'submitted' },
        { status: 'accepted', items: items.map((i) => i.key), remarks },
      )
      const head = this.audit.head()
      this.db
        .prepare(
          "UPDATE handover SET status = 'accepted', accepted_at = ?, incoming_remarks = ?, anchor_seq = ?, anchor_hash = ? WHERE id = ?",
        )
        .run(at, remarks, head.seq, head.hash, r.id)
      return this.get(r.id)
    })()
    this.auth.switchTo(incoming.id)
    return result
  }

  addendum(actor: Actor, id: number, text: string): HandoverDto {
    return this.db.transaction(() => {
      const r = this.row(id)
      if (r.outgoing_id !== actor.id && r.incoming_id !== actor.id && actor.role !== 'lead')
        throw new DomainError('FORBIDDEN', '只有交接双方或负责人可以追加补充说明')
      this.db
        .prepare('INSERT INTO handover_addendum (handover_id, at, by_id, text) VALUES (?, ?, ?, ?)')
        .run(r.id, this.now(), actor.id, text)
      this.audit.record(who(actor), 'addendum', 'handover', r.id, null, { text })
      return this.get(r.id)
    })()
  }
}

function strip(h: HandoverDto) {
  const { addenda: _a, uncollected: _u, ...rest } = h
  return rest
}
