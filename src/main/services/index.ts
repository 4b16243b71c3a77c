import type { Db } from '../db/connection'
import type { Contract } from '../../shared/ipc/contract'
import type { Handlers } from '../../shared/ipc/kit'
import { assetHandlers } from './assets/handlers'
import { AssetRepository } from './assets/repository'
import { AssetService } from './assets/service'
import { auditHandlers } from './audit/handlers'
import { AuditIntegrity } from './audit/integrity'
import { SigningKeys } from './audit/keys'
import { AuditService } from './audit/service'
import { ephemeralSealKey, type SealKey } from '../security/seal-key'
import { AccountService } from './auth/accounts'
import { accountHandlers, authHandlers } from './auth/handlers'
import { AuthService } from './auth/service'
import { UserRepository } from './auth/users'
import type { Clock } from './clock'
import { calendarHandlers } from './calendar/handlers'
import { CalendarService } from './calendar/service'
import { dashboardHandlers } from './dashboard/handlers'
import { faultHandlers } from './faults/handlers'
import { FaultRepository } from './faults/repository'
import { FaultService } from './faults/service'
import { SlaService } from './faults/sla-service'
import { RosterRepository } from './roster/repository'
import { rosterHandlers } from './roster/handlers'
import { RosterService } from './roster/service'
import { SwapService } from './roster/swaps'
import { FaultCollector, NotificationCollector, ServiceLogCollector } from './handover/collectors'
import { handoverHandlers } from './handover/handlers'
import { HandoverHistory } from './handover/history'
import { HandoverService } from './handover/service'
import { SettingsRepository } from './settings'
import { DashboardService } from './dashboard/service'
import { serviceLogHandlers } from './serviceLog/handlers'
import { ServiceLogRepository } from './serviceLog/repository'
import { ServiceLogService } from './serviceLog/service'
import { siteHandlers } from './site/handlers'
import { SiteService } from './site/service'

/** Builds every service over one database and clock; used by the app, the test bridge and the tests. */
export function buildServices(db: Db, clock: Clock, sealKey: SealKey = ephemeralSealKey()) {
  const audit = new AuditService(db, clock, sealKey)
  const keys = new SigningKeys(db, clock, audit)
  const integrity = new AuditIntegrity(db, clock, audit, keys)
  const users = new UserRepository(db)
  const site = new SiteService(db, clock, audit)
  const auth = new AuthService(db, clock, audit, users, site, keys)
  const accounts = new AccountService(db, clock, audit, users, keys)
  const assetRepo = new AssetRepository(db)
  const assets = new AssetService(db, clock, audit, assetRepo)
  const serviceLogRepo = new ServiceLogRepository(db)
  const serviceLog = new ServiceLogService(db, clock, audit, serviceLogRepo, assetRepo)
  const dashboard = new DashboardService(db, clock, serviceLogRepo)
  const settings = new SettingsRepository(db)
  const calendar = new CalendarService(db, clock, audit, settings)
  const sla = new SlaService(db, clock, audit, settings)
  const roster = new RosterService(db, clock, audit, new RosterRepository(db), users, calendar, settings)
  const swaps = new SwapService(db, clock, audit, roster)
  const faults = new FaultService(
    db,
    clock,
    audit,
    new FaultRepository(db),
    sla,
    calendar,
    assetRepo,
    users,
    serviceLogRepo,
    site,
  )

  const notifications = new NotificationCollector(db, clock, audit)
  const handovers = new HandoverService(db, clock, audit, auth, users, roster, [
    new FaultCollector(faults),
    new ServiceLogCollector(db, audit),
    notifications,
  ], integrity)

  const handoverHistory = new HandoverHistory(db, clock, handovers, roster.repo)
  const handlers: Handlers<Contract> = {
    ...authHandlers(auth, sla),
    ...accountHandlers(accounts),
    ...siteHandlers(site),
    ...assetHandlers(assets),
    ...serviceLogHandlers(serviceLog),
    ...auditHandlers(audit, integrity),
    ...dashboardHandlers(dashboard),
    ...calendarHandlers(calendar),
    ...faultHandlers(faults, sla),
    ...rosterHandlers(roster, swaps, site, audit),
    ...handoverHandlers(handovers, handoverHistory, notifications, audit, () => site.get().customerUnit),
  }
  return {
    db,
    clock,
    audit,
    integrity,
    keys,
    site,
    auth,
    accounts,
    assets,
    serviceLog,
    dashboard,
    calendar,
    sla,
    faults,
    roster,
    swaps,
    handovers,
    handoverHistory,
    handlers,
  }
}

export type Services = ReturnType<typeof buildServices>
