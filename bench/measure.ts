const RUNS = 30

/** Runs each case RUNS times and prints p50/p95 in milliseconds with the row count. */
export function measure<Q>(title: string, cases: [string, Q][], run: (q: Q) => number): void {
  console.log(`\n${title}: query                      p50 ms   p95 ms   rows`)
  for (const [name, q] of cases) {
    const times: number[] = []
    let rows = 0
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now()
      rows = run(q)
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))]!.toFixed(1)
    console.log(`  ${name.padEnd(36)} ${p(0.5).padStart(6)}   ${p(0.95).padStart(6)}   ${rows}`)
  }
}
