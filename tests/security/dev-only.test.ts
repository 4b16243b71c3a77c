import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isAllowedRequest, isTrustedSender } from '../../src/main/security/policy'
import { type Bridge, startBridge } from '../bridge/server'
import { tempDir } from '../support/world'

describe('development-only paths', () => {
  const dev = 'http://localhost:5173/'
  it('matches the dev server by origin, not by prefix', () => {
    expect(isTrustedSender('http://localhost:5173/#/log', dev)).toBe(true)
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', dev)).toBe(true)
    for (const evil of [
      'http://localhost:5173.evil.example/',
      'http://localhost:51730/',
      'http://localhost:5173@evil.example/',
    ]) {
      expect(isTrustedSender(evil, dev), evil).toBe(false)
      expect(isAllowedRequest(evil, dev), evil).toBe(false)
    }
  })

  it('allows devtools:// only in development builds', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(false)
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', undefined, true)).toBe(true)
  })

  describe('the test bridge', () => {
    let bridge: Bridge | null = null
    afterEach(async () => {
      await bridge?.close()
      bridge = null
    })

    it('answers a malformed JSON body with an error and keeps serving', async () => {
      const renderer = join(tempDir(), 'renderer')
      mkdirSync(renderer, { recursive: true })
      writeFileSync(join(renderer, 'index.html'), '<html></html>')
      bridge = await startBridge({ dataDir: join(tempDir(), 'data'), rendererDir: renderer })
      const post = (body: string) => fetch(`${bridge!.url}__bridge/invoke`, { method: 'POST', body })
      for (const bad of ['{not json', 'null', '42', '{"payload":1}']) {
        const res = await post(bad)
        expect(res.status, bad).toBe(400)
        expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      }
      const ok = await post(JSON.stringify({ channel: 'auth/status', hasPayload: false }))
      expect(await ok.json()).toMatchObject({ ok: true, data: { setupDone: false } })
    })
  })
})
