import type { Db } from '../db/connection'
import type { Contract } from '@shared/ipc/contract'
import type { Handlers } from '@shared/ipc/kit'
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
import { ReminderRepository, ReminderService } from './faults/reminders'
import { SlaService } from './faults/sla-service'
import { RosterRepository } from './roster/repository'
import { rosterHandlers } from './roster/handlers'
import { RosterService } from './roster/service'
import { RosterSetup } from './roster/setup'
import { SetupChecklist } from './dashboard/setup-checklist'
import { exportHandlers } from './exports/handlers'
import { ExportService } from './exports/service'
import { searchHandlers } from './search/handlers'
import { SearchService } from './search/service'
import { SwapService } from './roster/swaps'
import {
  FaultCollector,
  type HandoverCollector,
  NotificationCollector,
  ServiceLogCollector,
} from './handover/collectors'
import { handoverHandlers } from './handover/handlers'
import { HandoverHistory } from './handover/history'
import { HandoverRepository } from './handover/repository'
import { HandoverService } from './handover/service'
import { RequestRepository } from './requests/repository'
import { SettingsRepository } from './settings'
import { DashboardService } from './dashboard/service'
import { serviceLogHandlers } from './serviceLog/handlers'
import { ServiceLogRepository } from './serviceLog/repository'
import { ServiceLogService } from './serviceLog/service'
import { siteHandlers } from './site/handlers'
import { SiteService } from './site/service'

/** What a capability adds to others without editing them. */
export interface Plugins {
  /** more kinds of open work for the end-of-shift handover (inspections, upgrades, obligations …) */
  handoverCollectors?: readonly HandoverCollector[]
}

/** Builds every service over one database and clock; used by the app, the test bridge and the tests. */
export function buildServices(db: Db, clock: Clock, sealKey: SealKey = ephemeralSealKey(), plugins: Plugins = {}) {
  const audit = new AuditService(db, clock, sealKey)
  const keys = new SigningKeys(db, clock, audit)
  const integrity = new AuditIntegrity(db, clock, audit, keys)
  const users = new UserRepository(db)
  const site = new SiteService(db, clock, audit)
  const settings = new SettingsRepository(db)
  const sla = new SlaService(db, clock, audit, settings)
  const rosterRepo = new RosterRepository(db)
  const rosterSetup = new RosterSetup(db, audit, rosterRepo)
  const auth = new AuthService(db, clock, audit, users, site, sla, rosterSetup, keys)
  const accounts = new AccountService(db, clock, audit, users, keys)
  const assetRepo = new AssetRepository(db)
  const assets = new AssetService(db, clock, audit, assetRepo)
  const requests = new RequestRepository(db)
  const serviceLogRepo = new ServiceLogRepository(db)
  const serviceLog = new ServiceLogService(db, clock, audit, serviceLogRepo, assetRepo, requests, settings)
  const dashboard = new DashboardService(db, clock, serviceLogRepo)
  const calendar = new CalendarService(db, clock, audit, settings)
  const roster = new RosterService(db, clock, audit, rosterRepo, users, calendar, settings, site)
  const swaps = new SwapService(db, clock, audit, roster)
  const checklist = new SetupChecklist(db, clock, calendar)
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
    requests,
  )

  const handoverRepo = new HandoverRepository(db)
  const reminders = new ReminderService(db, clock, new ReminderRepository(db), faults)
  const notifications = new NotificationCollector(handoverRepo, reminders)
  const handovers = new HandoverService(
    db,
    clock,
    audit,
    handoverRepo,
    auth,
    users,
    roster,
    [
      new FaultCollector(faults),
      new ServiceLogCollector(serviceLog),
      notifications,
      ...(plugins.handoverCollectors ?? []),
    ],
    () => site.get().customerUnit,
    integrity,
  )
  const handoverHistory = new HandoverHistory(clock, handoverRepo, handovers, rosterRepo)
  const exports = new ExportService(db, clock, audit, site, serviceLog, faults, assets)
  const search = new SearchService(serviceLog, faults, assets)
  const handlers: Handlers<Contract> = {
    ...authHandlers(auth),
    ...accountHandlers(accounts),
    ...siteHandlers(site),
    ...assetHandlers(assets),
    ...serviceLogHandlers(serviceLog),
    ...auditHandlers(audit, integrity),
    ...dashboardHandlers(dashboard, checklist),
    ...calendarHandlers(calendar),
    ...faultHandlers(faults, sla, reminders),
    ...rosterHandlers(roster, swaps),
    ...handoverHandlers(handovers, handoverHistory),
    ...exportHandlers(exports),
    ...searchHandlers(search),
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
    reminders,
    roster,
    rosterSetup,
    swaps,
    handovers,
    handoverHistory,
    handlers,
  }
}

export type Services = ReturnType<typeof buildServices>
