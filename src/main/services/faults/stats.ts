import { FAULT_CATEGORIES, type FaultQuery, type FaultStatsDto, type FaultSummaryDto } from '@shared/faults/contract'
import { isBreach, isLate, type MilestoneState } from '@shared/faults/milestones'
import { parseIso } from '@shared/time/site-time'

type YearCounts = Pick<
  FaultStatsDto,
  'majorThisYear' | 'breachedFaults' | 'missedMilestones' | 'byCategory' | 'stoppedPauses'
>

/**
 * The contract year's counts from its faults and their milestones as they stand at
 * `now`. A milestone counts once whether it was done late, is late now, or was
 * missed before recovery (seed 002 §三 deducts for each); breaches recorded before a
 * severity change count too, since the deadlines they missed no longer show — but a
 * milestone counts once, however many levels it was late under.
 */
export function yearCounts(
  faults: readonly { f: FaultSummaryDto; ms: MilestoneState[]; recorded: readonly string[] }[],
  now: number,
): YearCounts {
  // A milestone late under the old level and again under the new one is one missed milestone.
  const late = ({ ms, recorded }: { ms: MilestoneState[]; recorded: readonly string[] }) =>
    new Set([...ms.filter(isBreach).map((m) => m.milestone as string), ...recorded]).size
  return {
    majorThisYear: faults.filter(({ f }) => f.major).length,
    breachedFaults: faults.filter((x) => late(x) > 0).length,
    missedMilestones: faults.reduce((n, x) => n + late(x), 0),
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

/**
 * The list's late filters: 只看已超时 (an open fault late now, or missed before a recovery
 * not yet closed) and 有超时环节 (any fault the contract-year statistics count as late,
 * closed ones included).
 */
export function lateFilter(
  q: Pick<FaultQuery, 'overdue' | 'breached'>,
  milestones: (f: FaultSummaryDto) => MilestoneState[],
): (f: FaultSummaryDto) => boolean {
  return (f) => {
    if (f.status === 'voided') return false
    const ms = milestones(f)
    return (!q.overdue || ms.some(isLate)) && (!q.breached || f.breaches > 0 || ms.some(isBreach))
  }
}
