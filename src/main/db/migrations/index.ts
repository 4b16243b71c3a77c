import type { Migration } from '../migrate'
import { foundation } from './2026-11-23-01-foundation'
import { faults } from './2026-11-24-01-faults'
import { contractRules } from './2026-11-25-41-contract-rules'
import { handover } from './2026-11-24-03-handover'
import { roster } from './2026-11-24-02-roster'
import { auditProof } from './2026-11-25-61-audit-proof'
import { loginFailureWindow } from './2026-11-25-62-login-failure-window'
import { notificationLogRepair } from './2026-11-25-63-notification-log-repair'

/** In order. Append only: a released migration is never edited or reordered. */
export const migrations: Migration[] = [
  foundation,
  faults,
  roster,
  handover,
  contractRules,
  auditProof,
  loginFailureWindow,
  notificationLogRepair,
]
