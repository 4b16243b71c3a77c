import { z } from 'zod'
import type { DayType } from '@shared/calendar/holidays'
import { channel } from '@shared/ipc/kit'
import { isoDate } from '@shared/time/schemas'
import { YEAR_RANGE_TEXT, yearInRange } from '@shared/time/bounds'
import type { Violation } from './rules'

export const SHIFT_KIND_LABELS = { onsite: '现场', oncall: '电话待命' } as const
export const DAY_TYPE_LABELS: Record<DayType, string> = {
  workday: '工作日（含调休上班）',
  weekend: '周末',
  holiday: '法定节假日',
}

export interface ShiftDto {
  id: number
  name: string
  start: number
  end: number
  kind: 'onsite' | 'oncall'
  dayTypes: DayType[]
  needed: number
  colour: string
  active: boolean
  /** on-call duty that counts as 节假日值班 (seed 003 §3.2.4: phone reachable, on site within 2 h) */
  holidayCover: boolean
}

export interface RotationDto {
  id: number
  name: string
  shiftId: number
  engineerIds: number[]
  periodDays: number
  startDate: string
}

export interface AssignmentDto {
  id: number
  date: string
  shiftId: number
  userId: number
  userName: string
  source: 'rotation' | 'manual'
}

export interface LeaveDto {
  id: number
  userId: number
  userName: string
  kind: string
  from: string
  to: string
  note: string
}

export interface SwapDto {
  id: number
  assignmentId: number
  date: string
  shiftName: string
  fromUserId: number
  fromName: string
  toUserId: number
  toName: string
  /** exchange: the shift the proposer takes in return; null for a give-away (代班) */
  otherAssignmentId: number | null
  otherDate: string | null
  otherShiftName: string | null
  status: 'proposed' | 'accepted' | 'approved' | 'rejected' | 'cancelled'
  reason: string
  trail: { at: string; by: string; what: string }[]
}

export interface PublicationDto {
  version: number
  publishedAt: string
  publishedBy: string
  overrideReason: string | null
}

export interface RosterChangeDto {
  at: string
  by: string
  what: string
  reason: string
}

export interface MonthDto {
  month: string
  days: { date: string; dayType: DayType; holidayName: string | null }[]
  shifts: ShiftDto[]
  engineers: { id: number; name: string; phone: string }[]
  assignments: AssignmentDto[]
  leaves: LeaveDto[]
  violations: Violation[]
  publication: PublicationDto | null
  changes: RosterChangeDto[]
  minRestHours: number
  swapNeedsApproval: boolean
}

export interface DutyNowDto {
  today: { date: string; shiftName: string; kind: string; start: number; end: number; names: string[] }[]
  tomorrow: { date: string; shiftName: string; kind: string; start: number; end: number; names: string[] }[]
}

export interface PersonStatsDto {
  userId: number
  name: string
  shifts: number
  onsite: number
  oncall: number
  holiday: number
  night: number
  hours: number
}

const id = z.number().int().positive()
export const monthString = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .refine(yearInRange, { message: YEAR_RANGE_TEXT })
const minutes = z.number().int().min(0).max(1440)

export const shiftInput = z.object({
  id: id.optional(),
  name: z.string().trim().min(1, '请填写班次名称').max(20, '班次名称不能超过 20 个字'),
  start: minutes,
  end: minutes,
  kind: z.enum(['onsite', 'oncall']),
  dayTypes: z.array(z.enum(['workday', 'weekend', 'holiday'])).min(1, '请选择适用的日期类型'),
  needed: z.number().int().min(0).max(10),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#1f5fbf'),
  active: z.boolean().default(true),
  holidayCover: z.boolean().default(false),
})

export const rosterContract = {
  'roster/month': channel<MonthDto>()(z.object({ month: monthString }), 'user'),
  'roster/saveShift': channel<ShiftDto[]>()(shiftInput, 'lead'),
  'roster/rotations': channel<RotationDto[]>()(z.undefined(), 'user'),
  'roster/saveRotation': channel<RotationDto[]>()(
    z.object({
      id: id.optional(),
      name: z.string().trim().min(1, '请填写轮换名称').max(40),
      shiftId: id,
      engineerIds: z.array(id).min(1, '请至少选择一名工程师').max(20),
      periodDays: z.number().int().min(1, '轮换周期至少 1 天').max(31),
      startDate: isoDate,
    }),
    'lead',
  ),
  'roster/generate': channel<MonthDto>()(
    z.object({
      month: monthString,
      rotationId: id,
      overwriteManual: z.boolean().default(false),
      reason: z.string().trim().max(200).default(''),
    }),
    'lead',
  ),
  'roster/setCell': channel<MonthDto>()(
    z.object({
      date: isoDate,
      userId: id,
      shiftIds: z.array(id).max(5),
      reason: z.string().trim().max(200).default(''),
    }),
    'lead',
  ),
  'roster/addLeave': channel<MonthDto>()(
    z
      .object({
        userId: id,
        kind: z.enum(['请假', '调休', '年假', '病假']),
        from: isoDate,
        to: isoDate,
        note: z.string().trim().max(200).default(''),
      })
      .refine((l) => l.to >= l.from, { message: '结束日期不能早于开始日期', path: ['to'] }),
    'writer',
  ),
  'roster/publish': channel<MonthDto>()(
    z.object({ month: monthString, overrideReason: z.string().trim().max(200).optional() }),
    'lead',
  ),
  'roster/swaps': channel<SwapDto[]>()(z.object({ month: monthString }), 'user'),
  'roster/proposeSwap': channel<SwapDto[]>()(
    z.object({
      assignmentId: id,
      toUserId: id,
      otherAssignmentId: id.optional(),
      reason: z.string().trim().min(1, '请填写换班原因').max(200),
    }),
    'writer',
  ),
  'roster/answerSwap': channel<SwapDto[]>()(
    z.object({
      swapId: id,
      action: z.enum(['accept', 'approve', 'reject', 'cancel']),
      note: z.string().trim().max(200).default(''),
    }),
    'writer',
  ),
  'roster/saveRules': channel<MonthDto>()(
    z.object({ month: monthString, minRestHours: z.number().min(0).max(24), swapNeedsApproval: z.boolean() }),
    'lead',
  ),
  'roster/duty': channel<DutyNowDto>()(z.undefined(), 'user'),
  'roster/stats': channel<PersonStatsDto[]>()(z.object({ from: isoDate, to: isoDate }), 'user'),
  'roster/exportXlsx': channel<{ fileName: string; base64: string }>()(z.object({ month: monthString }), 'user'),
}
