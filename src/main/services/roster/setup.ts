import type { Db } from '../../db/connection'
import { DEFAULT_SHIFTS } from '@shared/roster/default-shifts'
import type { ServiceMode } from '@shared/site/contract'
import type { AuditService } from '../audit/service'
import type { RosterRepository } from './repository'

/** First-run roster setup: the shifts follow the service mode chosen in the wizard. */
export class RosterSetup {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly repo: RosterRepository,
  ) {}

  /**
   * Makes the active shifts those of the mode: shifts of the same name are updated,
   * the others are deactivated (never deleted). Only on a site with no roster yet;
   * once anything is scheduled the lead's shifts are left alone. Returns whether it applied.
   */
  useDefaultShifts(mode: ServiceMode): boolean {
    return this.db.transaction(() => {
      const used = this.db
        .prepare('SELECT (SELECT count(*) FROM roster_assignment) + (SELECT count(*) FROM rotation) AS n')
        .get() as { n: number }
      if (used.n > 0) return false
      const before = this.repo.shifts()
      const wanted = DEFAULT_SHIFTS[mode]
      for (const s of before)
        if (!wanted.some((w) => w.name === s.name) && s.active) this.repo.saveShift({ ...s, active: false })
      for (const w of wanted) this.repo.saveShift({ ...w, id: before.find((s) => s.name === w.name)?.id })
      this.audit.record({ id: null, name: '初始化' }, 'update', 'shift', null, before, this.repo.shifts())
      return true
    })()
  }
}
