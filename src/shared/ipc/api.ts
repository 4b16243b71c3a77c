import { DomainError } from '../errors'
import type { Envelope } from './kit'

export type Invoke = (channel: string, payload: unknown) => Promise<Envelope<unknown>>

/**
 * Builds the domain-shaped API (`api.serviceLog.create(...)`) from the list of
 * channel names. Used by the preload (over Electron IPC) and by the browser test
 * bridge (over loopback HTTP) so both expose exactly the same surface.
 */
export function buildApi(
  channels: readonly string[],
  invoke: Invoke,
): Record<string, Record<string, (input?: unknown) => Promise<unknown>>> {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const name of channels) {
    const slash = name.indexOf('/')
    const area = name.slice(0, slash)
    const verb = name.slice(slash + 1)
    api[area] ??= {}
    api[area][verb] = async (input?: unknown) => {
      const envelope = await invoke(name, input)
      if (envelope.ok) return envelope.data
      throw new DomainError(envelope.code, envelope.message)
    }
  }
  return api
}
