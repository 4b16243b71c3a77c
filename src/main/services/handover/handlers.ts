import type { handoverContract } from '@shared/handover/contract'
import type { Handlers } from '@shared/ipc/kit'
import type { HandoverHistory } from './history'
import type { HandoverService } from './service'

export const handoverHandlers = (
  handovers: HandoverService,
  history: HandoverHistory,
): Handlers<typeof handoverContract> => ({
  'handover/current': (_, { actor }) => handovers.current(actor),
  'handover/start': (_, { actor }) => handovers.start(actor),
  'handover/get': ({ id }) => handovers.get(id),
  'handover/update': (input, { actor }) => handovers.update(actor, input),
  'handover/recollect': ({ id }, { actor }) => handovers.recollect(actor, id),
  'handover/submit': (input, { actor }) => handovers.submit(actor, input.id, input.revision, input.password),
  'handover/refuse': (input) => handovers.refuse(input.id, input.password, input.reason),
  'handover/accept': (input) => handovers.accept(input.id, input.revision, input.password, input.remarks),
  'handover/addendum': (input, { actor }) => handovers.addendum(actor, input.id, input.text),
  'handover/list': (q) => history.list(q),
  'handover/chain': ({ from, to }) => history.chain(from, to),
  'handover/exportDocx': ({ id }, { actor }) => handovers.exportDocx(actor, id),
})
