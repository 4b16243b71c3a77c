import type { Handlers } from '@shared/ipc/kit'
import type { rosterContract } from '@shared/roster/contract'
import type { RosterService } from './service'
import type { SwapService } from './swaps'

export const rosterHandlers = (roster: RosterService, swaps: SwapService): Handlers<typeof rosterContract> => ({
  'roster/month': ({ month }) => roster.month(month),
  'roster/saveShift': (input, { actor }) => roster.saveShift(actor, input),
  'roster/rotations': () => roster.rotations(),
  'roster/saveRotation': (input, { actor }) => roster.saveRotation(actor, input),
  'roster/generate': (input, { actor }) =>
    roster.generate(actor, input.month, input.rotationId, input.overwriteManual, input.reason),
  'roster/setCell': (input, { actor }) => roster.setCell(actor, input.date, input.userId, input.shiftIds, input.reason),
  'roster/addLeave': (input, { actor }) => roster.addLeave(actor, input),
  'roster/publish': (input, { actor }) => roster.publish(actor, input.month, input.overrideReason),
  'roster/swaps': ({ month }) => swaps.list(month),
  'roster/proposeSwap': (input, { actor }) => swaps.propose(actor, input),
  'roster/answerSwap': (input, { actor }) => swaps.answer(actor, input.swapId, input.action, input.note),
  'roster/saveRules': (input, { actor }) =>
    roster.saveRules(actor, input.month, input.minRestHours, input.swapNeedsApproval),
  'roster/duty': () => roster.duty(),
  'roster/stats': ({ from, to }) => roster.stats(from, to),
  'roster/exportXlsx': ({ month }, { actor }) => roster.exportXlsx(actor, month),
})
