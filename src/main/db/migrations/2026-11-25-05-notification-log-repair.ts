import type { Migration } from '../migrate'

/**
 * `notification_log` was added to the handover migration after that migration had
 * already been applied to some databases, which therefore lack the table. This
 * creates it where it is missing and changes nothing where it exists.
 */
export const notificationLogRepair: Migration = {
  name: '2026-11-25-05-notification-log-repair',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS notification_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES user (id),
        fault_id INTEGER REFERENCES fault (id),
        text TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS notification_log_at ON notification_log (at);
    `)
  },
}
