import type { Migration } from '../migrate'
import { foundation } from './2026-11-23-01-foundation'

/** In order. Append only: a released migration is never edited or reordered. */
export const migrations: Migration[] = [foundation]
