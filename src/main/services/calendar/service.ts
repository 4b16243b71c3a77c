import type { Db } from '../../db/connection'
import {
  type DayOverride,
  type HolidayData,
  mergeOverrides,
  shippedHolidays,
  shippedYears,
} from '../../../shared/calendar/holidays'
import { formatBlocks, parseBlocks, ServiceCalendar } from '../../../shared/calendar/service-calendar'
import { DomainError } from '../../../shared/errors'
import type { CalendarDto } from '../../../shared/calendar/contract'
import type { Calendars } from '../../../shared/faults/milestones'
import type { Actor } from '../../../shared/ipc/kit'
import { toSiteIso } from '../../../shared/time/site-time'
import { type AuditService, who } from '../audit/service'
import type { Clock } from '../clock'
import type { SettingsRepository } from '../settings'

const BLOCKS_KEY = 'calendar.workingBlocks'

/** The holiday calendar (shipped + the site's corrections) and the service calendars built on it. */
export class CalendarService {
  private readonly shipped = shippedHolidays(2020)

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly settings: SettingsRepository,
  ) {}

  overrides(): DayOverride[] {
    return this.db.prepare('SELECT date, kind, name FROM holiday_override ORDER BY date').all() as DayOverride[]
  }

  holidays(): HolidayData {
    return mergeOverrides(this.shipped, this.overrides())
  }

  workingBlocks(): [number, number][] {
    return this.settings.get<[number, number][]>(BLOCKS_KEY)
  }

  calendars(): Calendars {
    const data = this.holidays()
    return {
      always: new ServiceCalendar({ kind: '24x7', blocks: [] }, data),
      working: new ServiceCalendar({ kind: 'hours', blocks: this.workingBlocks() }, data),
    }
  }

  dto(): CalendarDto {
    return {
      holidays: this.holidays(),
      overrides: this.overrides(),
      shippedYears: shippedYears().filter((y) => y >= 2020),
      workingBlocks: this.workingBlocks(),
    }
  }

  saveOverride(actor: Actor, o: DayOverride): CalendarDto {
    return this.db.transaction(() => {
      const before =
        (this.db.prepare('SELECT date, kind, name FROM holiday_override WHERE date = ?').get(o.date) as
          DayOverride | undefined) ?? null
      this.db
        .prepare(
          `INSERT INTO holiday_override (date, kind, name, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(o.date, o.kind, o.name, toSiteIso(this.clock.now()), actor.id)
      this.audit.record(who(actor), 'update', 'holiday', o.date, before, o)
      return this.dto()
    })()
  }

  saveWorkingHours(actor: Actor, text: string): CalendarDto {
    const blocks = parseBlocks(text)
    if (!blocks) throw new DomainError('BLOCKS_INVALID', '工作时间格式应为“08:30-12:00, 14:00-17:30”，时段不能重叠')
    return this.db.transaction(() => {
      const before = formatBlocks(this.workingBlocks())
      this.settings.put(BLOCKS_KEY, blocks, toSiteIso(this.clock.now()))
      this.audit.record(
        who(actor),
        'update',
        'calendar',
        'working',
        { blocks: before },
        { blocks: formatBlocks(blocks) },
      )
      return this.dto()
    })()
  }
}
