import type { Db } from '../../db/connection'
import type { HandoverItem } from '../../../shared/handover/contract'
import type { Actor } from '../../../shared/ipc/kit'
import { MILESTONE_STATE_LABELS } from '../../../shared/faults/milestones'
import { MILESTONE_LABELS } from '../../../shared/faults/sla'
import { formatDuration, toSiteDate, toSiteIso } from '../../../shared/time/site-time'
import type { Clock } from '../clock'
import { type AuditService, who } from '../audit/service'
import type { FaultService } from '../faults/service'

/**
 * What the outgoing engineer hands over comes from collectors, one per kind of
 * open work. A later capability (upgrades, inspections, obligations) plugs in
 * by adding one.
 */
export interface HandoverCollector {
  kind: string
  /** open items the outgoing engineer owns, as they stand now */
  collect(ownerId: number, now: number): HandoverItem[]
  /** move an item to the incoming engineer, inside the acceptance transaction */
  transfer(item: HandoverItem, toUserId: number, actor: Actor, handoverId: number, at: string): void
}

const item = (
  kind: string,
  refId: number,
  rest: Omit<HandoverItem, 'key' | 'kind' | 'refId' | 'remark'>,
): HandoverItem => ({ key: `${kind}:${refId}`, kind, refId, remark: '', ...rest })

/** Timeline entries that are a response to the fault, or more. */
const HANDLING: string[] = ['respond', 'remote', 'arrive', 'plan', 'action', 'workaround', 'recover']

export class FaultCollector implements HandoverCollector {
  kind = 'fault'
  constructor(private readonly faults: FaultService) {}

  collect(ownerId: number, now: number): HandoverItem[] {
    return this.faults
      .list({ openOnly: true, ownerId, offset: 0, limit: 500 })
      .items.filter((f) => f.status !== 'recovered' || !f.clock.done.analysis)
      .map((f) => {
        const levels = this.faults.policyLevels()
        const rank = levels.findIndex((l) => l.code === f.severity)
        const clocks = this.faults
          .milestones(f, now)
          .filter((m) => m.doneAt === null && m.state !== 'waiting' && m.state !== 'skipped')
          .map(
            (m) =>
              `${MILESTONE_LABELS[m.milestone]}：${MILESTONE_STATE_LABELS[m.state]}${m.state === 'overdue' || m.state === 'missed' ? ` ${formatDuration(m.minutes)}` : m.state === 'paused' ? '' : `，剩余 ${formatDuration(m.minutes)}`}`,
          )
        return item('fault', f.id, {
          title: `${f.no} ${f.title}`,
          detail: [f.assetName, `报告于 ${f.reportedAt.slice(0, 16).replace('T', ' ')}`].filter(Boolean).join(' · '),
          severity: f.severityName,
          serious: f.major || (rank >= 0 && rank <= 1),
          clocks,
        })
      })
  }

  /** Whether the account `userId` has recorded at least a response to the fault (seed 003 §4.3.3.3: 交班人员负责处理). */
  handledBy(it: HandoverItem, userId: number): boolean {
    return this.faults.get(it.refId).events.some((e) => HANDLING.includes(e.kind) && e.actorId === userId)
  }

  transfer(it: HandoverItem, toUserId: number, actor: Actor, handoverId: number, at: string): void {
    const fault = this.faults.get(it.refId)
    if (fault.ownerId === toUserId || !['new', 'in_progress', 'paused', 'recovered'].includes(fault.status)) return
    this.faults.addEvent(actor, {
      faultId: it.refId,
      kind: 'owner',
      at,
      text: `交接班 #${handoverId} 移交${it.remark ? `：${it.remark}` : ''}`,
      ownerId: toUserId,
    })
  }
}

/**
 * The SLA reminders shown during the shift (since the last accepted handover, or
 * since midnight): listed for the incoming engineer, nothing to transfer.
 */
export class NotificationCollector implements HandoverCollector {
  kind = 'notification'
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  record(userId: number, faultId: number | null, text: string): void {
    this.db
      .prepare('INSERT INTO notification_log (at, user_id, fault_id, text) VALUES (?, ?, ?, ?)')
      .run(toSiteIso(this.clock.now()), userId, faultId, text)
  }

  collect(_ownerId: number, now: number): HandoverItem[] {
    const since =
      (this.db.prepare("SELECT max(accepted_at) FROM handover WHERE status = 'accepted'").pluck().get() as
        string | null) ?? `${toSiteDate(now)}T00:00:00+08:00`
    const rows = this.db.prepare('SELECT id, at, text FROM notification_log WHERE at >= ? ORDER BY id').all(since) as {
      id: number
      at: string
      text: string
    }[]
    return rows.map((r) =>
      item('notification', r.id, {
        title: r.text,
        detail: `提醒时间 ${r.at.slice(0, 16).replace('T', ' ')}`,
        severity: null,
        serious: false,
        clocks: [],
      }),
    )
  }

  transfer(): void {}
}

export class ServiceLogCollector implements HandoverCollector {
  kind = 'serviceLog'
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  collect(ownerId: number): HandoverItem[] {
    const rows = this.db
      .prepare(
        `SELECT sl.id, sl.service_time, sl.content, sl.requester, a.name AS asset FROM service_log sl LEFT JOIN asset a ON a.id = sl.asset_id
         WHERE sl.voided_at IS NULL AND sl.status = 'open' AND coalesce(sl.owner_id, sl.engineer_id) = ? ORDER BY sl.service_time`,
      )
      .all(ownerId) as { id: number; service_time: string; content: string; requester: string; asset: string | null }[]
    return rows.map((r) =>
      item('serviceLog', r.id, {
        title: r.content,
        detail: [r.asset, r.requester, r.service_time.slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · '),
        severity: null,
        serious: false,
        clocks: [],
      }),
    )
  }

  transfer(it: HandoverItem, toUserId: number, actor: Actor, handoverId: number, at: string): void {
    const before = this.db
      .prepare('SELECT coalesce(owner_id, engineer_id) AS owner, status FROM service_log WHERE id = ?')
      .get(it.refId) as { owner: number; status: string }
    if (before.status !== 'open' || before.owner === toUserId) return
    this.db.prepare('UPDATE service_log SET owner_id = ?, updated_at = ? WHERE id = ?').run(toUserId, at, it.refId)
    this.audit.record(
      who(actor),
      'owner',
      'serviceLog',
      it.refId,
      { ownerId: before.owner },
      { ownerId: toUserId, handoverId },
    )
  }
}
