import type { faultContract } from '@shared/faults/contract'
import type { reminderContract } from '@shared/faults/reminders'
import type { Handlers } from '@shared/ipc/kit'
import type { ReminderService } from './reminders'
import type { FaultService } from './service'
import type { SlaService } from './sla-service'

type FaultChannels = typeof reminderContract & Omit<typeof faultContract, 'fault/exportXlsx'>

export const faultHandlers = (
  faults: FaultService,
  sla: SlaService,
  reminders: ReminderService,
): Handlers<FaultChannels> => ({
  'sla/get': () => sla.dto(),
  'sla/usePreset': ({ key }, { actor }) => sla.usePreset(actor, key),
  'sla/update': (policy, { actor }) => sla.update(actor, policy),
  'fault/list': (q) => faults.list(q),
  'fault/get': ({ id }) => faults.get(id),
  'fault/create': (input, { actor }) => faults.create(actor, input),
  'fault/addEvent': (input, { actor }) => faults.addEvent(actor, input),
  'fault/saveForm': (input, { actor }) => faults.saveForm(actor, input.faultId, input.kind, input.data),
  'fault/stats': () => faults.stats(),
  'fault/reminders': (_, { actor }) => reminders.sync(actor),
})
