import type { Db } from '../../db/connection'
import { dayType } from '@shared/calendar/holidays'
import { DomainError } from '@shared/errors'
import type { Actor } from '@shared/ipc/kit'
import type {
  AssignmentDto,
  DutyNowDto,
  MonthDto,
  PersonStatsDto,
  PublicationDto,
  RotationDto,
  ShiftDto,
} from '@shared/roster/contract'
import { checkRoster, generate, monthDates, type Violation } from '@shared/roster/rules'
import { addDays, toSiteDate, toSiteIso } from '@shared/time/site-time'
import { type AuditService, who } from '../audit/service'
import type { UserRepository } from '../auth/users'
import type { CalendarService } from '../calendar/service'
import type { Clock } from '../clock'
import type { SettingsRepository } from '../settings'
import type { SiteService } from '../site/service'
import { rosterWorkbook } from './export'
import type { RosterRepository } from './repository'

/** The duty roster (值班排班): shifts, rotations, the month with its rule checks, publication and changes. */
export class RosterService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repo: RosterRepository,
    private readonly users: UserRepository,
    private readonly calendar: CalendarService,
    private readonly settings: SettingsRepository,
    private readonly site: SiteService,
  ) {}

  shifts(): ShiftDto[] {
    return this.repo.shifts()
  }

  rotations(): RotationDto[] {
    return this.repo.rotations()
  }

  assignments(from: string, to: string): AssignmentDto[] {
    return this.repo.assignments(from, to)
  }

  assignment(id: number): AssignmentDto | undefined {
    return this.repo.assignment(id)
  }

  /** A swap's move of one duty to another engineer; the swap service checks and audits it. */
  moveAssignment(id: number, userId: number): void {
    this.repo.moveAssignment(id, userId)
  }

  /** The 值班表 as .xlsx; the export is audited like any other release of data. */
  async exportXlsx(actor: Actor, month: string): Promise<{ fileName: string; base64: string }> {
    const buf = await rosterWorkbook(this.month(month), this.site.get().customerUnit)
    this.audit.record(who(actor), 'export', 'roster', month, null, { format: 'xlsx', bytes: buf.length })
    return { fileName: `${month.replace('-', '年')}月值班表.xlsx`, base64: buf.toString('base64') }
  }

  private now(): string {
    return toSiteIso(this.clock.now())
  }

  engineers() {
    return this.users
      .all()
      .filter((u) => u.active === 1 && u.role !== 'reviewer')
      .map((u) => ({ id: u.id, name: u.display_name, phone: u.phone }))
  }

  minRestHours(): number {
    return this.settings.get<number>('roster.minRestHours')
  }

  swapNeedsApproval(): boolean {
    return this.settings.get<boolean>('roster.swapNeedsApproval')
  }

  /** Rule check over the month (with the day before it, so a night shift crossing in is seen). */
  violations(month: string, assignments?: AssignmentDto[]): Violation[] {
    const dates = monthDates(month)
    const from = addDays(dates[0]!, -1)
    const list = assignments ?? this.repo.assignments(from, dates.at(-1)!)
    return checkRoster({
      dates,
      shifts: this.repo.shifts().filter((s) => s.active),
      assignments: list,
      leaves: this.repo.leaves(from, dates.at(-1)!),
      holidays: this.calendar.holidays(),
      minRestHours: this.minRestHours(),
      names: Object.fromEntries(this.engineers().map((e) => [e.id, e.name])),
    }).filter((v) => v.date.startsWith(month))
  }

  publication(month: string): PublicationDto | null {
    const row = this.db
      .prepare(
        `SELECT p.version, p.published_at, u.display_name AS by_name, p.override_reason FROM roster_publication p JOIN user u ON u.id = p.published_by
         WHERE p.month = ? ORDER BY p.version DESC LIMIT 1`,
      )
      .get(month) as
      { version: number; published_at: string; by_name: string; override_reason: string | null } | undefined
    return row
      ? {
          version: row.version,
          publishedAt: row.published_at,
          publishedBy: row.by_name,
          overrideReason: row.override_reason,
        }
      : null
  }

  month(month: string): MonthDto {
    const dates = monthDates(month)
    const holidays = this.calendar.holidays()
    return {
      month,
      days: dates.map((date) => ({
        date,
        dayType: dayType(date, holidays),
        holidayName: holidays.holidays[date] ?? (holidays.workdays[date] ? '调休上班' : null),
      })),
      shifts: this.repo.shifts().filter((s) => s.active),
      engineers: this.engineers(),
      assignments: this.repo.assignments(dates[0]!, dates.at(-1)!),
      leaves: this.repo.leaves(dates[0]!, dates.at(-1)!),
      violations: this.violations(month),
      publication: this.publication(month),
      changes: (
        this.db
          .prepare(
            'SELECT c.at, u.display_name AS by_name, c.what, c.reason FROM roster_change c JOIN user u ON u.id = c.by_id WHERE c.month = ? ORDER BY c.id',
          )
          .all(month) as { at: string; by_name: string; what: string; reason: string }[]
      ).map((c) => ({ at: c.at, by: c.by_name, what: c.what, reason: c.reason })),
      minRestHours: this.minRestHours(),
      swapNeedsApproval: this.swapNeedsApproval(),
    }
  }

  /** Once a month is published, every change to it is recorded with who, when and why. */
  recordChange(actor: Actor, month: string, what: string, reason: string): void {
    if (!this.publication(month)) return
    if (!reason) throw new DomainError('REASON_REQUIRED', `${month} 的值班表已发布，修改需要填写原因`)
    this.db
      .prepare('INSERT INTO roster_change (month, at, by_id, what, reason) VALUES (?, ?, ?, ?, ?)')
      .run(month, this.now(), actor.id, what, reason)
  }

  saveRules(actor: Actor, month: string, minRestHours: number, swapNeedsApproval: boolean): MonthDto {
    return this.db.transaction(() => {
      const before = { minRestHours: this.minRestHours(), swapNeedsApproval: this.swapNeedsApproval() }
      this.settings.put('roster.minRestHours', minRestHours, this.now())
      this.settings.put('roster.swapNeedsApproval', swapNeedsApproval, this.now())
      this.audit.record(who(actor), 'update', 'roster', 'rules', before, { minRestHours, swapNeedsApproval })
      return this.month(month)
    })()
  }

  saveShift(actor: Actor, s: Omit<ShiftDto, 'id'> & { id?: number | undefined }): ShiftDto[] {
    return this.db.transaction(() => {
      const clash = this.repo.shifts().find((x) => x.name === s.name && x.id !== s.id)
      if (clash) throw new DomainError('SHIFT_NAME_TAKEN', `班次“${s.name}”已存在`)
      if (s.start === s.end) throw new DomainError('SHIFT_EMPTY', '班次的开始和结束时间不能相同')
      const before = s.id ? (this.repo.shifts().find((x) => x.id === s.id) ?? null) : null
      this.repo.saveShift(s)
      const after = this.repo.shifts()
      this.audit.record(who(actor), before ? 'update' : 'create', 'shift', s.id ?? null, before, s)
      return after
    })()
  }

  saveRotation(actor: Actor, r: Omit<RotationDto, 'id'> & { id?: number | undefined }): RotationDto[] {
    return this.db.transaction(() => {
      if (!this.repo.shifts().some((s) => s.id === r.shiftId)) throw new DomainError('SHIFT_NOT_FOUND', '班次不存在')
      const engineers = new Set(this.engineers().map((e) => e.id))
      if (r.engineerIds.some((id) => !engineers.has(id)))
        throw new DomainError('ENGINEER_INVALID', '轮换里有不在用或不能值班的账号')
      this.repo.saveRotation(r)
      this.audit.record(who(actor), r.id ? 'update' : 'create', 'rotation', r.id ?? null, null, r)
      return this.repo.rotations()
    })()
  }

  generate(actor: Actor, month: string, rotationId: number, overwriteManual: boolean, reason: string): MonthDto {
    return this.db.transaction(() => {
      const rot = this.repo.rotations().find((r) => r.id === rotationId)
      if (!rot) throw new DomainError('ROTATION_NOT_FOUND', '轮换方案不存在')
      const shift = this.repo.shifts().find((s) => s.id === rot.shiftId)!
      const dates = monthDates(month)
      const [first, last] = [dates[0]!, dates.at(-1)!]
      const leaves = this.repo.leaves(first, last)
      this.repo.deleteShiftCells(shift.id, first, last, overwriteManual)
      const manualDates = new Set(
        this.repo
          .assignments(first, last)
          .filter((a) => a.shiftId === shift.id)
          .map((a) => a.date),
      )
      const now = this.now()
      let n = 0
      for (const a of generate(rot, shift, dates, this.calendar.holidays(), leaves)) {
        if (manualDates.has(a.date)) continue
        this.repo.insertAssignment(a.date, a.shiftId, a.userId, 'rotation', now)
        n++
      }
      this.recordChange(
        actor,
        month,
        `按“${rot.name}”重新生成${shift.name}（${n} 个班次${overwriteManual ? '，覆盖手工调整' : ''}）`,
        reason,
      )
      this.audit.record(who(actor), 'generate', 'roster', month, null, {
        rotation: rot.name,
        shift: shift.name,
        count: n,
        overwriteManual,
      })
      return this.month(month)
    })()
  }

  setCell(actor: Actor, date: string, userId: number, shiftIds: number[], reason: string): MonthDto {
    const month = date.slice(0, 7)
    return this.db.transaction(() => {
      if (!this.engineers().some((e) => e.id === userId))
        throw new DomainError('ENGINEER_INVALID', '只能给在用的工程师或负责人排班')
      const shifts = this.repo.shifts()
      if (shiftIds.some((id) => !shifts.some((s) => s.id === id)))
        throw new DomainError('SHIFT_NOT_FOUND', '班次不存在')
      const before = this.repo.assignments(date, date).filter((a) => a.userId === userId)
      this.repo.deleteCell(date, userId)
      const now = this.now()
      for (const id of shiftIds) this.repo.insertAssignment(date, id, userId, 'manual', now)
      const name = (ids: number[]) => ids.map((id) => shifts.find((s) => s.id === id)!.name).join('、') || '休'
      const person = this.engineers().find((e) => e.id === userId)!.name
      this.recordChange(
        actor,
        month,
        `${date} ${person}：${name(before.map((a) => a.shiftId))} → ${name(shiftIds)}`,
        reason,
      )
      this.audit.record(
        who(actor),
        'update',
        'roster',
        `${date}/${userId}`,
        before.map((a) => a.shiftId),
        shiftIds,
      )
      return this.month(month)
    })()
  }

  addLeave(actor: Actor, l: { userId: number; kind: string; from: string; to: string; note: string }): MonthDto {
    return this.db.transaction(() => {
      if (actor.role !== 'lead' && l.userId !== actor.id) throw new DomainError('FORBIDDEN', '工程师只能登记自己的请假')
      if (!this.engineers().some((e) => e.id === l.userId)) throw new DomainError('ENGINEER_INVALID', '账号不在用')
      const id = this.repo.insertLeave(l, actor.id, this.now())
      this.audit.record(who(actor), 'create', 'leave', id, null, l)
      return this.month(l.from.slice(0, 7))
    })()
  }

  publish(actor: Actor, month: string, overrideReason?: string): MonthDto {
    return this.db.transaction(() => {
      const violations = this.violations(month)
      if (violations.length && !overrideReason) {
        throw new DomainError(
          'ROSTER_VIOLATIONS',
          `还有 ${violations.length} 处不符合排班规则，不能发布：\n${violations
            .slice(0, 8)
            .map((v) => v.message)
            .join('\n')}${violations.length > 8 ? '\n……' : ''}\n负责人可填写原因后强制发布。`,
        )
      }
      const version = (this.publication(month)?.version ?? 0) + 1
      const dates = monthDates(month)
      const snapshot = this.repo.assignments(dates[0]!, dates.at(-1)!)
      this.db
        .prepare(
          'INSERT INTO roster_publication (month, version, published_at, published_by, override_reason, snapshot_json) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(month, version, this.now(), actor.id, violations.length ? overrideReason! : null, JSON.stringify(snapshot))
      this.audit.record(who(actor), 'publish', 'roster', month, null, {
        version,
        violations: violations.map((v) => v.message),
        overrideReason: violations.length ? overrideReason : null,
      })
      return this.month(month)
    })()
  }

  /** Today's and tomorrow's duty, for 首页 and the handover's "next shift". */
  duty(): DutyNowDto {
    const today = toSiteDate(this.clock.now())
    const tomorrow = addDays(today, 1)
    const shifts = this.repo.shifts()
    const day = (date: string) => {
      const list = this.repo.assignments(date, date)
      return shifts
        .filter((s) => list.some((a) => a.shiftId === s.id))
        .map((s) => ({
          date,
          shiftName: s.name,
          kind: s.kind,
          start: s.start,
          end: s.end,
          names: list.filter((a) => a.shiftId === s.id).map((a) => a.userName),
        }))
    }
    return { today: day(today), tomorrow: day(tomorrow) }
  }

  /** Who is on duty at an instant (a night shift that started yesterday included). */
  onDutyAt(ms: number): AssignmentDto[] {
    const date = toSiteDate(ms)
    const shifts = new Map(this.repo.shifts().map((s) => [s.id, s]))
    return this.repo.assignments(addDays(date, -1), date).filter((a) => {
      const s = shifts.get(a.shiftId)!
      const base = Date.parse(`${a.date}T00:00:00+08:00`)
      const end = s.end <= s.start ? s.end + 1440 : s.end
      return ms >= base + s.start * 60_000 && ms < base + end * 60_000
    })
  }

  /** The next shift to start (one that began within the hour counts) held by someone else: the proposed incoming engineer. */
  nextDuty(ms: number, excludeUserId: number): AssignmentDto | null {
    const date = toSiteDate(ms)
    const shifts = new Map(this.repo.shifts().map((s) => [s.id, s]))
    const next = this.repo
      .assignments(date, addDays(date, 2))
      .filter((a) => a.userId !== excludeUserId)
      .map((a) => ({ a, start: Date.parse(`${a.date}T00:00:00+08:00`) + shifts.get(a.shiftId)!.start * 60_000 }))
      .filter((x) => x.start >= ms - 3_600_000)
      .sort((x, y) => x.start - y.start)[0]
    return next?.a ?? null
  }

  stats(from: string, to: string): PersonStatsDto[] {
    const shifts = new Map(this.repo.shifts().map((s) => [s.id, s]))
    const holidays = this.calendar.holidays()
    const list = this.repo.assignments(from, to)
    return this.engineers().map((e) => {
      const mine = list.filter((a) => a.userId === e.id)
      const sum = (pred: (a: AssignmentDto) => boolean) => mine.filter(pred).length
      const minutes = mine.reduce((t, a) => {
        const s = shifts.get(a.shiftId)!
        return t + ((s.end <= s.start ? s.end + 1440 : s.end) - s.start)
      }, 0)
      return {
        userId: e.id,
        name: e.name,
        shifts: mine.length,
        onsite: sum((a) => shifts.get(a.shiftId)!.kind === 'onsite'),
        oncall: sum((a) => shifts.get(a.shiftId)!.kind === 'oncall'),
        holiday: sum((a) => dayType(a.date, holidays) === 'holiday'),
        night: sum((a) => shifts.get(a.shiftId)!.end <= shifts.get(a.shiftId)!.start),
        hours: Math.round(minutes / 6) / 10,
      }
    })
  }
}
