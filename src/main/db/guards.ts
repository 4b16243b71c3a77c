import type Database from 'better-sqlite3'

/**
 * The append-only guards on evidence tables, as the migrations create them. On
 * every open the app puts back any that are missing (someone with a SQLite client
 * dropped them) and the caller audits which ones were missing.
 */
export const APPEND_ONLY_TRIGGERS: Readonly<Record<string, string>> = {
  audit_log_no_update: `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  audit_log_no_delete: `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  fault_event_no_update: `CREATE TRIGGER fault_event_no_update BEFORE UPDATE ON fault_event
        BEGIN SELECT RAISE(ABORT, 'fault timeline is append-only'); END`,
  fault_event_no_delete: `CREATE TRIGGER fault_event_no_delete BEFORE DELETE ON fault_event
        BEGIN SELECT RAISE(ABORT, 'fault timeline is append-only'); END`,
  fault_form_no_update: `CREATE TRIGGER fault_form_no_update BEFORE UPDATE ON fault_form
        BEGIN SELECT RAISE(ABORT, 'fault forms are versioned, not edited'); END`,
  fault_form_no_delete: `CREATE TRIGGER fault_form_no_delete BEFORE DELETE ON fault_form
        BEGIN SELECT RAISE(ABORT, 'fault forms are versioned, not edited'); END`,
  handover_locked: `CREATE TRIGGER handover_locked BEFORE UPDATE ON handover WHEN OLD.status = 'accepted'
        BEGIN SELECT RAISE(ABORT, 'handover is locked after acceptance'); END`,
  handover_no_delete: `CREATE TRIGGER handover_no_delete BEFORE DELETE ON handover
        BEGIN SELECT RAISE(ABORT, 'handovers are never deleted'); END`,
  handover_addendum_append_only: `CREATE TRIGGER handover_addendum_append_only BEFORE UPDATE ON handover_addendum
        BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END`,
  handover_addendum_no_delete: `CREATE TRIGGER handover_addendum_no_delete BEFORE DELETE ON handover_addendum
        BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END`,
  user_key_fixed: `CREATE TRIGGER user_key_fixed BEFORE UPDATE OF id, user_id, public_key, fingerprint, created_at ON user_key
        BEGIN SELECT RAISE(ABORT, 'signing keys are never changed'); END`,
  user_key_no_delete: `CREATE TRIGGER user_key_no_delete BEFORE DELETE ON user_key
        BEGIN SELECT RAISE(ABORT, 'signing keys are never deleted'); END`,
  anchor_signature_no_update: `CREATE TRIGGER anchor_signature_no_update BEFORE UPDATE ON anchor_signature
        BEGIN SELECT RAISE(ABORT, 'anchor signatures are append-only'); END`,
  anchor_signature_no_delete: `CREATE TRIGGER anchor_signature_no_delete BEFORE DELETE ON anchor_signature
        BEGIN SELECT RAISE(ABORT, 'anchor signatures are append-only'); END`,
}

export function missingTriggers(db: Database.Database): string[] {
  const present = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]).map((n) => n),
  )
  return Object.keys(APPEND_ONLY_TRIGGERS).filter((n) => !present.has(n))
}

export function restoreTriggers(db: Database.Database, names: readonly string[]): void {
  for (const n of names) db.exec(APPEND_ONLY_TRIGGERS[n]!)
}
