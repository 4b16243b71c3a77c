import type { Migration } from '../migrate'
import { foundation } from './2026-11-23-01-foundation'
import { faults } from './2026-11-24-01-faults'
import { roster } from './2026-11-24-02-roster'
import { handover } from './2026-11-24-03-handover'
import { notificationLogRepair } from './2026-11-25-05-notification-log-repair'
import { requestIds } from './2026-11-25-10-request-ids'
import { slaReminders } from './2026-11-25-21-sla-reminders'
import { contractRules } from './2026-11-25-41-contract-rules'
import { auditProof } from './2026-11-25-61-audit-proof'
import { loginFailureWindow } from './2026-11-25-62-login-failure-window'

/** In order. Append only: a released migration is never edited or reordered. */
export const migrations: Migration[] = [
  foundation,
  faults,
  roster,
  handover,
  notificationLogRepair,
  requestIds,
  slaReminders,
  contractRules,
  auditProof,
  loginFailureWindow,
]
