import type { Migration } from '../migrate'

/**
 * The contracts' own counting rules: a fault category (seed 003 §3.2.12.3), the
 * 远程诊断 and 通知领导 milestones, pauses that stop a clock only per level and by
 * choice, and shifts that count as 节假日 cover (seed 003 §3.2.4, weekends included)
 * with a default weekend daytime phone duty.
 */
export const contractRules: Migration = {
  name: '2026-11-25-41-contract-rules',
  up(db) {
    db.exec(`
      ALTER TABLE fault ADD COLUMN category TEXT NOT NULL DEFAULT 'other'
        CHECK (category IN ('hardware', 'software', 'network', 'security', 'environment', 'other'));
      ALTER TABLE fault ADD COLUMN remote_at TEXT;
      ALTER TABLE fault ADD COLUMN notify_at TEXT;
      CREATE INDEX fault_category ON fault (category, reported_at);

      -- an on-call shift counts as 节假日值班 only when marked so (on-site shifts always do)
      ALTER TABLE shift ADD COLUMN holiday_cover INTEGER NOT NULL DEFAULT 0;
    `)
    const taken = db.prepare("SELECT count(*) FROM shift WHERE name = '周末电话值班'").pluck().get() as number
    if (!taken) {
      db.prepare(
        `INSERT INTO shift (name, start_min, end_min, kind, day_types, needed, colour, sort, holiday_cover)
         VALUES ('周末电话值班', 510, 1050, 'oncall', '["weekend"]', 1, '#0e7a5f', (SELECT coalesce(max(sort), 0) + 1 FROM shift), 1)`,
      ).run()
    }
    // Pauses stop a clock only where a site turns it on, per level; no contract lets it stop.
    const row = db.prepare("SELECT value_json FROM setting WHERE key = 'sla.policy'").get() as
      { value_json: string } | undefined
    if (row) {
      const policy = JSON.parse(row.value_json) as Record<string, unknown> & { levels: Record<string, unknown>[] }
      delete policy.pausesStopClock
      policy.note ??= ''
      for (const level of policy.levels) level.pausesStopClock ??= false
      db.prepare("UPDATE setting SET value_json = ? WHERE key = 'sla.policy'").run(JSON.stringify(policy))
    }
  },
}
