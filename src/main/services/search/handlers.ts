import type { Handlers } from '@shared/ipc/kit'
import type { searchContract } from '@shared/search/contract'
import type { SearchService } from './service'

export const searchHandlers = (search: SearchService): Handlers<typeof searchContract> => ({
  'search/all': ({ q, perKind }) => search.all(q, perKind),
})
