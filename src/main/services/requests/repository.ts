import type { Db } from '../../db/connection'
import { DomainError } from '@shared/errors'

/**
 * The answered create requests, by the id the renderer gave them. A service calls
 * `once` inside its transaction: a repeated id returns the first record's id and
 * the write does not run again.
 */
export class RequestRepository {
  constructor(private readonly db: Db) {}

  once(requestId: string | undefined, channel: string, actorId: number, now: string, write: () => number): number {
    if (requestId === undefined) return write()
    const seen = this.db
      .prepare('SELECT channel, actor_id AS actorId, result_id AS resultId FROM request_id WHERE request_id = ?')
      .get(requestId) as { channel: string; actorId: number; resultId: number } | undefined
    if (seen) {
      if (seen.channel !== channel || seen.actorId !== actorId)
        throw new DomainError('REQUEST_ID_REUSED', '请求编号已被另一次操作使用，请重新提交')
      return seen.resultId
    }
    const id = write()
    this.db
      .prepare('INSERT INTO request_id (request_id, channel, actor_id, result_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(requestId, channel, actorId, id, now)
    return id
  }
}
