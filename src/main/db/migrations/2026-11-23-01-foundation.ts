import type { Migration } from '../migrate'
import { DEFAULT_CATEGORIES } from '../../../shared/serviceLog/contract'

/** Site, accounts, the hash-chained audit trail, the inventory and the service log. */
export const foundation: Migration = {
  name: '2026-11-23-01-foundation',
  up(db) {
    db.exec(`
      CREATE TABLE site (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        customer_unit TEXT NOT NULL,
        provider_name TEXT NOT NULL DEFAULT '',
        contract_start TEXT NOT NULL,
        contract_end TEXT NOT NULL,
        service_mode TEXT NOT NULL CHECK (service_mode IN ('5x8', '7x24')),
        idle_lock_minutes INTEGER NOT NULL DEFAULT 15,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE user (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('engineer', 'lead', 'reviewer')),
        phone TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        failed_count INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER,
        user_name TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        before_json TEXT,
        after_json TEXT,
        result TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_log_entity ON audit_log (entity, seq);
      CREATE INDEX audit_log_user ON audit_log (user_id, seq);
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE asset (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind TEXT NOT NULL CHECK (kind IN ('system', 'host', 'database', 'middleware', 'device')),
        parent_id INTEGER REFERENCES asset (id),
        department TEXT NOT NULL DEFAULT '',
        tier INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 5),
        contacts TEXT NOT NULL DEFAULT '',
        config_notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('in_service', 'retired')),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES user (id),
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES user (id)
      );
      CREATE INDEX asset_parent ON asset (parent_id);

      CREATE TABLE service_category (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        sort INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
      );

      CREATE TABLE service_log (
        id INTEGER PRIMARY KEY,
        service_time TEXT NOT NULL,
        requester TEXT NOT NULL DEFAULT '',
        requester_dept TEXT NOT NULL DEFAULT '',
        asset_id INTEGER REFERENCES asset (id),
        channel TEXT NOT NULL CHECK (channel IN ('phone', 'onsite', 'email', 'other')),
        category_id INTEGER NOT NULL REFERENCES service_category (id),
        content TEXT NOT NULL,
        result TEXT NOT NULL DEFAULT '',
        duration_min INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('open', 'done')),
        engineer_id INTEGER NOT NULL REFERENCES user (id),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES user (id),
        updated_at TEXT NOT NULL,
        voided_at TEXT,
        voided_by INTEGER REFERENCES user (id),
        void_reason TEXT
      );
      CREATE INDEX service_log_time ON service_log (service_time);
      CREATE INDEX service_log_asset ON service_log (asset_id, service_time);
      CREATE INDEX service_log_engineer ON service_log (engineer_id, service_time);
      CREATE INDEX service_log_category ON service_log (category_id, service_time);
      CREATE INDEX service_log_status ON service_log (status, service_time);

      -- Bigram index maintained by the repository (see shared/search/bigram.ts); rowid = service_log.id.
      CREATE VIRTUAL TABLE service_log_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
    `)
    const insert = db.prepare('INSERT INTO service_category (name, sort) VALUES (?, ?)')
    DEFAULT_CATEGORIES.forEach((name, i) => insert.run(name, i + 1))
  },
}
