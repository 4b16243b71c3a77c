import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, protocol, safeStorage } from 'electron'
import { isDomainError } from '@shared/errors'
import { type Db, openDatabase } from './db/connection'
import { type DataDirLock, lockDataDir } from './db/data-dir-lock'
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
let mainWindow: BrowserWindow | null = null

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
  win.on('closed', () => (mainWindow = null))
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  mainWindow = win
}

/** A second launch on this PC brings the running window forward instead of opening the data twice. */
function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

/** The data folder's OS lock, then the database; a refusal is shown plainly and nothing is written. */
function openData(dataDir: string): { db: Db; lock: DataDirLock } | null {
  let lock: DataDirLock | undefined
  try {
    mkdirSync(dataDir, { recursive: true })
    lock = lockDataDir(dataDir)
    return { db: openDatabase(join(dataDir, 'duty-console.sqlite3'), { strictChecksums: !app.isPackaged }), lock }
  } catch (e) {
    lock?.release()
    const inUse = isDomainError(e) && e.code === 'DATA_DIR_IN_USE'
    dialog.showErrorBox(inUse ? '驻场值守台已在运行' : '无法打开数据文件', isDomainError(e) ? e.message : String(e))
    app.exit(1)
    return null
  }
}

function boot(): void {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
  const opened = openData(dataDir)
  if (!opened) return
  const { db, lock } = opened
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
    lock.release()
    app.quit()
  })
}

// One instance per user: the first holds Electron's single-instance lock, a second one only
// focuses it and quits (the data-folder lock also covers copies run from elsewhere).
if (app.requestSingleInstanceLock()) {
  applyProcessSwitches()
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }])
  app.on('second-instance', focusMainWindow)
  void app.whenReady().then(boot)
} else {
  app.quit()
}
