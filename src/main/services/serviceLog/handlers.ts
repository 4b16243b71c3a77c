import type { Handlers } from '@shared/ipc/kit'
import type { serviceLogContract } from '@shared/serviceLog/contract'
import type { ServiceLogService } from './service'

export const serviceLogHandlers = (
  log: ServiceLogService,
): Handlers<Omit<typeof serviceLogContract, 'serviceLog/exportXlsx'>> => ({
  'serviceLog/list': (q) => log.list(q),
  'serviceLog/get': ({ id }) => log.get(id),
  'serviceLog/create': ({ requestId, ...fields }, { actor }) => log.create(actor, fields, requestId),
  'serviceLog/update': ({ id, ...fields }, { actor }) => log.update(actor, id, fields),
  'serviceLog/void': ({ id, reason }, { actor }) => log.void(actor, id, reason),
  'serviceLog/categories': () => log.categories(),
  'serviceLog/defaults': () => log.defaults(),
  'serviceLog/saveDefaults': (input, { actor }) => log.saveDefaults(actor, input),
  'serviceLog/saveCategory': (input, { actor }) => log.saveCategory(actor, input),
})
