import type { Migration } from '../migrate'
import { foundation } from './2026-11-23-01-foundation'
import { faults } from './2026-11-24-01-faults'
import { roster } from './2026-11-24-02-roster'
import { handover } from './2026-11-24-03-handover'
import { requestIds } from './2026-11-25-10-request-ids'
import { slaReminders } from './2026-11-25-21-sla-reminders'
import { contractRules } from './2026-11-25-41-contract-rules'

/** In order. Append only: a released migration is never edited or reordered. */
export const migrations: Migration[] = [foundation, faults, roster, handover, requestIds, slaReminders, contractRules]
