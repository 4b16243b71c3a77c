import { z } from 'zod'

/**
 * The id a form gives one save. Create channels accept it so that the same save
 * sent twice (a double Enter, a retry after a lost reply) records one record.
 */
export const requestId = z
  .string()
  .regex(/^[A-Za-z0-9-]{16,64}$/, '请求编号格式不正确')
  .optional()

/** A fresh request id: 32 hex digits from the platform's random source (no secure context needed). */
export function newRequestId(): string {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
