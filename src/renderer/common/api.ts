import { unwrapApi } from '@shared/ipc/api'
import type { Contract } from '@shared/ipc/contract'

/** Fired on `window` when main refuses a call because the session is idle-locked. */
export const SESSION_LOCKED_EVENT = 'duty-console:session-locked'

const onFailure = (code: string) => {
  if (code === 'SESSION_LOCKED') window.dispatchEvent(new Event(SESSION_LOCKED_EVENT))
}

/**
 * The contract as the renderer sees it. The preload (or the browser test bridge)
 * hands over envelopes; failures become DomainErrors here, on this side of the
 * context bridge, so their codes survive.
 */
export const api = unwrapApi<Contract>(window.api.calls, onFailure)

/** The same methods for timers' polls: they do not count as the user being at the desk. */
export const backgroundApi = unwrapApi<Contract>(window.api.background, onFailure)

/** The Chinese message of a failed call, for a toast or an inline error. */
export function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string') return e.message
  return '操作失败'
}

export function errorCode(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined
}
