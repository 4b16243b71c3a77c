import { contextBridge, ipcRenderer } from 'electron'
import { exposedApi } from '@shared/ipc/api'
import { CHANNELS } from '@shared/ipc/contract'
import type { Envelope } from '@shared/ipc/kit'

// Only the contract's channels are reachable, each as a domain method (api.calls.serviceLog.create …).
// Every method resolves to the {ok, data} | {ok, code, message} envelope unchanged: contextBridge
// would strip the code from a thrown Error, so the renderer turns failures into DomainErrors itself.
const api = exposedApi(
  CHANNELS,
  (channel, payload, background) => ipcRenderer.invoke(channel, payload, background) as Promise<Envelope<unknown>>,
)

contextBridge.exposeInMainWorld('api', api)
