import type { Statement } from 'better-sqlite3'
import type { Db } from '../../db/connection'
import { DomainError } from '@shared/errors'
import type { Actor } from '@shared/ipc/kit'
import type { SiteDto } from '@shared/site/contract'
import { toSiteIso } from '@shared/time/site-time'
import type { AuditService } from '../audit/service'
import { who } from '../audit/service'
import type { Clock } from '../clock'

interface SiteRow {
  customer_unit: string
  provider_name: string
  contract_start: string
  contract_end: string
  service_mode: SiteDto['serviceMode']
  idle_lock_minutes: number
}

const toDto = (r: SiteRow): SiteDto => ({
  customerUnit: r.customer_unit,
  providerName: r.provider_name,
  contractStart: r.contract_start,
  contractEnd: r.contract_end,
  serviceMode: r.service_mode,
  idleLockMinutes: r.idle_lock_minutes,
})

export class SiteService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  find(): SiteDto | null {
    const row = this.db.prepare('SELECT * FROM site WHERE id = 1').get() as SiteRow | undefined
    return row ? toDto(row) : null
  }

  get(): SiteDto {
    const site = this.find()
    if (!site) throw new DomainError('SITE_NOT_SET_UP', '站点尚未初始化')
    return site
  }

  /** Called by first-run setup inside its transaction. */
  insert(s: SiteDto): void {
    const now = toSiteIso(this.clock.now())
    this.db
      .prepare(
        `INSERT INTO site (id, customer_unit, provider_name, contract_start, contract_end, service_mode, idle_lock_minutes, created_at, updated_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.customerUnit, s.providerName, s.contractStart, s.contractEnd, s.serviceMode, s.idleLockMinutes, now, now)
  }

  update(actor: Actor, s: SiteDto): SiteDto {
    return this.db.transaction(() => {
      const before = this.get()
      this.db
        .prepare(
          `UPDATE site SET customer_unit = ?, provider_name = ?, contract_start = ?, contract_end = ?, service_mode = ?,
           idle_lock_minutes = ?, updated_at = ? WHERE id = 1`,
        )
        .run(
          s.customerUnit,
          s.providerName,
          s.contractStart,
          s.contractEnd,
          s.serviceMode,
          s.idleLockMinutes,
          toSiteIso(this.clock.now()),
        )
      const after = this.get()
      this.audit.record(who(actor), 'update', 'site', 1, before, after)
      return after
    })()
  }
}

/** The site's setup date, or its contract start if earlier (null before setup): the floor for plausible event times. */
export function siteSetupAt(db: Db): string | null {
  let st = setupStatements.get(db)
  if (!st)
    setupStatements.set(
      db,
      (st = db.prepare('SELECT min(substr(created_at, 1, 10), contract_start) FROM site WHERE id = 1').pluck()),
    )
  return (st.get() as string | undefined) ?? null
}
const setupStatements = new WeakMap<Db, Statement>()
