import { parseIso } from '@shared/time/site-time'
import type { FaultClockDto } from './contract'
import type { FaultClockInput } from './milestones'

/** The pure clock input from a stored fault: ISO strings become instants (main and renderer alike). */
export function clockInput(c: FaultClockDto): FaultClockInput {
  const ms = (v: string | null | undefined) => (v ? parseIso(v) : null)
  return {
    reportedAt: ms(c.reportedAt)!,
    level: c.level,
    done: Object.fromEntries(Object.entries(c.done).map(([k, v]) => [k, ms(v)])),
    pauses: c.pauses.map((p) => ({ from: ms(p.from)!, to: ms(p.to) })),
    pausesStopClock: c.pausesStopClock,
  }
}
