import type { HandoverItem } from '@shared/handover/contract'
import type { Actor } from '@shared/ipc/kit'
import { MILESTONE_STATE_LABELS } from '@shared/faults/milestones'
import { MILESTONE_LABELS } from '@shared/faults/sla'
import { formatDuration, toSiteDate } from '@shared/time/site-time'
import type { ReminderService } from '../faults/reminders'
import type { FaultService } from '../faults/service'
import type { ServiceLogService } from '../serviceLog/service'
import type { HandoverRepository } from './repository'

/**
 * What the outgoing engineer hands over comes from collectors, one per kind of
 * open work. A later capability (upgrades, inspections, obligations) plugs in
 * by adding one.
 */
export interface HandoverCollector {
  readonly kind: string
  /**
   * When true, an item of this kind that appears after the snapshot was taken
   * (e.g. a fault reported during handover) blocks submission until it is
   * handled or collected again.
   */
  readonly blocksSubmitWhenNew?: boolean
  /**
   * For kinds that block submission when new: whether the outgoing engineer's account has
   * handled an item that arrived during the handover enough to pass it on.
   */
  handledBy?(item: HandoverItem, outgoingId: number): boolean
  /** open items the outgoing engineer owns, as they stand now */
  collect(ownerId: number, now: number): HandoverItem[]
  /**
   * Moves an item to the incoming engineer through the owning capability's own
   * service, inside the acceptance transaction (a throw rolls the acceptance back).
   * Kinds that only inform (reminders) have nothing to move.
   */
  transfer?(item: HandoverItem, toUserId: number, actor: Actor, handoverId: number, at: string): void
}

export const item = (
  kind: string,
  refId: number,
  rest: Omit<HandoverItem, 'key' | 'kind' | 'refId' | 'remark'>,
): HandoverItem => ({ key: `${kind}:${refId}`, kind, refId, remark: '', ...rest })

/** Timeline entries that are a response to the fault, or more. */
const HANDLING: string[] = ['respond', 'remote', 'arrive', 'plan', 'action', 'workaround', 'recover']

export class FaultCollector implements HandoverCollector {
  kind = 'fault'
  blocksSubmitWhenNew = true
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
    private readonly repo: HandoverRepository,
    private readonly reminders: ReminderService,
  ) {}

  collect(_ownerId: number, now: number): HandoverItem[] {
    const since = this.repo.lastAcceptedAt() ?? `${toSiteDate(now)}T00:00:00+08:00`
    return this.reminders.since(since).map((r) =>
      item('notification', r.id, {
        title: r.text,
        detail: `提醒时间 ${r.at.slice(0, 16).replace('T', ' ')}`,
        severity: null,
        serious: false,
        clocks: [],
      }),
    )
  }
}

/** Unfinished service requests; ownership moves through the service log's own service. */
export class ServiceLogCollector implements HandoverCollector {
  kind = 'serviceLog'
  constructor(private readonly serviceLog: ServiceLogService) {}

  collect(ownerId: number): HandoverItem[] {
    return this.serviceLog.openOwnedBy(ownerId).map((e) =>
      item('serviceLog', e.id, {
        title: e.content,
        detail: [e.assetName, e.requester, e.serviceTime.slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · '),
        severity: null,
        serious: false,
        clocks: [],
      }),
    )
  }

  transfer(it: HandoverItem, toUserId: number, actor: Actor, handoverId: number): void {
    this.serviceLog.passOn(actor, it.refId, toUserId, handoverId)
  }
}
