import type { Db } from '../../db/connection'
import type { DayType } from '@shared/calendar/holidays'
import type { AssignmentDto, LeaveDto, RotationDto, ShiftDto } from '@shared/roster/contract'

interface ShiftRow {
  id: number
  name: string
  start_min: number
  end_min: number
  kind: 'onsite' | 'oncall'
  day_types: string
  needed: number
  colour: string
  active: number
  holiday_cover: number
}

/** SQL for shifts, rotations, assignments and leave; no rules here. */
export class RosterRepository {
  constructor(private readonly db: Db) {}

  shifts(): ShiftDto[] {
    return (this.db.prepare('SELECT * FROM shift ORDER BY sort, id').all() as ShiftRow[]).map((r) => ({
      id: r.id,
      name: r.name,
      start: r.start_min,
      end: r.end_min,
      kind: r.kind,
      dayTypes: JSON.parse(r.day_types) as DayType[],
      needed: r.needed,
      colour: r.colour,
      active: r.active === 1,
      holidayCover: r.holiday_cover === 1,
    }))
  }

  saveShift(s: Omit<ShiftDto, 'id'> & { id?: number | undefined }): void {
    const row = {
      name: s.name,
      start_min: s.start,
      end_min: s.end,
      kind: s.kind,
      day_types: JSON.stringify(s.dayTypes),
      needed: s.needed,
      colour: s.colour,
      active: s.active ? 1 : 0,
      holiday_cover: s.holidayCover ? 1 : 0,
    }
    if (s.id)
      this.db
        .prepare(
          'UPDATE shift SET name = @name, start_min = @start_min, end_min = @end_min, kind = @kind, day_types = @day_types, needed = @needed, colour = @colour, active = @active, holiday_cover = @holiday_cover WHERE id = @id',
        )
        .run({ ...row, id: s.id })
    else
      this.db
        .prepare(
          'INSERT INTO shift (name, start_min, end_min, kind, day_types, needed, colour, active, holiday_cover, sort) VALUES (@name, @start_min, @end_min, @kind, @day_types, @needed, @colour, @active, @holiday_cover, (SELECT coalesce(max(sort), 0) + 1 FROM shift))',
        )
        .run(row)
  }

  rotations(): RotationDto[] {
    return (
      this.db.prepare('SELECT * FROM rotation ORDER BY id').all() as {
        id: number
        name: string
        shift_id: number
        engineer_ids: string
        period_days: number
        start_date: string
      }[]
    ).map((r) => ({
      id: r.id,
      name: r.name,
      shiftId: r.shift_id,
      engineerIds: JSON.parse(r.engineer_ids) as number[],
      periodDays: r.period_days,
      startDate: r.start_date,
    }))
  }

  saveRotation(r: Omit<RotationDto, 'id'> & { id?: number | undefined }): void {
    const row = {
      name: r.name,
      shift_id: r.shiftId,
      engineer_ids: JSON.stringify(r.engineerIds),
      period_days: r.periodDays,
      start_date: r.startDate,
    }
    if (r.id)
      this.db
        .prepare(
          'UPDATE rotation SET name = @name, shift_id = @shift_id, engineer_ids = @engineer_ids, period_days = @period_days, start_date = @start_date WHERE id = @id',
        )
        .run({ ...row, id: r.id })
    else
      this.db
        .prepare(
          'INSERT INTO rotation (name, shift_id, engineer_ids, period_days, start_date) VALUES (@name, @shift_id, @engineer_ids, @period_days, @start_date)',
        )
        .run(row)
  }

  assignments(from: string, to: string): AssignmentDto[] {
    return this.db
      .prepare(
        `SELECT ra.id, ra.date, ra.shift_id AS shiftId, ra.user_id AS userId, u.display_name AS userName, ra.source
         FROM roster_assignment ra JOIN user u ON u.id = ra.user_id WHERE ra.date >= ? AND ra.date <= ? ORDER BY ra.date, ra.shift_id, u.display_name`,
      )
      .all(from, to) as AssignmentDto[]
  }

  assignment(id: number): AssignmentDto | undefined {
    return this.db
      .prepare(
        'SELECT ra.id, ra.date, ra.shift_id AS shiftId, ra.user_id AS userId, u.display_name AS userName, ra.source FROM roster_assignment ra JOIN user u ON u.id = ra.user_id WHERE ra.id = ?',
      )
      .get(id) as AssignmentDto | undefined
  }

  insertAssignment(date: string, shiftId: number, userId: number, source: 'rotation' | 'manual', now: string): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO roster_assignment (date, shift_id, user_id, source, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(date, shiftId, userId, source, now)
  }

  /** A rotation's cells of one shift in a date range; hand-edited ones only when asked. */
  deleteShiftCells(shiftId: number, from: string, to: string, includeManual: boolean): number {
    return this.db
      .prepare(
        `DELETE FROM roster_assignment WHERE shift_id = ? AND date >= ? AND date <= ? AND (? OR source = 'rotation')`,
      )
      .run(shiftId, from, to, includeManual ? 1 : 0).changes
  }

  /** One engineer's cells on one day. */
  deleteCell(date: string, userId: number): number {
    return this.db.prepare('DELETE FROM roster_assignment WHERE date = ? AND user_id = ?').run(date, userId).changes
  }

  moveAssignment(id: number, userId: number): void {
    this.db.prepare("UPDATE roster_assignment SET user_id = ?, source = 'manual' WHERE id = ?").run(userId, id)
  }

  leaves(from: string, to: string): LeaveDto[] {
    return this.db
      .prepare(
        `SELECT l.id, l.user_id AS userId, u.display_name AS userName, l.kind, l.from_date AS "from", l.to_date AS "to", l.note
         FROM leave_entry l JOIN user u ON u.id = l.user_id WHERE l.to_date >= ? AND l.from_date <= ? ORDER BY l.from_date`,
      )
      .all(from, to) as LeaveDto[]
  }

  insertLeave(
    l: { userId: number; kind: string; from: string; to: string; note: string },
    by: number,
    now: string,
  ): number {
    return Number(
      this.db
        .prepare(
          'INSERT INTO leave_entry (user_id, kind, from_date, to_date, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(l.userId, l.kind, l.from, l.to, l.note, now, by).lastInsertRowid,
    )
  }
}
