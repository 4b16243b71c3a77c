// Runs in the page served by the test bridge: the same contract and the same
// domain-shaped API as the preload, over loopback HTTP instead of Electron IPC.
import { buildApi } from '../../src/shared/ipc/api'
import { CHANNELS } from '../../src/shared/ipc/contract'
import type { Envelope } from '../../src/shared/ipc/kit'

const invoke = async (channel: string, payload: unknown): Promise<Envelope<unknown>> => {
  const res = await fetch('/__bridge/invoke', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      channel,
      payload: payload === undefined ? null : payload,
      hasPayload: payload !== undefined,
    }),
  })
  return (await res.json()) as Envelope<unknown>
}

;(globalThis as unknown as { api: unknown }).api = buildApi(CHANNELS, invoke)
