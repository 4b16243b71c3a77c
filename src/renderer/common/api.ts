import type { Api } from '../../shared/ipc/contract'

/** The contract as the renderer sees it: provided by the preload (or the browser test bridge). */
export const api: Api = window.api

/** The Chinese message of a failed call, for a toast or an inline error. */
export function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string') return e.message
  return '操作失败'
}

export function errorCode(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined
}
