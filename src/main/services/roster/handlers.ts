import type { Handlers } from '../../../shared/ipc/kit'
import type { rosterContract } from '../../../shared/roster/contract'
import { type AuditService, who } from '../audit/service'
import type { SiteService } from '../site/service'
import { rosterWorkbook } from './export'
import type { RosterService } from './service'
import type { SwapService } from './swaps'

export const rosterHandlers = (
  roster: RosterService,
  swaps: SwapService,
  site: SiteService,
  audit: AuditService,
): Handlers<typeof rosterContract> => ({
  'roster/month': ({ month }) => roster.month(month),
  'roster/saveShift': (input, { actor }) => roster.saveShift(actor, input),
  'roster/rotations': () => roster.repo.rotations(),
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
  'roster/exportXlsx': async ({ month }, { actor }) => {
    const buf = await rosterWorkbook(roster.month(month), site.get().customerUnit)
    audit.record(who(actor), 'export', 'roster', month, null, { format: 'xlsx', bytes: buf.length })
    return { fileName: `${month.replace('-', '年')}月值班表.xlsx`, base64: buf.toString('base64') }
  },
})
