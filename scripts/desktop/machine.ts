// What `npm start` and `npm run dist` find on this machine (the impure half of plan.ts).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { executableName, type Machine } from './plan'

const require = createRequire(__filename)
export const electronDir = dirname(require.resolve('electron/package.json'))

export const machine: Machine = {
  electronVersion: (require('electron/package.json') as { version: string }).version,
  platform: process.env.npm_config_platform ?? process.platform,
  arch: process.env.npm_config_arch ?? process.arch,
  env: process.env,
  home: homedir(),
}

const exe = executableName(machine.platform)

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    return null
  }
}

/** The runtime as the electron package finds it (its index.js: path.txt, dist/, or the override), or null. */
export function runtimeExecutable(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    if (!existsSync(join(override, exe))) return null
    // Electron's index.js joins the override with path.txt; write it as Electron's installer would.
    if (read(join(electronDir, 'path.txt')) !== exe) writeFileSync(join(electronDir, 'path.txt'), exe)
    return join(override, exe)
  }
  const installed =
    read(join(electronDir, 'path.txt')) === exe &&
    read(join(electronDir, 'dist', 'version'))?.replace(/^v/, '') === machine.electronVersion
  const file = join(electronDir, 'dist', exe)
  return installed && existsSync(file) ? file : null
}

/** The folder holding the unpacked runtime (what electron-builder calls electronDist). */
export function runtimeFolder(): string | null {
  return runtimeExecutable() ? (process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist')) : null
}

/** Electron's own installer: honours ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR and the download cache. Returns its first error line. */
export function runElectronInstaller(): string | null {
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8' })
  return (
    `${r.stderr ?? ''}`
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? null
  )
}

/** Does better-sqlite3, as built now, load inside this Electron? */
export function sqliteLoadsIn(executable: string): boolean {
  const r = spawnSync(executable, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
  })
  return r.status === 0
}
