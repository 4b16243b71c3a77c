import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import { DomainError } from '../../src/shared/errors'
import { buildEnvelopeApi, type EnvelopeApi, exposedApi, type ExposedApi, unwrapApi } from '../../src/shared/ipc/api'
import { CHANNELS } from '../../src/shared/ipc/contract'
import { makeWorld, setUpSite, type World } from '../support/world'
import { copyAcrossWorlds, exposeAcrossWorlds } from './context-bridge'

describe("the test bridge copies values by Electron's context-bridge rules", () => {
  it('reduces an Error to its message: the code does not survive', () => {
    const copied = copyAcrossWorlds(new DomainError('ACCOUNT_LOCKED', '账号已锁定')) as Error
    expect(copied).toBeInstanceOf(Error)
    expect(copied.message).toBe('账号已锁定')
    expect((copied as Partial<DomainError>).code).toBeUndefined()
    expect(copied.name).toBe('Error')
  })

  it('copies plain data key by key and drops prototypes', () => {
    class Row {
      constructor(readonly id: number) {}
      get label() {
        return `#${this.id}`
      }
    }
    const copied = copyAcrossWorlds({ rows: [new Row(1)], at: new Date(0), nested: { ok: true } }) as {
      rows: object[]
      at: Date
      nested: { ok: boolean }
    }
    expect(copied.rows[0]).toEqual({ id: 1 })
    expect(Object.getPrototypeOf(copied.rows[0])).toBe(Object.prototype)
    expect(copied.at).toEqual(new Date(0))
    expect(copied.nested).toEqual({ ok: true })
  })

  it('refuses a function in the arguments of a call, as ipcRenderer.invoke does', () => {
    const api = exposeAcrossWorlds({ area: { verb: async (x: unknown) => x } })
    expect(() => api.area.verb(() => 1)).toThrow('An object could not be cloned.')
  })

  it("refuses a Vue reactive form (a Proxy) in the arguments; the renderer's API sends a plain copy", async () => {
    const form = reactive({ name: '周末巡检', days: ['weekend'], limits: { min: 0 } })
    const seen: unknown[] = []
    const exposed = exposeAcrossWorlds(
      buildEnvelopeApi(['roster/saveShift'], async (_c, payload) => {
        seen.push(payload)
        return { ok: true, data: null }
      }),
    )
    expect(() => exposed.roster!.saveShift!(form)).toThrow('An object could not be cloned.')
    const renderer = unwrapApi(exposed as EnvelopeApi) as unknown as EnvelopeApi
    await renderer.roster!.saveShift!(form)
    expect(seen).toEqual([{ name: '周末巡检', days: ['weekend'], limits: { min: 0 } }])
  })

  it('rejects with the message only when the isolated side rejects with a DomainError', async () => {
    const api = exposeAcrossWorlds({
      area: { verb: async () => Promise.reject(new DomainError('SESSION_LOCKED', '屏幕已锁定')) },
    })
    const e = await api.area.verb().catch((x: unknown) => x)
    expect(e).toMatchObject({ message: '屏幕已锁定' })
    expect((e as { code?: string }).code).toBeUndefined()
  })
})

describe('error codes survive the context bridge', () => {
  let w: World
  beforeEach(async () => {
    w = makeWorld()
    await setUpSite(w)
    await w.api.account.create({
      username: 'liqiang',
      displayName: '李强',
      role: 'engineer',
      phone: '',
      password: 'Field#2026ok',
    })
    await w.api.auth.logout()
  })
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window
    w.close()
  })

  /** The renderer's own API module, loaded over a page whose window.api came through the bridge. */
  async function rendererApi() {
    const exposed = exposeAcrossWorlds(exposedApi(CHANNELS, w.dispatch)) as ExposedApi
    ;(globalThis as { window?: unknown }).window = Object.assign(new EventTarget(), { api: exposed })
    const path = '../../src/renderer/common/api'
    return (await import(/* @vite-ignore */ `${path}?bridge=${Date.now()}`)) as {
      api: typeof w.api
      errorCode(e: unknown): string | undefined
    }
  }

  it("ACCOUNT_LOCKED reaches the renderer's code check after five wrong passwords", async () => {
    const { api, errorCode } = await rendererApi()
    const codes: (string | undefined)[] = []
    for (let i = 1; i <= 6; i++) {
      codes.push(await api.auth.login({ username: 'liqiang', password: `Wrong#${i}` }).then(() => 'ok', errorCode))
    }
    expect(codes).toEqual([
      'AUTH_FAILED',
      'AUTH_FAILED',
      'AUTH_FAILED',
      'AUTH_FAILED',
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
    ])
  })

  it('a preload that threw DomainError would have lost the code (why the envelope crosses as data)', async () => {
    const throwing = exposeAcrossWorlds({
      login: async (input: unknown) => {
        const r = await w.dispatch('auth/login', input)
        if (!r.ok) throw new DomainError(r.code, r.message)
        return r.data
      },
    })
    const e = await throwing.login({ username: 'liqiang', password: 'Wrong#1' }).catch((x: unknown) => x)
    expect((e as { code?: string }).code).toBeUndefined()
  })

  it('tells the page when main refuses a call because the session is idle-locked', async () => {
    const { api } = await rendererApi()
    await api.auth.login({ username: 'liqiang', password: 'Field#2026ok' })
    let told = 0
    ;(globalThis as unknown as { window: EventTarget }).window.addEventListener(
      'duty-console:session-locked',
      () => told++,
    )
    w.clock.idle(16)
    const e = await api.dashboard.today().catch((x: unknown) => x)
    expect(e).toBeInstanceOf(DomainError)
    expect((e as DomainError).code).toBe('SESSION_LOCKED')
    expect(told).toBe(1)
  })
})
