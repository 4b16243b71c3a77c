import { createHash } from 'node:crypto'
import { posix, win32 } from 'node:path'

/**
 * What `npm start` decides, as pure functions of what it found on the machine,
 * so every branch (runtime missing, offline, native module built for the wrong
 * ABI) is tested without Electron and without a network.
 */

export interface Machine {
  electronVersion: string
  platform: string
  arch: string
  env: Record<string, string | undefined>
  home: string
}

export interface Findings {
  /** Electron's binary is where the electron package (or ELECTRON_OVERRIDE_DIST_PATH) points */
  runtime: boolean
  /** Electron's own installer has been run in this start */
  installTried: boolean
  /** better-sqlite3 loads inside Electron (null: not checked yet, needs the runtime) */
  sqliteLoadsInElectron: boolean | null
  /** a rebuild of better-sqlite3 for Electron has been tried in this start */
  rebuildTried: boolean
}

export type Step =
  | { kind: 'install-runtime' }
  | { kind: 'check-sqlite' }
  | { kind: 'rebuild-sqlite' }
  | { kind: 'launch' }
  | { kind: 'stop'; exitCode: number; message: string }

export const EXIT_RUNTIME_MISSING = 2
export const EXIT_OVERRIDE_WRONG = 3
export const EXIT_SQLITE_REBUILD = 4

const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/'

/** The executable inside an unpacked Electron zip (Electron's install.js, getPlatformPath). */
export function executableName(platform: string): string {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

export function zipName(m: Machine): string {
  return `electron-v${m.electronVersion}-${m.platform}-${m.arch}.zip`
}

const pathFor = (platform: string) => (platform === 'win32' ? win32 : posix)

/** The folder @electron/get keeps downloads in (env-paths('electron').cache, or electron_config_cache). */
export function cacheRoot(m: Machine): string {
  const p = pathFor(m.platform)
  if (m.env.electron_config_cache) return m.env.electron_config_cache
  if (m.platform === 'win32')
    return p.join(m.env.LOCALAPPDATA ?? p.join(m.home, 'AppData', 'Local'), 'electron', 'Cache')
  if (m.platform === 'darwin') return p.join(m.home, 'Library', 'Caches', 'electron')
  return p.join(m.env.XDG_CACHE_HOME ?? p.join(m.home, '.cache'), 'electron')
}

const envVar = (m: Machine, name: string) =>
  m.env[`NPM_CONFIG_ELECTRON_${name.toUpperCase()}`] ??
  m.env[`npm_config_electron_${name.toLowerCase()}`] ??
  m.env[`ELECTRON_${name.toUpperCase()}`]

/**
 * Where Electron's installer looks for the zip before it downloads anything:
 * <cache root>/<sha256 of the download folder's URL>/<zip> (@electron/get's Cache).
 */
export function cachedZipPath(m: Machine): string {
  const mirror = envVar(m, 'mirror') ?? DEFAULT_MIRROR
  const dir = (envVar(m, 'custom_dir') ?? `v${m.electronVersion}`).replace('{{ version }}', m.electronVersion)
  const folderUrl = `${mirror.endsWith('/') ? mirror : mirror + '/'}${dir}`
  const hash = createHash('sha256').update(folderUrl).digest('hex')
  return pathFor(m.platform).join(cacheRoot(m), hash, zipName(m))
}

export function runtimeMissingMessage(m: Machine): string {
  const zip = zipName(m)
  const cached = cachedZipPath(m)
  const win = m.platform === 'win32'
  const unpacked = win ? `C:\\electron-v${m.electronVersion}` : `/opt/electron-v${m.electronVersion}`
  const setVar = win ? `set ELECTRON_OVERRIDE_DIST_PATH=${unpacked}` : `export ELECTRON_OVERRIDE_DIST_PATH=${unpacked}`
  return [
    `无法启动：没有找到 Electron 运行时（版本 ${m.electronVersion}，${m.platform}-${m.arch}），本机也无法下载。`,
    `请从能上网的电脑取得文件 ${zip}（Electron 官方发布页或内网镜像），然后任选一种方式：`,
    `  1. 放进 Electron 的下载缓存，再运行 npm start：`,
    `     ${cached}`,
    `  2. 解压到一个文件夹（例如 ${unpacked}），设置环境变量后再运行 npm start：`,
    `     ${setVar}`,
    `有内网镜像时也可设置 ELECTRON_MIRROR 指向它。`,
    '',
    `Cannot start: Electron's runtime (version ${m.electronVersion}, ${m.platform}-${m.arch}) is not installed and could not be downloaded.`,
    `Get ${zip} on a machine with access (Electron's releases page or a local mirror), then either:`,
    `  1. put it in Electron's download cache and run npm start again:`,
    `     ${cached}`,
    `  2. unpack it into a folder (e.g. ${unpacked}), then set the variable and run npm start again:`,
    `     ${setVar}`,
    `With a local mirror, ELECTRON_MIRROR pointing at it also works.`,
  ].join('\n')
}

export function overrideWrongMessage(m: Machine, override: string): string {
  const exe = pathFor(m.platform).join(override, executableName(m.platform))
  return [
    `无法启动：ELECTRON_OVERRIDE_DIST_PATH 指向的文件夹里没有 Electron 程序：${exe}`,
    `请把 ${zipName(m)} 解压到该文件夹（解压后应能看到上面这个文件），或改正这个环境变量。`,
    '',
    `Cannot start: ELECTRON_OVERRIDE_DIST_PATH points at a folder without Electron's executable: ${exe}`,
    `Unpack ${zipName(m)} there (the file above must exist), or correct the variable.`,
  ].join('\n')
}

export function sqliteRebuildMessage(m: Machine): string {
  return [
    `无法启动：数据库组件 better-sqlite3 需要按 Electron ${m.electronVersion} 重新编译，但编译没有成功（见上方输出）。`,
    `离线电脑上编译需要 Electron ${m.electronVersion} 的头文件：把 node-v*-headers 解压到一个文件夹，设置 npm_config_nodedir 指向它，`,
    `然后运行 npx electron-builder install-app-deps，再运行 npm start。`,
    '',
    `Cannot start: better-sqlite3 must be rebuilt for Electron ${m.electronVersion} and the rebuild failed (see the output above).`,
    `Offline, the rebuild needs Electron ${m.electronVersion}'s headers: unpack them, point npm_config_nodedir at them,`,
    `run npx electron-builder install-app-deps, then npm start again.`,
  ].join('\n')
}

/** The next thing `npm start` does, from what it has found so far. */
export function nextStep(m: Machine, f: Findings): Step {
  const override = m.env.ELECTRON_OVERRIDE_DIST_PATH
  if (!f.runtime) {
    // A runtime the user pointed at but that is not there: say so rather than downloading.
    if (override) return { kind: 'stop', exitCode: EXIT_OVERRIDE_WRONG, message: overrideWrongMessage(m, override) }
    if (!f.installTried) return { kind: 'install-runtime' }
    return { kind: 'stop', exitCode: EXIT_RUNTIME_MISSING, message: runtimeMissingMessage(m) }
  }
  if (f.sqliteLoadsInElectron === null) return { kind: 'check-sqlite' }
  if (!f.sqliteLoadsInElectron) {
    if (!f.rebuildTried) return { kind: 'rebuild-sqlite' }
    return { kind: 'stop', exitCode: EXIT_SQLITE_REBUILD, message: sqliteRebuildMessage(m) }
  }
  return { kind: 'launch' }
}
