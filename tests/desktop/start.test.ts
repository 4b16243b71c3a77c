import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  cachedZipPath,
  EXIT_OVERRIDE_WRONG,
  EXIT_RUNTIME_MISSING,
  EXIT_SQLITE_REBUILD,
  type Findings,
  type Machine,
  nextStep,
  zipName,
} from '../../scripts/desktop/plan'
import { machine, runtimeExecutable } from '../../scripts/desktop/machine'
import { tempDir } from '../support/world'

const linux: Machine = { electronVersion: '41.7.1', platform: 'linux', arch: 'arm64', env: {}, home: '/home/op' }
const windows: Machine = {
  electronVersion: '41.7.1',
  platform: 'win32',
  arch: 'x64',
  env: { LOCALAPPDATA: 'C:\\Users\\op\\AppData\\Local' },
  home: 'C:\\Users\\op',
}
const fresh: Findings = { runtime: false, installTried: false, sqliteLoadsInElectron: null, rebuildTried: false }

describe('what npm start does next', () => {
  it("runs Electron's own installer first when the runtime is missing", () => {
    expect(nextStep(linux, fresh)).toEqual({ kind: 'install-runtime' })
  })

  it('stops with the exact zip, the cache folder and the override variable when the installer could not help', () => {
    const step = nextStep(linux, { ...fresh, installTried: true })
    expect(step).toMatchObject({ kind: 'stop', exitCode: EXIT_RUNTIME_MISSING })
    const message = step.kind === 'stop' ? step.message : ''
    expect(message).toContain('electron-v41.7.1-linux-arm64.zip')
    expect(message).toContain(cachedZipPath(linux))
    expect(message).toContain('export ELECTRON_OVERRIDE_DIST_PATH=')
    expect(message).toContain('没有找到 Electron 运行时')
    expect(message).toContain("Electron's runtime")
  })

  it('speaks Windows to a Windows user (set, not export; the LOCALAPPDATA cache)', () => {
    const step = nextStep(windows, { ...fresh, installTried: true })
    const message = step.kind === 'stop' ? step.message : ''
    expect(message).toContain('electron-v41.7.1-win32-x64.zip')
    expect(message).toContain('set ELECTRON_OVERRIDE_DIST_PATH=C:\\electron-v41.7.1')
    expect(message).toContain('C:\\Users\\op\\AppData\\Local\\electron\\Cache\\')
  })

  it('does not download when ELECTRON_OVERRIDE_DIST_PATH points at an empty folder: it says which file is missing', () => {
    const m = { ...linux, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' } }
    expect(nextStep(m, fresh)).toMatchObject({ kind: 'stop', exitCode: EXIT_OVERRIDE_WRONG })
    expect(JSON.stringify(nextStep(m, fresh))).toContain('/opt/e/electron')
  })

  it('checks better-sqlite3 inside Electron, rebuilds it once, and stops with what to do if that fails', () => {
    const ready = { ...fresh, runtime: true }
    expect(nextStep(linux, ready)).toEqual({ kind: 'check-sqlite' })
    expect(nextStep(linux, { ...ready, sqliteLoadsInElectron: false })).toEqual({ kind: 'rebuild-sqlite' })
    const failed = nextStep(linux, { ...ready, sqliteLoadsInElectron: false, rebuildTried: true })
    expect(failed).toMatchObject({ kind: 'stop', exitCode: EXIT_SQLITE_REBUILD })
    expect(JSON.stringify(failed)).toContain('npm_config_nodedir')
    expect(nextStep(linux, { ...ready, sqliteLoadsInElectron: true })).toEqual({ kind: 'launch' })
  })

  it("names the cache folder exactly where Electron's downloader looks (@electron/get)", () => {
    const get = createRequire(require.resolve('electron/package.json'))('@electron/get/dist/cjs/Cache') as {
      Cache: { getCacheDirectory(url: string): string }
    }
    const m = { ...linux, env: { electron_config_cache: '/var/cache/e' } }
    const url = `https://github.com/electron/electron/releases/download/v41.7.1/${zipName(m)}`
    expect(cachedZipPath(m)).toBe(`/var/cache/e/${get.Cache.getCacheDirectory(url)}/${zipName(m)}`)
    const mirrored = { ...m, env: { ...m.env, ELECTRON_MIRROR: 'https://mirror.intra/electron/' } }
    expect(cachedZipPath(mirrored)).toBe(
      `/var/cache/e/${get.Cache.getCacheDirectory(`https://mirror.intra/electron/v41.7.1/${zipName(m)}`)}/${zipName(m)}`,
    )
  })
})

describe('npm start on this machine', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '', ...env },
      timeout: 60_000,
    })

  it.skipIf(runtimeExecutable() !== null)(
    'without a runtime and without a download, says in Chinese and English what to do and exits non-zero, no stack trace',
    () => {
      // An empty cache and a mirror that answers nothing: the same outcome on any machine, online or not.
      const cache = tempDir()
      try {
        const r = run({ electron_config_cache: cache, ELECTRON_MIRROR: 'http://127.0.0.1:9/' })
        expect(r.status).toBe(EXIT_RUNTIME_MISSING)
        expect(r.stderr).toContain(zipName(machine))
        expect(r.stderr).toContain(cache)
        expect(r.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH')
        expect(r.stderr).toContain('没有找到 Electron 运行时')
        expect(r.stderr).toContain('Cannot start')
        expect(r.stdout + r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
      } finally {
        rmSync(cache, { recursive: true, force: true })
      }
    },
  )

  it('with ELECTRON_OVERRIDE_DIST_PATH at an empty folder, names the missing executable and exits non-zero', () => {
    const empty = tempDir()
    try {
      const r = run({ ELECTRON_OVERRIDE_DIST_PATH: empty })
      expect(r.status).toBe(EXIT_OVERRIDE_WRONG)
      expect(r.stderr).toContain(empty)
      expect(r.stdout + r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })
})
