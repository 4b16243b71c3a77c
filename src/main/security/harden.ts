import { app, type BrowserWindow, session } from 'electron'
import { CONTENT_SECURITY_POLICY, isAllowedPermission, isAllowedRequest, NO_NETWORK_SWITCHES } from './policy'

/** Must run before app.whenReady(). */
export function applyProcessSwitches(): void {
  for (const [name, value] of NO_NETWORK_SWITCHES) app.commandLine.appendSwitch(name, value)
  app.enableSandbox()
}

/** Session-wide guards: no network request, no permission but local notifications, strict CSP on every response. */
export function hardenSession(devServerUrl?: string, allowDevtools = false): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(isAllowedPermission(permission)))
  ses.setPermissionCheckHandler((_wc, permission) => isAllowedPermission(permission))
  ses.setSpellCheckerEnabled(false)
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl, allowDevtools) }),
  )
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  )
}

/** No navigation away from the app, no new windows, no <webview>. */
export function hardenWindow(win: BrowserWindow): void {
  const wc = win.webContents
  wc.setWindowOpenHandler(() => ({ action: 'deny' }))
  wc.on('will-navigate', (event) => event.preventDefault())
  wc.on('will-redirect', (event) => event.preventDefault())
  wc.on('will-attach-webview', (event) => event.preventDefault())
}
