// Runs in the page served by the test bridge: the same contract and the same
// envelope methods as the preload, over loopback HTTP instead of Electron IPC,
// and handed to the page through Electron's context-bridge copying rules.
import { exposedApi } from '../../src/shared/ipc/api'
import { CHANNELS } from '../../src/shared/ipc/contract'
import type { Envelope } from '../../src/shared/ipc/kit'
import { exposeAcrossWorlds } from './context-bridge'

const invoke = async (channel: string, payload: unknown, background: boolean): Promise<Envelope<unknown>> => {
  const res = await fetch('/__bridge/invoke', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      channel,
      payload: payload === undefined ? null : payload,
      hasPayload: payload !== undefined,
      background,
    }),
  })
  return (await res.json()) as Envelope<unknown>
}

;(globalThis as unknown as { api: unknown }).api = exposeAcrossWorlds(exposedApi(CHANNELS, invoke))
