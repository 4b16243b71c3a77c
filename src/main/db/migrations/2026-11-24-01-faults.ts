import type { Migration } from '../migrate'
import { presetPolicy } from '../../../shared/faults/sla'

/** Calendars, the SLA policy and the fault log with its append-only timeline. */
export const faults: Migration = {
  name: '2026-11-24-01-faults',
  up(db) {
    db.exec(`
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE holiday_override (
        date TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday', 'normal')),
        name TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES user (id)
      );

      CREATE TABLE fault (
        id INTEGER PRIMARY KEY,
        no TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        asset_id INTEGER REFERENCES asset (id),
        severity TEXT NOT NULL,
        level_json TEXT NOT NULL,
        pauses_stop_clock INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'paused', 'recovered', 'closed', 'voided')),
        reported_at TEXT NOT NULL,
        reported_by TEXT NOT NULL DEFAULT '',
        report_channel TEXT NOT NULL,
        symptoms TEXT NOT NULL DEFAULT '',
        impact TEXT NOT NULL DEFAULT '',
        owner_id INTEGER NOT NULL REFERENCES user (id),
        service_log_id INTEGER REFERENCES service_log (id),
        major INTEGER NOT NULL DEFAULT 0,
        respond_at TEXT,
        arrive_at TEXT,
        plan_at TEXT,
        recovered_at TEXT,
        analysis_at TEXT,
        pauses_json TEXT NOT NULL DEFAULT '[]',
        last_update_at TEXT,
        breaches INTEGER NOT NULL DEFAULT 0,
        workaround TEXT NOT NULL DEFAULT '',
        root_cause TEXT NOT NULL DEFAULT '',
        resolution TEXT NOT NULL DEFAULT '',
        analysis TEXT NOT NULL DEFAULT '',
        void_reason TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES user (id),
        updated_at TEXT NOT NULL
      );
      CREATE INDEX fault_reported ON fault (reported_at);
      CREATE INDEX fault_status ON fault (status, reported_at);
      CREATE INDEX fault_asset ON fault (asset_id, reported_at);
      CREATE INDEX fault_owner ON fault (owner_id, reported_at);
      CREATE INDEX fault_severity ON fault (severity, reported_at);

      CREATE TABLE fault_event (
        id INTEGER PRIMARY KEY,
        fault_id INTEGER NOT NULL REFERENCES fault (id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor_id INTEGER REFERENCES user (id),
        actor_name TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        data_json TEXT,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX fault_event_fault ON fault_event (fault_id, id);
      CREATE TRIGGER fault_event_no_update BEFORE UPDATE ON fault_event
        BEGIN SELECT RAISE(ABORT, 'fault timeline is append-only'); END;
      CREATE TRIGGER fault_event_no_delete BEFORE DELETE ON fault_event
        BEGIN SELECT RAISE(ABORT, 'fault timeline is append-only'); END;

      CREATE TABLE fault_form (
        id INTEGER PRIMARY KEY,
        fault_id INTEGER NOT NULL REFERENCES fault (id),
        kind TEXT NOT NULL,
        version INTEGER NOT NULL,
        data_json TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by INTEGER NOT NULL REFERENCES user (id),
        UNIQUE (fault_id, kind, version)
      );
      CREATE TRIGGER fault_form_no_update BEFORE UPDATE ON fault_form
        BEGIN SELECT RAISE(ABORT, 'fault forms are versioned, not edited'); END;
      CREATE TRIGGER fault_form_no_delete BEFORE DELETE ON fault_form
        BEGIN SELECT RAISE(ABORT, 'fault forms are versioned, not edited'); END;

      CREATE VIRTUAL TABLE fault_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
    `)
    const now = new Date().toISOString()
    const put = db.prepare('INSERT INTO setting (key, value_json, updated_at) VALUES (?, ?, ?)')
    put.run(
      'calendar.workingBlocks',
      JSON.stringify([
        [510, 720],
        [840, 1050],
      ]),
      now,
    )
    put.run('sla.policy', JSON.stringify(presetPolicy('hainan-procuratorate')), now)
  },
}
