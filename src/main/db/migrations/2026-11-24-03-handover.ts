import type { Migration } from '../migrate'

/** Shift handover records (locked once accepted), their addenda, and who now owns an open service request. */
export const handover: Migration = {
  name: '2026-11-24-03-handover',
  up(db) {
    db.exec(`
      CREATE TABLE handover (
        id INTEGER PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'refused', 'accepted')),
        outgoing_id INTEGER NOT NULL REFERENCES user (id),
        incoming_id INTEGER REFERENCES user (id),
        shift_label TEXT NOT NULL,
        shift_date TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        submitted_at TEXT,
        accepted_at TEXT,
        refused_reason TEXT,
        summary TEXT NOT NULL DEFAULT '',
        cautions TEXT NOT NULL DEFAULT '',
        todo TEXT NOT NULL DEFAULT '',
        checklist_json TEXT NOT NULL,
        items_json TEXT NOT NULL,
        incoming_remarks TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL DEFAULT 0,
        anchor_seq INTEGER,
        anchor_hash TEXT
      );
      CREATE INDEX handover_date ON handover (shift_date);
      CREATE INDEX handover_outgoing ON handover (outgoing_id, shift_date);
      CREATE TRIGGER handover_locked BEFORE UPDATE ON handover WHEN OLD.status = 'accepted'
        BEGIN SELECT RAISE(ABORT, 'handover is locked after acceptance'); END;
      CREATE TRIGGER handover_no_delete BEFORE DELETE ON handover
        BEGIN SELECT RAISE(ABORT, 'handovers are never deleted'); END;

      CREATE TABLE handover_addendum (
        id INTEGER PRIMARY KEY,
        handover_id INTEGER NOT NULL REFERENCES handover (id),
        at TEXT NOT NULL,
        by_id INTEGER NOT NULL REFERENCES user (id),
        text TEXT NOT NULL
      );
      CREATE TRIGGER handover_addendum_append_only BEFORE UPDATE ON handover_addendum
        BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END;
      CREATE TRIGGER handover_addendum_no_delete BEFORE DELETE ON handover_addendum
        BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END;

      ALTER TABLE service_log ADD COLUMN owner_id INTEGER REFERENCES user (id);

      -- Local SLA reminders shown on this PC, so a handover can list what the shift was warned about.
      CREATE TABLE notification_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES user (id),
        fault_id INTEGER REFERENCES fault (id),
        text TEXT NOT NULL
      );
      CREATE INDEX notification_log_at ON notification_log (at);
    `)
  },
}
