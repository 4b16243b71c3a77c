import { z } from 'zod'

export interface Page<T> {
  items: T[]
  total: number
  /** true when counting stopped at `total` (a very common search word): show "total+" */
  capped?: boolean
}

export const pageInput = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}
