import type { Migration } from '../migrate'

/**
 * What makes the audit trail prove itself: each user's signing key (the private
 * half encrypted with a key derived from their password), the signatures over
 * handover anchors, and the sealed head (its MAC is made with a key the
 * database does not hold; the row starts empty and is sealed on first open).
 */
export const auditProof: Migration = {
  name: '2026-11-25-61-audit-proof',
  up(db) {
    db.exec(`
      CREATE TABLE user_key (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES user (id),
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        private_key_enc TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX user_key_user ON user_key (user_id, id);
      CREATE TRIGGER user_key_fixed BEFORE UPDATE OF id, user_id, public_key, fingerprint, created_at ON user_key
        BEGIN SELECT RAISE(ABORT, 'signing keys are never changed'); END;
      CREATE TRIGGER user_key_no_delete BEFORE DELETE ON user_key
        BEGIN SELECT RAISE(ABORT, 'signing keys are never deleted'); END;

      CREATE TABLE anchor_signature (
        id INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        anchor_seq INTEGER NOT NULL,
        anchor_hash TEXT NOT NULL,
        signer_id INTEGER NOT NULL REFERENCES user (id),
        -- null only for handovers accepted before signing existed (signature 'legacy')
        key_id INTEGER REFERENCES user_key (id),
        signed_at TEXT NOT NULL,
        signature TEXT NOT NULL,
        UNIQUE (entity, entity_id)
      );
      CREATE TRIGGER anchor_signature_no_update BEFORE UPDATE ON anchor_signature
        BEGIN SELECT RAISE(ABORT, 'anchor signatures are append-only'); END;
      CREATE TRIGGER anchor_signature_no_delete BEFORE DELETE ON anchor_signature
        BEGIN SELECT RAISE(ABORT, 'anchor signatures are append-only'); END;

      CREATE TABLE audit_seal (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER,
        hash TEXT,
        mac TEXT,
        -- set (and sealed) when a write found the head not matching its seal: stays for good
        broken TEXT,
        verified_seq INTEGER,
        verified_hash TEXT,
        verified_mac TEXT
      );
      INSERT INTO audit_seal (id) VALUES (1);
      INSERT INTO anchor_signature (entity, entity_id, anchor_seq, anchor_hash, signer_id, key_id, signed_at, signature)
        SELECT 'handover', id, anchor_seq, anchor_hash, incoming_id, NULL, accepted_at, 'legacy'
        FROM handover WHERE status = 'accepted' AND anchor_seq IS NOT NULL;
    `)
  },
}
