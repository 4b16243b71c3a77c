import { paperCode, type auditContract } from '@shared/audit/contract'
import type { Handlers } from '@shared/ipc/kit'
import type { AuditIntegrity } from './integrity'
import type { AuditService } from './service'

export const auditHandlers = (audit: AuditService, integrity: AuditIntegrity): Handlers<typeof auditContract> => ({
  'audit/list': (q) => audit.list(q),
  'audit/verify': () => integrity.verify(),
  'audit/health': () => integrity.health(),
  'audit/head': () => {
    const head = audit.head()
    return { code: paperCode(head.seq, head.hash) }
  },
  'audit/checkPaper': ({ code }) => integrity.checkPaper(code),
})
