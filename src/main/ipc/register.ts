import { ipcMain } from 'electron'
import { CHANNELS } from '@shared/ipc/contract'
import { isTrustedSender } from '../security/policy'
import type { Dispatch } from './dispatcher'

/** One loop registers every channel of the contract; the sender frame is checked before dispatch. */
export function registerIpc(dispatch: Dispatch, devServerUrl?: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown, background: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url, devServerUrl)) {
        return { ok: false, code: 'UNTRUSTED_SENDER', message: '拒绝来自非本程序页面的请求' }
      }
      return dispatch(channel, payload, background === true)
    })
  }
}
