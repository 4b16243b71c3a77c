/** Injected into every service so tests can set the time (lockouts, SLA clocks, "today"). */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
