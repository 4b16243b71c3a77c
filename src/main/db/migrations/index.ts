import type { Migration } from '../migrate'
import { foundation } from './2026-11-23-01-foundation'
import { faults } from './2026-11-24-01-faults'
import { contractRules } from './2026-11-25-41-contract-rules'
import { handover } from './2026-11-24-03-handover'
import { roster } from './2026-11-24-02-roster'

/** In order. Append only: a released migration is never edited or reordered. */
export const migrations: Migration[] = [foundation, faults, roster, handover, contractRules]
