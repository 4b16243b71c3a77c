import type { Db } from '../../db/connection'
import {
  type DayOverride,
  type HolidayData,
  mergeOverrides,
  shippedHolidays,
  shippedYears,
} from '@shared/calendar/holidays'
import { parseHolidayNotice } from '@shared/calendar/holiday-notice'
import { formatBlocks, parseBlocks, ServiceCalendar } from '@shared/calendar/service-calendar'
import { DomainError } from '@shared/errors'
import type { CalendarDto } from '@shared/calendar/contract'
import type { Calendars } from '@shared/faults/milestones'
import type { Actor } from '@shared/ipc/kit'
import { toSiteIso } from '@shared/time/site-time'
import { type AuditService, who } from '../audit/service'
import type { Clock } from '../clock'
import type { SettingsRepository } from '../settings'

const BLOCKS_KEY = 'calendar.workingBlocks'
const ofYear = (days: Record<string, string>, year: number) =>
  Object.fromEntries(Object.entries(days).filter(([d]) => d.startsWith(String(year))))

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

  /**
   * Makes the notice's year exactly what the notice says: its holidays and 调休
   * workdays, and every other day of that year back to its weekday (a day entered
   * by hand earlier and not in the notice is reset). Nothing is written when the
   * text does not parse.
   */
  importNotice(actor: Actor, text: string, defaultYear: number): CalendarDto {
    const parsed = parseHolidayNotice(text, defaultYear)
    if (!parsed.ok) throw new DomainError('HOLIDAY_NOTICE_INVALID', parsed.error)
    const { year, holidays, workdays } = parsed.notice
    return this.db.transaction(() => {
      const current = this.holidays()
      const touched = new Set(
        [...Object.keys(current.holidays), ...Object.keys(current.workdays)].filter((d) => d.startsWith(String(year))),
      )
      const wanted: DayOverride[] = [
        ...Object.entries(holidays).map(([date, name]) => ({ date, kind: 'holiday' as const, name })),
        ...Object.entries(workdays).map(([date, name]) => ({ date, kind: 'workday' as const, name })),
      ]
      for (const o of wanted) touched.delete(o.date)
      const reset = [...touched].map((date) => ({ date, kind: 'normal' as const, name: '' }))
      const upsert = this.db.prepare(
        `INSERT INTO holiday_override (date, kind, name, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      const now = toSiteIso(this.clock.now())
      for (const o of [...wanted, ...reset]) upsert.run(o.date, o.kind, o.name, now, actor.id)
      this.audit.record(
        who(actor),
        'import',
        'holiday',
        String(year),
        { holidays: ofYear(current.holidays, year), workdays: ofYear(current.workdays, year) },
        { holidays, workdays, reset: reset.map((o) => o.date) },
      )
      return this.dto()
    })()
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
