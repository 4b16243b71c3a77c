import type { Migration } from '../migrate'

/**
 * Create requests the renderer has already had answered: a repeated request id
 * (a double Enter, a retry after a lost reply) returns the first record instead
 * of writing a second one.
 */
export const requestIds: Migration = {
  name: '2026-11-25-10-request-ids',
  up(db) {
    db.exec(`
      CREATE TABLE request_id (
        request_id TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        actor_id INTEGER NOT NULL REFERENCES user (id),
        result_id INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `)
  },
}
