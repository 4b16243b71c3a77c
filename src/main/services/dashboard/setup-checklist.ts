import type { Db } from '../../db/connection'
import { knownYears, missingNextYear } from '@shared/calendar/holidays'
import type { SetupStepDto } from '@shared/dashboard/contract'
import { toSiteDate } from '@shared/time/site-time'
import type { CalendarService } from '../calendar/service'
import type { Clock } from '../clock'

/**
 * What a new site still has to set up, from the records themselves (nothing is
 * ticked by hand): engineers' accounts, the systems maintained, this month's roster,
 * next year's holidays. Read only.
 */
export class SetupChecklist {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
  ) {}

  steps(): SetupStepDto[] {
    const today = toSiteDate(this.clock.now())
    const month = today.slice(0, 7)
    const n = (sql: string, ...args: unknown[]) => (this.db.prepare(sql).get(...args) as { n: number }).n
    const people = n(`SELECT count(*) AS n FROM user WHERE active = 1 AND role != 'reviewer'`)
    const systems = n(`SELECT count(*) AS n FROM asset WHERE status = 'in_service'`)
    const scheduled = n(`SELECT count(*) AS n FROM roster_assignment WHERE substr(date, 1, 7) = ?`, month)
    const nextYear = Number(today.slice(0, 4)) + 1
    const hasNextYear = knownYears(this.calendar.holidays()).includes(nextYear)
    // the State Council publishes next year's schedule late in the year: before October there is nothing to enter
    const due = missingNextYear(today, this.calendar.holidays()) !== null
    return [
      {
        key: 'engineers',
        title: '为驻场工程师建账号',
        detail: people > 1 ? `已有 ${people} 名值班人员` : '目前只有负责人一个账号；每位工程师用自己的账号登录和交接班',
        done: people > 1,
        to: '/accounts',
      },
      {
        key: 'systems',
        title: '录入运维对象',
        detail: systems > 0 ? `已录入 ${systems} 个在用对象` : '运维记录和故障都要关联到所维护的系统；可从 Excel 导入',
        done: systems > 0,
        to: '/assets',
      },
      {
        key: 'roster',
        title: '核对班次，生成本月排班',
        detail:
          scheduled > 0
            ? `${month} 已排 ${scheduled} 个班次`
            : '班次已按服务模式预置，可在“站点设置”中修改；再在“值班排班”中按轮换生成并发布',
        done: scheduled > 0,
        to: '/roster',
      },
      {
        key: 'holidays',
        title: `录入 ${nextYear} 年节假日安排`,
        detail: hasNextYear
          ? `已有 ${nextYear} 年的安排`
          : due
            ? '国务院办公厅公布后，在“站点设置 → 服务日历与节假日”中粘贴通知正文导入'
            : `${nextYear} 年的安排一般在年底公布，届时首页会提醒`,
        done: hasNextYear || !due,
        to: '/settings',
      },
    ]
  }
}
