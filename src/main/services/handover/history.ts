import type { HandoverDayDto, HandoverDto } from '@shared/handover/contract'
import type { Page } from '@shared/paging'
import { addDays, toSiteDate } from '@shared/time/site-time'
import type { Clock } from '../clock'
import type { RosterRepository } from '../roster/repository'
import type { HandoverFilter, HandoverRepository } from './repository'
import type { HandoverService } from './service'

/** The handover history: the list with its filters, and the day-by-day chain that shows gaps. */
export class HandoverHistory {
  constructor(
    private readonly clock: Clock,
    private readonly repo: HandoverRepository,
    private readonly handovers: HandoverService,
    private readonly roster: RosterRepository,
  ) {}

  list(q: HandoverFilter): Page<HandoverDto> {
    const { items, total } = this.repo.list(q)
    return { items: items.map((r) => this.handovers.dto(r)), total }
  }

  /** Handovers per day; a day with people on the roster but no handover is flagged as a gap. */
  chain(from: string, to: string): HandoverDayDto[] {
    const out: HandoverDayDto[] = []
    const records = this.repo.between(from, to)
    const staffed = new Set(this.roster.assignments(from, to).map((a) => a.date))
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const handovers = records
        .filter((r) => r.shiftDate === d)
        .map((r) => ({
          id: r.id,
          shiftLabel: r.shiftLabel,
          outgoingName: r.outgoingName,
          incomingName: r.incomingName,
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
