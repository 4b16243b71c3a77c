import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS, migrate } from '../../src/main/db/migrate'
import { tempDir } from '../support/world'

const opened: Database.Database[] = []
afterEach(() => opened.splice(0).forEach((db) => db.open && db.close()))

describe('2026-11-25-41-contract-rules on a site that already has data', () => {
  it('turns the clock-stopping pause off per level, keeps the site numbers, and adds the weekend phone duty', () => {
    const db = new Database(join(tempDir(), 'old.sqlite3'))
    opened.push(db)
    const index = MIGRATIONS.findIndex((m) => m.name === '2026-11-25-41-contract-rules')
    migrate(db, MIGRATIONS.slice(0, index))
    // A policy as the previous version stored it: one switch for the whole policy, on.
    const old = {
      key: 'custom',
      name: '本院 SLA',
      source: '',
      pausesStopClock: true,
      majorRecoverMinutes: null,
      majorPerYear: null,
      levelByTier: false,
      levels: [
        {
          code: 'A',
          name: 'A',
          description: '',
          targets: { respond: { amount: 45, unit: 'minute', calendar: 'always' } },
          progressEveryMin: null,
          major: false,
        },
      ],
    }
    db.prepare("UPDATE setting SET value_json = ? WHERE key = 'sla.policy'").run(JSON.stringify(old))
    migrate(db)
    const policy = JSON.parse(
      (db.prepare("SELECT value_json FROM setting WHERE key = 'sla.policy'").get() as { value_json: string })
        .value_json,
    )
    expect(policy).not.toHaveProperty('pausesStopClock')
    expect(policy.levels[0]).toMatchObject({ pausesStopClock: false, targets: { respond: { amount: 45 } } })
    expect(db.prepare("SELECT kind, day_types, holiday_cover FROM shift WHERE name = '周末电话值班'").get()).toEqual({
      kind: 'oncall',
      day_types: '["weekend"]',
      holiday_cover: 1,
    })
    expect(db.prepare("SELECT holiday_cover FROM shift WHERE name = '夜间待命'").pluck().get()).toBe(0)
    // Faults recorded before keep their snapshot; the new columns start empty, category 其他.
    expect(
      (db.prepare('PRAGMA table_info(fault)').all() as { name: string; dflt_value: string | null }[])
        .filter((c) => ['category', 'remote_at', 'notify_at'].includes(c.name))
        .map((c) => [c.name, c.dflt_value]),
    ).toEqual([
      ['category', "'other'"],
      ['remote_at', null],
      ['notify_at', null],
    ])
  })
})
