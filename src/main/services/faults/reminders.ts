import type { Db } from '../../db/connection'
import type { FaultSummaryDto } from '@shared/faults/contract'
import { progressDue } from '@shared/faults/milestones'
import type { Actor } from '@shared/ipc/kit'
import type { SlaReminderDto } from '@shared/faults/reminders'
import { MILESTONE_LABELS } from '@shared/faults/sla'
import { formatDuration, parseIso, toSiteIso } from '@shared/time/site-time'
import type { Clock } from '../clock'
import type { FaultService } from './service'

type Reminder = Omit<SlaReminderDto, 'at' | 'fresh'>

/** SQL for the reminder log (table notification_log); no rules here. */
export class ReminderRepository {
  constructor(private readonly db: Db) {}

  /** Inserts the reminder unless its key is already recorded; true when it is new. */
  insertOnce(r: Reminder, at: string, userId: number): boolean {
    return (
      this.db
        .prepare(
          'INSERT OR IGNORE INTO notification_log (at, user_id, fault_id, text, key, state) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(at, userId, r.faultId, `${r.title}：${r.body}`, r.key, r.state).changes === 1
    )
  }

  firstAt(key: string): string | undefined {
    return this.db.prepare('SELECT at FROM notification_log WHERE key = ?').pluck().get(key) as string | undefined
  }

  /** Reminders recorded since `since`, each once (rows from before keys existed are told apart by their text). */
  since(since: string): { id: number; at: string; text: string }[] {
    return this.db
      .prepare(
        `SELECT min(id) AS id, min(at) AS at, text FROM notification_log WHERE at >= ?
         GROUP BY coalesce(key, text) ORDER BY min(id)`,
      )
      .all(since) as { id: number; at: string; text: string }[]
  }
}

/**
 * SLA reminders: for every open fault, each milestone that is at risk or
 * overdue and each late progress update. A reminder is recorded once per
 * fault, milestone and state — whoever is logged in, however often the screen
 * asks — so the shift's handover lists each once.
 */
export class ReminderService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly repo: ReminderRepository,
    private readonly faults: FaultService,
  ) {}

  private holding(f: FaultSummaryDto, now: number): Reminder[] {
    const out: Reminder[] = []
    const what = `${f.title}（${f.severityName}）`
    const due = progressDue(
      f.clock.level,
      parseIso(f.clock.reportedAt)!,
      f.clock.lastUpdateAt ? parseIso(f.clock.lastUpdateAt) : null,
      f.clock.active,
    )
    const late = due === null ? '' : formatDuration(Math.floor((now - due) / 60000))
    if (due !== null && due < now)
      out.push({
        key: `${f.id}:progress:${toSiteIso(due)}`,
        faultId: f.id,
        faultNo: f.no,
        faultTitle: f.title,
        state: 'overdue',
        title: `${f.no} 该通报进展了`,
        body: `${what}每 ${f.clock.level.progressEveryMin} 分钟通报一次，已逾期 ${late}`,
        short: `进展通报已逾期 ${late}`,
      })
    for (const m of this.faults.milestones(f, now)) {
      if (m.state !== 'at_risk' && m.state !== 'overdue') continue
      const label = MILESTONE_LABELS[m.milestone]
      const state = m.state === 'overdue' ? `已超时 ${formatDuration(m.minutes)}` : `还剩 ${formatDuration(m.minutes)}`
      out.push({
        // The level is part of the key: a severity change moves the deadline, and that is a new state.
        key: `${f.id}:${f.severity}:${m.milestone}:${m.state}`,
        faultId: f.id,
        faultNo: f.no,
        faultTitle: f.title,
        state: m.state,
        title: `${f.no} ${label}${m.state === 'overdue' ? '已超时' : '即将超时'}`,
        body: `${what}${state}`,
        short: m.state === 'overdue' ? `${label}${state}` : `${label}即将超时，${state}`,
      })
    }
    return out
  }

  /**
   * The reminders that hold now; the new ones are recorded in one transaction, in the name of
   * the engineer or lead on screen. A reviewer is shown them but records nothing: the read-only
   * customer side writes nothing that goes into the next signed handover.
   */
  sync(actor: Actor): SlaReminderDto[] {
    const now = this.clock.now()
    const at = toSiteIso(now)
    const open = this.faults.list({ openOnly: true, offset: 0, limit: 100_000 }).items
    const holding = open.flatMap((f) => this.holding(f, now))
    if (actor.role === 'reviewer')
      return holding.map((r) => ({ ...r, at: this.repo.firstAt(r.key) ?? at, fresh: false }))
    const userId = actor.id
    return this.db.transaction(() =>
      holding.map((r) => {
        const fresh = this.repo.insertOnce(r, at, userId)
        return { ...r, at: fresh ? at : (this.repo.firstAt(r.key) ?? at), fresh }
      }),
    )()
  }

  since(iso: string): { id: number; at: string; text: string }[] {
    return this.repo.since(iso)
  }
}
