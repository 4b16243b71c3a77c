import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS, contract } from '../../src/shared/ipc/contract'
import { makeWorld, setUpSite, type World } from '../support/world'

let w: World
beforeEach(async () => {
  w = makeWorld()
  await setUpSite(w)
})
afterEach(() => w.close())

/** A fingerprint of every user table, to prove a refused call changed nothing. */
function snapshot(world: World): string {
  const tables = world.db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name",
    )
    .all() as { name: string }[]
  return JSON.stringify(tables.map(({ name }) => world.db.prepare(`SELECT * FROM "${name}"`).all()))
}

const BAD_PAYLOADS: unknown[] = ['text', 42, [], { id: -1 }, { id: 'x', name: 123, serviceTime: '昨天', password: 5 }]

describe('every channel validates its payload', () => {
  // Payloads a channel's schema accepts (e.g. {} for a list with defaults) are not malformed for it.
  const malformedFor = (c: (typeof CHANNELS)[number]) =>
    BAD_PAYLOADS.filter((p) => !contract[c].input.safeParse(p).success)

  it.each(CHANNELS.filter((c) => malformedFor(c).length > 0))(
    '%s rejects malformed payloads with INVALID_INPUT and changes nothing',
    async (channel) => {
      const before = snapshot(w)
      expect(malformedFor(channel).length).toBeGreaterThanOrEqual(3)
      for (const payload of malformedFor(channel)) {
        const result = await w.dispatch(channel, payload)
        expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
        expect((result as { message: string }).message).toMatch(/[\u4e00-\u9fff]/)
      }
      expect(snapshot(w)).toBe(before)
    },
  )

  it('refuses an unknown channel', async () => {
    expect(await w.dispatch('fault/deleteEverything', {})).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' })
  })

  it('refuses every non-public channel before login', async () => {
    await w.api.auth.logout()
    for (const channel of CHANNELS.filter((c) => contract[c].access !== 'public')) {
      const input = contract[channel].input.safeParse(undefined).success ? undefined : {}
      const result = await w.dispatch(channel, input)
      expect(result, channel).toMatchObject({ ok: false })
      expect(['NOT_LOGGED_IN', 'INVALID_INPUT']).toContain((result as { code: string }).code)
    }
  })
})
