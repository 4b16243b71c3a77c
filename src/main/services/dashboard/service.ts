import type { Db } from '../../db/connection'
import type { TodayDto } from '@shared/dashboard/contract'
import type { Actor } from '@shared/ipc/kit'
import { addDays, dayStartIso, toSiteDate } from '@shared/time/site-time'
import type { Clock } from '../clock'
import type { ServiceLogRepository } from '../serviceLog/repository'

/** 首页: today's real numbers. Voided records never count. */
export class DashboardService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly serviceLog: ServiceLogRepository,
  ) {}

  today(actor: Actor): TodayDto {
    const date = toSiteDate(this.clock.now())
    const range = { from: dayStartIso(date), to: dayStartIso(addDays(date, 1)) }
    const counts = this.db
      .prepare(
        `SELECT count(*) AS total, coalesce(sum(status = 'done'), 0) AS done FROM service_log
         WHERE voided_at IS NULL AND service_time >= @from AND service_time < @to`,
      )
      .get(range) as { total: number; done: number }
    const open = this.db
      .prepare(
        `SELECT count(*) AS n, coalesce(sum(coalesce(owner_id, engineer_id) = ?), 0) AS mine FROM service_log WHERE voided_at IS NULL AND status = 'open'`,
      )
      .get(actor.id) as { n: number; mine: number }
    const byCategory = this.db
      .prepare(
        `SELECT c.name, count(*) AS count FROM service_log sl JOIN service_category c ON c.id = sl.category_id
         WHERE sl.voided_at IS NULL AND sl.service_time >= @from AND sl.service_time < @to
         GROUP BY c.id ORDER BY count DESC, c.sort`,
      )
      .all(range) as { name: string; count: number }[]
    const assets = this.db.prepare(`SELECT count(*) AS n FROM asset WHERE status = 'in_service'`).get() as { n: number }
    const openItems = this.serviceLog.list({ status: 'open', includeVoided: false, offset: 0, limit: 10 }).items
    return {
      date,
      serviceToday: counts.total,
      doneToday: counts.done,
      openServiceLogs: open.n,
      myOpen: open.mine,
      assetsInService: assets.n,
      byCategoryToday: byCategory,
      openItems,
    }
  }
}
