import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  isAllowedPermission,
  isAllowedRequest,
  isTrustedSender,
  resolveBundlePath,
  resolveDataDir,
  secureWebPreferences,
} from '../../src/main/security/policy'

describe('window and session policy', () => {
  it('turns on isolation and sandbox and turns off node, webview and spellcheck', () => {
    expect(secureWebPreferences('/p.js')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    })
  })

  it('has a CSP that allows only the app itself and no connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/http/)
  })

  it('cancels every request that is not the app bundle', () => {
    expect(isAllowedRequest('app://bundle/index.html')).toBe(true)
    expect(isAllowedRequest('blob:app://bundle/5b1c-export')).toBe(true)
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'ws://10.0.0.1/',
      'file:///etc/passwd',
      'app://other/x',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false)
    }
  })

  it('allows local notifications and refuses every other permission', () => {
    expect(isAllowedPermission('notifications')).toBe(true)
    for (const p of ['media', 'geolocation', 'openExternal', 'clipboard-read', 'usb'])
      expect(isAllowedPermission(p), p).toBe(false)
  })

  it('accepts IPC only from the app page', () => {
    expect(isTrustedSender('app://bundle/index.html#/log')).toBe(true)
    expect(isTrustedSender('https://evil.example/')).toBe(false)
    expect(isTrustedSender(undefined)).toBe(false)
  })
})

describe('app:// path guard', () => {
  const root = '/opt/app/renderer'
  it('serves files inside the bundle', () => {
    expect(resolveBundlePath('app://bundle/index.html', root)).toBe('/opt/app/renderer/index.html')
    expect(resolveBundlePath('app://bundle/assets/a.js', root)).toBe('/opt/app/renderer/assets/a.js')
    expect(resolveBundlePath('app://bundle/', root)).toBe('/opt/app/renderer/index.html')
  })
  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/..%2f..%2fetc%2fpasswd',
    'app://bundle/a%00.js',
    'app://elsewhere/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    const p = resolveBundlePath(url, root)
    expect(p === null || p.startsWith(root + '/')).toBe(true)
  })
})

describe('data directory', () => {
  it('prefers --data-dir, then the environment, then userData', () => {
    expect(resolveDataDir(['x', '--data-dir=/tmp/a'], {}, '/u')).toBe('/tmp/a')
    expect(resolveDataDir(['x', '--data-dir', '/tmp/b'], {}, '/u')).toBe('/tmp/b')
    expect(resolveDataDir([], { DUTY_CONSOLE_DATA_DIR: '/tmp/c' }, '/u')).toBe('/tmp/c')
    expect(resolveDataDir([], {}, '/u')).toBe('/u')
  })
})

describe('zero network', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f)
      return statSync(p).isDirectory() ? files(p) : /\.(ts|vue)$/.test(p) ? [p] : []
    })
  it('no module of the app imports a network API or uses fetch, WebSocket, electron.net, autoUpdater or crashReporter', () => {
    const forbidden =
      /from ['"](node:)?(http|https|net|tls|dgram|dns|http2)['"]|require\(['"](node:)?(http|https|net|tls|dgram|dns)['"]\)|\bfetch\(|new WebSocket|XMLHttpRequest|EventSource|\bnet\.request|autoUpdater|crashReporter|import\s*\{[^}]*\bnet\b[^}]*\}\s*from ['"]electron['"]/
    const offenders = files('src').filter((f) => forbidden.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })
})
