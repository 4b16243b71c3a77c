import type { Handlers } from '@shared/ipc/kit'
import type { siteContract } from '@shared/site/contract'
import type { SiteService } from './service'

export const siteHandlers = (site: SiteService): Handlers<typeof siteContract> => ({
  'site/get': () => site.get(),
  'site/update': (input, { actor }) => site.update(actor, input),
})
