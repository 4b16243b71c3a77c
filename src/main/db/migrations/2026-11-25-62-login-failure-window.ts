import type { Migration } from '../migrate'

/** When the last wrong password was typed, so failures count only within a window. */
export const loginFailureWindow: Migration = {
  name: '2026-11-25-62-login-failure-window',
  up(db) {
    db.exec('ALTER TABLE user ADD COLUMN last_failed_at TEXT')
  },
}
