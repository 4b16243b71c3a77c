import { afterEach, beforeEach, expect, it } from 'vitest'
import { SEARCH_COUNT_CAP } from '../../src/main/services/serviceLog/repository'
import { makeWorld, setUpSite, type World } from '../support/world'

let w: World
beforeEach(async () => {
  w = makeWorld('2026-11-23T17:00:00+08:00')
  await setUpSite(w)
})
afterEach(() => w.close())

it('stops counting a very common search word at the cap and says so, without changing the page', async () => {
  const actor = w.services.auth.currentActor()!
  const categoryId = (await w.api.serviceLog.categories())[0]!.id
  w.db.transaction(() => {
    for (let i = 0; i <= SEARCH_COUNT_CAP; i++) {
      w.services.serviceLog.create(actor, {
        serviceTime: '2026-11-23T09:00:00+08:00',
        requester: '',
        requesterDept: '',
        assetId: null,
        channel: 'phone',
        categoryId,
        content: `重置密码 ${i}`,
        result: '',
        durationMin: 5,
        status: 'done',
      })
    }
  })()
  const page = await w.api.serviceLog.list({ q: '密码', limit: 10 })
  expect(page).toMatchObject({ total: SEARCH_COUNT_CAP, capped: true })
  expect(page.items[0]!.content).toBe(`重置密码 ${SEARCH_COUNT_CAP}`)
  expect(await w.api.serviceLog.list({ limit: 10 })).toMatchObject({ total: SEARCH_COUNT_CAP + 1 })
  expect((await w.api.serviceLog.list({ limit: 10 })).capped).toBeUndefined()
})
