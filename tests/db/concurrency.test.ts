import { spawn } from 'node:child_process'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { count, makeWorld, setUpSite, type World } from '../support/world'

let w: World
afterEach(() => w?.close())

function runWriter(
  file: string,
  n: number,
  label: string,
  sealKeyFile: string,
): Promise<{ ok: number; failed: number; firstError: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/db/writer-process.ts', file, String(n), label, sealKeyFile],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`writer ${label} exited ${code}`)),
    )
  })
}

describe('one data file, several writers', () => {
  it('a transaction takes the write lock when it begins, not when it first writes', async () => {
    w = makeWorld()
    await setUpSite(w)
    const other = new Database(w.file)
    other.pragma('busy_timeout = 0')
    try {
      // A read-then-write action: while it runs, nobody else may slip a write in between.
      const seen = w.db.transaction(() => {
        const before = count(w, 'audit_log')
        expect(() => other.exec("UPDATE site SET provider_name = 'x'")).toThrow(/locked|busy/i)
        return before
      })()
      expect(seen).toBeGreaterThan(0)
      // A deferred snapshot stays possible when asked for by name.
      w.db.transaction(() => other.exec("UPDATE site SET provider_name = 'y'")).deferred()
    } finally {
      other.close()
    }
  })

  it('two processes writing 300 entries each at the same time all succeed, and the audit chain holds', async () => {
    w = makeWorld()
    await setUpSite(w)
    const before = count(w, 'service_log')
    // This process keeps reading the whole time, as the open app window does.
    let reads = 0
    const reader = setInterval(() => {
      w.services.serviceLog.list({ offset: 0, limit: 50, includeVoided: true })
      reads++
    }, 5)
    const results = await Promise.all([
      runWriter(w.file, 300, 'A', w.sealKeyFile),
      runWriter(w.file, 300, 'B', w.sealKeyFile),
    ]).finally(() => clearInterval(reader))
    expect(results.map((r) => r.firstError)).toEqual([null, null])
    expect(results.map((r) => r.ok)).toEqual([300, 300])
    expect(reads).toBeGreaterThan(0)
    const check = openDatabase(w.file)
    try {
      expect((check.prepare('SELECT count(*) AS n FROM service_log').get() as { n: number }).n).toBe(before + 600)
    } finally {
      check.close()
    }
    expect(w.services.integrity.verify().ok).toBe(true)
  }, 120_000)
})
