import type { Migration } from '../migrate'

/** Shifts, rotations, the month roster with publications and changes, leave and swap requests. */
export const roster: Migration = {
  name: '2026-11-24-02-roster',
  up(db) {
    db.exec(`
      CREATE TABLE shift (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        start_min INTEGER NOT NULL,
        end_min INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('onsite', 'oncall')),
        day_types TEXT NOT NULL,
        needed INTEGER NOT NULL,
        colour TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        sort INTEGER NOT NULL
      );

      CREATE TABLE rotation (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        shift_id INTEGER NOT NULL REFERENCES shift (id),
        engineer_ids TEXT NOT NULL,
        period_days INTEGER NOT NULL,
        start_date TEXT NOT NULL
      );

      CREATE TABLE roster_assignment (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        shift_id INTEGER NOT NULL REFERENCES shift (id),
        user_id INTEGER NOT NULL REFERENCES user (id),
        source TEXT NOT NULL CHECK (source IN ('rotation', 'manual')),
        created_at TEXT NOT NULL,
        UNIQUE (date, shift_id, user_id)
      );
      CREATE INDEX roster_assignment_user ON roster_assignment (user_id, date);

      CREATE TABLE leave_entry (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES user (id),
        kind TEXT NOT NULL,
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES user (id)
      );

      CREATE TABLE roster_publication (
        month TEXT NOT NULL,
        version INTEGER NOT NULL,
        published_at TEXT NOT NULL,
        published_by INTEGER NOT NULL REFERENCES user (id),
        override_reason TEXT,
        snapshot_json TEXT NOT NULL,
        PRIMARY KEY (month, version)
      );

      CREATE TABLE roster_change (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL,
        at TEXT NOT NULL,
        by_id INTEGER NOT NULL REFERENCES user (id),
        what TEXT NOT NULL,
        reason TEXT NOT NULL
      );

      CREATE TABLE swap_request (
        id INTEGER PRIMARY KEY,
        assignment_id INTEGER NOT NULL,
        date TEXT NOT NULL,
        shift_id INTEGER NOT NULL REFERENCES shift (id),
        from_user INTEGER NOT NULL REFERENCES user (id),
        to_user INTEGER NOT NULL REFERENCES user (id),
        other_assignment_id INTEGER,
        other_date TEXT,
        other_shift_id INTEGER REFERENCES shift (id),
        status TEXT NOT NULL,
        reason TEXT NOT NULL,
        trail_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `)
    const insert = db.prepare(
      'INSERT INTO shift (name, start_min, end_min, kind, day_types, needed, colour, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    insert.run('白班', 510, 1050, 'onsite', JSON.stringify(['workday']), 1, '#1f5fbf', 1)
    insert.run('夜间待命', 1050, 510, 'oncall', JSON.stringify(['workday', 'weekend', 'holiday']), 1, '#7a5af8', 2)
    insert.run('节假日值班', 510, 1050, 'onsite', JSON.stringify(['holiday']), 1, '#d03050', 3)
    const now = new Date().toISOString()
    db.prepare('INSERT INTO setting (key, value_json, updated_at) VALUES (?, ?, ?)').run(
      'roster.minRestHours',
      '8',
      now,
    )
    db.prepare('INSERT INTO setting (key, value_json, updated_at) VALUES (?, ?, ?)').run(
      'roster.swapNeedsApproval',
      'true',
      now,
    )
  },
}
