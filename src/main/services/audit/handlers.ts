import type { auditContract } from '../../../shared/audit/contract'
import type { Handlers } from '../../../shared/ipc/kit'
import type { AuditService } from './service'

export const auditHandlers = (audit: AuditService): Handlers<typeof auditContract> => ({
  'audit/list': (q) => audit.list(q),
  'audit/verify': () => audit.verify(),
})
