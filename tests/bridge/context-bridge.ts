/**
 * What Electron's contextBridge does to values that cross from the preload's
 * isolated world into the page (shell/renderer/api/electron_api_context_bridge.cc,
 * docs/api/context-bridge.md), applied by the browser test bridge so the page
 * meets the same constraints as in the desktop app:
 * - primitives pass unchanged; arrays are copied element by element;
 * - plain objects are copied key by key, their prototype dropped;
 * - an Error (returned, thrown or rejected) becomes a new Error with its message
 *   only: `code`, `name` and every other property are lost;
 * - promises are proxied: what they settle with is copied by the same rules;
 * - functions on the exposed API are proxied (callable); a function inside a
 *   call's arguments cannot reach main (ipcRenderer.invoke structured-clones
 *   them and refuses), nor can one inside an answer, which came from main;
 * - other values (Date, Map, typed arrays …) go through the structured clone.
 */

const CLONE_REFUSED = 'An object could not be cloned.'

function errorCopy(e: unknown): Error {
  const message =
    typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string'
      ? (e as { message: string }).message
      : 'An unknown exception occurred in the isolated context, an error occurred but a valid exception was not thrown.'
  return new Error(message)
}

function isPlainObject(v: object): boolean {
  return !(
    v instanceof Date ||
    v instanceof RegExp ||
    v instanceof Map ||
    v instanceof Set ||
    ArrayBuffer.isView(v) ||
    v instanceof ArrayBuffer ||
    v instanceof Promise
  )
}

/** A value copied from the isolated world into the page. */
export function copyAcrossWorlds(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') throw new Error(CLONE_REFUSED)
    if (typeof value === 'symbol') return undefined
    return value
  }
  if (value instanceof Error) return errorCopy(value)
  if (value instanceof Promise) return value.then(copyAcrossWorlds, (e: unknown) => Promise.reject(errorCopy(e)))
  if (Array.isArray(value)) return value.map(copyAcrossWorlds)
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = copyAcrossWorlds(v)
    return out
  }
  return structuredClone(value)
}

/** Arguments as ipcRenderer.invoke sends them: structured clone, so functions (and symbols) are refused. */
export function cloneForIpc(args: unknown[]): unknown[] {
  try {
    return structuredClone(args)
  } catch {
    throw new Error(CLONE_REFUSED)
  }
}

/**
 * `contextBridge.exposeInMainWorld(key, api)` for a tree of objects and methods:
 * every method copies its arguments in and its result (or failure) out.
 */
export function exposeAcrossWorlds<T extends object>(api: T): T {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(api)) {
    if (typeof value === 'function') {
      out[key] = (...args: unknown[]) => {
        let result: unknown
        try {
          result = (value as (...a: unknown[]) => unknown)(...cloneForIpc(args))
        } catch (e) {
          throw errorCopy(e)
        }
        return copyAcrossWorlds(result)
      }
    } else if (value !== null && typeof value === 'object') {
      out[key] = exposeAcrossWorlds(value)
    } else {
      out[key] = copyAcrossWorlds(value)
    }
  }
  return Object.freeze(out) as T
}
