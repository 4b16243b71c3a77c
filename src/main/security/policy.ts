import { normalize, resolve, sep } from 'node:path'

/**
 * The app's security configuration as pure functions, so it is unit-tested
 * without the Electron runtime. index.ts only wires these into Electron.
 */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://bundle`

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Naive UI injects its styles at run time (css-render).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ')

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  } as const
}

/** Chromium switches: nothing resolves, nothing phones home. */
export const NO_NETWORK_SWITCHES: readonly (readonly [string, string?])[] = [
  ['host-resolver-rules', 'MAP * ~NOTFOUND'],
  ['disable-background-networking'],
  ['disable-component-update'],
  ['disable-domain-reliability'],
  ['disable-breakpad'],
  ['no-pings'],
  ['disable-features', 'SpareRendererForSitePerProcess,AutofillServerCommunication,MediaRouter,OptimizationHints'],
]

/** Local desktop notifications for SLA deadlines; every other permission (camera, geolocation …) is refused. */
export function isAllowedPermission(permission: string): boolean {
  return permission === 'notifications'
}

/** Same origin as the dev server, compared as parsed origins (a prefix would let `…:5173.evil.example` pass). */
function isDevServer(url: string, devServerUrl?: string): boolean {
  if (!devServerUrl) return false
  try {
    return new URL(url).origin === new URL(devServerUrl).origin
  } catch {
    return false
  }
}

/** Only the app's own bundle (and blobs it created) may be requested; devtools:// only in development. */
export function isAllowedRequest(url: string, devServerUrl?: string, allowDevtools = false): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true
  // Files the user exports (xlsx, docx) are saved from blob: URLs the page itself made.
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return true
  if (allowDevtools && url.startsWith('devtools://')) return true
  return isDevServer(url, devServerUrl)
}

/** IPC is accepted only from the app's own page. */
export function isTrustedSender(frameUrl: string | undefined, devServerUrl?: string): boolean {
  if (!frameUrl) return false
  return frameUrl.startsWith(`${APP_ORIGIN}/`) || isDevServer(frameUrl, devServerUrl)
}

/**
 * Maps an app:// URL to a file inside the bundle directory, or null when the
 * path would leave it (../, encoded traversal, absolute paths, other hosts).
 */
export function resolveBundlePath(url: string, bundleDir: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'bundle') return null
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const root = resolve(bundleDir)
  const target = resolve(root, '.' + normalize(pathname === '/' ? '/index.html' : pathname))
  if (target !== root && !target.startsWith(root + sep)) return null
  return target
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
}

export function mimeType(file: string): string {
  const dot = file.lastIndexOf('.')
  return MIME[file.slice(dot).toLowerCase()] ?? 'application/octet-stream'
}

/** --data-dir=… or DUTY_CONSOLE_DATA_DIR override Electron's userData (tests, portable use). */
export function resolveDataDir(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  fallback: string,
): string {
  const flag = argv.find((a) => a.startsWith('--data-dir='))
  if (flag) return resolve(flag.slice('--data-dir='.length))
  const i = argv.indexOf('--data-dir')
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]!)
  if (env.DUTY_CONSOLE_DATA_DIR) return resolve(env.DUTY_CONSOLE_DATA_DIR)
  return fallback
}
