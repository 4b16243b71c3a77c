import type { Migration } from '../migrate'

/**
 * An SLA reminder is one record per fault, milestone and state (at risk,
 * overdue), whoever was logged in when it first showed: the key says which,
 * and a unique index keeps it once. Rows written before keep a null key.
 */
export const slaReminders: Migration = {
  name: '2026-11-25-21-sla-reminders',
  up(db) {
    db.exec(`
      ALTER TABLE notification_log ADD COLUMN key TEXT;
      ALTER TABLE notification_log ADD COLUMN state TEXT;
      CREATE UNIQUE INDEX notification_log_key ON notification_log (key) WHERE key IS NOT NULL;
    `)
  },
}
