import { FAULT_CATEGORIES, type FaultStatsDto, type FaultSummaryDto } from '../../../shared/faults/contract'
import { isBreach, type MilestoneState } from '../../../shared/faults/milestones'
import { parseIso } from '../../../shared/time/site-time'

type YearCounts = Pick<
  FaultStatsDto,
  'majorThisYear' | 'breachedFaults' | 'missedMilestones' | 'byCategory' | 'stoppedPauses'
>

/**
 * The contract year's counts from its faults and their milestones as they stand at
 * `now`. A milestone counts once whether it was done late, is late now, or was
 * missed before recovery (seed 002 §三 deducts for each); breaches recorded before a
 * severity change count too, since the deadlines they missed no longer show.
 */
export function yearCounts(faults: readonly { f: FaultSummaryDto; ms: MilestoneState[] }[], now: number): YearCounts {
  return {
    majorThisYear: faults.filter(({ f }) => f.major).length,
    breachedFaults: faults.filter(({ f, ms }) => f.breaches > 0 || ms.some(isBreach)).length,
    missedMilestones: faults.reduce((n, { f, ms }) => n + ms.filter(isBreach).length + f.breaches, 0),
    byCategory: FAULT_CATEGORIES.map((category) => ({
      category,
      count: faults.filter(({ f }) => f.category === category).length,
    })),
    stoppedPauses: faults
      .filter(({ f }) => f.clock.pausesStopClock)
      .flatMap(({ f }) =>
        f.clock.pauses.map((p) => ({
          faultId: f.id,
          no: f.no,
          minutes: Math.round(((p.to ? parseIso(p.to)! : now) - parseIso(p.from)!) / 60000),
          reason: p.reason ?? '',
        })),
      ),
  }
}
