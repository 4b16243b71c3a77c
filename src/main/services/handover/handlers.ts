import { paperCode } from '../../../shared/audit/contract'
import type { HandoverDto, handoverContract } from '../../../shared/handover/contract'
import type { Handlers } from '../../../shared/ipc/kit'
import { type AuditService, who } from '../audit/service'
import { handoverDocx } from './docx'
import type { HandoverHistory } from './history'
import type { NotificationCollector } from './collectors'
import type { HandoverService } from './service'

export const handoverHandlers = (
  handovers: HandoverService,
  history: HandoverHistory,
  notifications: NotificationCollector,
  audit: AuditService,
  siteName: () => string,
): Handlers<typeof handoverContract> => ({
  'handover/notified': ({ faultId, text }, { actor }) => {
    notifications.record(actor.id, faultId ?? null, text, who(actor))
    return null
  },
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
  'handover/exportDocx': async ({ id }, { actor }) => {
    const h: HandoverDto = handovers.get(id)
    const head = audit.head()
    const buf = await handoverDocx(h, siteName(), paperCode(head.seq, head.hash))
    audit.record(who(actor), 'export', 'handover', id, null, { format: 'docx', bytes: buf.length })
    return { fileName: `交接班记录-${h.shiftLabel.replace(/\s+/g, '-')}.docx`, base64: buf.toString('base64') }
  },
})
