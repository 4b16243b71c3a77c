import { DomainError } from '@shared/errors'
import type { ApiOf, ContractShape, Envelope } from './kit'

/** How a call reaches main; `background` marks a timer's poll, which does not count as the user being active. */
export type Invoke = (channel: string, payload: unknown, background: boolean) => Promise<Envelope<unknown>>

type Methods<R> = Record<string, Record<string, (input?: unknown) => Promise<R>>>

/** The preload's surface: one method per channel that resolves to the envelope exactly as main sent it. */
export type EnvelopeApi = Methods<Envelope<unknown>>

/** What the preload puts on `window`: user calls and background polls, both plain envelope methods. */
export interface ExposedApi {
  calls: EnvelopeApi
  background: EnvelopeApi
}

/**
 * Builds `api.serviceLog.create(...)`-shaped methods from the channel list. The
 * methods never throw and return only plain data: Electron's contextBridge
 * copies values between worlds and drops every property of a thrown Error but
 * its message, so the error code must cross as data (the envelope).
 */
export function buildEnvelopeApi(channels: readonly string[], invoke: Invoke, background = false): EnvelopeApi {
  const api: EnvelopeApi = {}
  for (const name of channels) {
    const slash = name.indexOf('/')
    const area = name.slice(0, slash)
    api[area] ??= {}
    api[area][name.slice(slash + 1)] = (input?: unknown) => invoke(name, input, background)
  }
  return api
}

export function exposedApi(channels: readonly string[], invoke: Invoke): ExposedApi {
  return { calls: buildEnvelopeApi(channels, invoke), background: buildEnvelopeApi(channels, invoke, true) }
}

/**
 * A plain copy of a call's input. Electron's contextBridge structured-clones any
 * Proxy it meets and refuses it ("An object could not be cloned"), so the
 * reactive objects Vue forms hold must cross as plain objects and arrays.
 */
export function plainData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainData)
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainData(v)]))
}

/**
 * The renderer's side: every envelope becomes the value, or a thrown DomainError
 * with the code main gave it (ACCOUNT_LOCKED, SESSION_LOCKED …). `onFailure`
 * sees every failed envelope first (the session store listens for SESSION_LOCKED).
 */
export function unwrapApi<C extends ContractShape>(
  raw: EnvelopeApi,
  onFailure: (code: string) => void = () => {},
): ApiOf<C> {
  const api: Methods<unknown> = {}
  for (const [area, methods] of Object.entries(raw)) {
    api[area] = {}
    for (const [verb, call] of Object.entries(methods)) {
      api[area][verb] = async (input?: unknown) => {
        const envelope = await call(plainData(input))
        if (envelope.ok) return envelope.data
        onFailure(envelope.code)
        throw new DomainError(envelope.code, envelope.message)
      }
    }
  }
  return api as unknown as ApiOf<C>
}

/** Envelope methods straight over a dispatcher, unwrapped: the renderer's API for tests in plain Node. */
export function buildApi<C extends ContractShape>(channels: readonly string[], invoke: Invoke): ApiOf<C> {
  return unwrapApi<C>(buildEnvelopeApi(channels, invoke))
}
