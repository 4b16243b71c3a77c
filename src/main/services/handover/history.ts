import type { Db } from '../../db/connection'
import type { HandoverDayDto, HandoverDto } from '../../../shared/handover/contract'
import type { Page } from '../../../shared/paging'
import { addDays, toSiteDate } from '../../../shared/time/site-time'
import type { Clock } from '../clock'
import type { RosterRepository } from '../roster/repository'
import { type HandoverService, type Row, SELECT } from './service'

/** The handover history: the list with its filters, and the day-by-day chain that shows gaps. */
export class HandoverHistory {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly handovers: HandoverService,
    private readonly roster: RosterRepository,
  ) {}

  list(q: {
    userId?: number | undefined
    from?: string | undefined
    to?: string | undefined
    serious?: boolean | undefined
    offset: number
    limit: number
  }): Page<HandoverDto> {
    const where: string[] = []
    const p: Record<string, unknown> = {}
    if (q.userId) {
      where.push('(h.outgoing_id = @userId OR h.incoming_id = @userId)')
      p.userId = q.userId
    }
    if (q.from) {
      where.push('h.shift_date >= @from')
      p.from = q.from
    }
    if (q.to) {
      where.push('h.shift_date <= @to')
      p.to = q.to
    }
    if (q.serious) where.push(`h.items_json LIKE '%"serious":true%'`)
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const total = this.db.prepare(`SELECT count(*) FROM handover h ${clause}`).pluck().get(p) as number
    const rows = this.db
      .prepare(`${SELECT} ${clause} ORDER BY h.id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...p, limit: q.limit, offset: q.offset }) as Row[]
    return { items: rows.map((r) => this.handovers.dto(r)), total }
  }

  /** Handovers per day; a day with people on the roster but no handover is flagged as a gap. */
  chain(from: string, to: string): HandoverDayDto[] {
    const out: HandoverDayDto[] = []
    const rows = this.db
      .prepare(`${SELECT} WHERE h.shift_date >= ? AND h.shift_date <= ? ORDER BY h.id`)
      .all(from, to) as Row[]
    const staffed = new Set(this.roster.assignments(from, to).map((a) => a.date))
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const handovers = rows
        .filter((r) => r.shift_date === d)
        .map((r) => ({
          id: r.id,
          shiftLabel: r.shift_label,
          outgoingName: r.outgoing_name,
          incomingName: r.incoming_name,
          status: r.status,
        }))
      out.push({
        date: d,
        staffed: staffed.has(d),
        handovers,
        missing: staffed.has(d) && d < toSiteDate(this.clock.now()) && !handovers.some((h) => h.status === 'accepted'),
      })
    }
    return out
  }
}
