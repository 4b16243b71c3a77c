import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from '../shared/ipc/api'
import { CHANNELS } from '../shared/ipc/contract'
import type { Envelope } from '../shared/ipc/kit'

// Only the contract's channels are reachable, each as a domain method (api.serviceLog.create …).
const api = buildApi(CHANNELS, (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<Envelope<unknown>>)

contextBridge.exposeInMainWorld('api', api)
