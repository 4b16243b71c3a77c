import type { Clock } from '../../src/main/services/clock'
import { parseIso } from '../../src/shared/time/site-time'

/**
 * The bridge's clock: the services' Clock interface, running at the real pace
 * from a time the test (or `--clock`) sets, so a suite can run "on" any date.
 */
export class MovableClock implements Clock {
  private offset = 0

  constructor(startIso?: string) {
    if (startIso) this.set(startIso)
  }

  now = (): number => Date.now() + this.offset

  /** From now on the clock reads `iso` and runs on from there. */
  set(iso: string): void {
    const ms = parseIso(iso)
    if (ms === null) throw new Error(`无法识别的时间：${iso}（例如 2026-12-31T23:59:00+08:00）`)
    this.offset = ms - Date.now()
  }
}
