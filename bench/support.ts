import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase } from '../src/main/db/connection'
import { buildServices } from '../src/main/services'
import type { AssetKind } from '../src/shared/assets/contract'
import { tempDir } from '../tests/support/world'

/**
 * A fresh site in a temp dir for a benchmark: migrated database, every service on
 * a clock fixed at `nowMs`, a lead logged in, and `assetCount` systems.
 */
export function benchSite(nowMs: number, assetCount: number) {
  const dir = tempDir()
  const db = openDatabase(join(dir, 'bench.sqlite3'))
  const s = buildServices(db, { now: () => nowMs })
  s.auth.setup({
    site: {
      customerUnit: '基准测试',
      providerName: '',
      contractStart: '2021-01-01',
      contractEnd: '2026-12-31',
      serviceMode: '5x8',
      idleLockMinutes: 15,
    },
    admin: { username: 'bench', displayName: '基准', phone: '', password: 'Timing#2026' },
  })
  s.auth.login('bench', 'Timing#2026')
  const actor = s.auth.currentActor()!
  const kind: AssetKind = 'system'
  const assets = Array.from(
    { length: assetCount },
    (_, i) =>
      s.assets.create(actor, {
        name: `系统${i}`,
        kind,
        parentId: null,
        department: '',
        tier: 3,
        contacts: '',
        configNotes: '',
        status: 'in_service',
      }).id,
  )
  return {
    db,
    s,
    actor,
    assets,
    done() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

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
