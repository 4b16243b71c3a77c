import type { assetContract } from '@shared/assets/contract'
import type { Handlers } from '@shared/ipc/kit'
import type { AssetService } from './service'

export const assetHandlers = (assets: AssetService): Handlers<typeof assetContract> => ({
  'asset/list': (q) => assets.list(q),
  'asset/create': (input, { actor }) => assets.create(actor, input),
  'asset/update': ({ id, ...fields }, { actor }) => assets.update(actor, id, fields),
  'asset/import': (input, { actor }) => assets.import(actor, input.fileName, input.format, input.content),
})
