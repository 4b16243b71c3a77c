import type { faultContract } from '@shared/faults/contract'
import type { Handlers } from '@shared/ipc/kit'
import type { serviceLogContract } from '@shared/serviceLog/contract'
import type { ExportService } from './service'

type ExportChannels = Pick<typeof serviceLogContract, 'serviceLog/exportXlsx'> &
  Pick<typeof faultContract, 'fault/exportXlsx'>

export const exportHandlers = (exports: ExportService): Handlers<ExportChannels> => ({
  'serviceLog/exportXlsx': (q, { actor }) => exports.serviceLogXlsx(actor, q),
  'fault/exportXlsx': (q, { actor }) => exports.faultsXlsx(actor, q),
})
