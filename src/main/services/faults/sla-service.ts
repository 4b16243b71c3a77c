import type { Db } from '../../db/connection'
import { DomainError } from '@shared/errors'
import type { SlaDto } from '@shared/faults/contract'
import { presetPolicy, SLA_PRESETS, type SlaPolicy } from '@shared/faults/sla'
import type { Actor } from '@shared/ipc/kit'
import { toSiteIso } from '@shared/time/site-time'
import { type AuditService, who } from '../audit/service'
import type { Clock } from '../clock'
import type { SettingsRepository } from '../settings'

const KEY = 'sla.policy'

/**
 * The site's SLA policy. A fault takes a snapshot of its level when it is
 * created or its severity changes, so editing the policy never moves the
 * deadlines of faults already recorded.
 */
export class SlaService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly settings: SettingsRepository,
  ) {}

  policy(): SlaPolicy {
    return this.settings.get<SlaPolicy>(KEY)
  }

  dto(): SlaDto {
    return { policy: this.policy(), presets: SLA_PRESETS.map(({ key, name, source }) => ({ key, name, source })) }
  }

  usePreset(actor: Actor | null, key: string): SlaDto {
    const preset = presetPolicy(key)
    if (!preset) throw new DomainError('SLA_PRESET_NOT_FOUND', '没有这个 SLA 预设')
    return this.update(actor, preset)
  }

  update(actor: Actor | null, policy: SlaPolicy): SlaDto {
    return this.db.transaction(() => {
      const before = this.policy()
      this.settings.put(KEY, policy, toSiteIso(this.clock.now()))
      this.audit.record(
        actor ? who(actor) : { id: null, name: '初始化' },
        'update',
        'slaPolicy',
        policy.key,
        before,
        policy,
      )
      return this.dto()
    })()
  }
}
