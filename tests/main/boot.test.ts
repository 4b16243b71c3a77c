import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { build } from 'esbuild'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { lockDataDir } from '../../src/main/db/data-dir-lock'
import { CHANNELS } from '../../src/shared/ipc/contract'
import { tempDir } from '../support/world'
import { type FakeElectron, fakeElectron } from './fake-electron'

/**
 * The real main entry (src/main/index.ts, bundled as the app bundles it, with
 * packages left to node_modules) booted in Node against a fake `electron`:
 * catches wiring mistakes that only the desktop app would otherwise show.
 */
const nodeRequire = createRequire(import.meta.url)
// Inside the repository so the bundle finds node_modules (better-sqlite3, zod …).
const ROOT = resolve('node_modules/.cache/duty-console-boot')
const ENTRY = join(ROOT, 'main/index.js')
const SECRET = 'outside the bundle'

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true })
  await build({
    entryPoints: ['src/main/index.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: ENTRY,
    packages: 'external',
    logLevel: 'silent',
  })
  mkdirSync(join(ROOT, 'renderer'), { recursive: true })
  writeFileSync(join(ROOT, 'renderer/index.html'), '<!doctype html><title>驻场值守台</title>')
  writeFileSync(join(ROOT, 'secret.txt'), SECRET)
}, 60_000)

const dirs: string[] = []
const running: FakeElectron[] = []
afterEach(() => {
  // Closing the last window closes the database and releases the folder lock.
  for (const fake of running.splice(0)) fake.electron.app.emit('window-all-closed')
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** Loads the main entry as Electron would, with `argv` on the command line, and lets the app get ready. */
async function launch(opts: { argv?: string[]; primary?: boolean } = {}) {
  const userData = tempDir()
  dirs.push(userData)
  const fake = fakeElectron({ userData: join(userData, 'userData'), primary: opts.primary })
  const Module = nodeRequire('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown }
  const load = Module._load
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : load.call(this, request, ...rest)
  }
  const argv = process.argv
  process.argv = [process.execPath, ENTRY, ...(opts.argv ?? [])]
  try {
    delete nodeRequire.cache[ENTRY]
    nodeRequire(ENTRY)
    await fake.ready()
  } finally {
    Module._load = load
    process.argv = argv
  }
  if (fake.record.windows.length) running.push(fake)
  return fake
}

const dataDir = () => {
  const d = tempDir()
  dirs.push(d)
  return d
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const APP_PAGE = 'app://bundle/index.html'

describe('the main process boots', () => {
  it('opens one window with the secure webPreferences on app://bundle/', async () => {
    const fake = await launch({ argv: [`--data-dir=${dataDir()}`] })
    const [win, ...more] = fake.record.windows
    expect(more).toHaveLength(0)
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    })
    expect(String(win!.options.webPreferences!.preload)).toBe(join(ROOT, 'preload/index.js'))
    expect(win!.url).toBe(APP_PAGE)
    expect(fake.record.sandbox).toBe(true)
    expect(fake.record.switches).toContainEqual(['host-resolver-rules', 'MAP * ~NOTFOUND'])
    expect(fake.record.privilegedSchemes.map((s) => s.scheme)).toEqual(['app'])
    expect(win!.webContents.openHandler?.()).toEqual({ action: 'deny' })
    let cancelled: boolean | undefined
    fake.record.beforeRequest!({ url: 'https://example.com/' }, (r) => (cancelled = r.cancel))
    expect(cancelled).toBe(true)
    expect(fake.record.spellChecker).toBe(false)
  })

  it('serves the bundle over app:// and refuses every way out of it', async () => {
    const fake = await launch({ argv: [`--data-dir=${dataDir()}`] })
    const serve = fake.record.protocolHandlers.get('app')!
    const page = await serve({ url: APP_PAGE })
    expect(page.status).toBe(200)
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('驻场值守台')
    for (const url of [
      'app://bundle/../secret.txt',
      'app://bundle/%2e%2e/secret.txt',
      'app://bundle/..%2fsecret.txt',
      'app://bundle/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://other/index.html',
    ]) {
      const res = await serve({ url })
      expect(res.status, url).toBe(404)
      expect(await res.text(), url).not.toContain(SECRET)
    }
  })

  it('registers every channel of the contract and refuses IPC from a foreign frame', async () => {
    const fake = await launch({ argv: [`--data-dir=${dataDir()}`] })
    expect([...fake.record.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort())
    expect(await fake.invoke('auth/status', 'https://evil.example/')).toMatchObject({
      ok: false,
      code: 'UNTRUSTED_SENDER',
    })
    expect(await fake.invoke('auth/status', 'file:///tmp/x.html')).toMatchObject({ code: 'UNTRUSTED_SENDER' })
    expect(await fake.invoke('auth/status', APP_PAGE)).toMatchObject({ ok: true, data: { setupDone: false } })
  })

  it('keeps its data where --data-dir says', async () => {
    const dir = dataDir()
    const fake = await launch({ argv: ['--data-dir', dir] })
    expect(existsSync(join(dir, 'duty-console.sqlite3'))).toBe(true)
    expect(existsSync(join(fake.electron.app.getPath('userData'), 'duty-console.sqlite3'))).toBe(false)
  })
})

describe('the main process refuses what it must', () => {
  it('shows an error and exits, leaving a database from a newer version byte for byte', async () => {
    const dir = dataDir()
    const file = join(dir, 'duty-console.sqlite3')
    openDatabase(file).close()
    const raw = new Database(file)
    raw.pragma('user_version = 999')
    raw.pragma('journal_mode = DELETE')
    raw.close()
    const before = sha(file)
    const fake = await launch({ argv: [`--data-dir=${dir}`] })
    expect(fake.record.errorBoxes).toEqual([{ title: '无法打开数据文件', content: expect.stringMatching(/更新/) }])
    expect(fake.record.exitCode).toBe(1)
    expect(fake.record.windows).toHaveLength(0)
    expect(fake.record.ipcHandlers.size).toBe(0)
    expect(sha(file)).toBe(before)
    // the folder lock was given back on the way out
    lockDataDir(dir).release()
  })

  it('a second instance takes nothing, quits, and the first one comes to the front', async () => {
    const dir = dataDir()
    const first = await launch({ argv: [`--data-dir=${dir}`] })
    expect(first.record.singleInstanceRequested).toBe(1)
    const second = await launch({ argv: [`--data-dir=${dir}`], primary: false })
    expect(second.record.quit).toBe(1)
    expect(second.record.windows).toHaveLength(0)
    expect(second.record.switches).toHaveLength(0)
    expect(second.record.ipcHandlers.size).toBe(0)
    expect(second.record.errorBoxes).toHaveLength(0)

    const win = first.record.windows[0]!
    win.minimized = true
    first.electron.app.emit('second-instance', {}, [process.execPath, '.'], process.cwd())
    expect(win.restored).toBe(1)
    expect(win.focused).toBe(1)
  })

  it('a copy started on a data folder another copy holds says so in Chinese and exits', async () => {
    const dir = dataDir()
    const other = lockDataDir(dir)
    try {
      const fake = await launch({ argv: [`--data-dir=${dir}`] })
      expect(fake.record.errorBoxes).toEqual([
        { title: '驻场值守台已在运行', content: expect.stringMatching(/正在被另一个驻场值守台程序使用/) },
      ])
      expect(fake.record.exitCode).toBe(1)
      expect(existsSync(join(dir, 'duty-console.sqlite3'))).toBe(false)
    } finally {
      other.release()
    }
  })
})
