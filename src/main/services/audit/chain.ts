import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export interface ChainedRow {
  seq: number
  at: string
  user_id: number | null
  user_name: string
  action: string
  entity: string
  entity_id: string | null
  before_json: string | null
  after_json: string | null
  result: string
  prev_hash: string
  hash: string
}

/** SHA-256 over the previous hash and the row's content in a fixed field order. */
export function rowHash(row: Omit<ChainedRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.user_id,
    row.user_name,
    row.action,
    row.entity,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.result,
  ])
  return createHash('sha256').update(row.prev_hash).update('\n').update(canonical).digest('hex')
}

export type ChainBreak = 'sequence' | 'link' | 'content'

export interface ChainCheck {
  ok: boolean
  kind: ChainBreak | null
  count: number
  firstBrokenSeq: number | null
  reason: string | null
  headSeq: number
  headHash: string
}

/**
 * Walks the rows in stored order. Sequence numbers must run 1, 2, 3 … without gaps
 * (a deleted row), each row must point at its predecessor's hash (a reordered or
 * swapped row), and each hash must match its content (an edited byte).
 */
export function verifyRows(
  rows: Iterable<ChainedRow>,
  from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainCheck {
  let expectedSeq = from.seq + 1
  let prev = from.hash
  let count = 0
  const broken = (seq: number, reason: string, kind: ChainBreak): ChainCheck => ({
    ok: false,
    kind,
    count,
    firstBrokenSeq: seq,
    reason,
    headSeq: expectedSeq - 1,
    headHash: prev,
  })
  for (const row of rows) {
    if (row.seq !== expectedSeq) return broken(expectedSeq, `缺少第 ${expectedSeq} 条记录或顺序被改动`, 'sequence')
    if (row.prev_hash !== prev) return broken(row.seq, `第 ${row.seq} 条记录与前一条的链接不符`, 'link')
    if (rowHash(row) !== row.hash) return broken(row.seq, `第 ${row.seq} 条记录的内容与其哈希不符`, 'content')
    prev = row.hash
    expectedSeq++
    count++
  }
  return { ok: true, kind: null, count, firstBrokenSeq: null, reason: null, headSeq: expectedSeq - 1, headHash: prev }
}
