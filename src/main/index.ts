import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, protocol, safeStorage } from 'electron'
import { isDomainError } from '../shared/errors'
import { openDatabase } from './db/connection'
import { createDispatcher } from './ipc/dispatcher'
import { registerIpc } from './ipc/register'
import { applyProcessSwitches, hardenSession, hardenWindow } from './security/harden'
import {
  APP_ORIGIN,
  APP_SCHEME,
  mimeType,
  resolveBundlePath,
  resolveDataDir,
  secureWebPreferences,
} from './security/policy'
import { fileSealKey, osProtectedSealKey, sealKeyPathFor } from './security/seal-key'
import { buildServices } from './services'
import { systemClock } from './services/clock'

// The site is in mainland China; pin the renderer's clock display to it whatever the OS says.
process.env.TZ ??= 'Asia/Shanghai'

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const bundleDir = join(__dirname, '../renderer')

applyProcessSwitches()
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }])

function serveBundle(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveBundlePath(request.url, bundleDir)
    if (!file) return new Response('Not found', { status: 404 })
    try {
      return new Response(await readFile(file), { headers: { 'Content-Type': mimeType(file) } })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '驻场值守台',
    show: false,
    autoHideMenuBar: true,
    webPreferences: { ...secureWebPreferences(join(__dirname, '../preload/index.js')), devTools: !app.isPackaged },
  })
  hardenWindow(win)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
}

app.whenReady().then(() => {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
  mkdirSync(dataDir, { recursive: true })
  let db
  try {
    db = openDatabase(join(dataDir, 'duty-console.sqlite3'), { strictChecksums: !app.isPackaged })
  } catch (e) {
    dialog.showErrorBox('无法打开数据文件', isDomainError(e) ? e.message : String(e))
    app.exit(1)
    return
  }
  // The audit head's seal key, encrypted by the operating system for this user (a key file beside the data folder where the OS offers no keyring).
  const sealKey = safeStorage.isEncryptionAvailable()
    ? osProtectedSealKey(join(dataDir, 'audit-seal.key'), safeStorage)
    : fileSealKey(sealKeyPathFor(dataDir))
  const services = buildServices(db, systemClock, sealKey)
  services.integrity.prepare()
  void services.integrity.checkInBackground()
  hardenSession(devServerUrl, !app.isPackaged)
  serveBundle()
  registerIpc(createDispatcher(services), devServerUrl)
  createWindow()
  app.on('window-all-closed', () => {
    db.close()
    app.quit()
  })
})
