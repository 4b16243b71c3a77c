import type { Db } from '../db/connection'

/** Site-wide settings stored as JSON documents (working hours, SLA policy). */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  get<T>(key: string): T {
    const row = this.db.prepare('SELECT value_json FROM setting WHERE key = ?').get(key) as
      { value_json: string } | undefined
    if (!row) throw new Error(`missing setting ${key}`)
    return JSON.parse(row.value_json) as T
  }

  /** A setting a site may never have saved: undefined until it does. */
  find<T>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value_json FROM setting WHERE key = ?').get(key) as
      { value_json: string } | undefined
    return row ? (JSON.parse(row.value_json) as T) : undefined
  }

  put(key: string, value: unknown, now: string): void {
    this.db
      .prepare(
        'INSERT INTO setting (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
      )
      .run(key, JSON.stringify(value), now)
  }
}
