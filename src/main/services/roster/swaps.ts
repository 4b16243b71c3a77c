import type { Db } from '../../db/connection'
import { DomainError } from '@shared/errors'
import type { Actor } from '@shared/ipc/kit'
import type { AssignmentDto, SwapDto } from '@shared/roster/contract'
import { monthDates } from '@shared/roster/rules'
import { addDays, toSiteIso } from '@shared/time/site-time'
import { type AuditService, who } from '../audit/service'
import type { Clock } from '../clock'
import type { RosterService } from './service'

interface SwapRow {
  id: number
  assignment_id: number
  date: string
  shift_id: number
  from_user: number
  to_user: number
  other_assignment_id: number | null
  other_date: string | null
  other_shift_id: number | null
  status: SwapDto['status']
  reason: string
  trail_json: string
}

/**
 * Swap and cover requests (换班/代班): the engineer proposes, the colleague
 * accepts, the lead approves (when the site requires it) and only then does the
 * roster change. A swap that would break a rule is refused with the rule.
 */
export class SwapService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly roster: RosterService,
  ) {}

  list(month: string): SwapDto[] {
    const shifts = new Map(this.roster.shifts().map((s) => [s.id, s.name]))
    const names = new Map(this.roster.engineers().map((e) => [e.id, e.name]))
    const rows = this.db
      .prepare(
        'SELECT * FROM swap_request WHERE substr(date, 1, 7) = ? OR substr(other_date, 1, 7) = ? ORDER BY id DESC',
      )
      .all(month, month) as SwapRow[]
    return rows.map((r) => ({
      id: r.id,
      assignmentId: r.assignment_id,
      date: r.date,
      shiftName: shifts.get(r.shift_id) ?? '',
      fromUserId: r.from_user,
      fromName: names.get(r.from_user) ?? `#${r.from_user}`,
      toUserId: r.to_user,
      toName: names.get(r.to_user) ?? `#${r.to_user}`,
      otherAssignmentId: r.other_assignment_id,
      otherDate: r.other_date,
      otherShiftName: r.other_shift_id ? (shifts.get(r.other_shift_id) ?? '') : null,
      status: r.status,
      reason: r.reason,
      trail: JSON.parse(r.trail_json),
    }))
  }

  /** The roster as it would be after the swap, checked against every rule; refused if it breaks one that held before. */
  private check(a: AssignmentDto, toUser: number, other: AssignmentDto | null): void {
    for (const month of new Set([a.date.slice(0, 7), ...(other ? [other.date.slice(0, 7)] : [])])) {
      const dates = monthDates(month)
      const current = this.roster.assignments(addDays(dates[0]!, -1), dates.at(-1)!)
      const after = current.map((x) =>
        x.id === a.id ? { ...x, userId: toUser } : other && x.id === other.id ? { ...x, userId: a.userId } : x,
      )
      const key = (v: { rule: string; date: string; shiftId: number | null; userId: number | null }) =>
        `${v.rule}|${v.date}|${v.shiftId}|${v.userId}`
      const before = new Set(this.roster.violations(month, current).map(key))
      const added = this.roster.violations(month, after).filter((v) => !before.has(key(v)))
      if (added.length)
        throw new DomainError('SWAP_BREAKS_RULE', `这次换班会违反排班规则：${added.map((v) => v.message).join('；')}`)
    }
  }

  propose(
    actor: Actor,
    input: { assignmentId: number; toUserId: number; otherAssignmentId?: number | undefined; reason: string },
  ): SwapDto[] {
    return this.db.transaction(() => {
      const a = this.roster.assignment(input.assignmentId)
      if (!a) throw new DomainError('ASSIGNMENT_NOT_FOUND', '这个班次不存在')
      if (a.userId !== actor.id && actor.role !== 'lead') throw new DomainError('FORBIDDEN', '只能申请调换自己的班次')
      if (input.toUserId === a.userId) throw new DomainError('SWAP_SELF', '不能和自己换班')
      if (!this.roster.engineers().some((e) => e.id === input.toUserId))
        throw new DomainError('ENGINEER_INVALID', '对方账号不在用')
      const other = input.otherAssignmentId ? (this.roster.assignment(input.otherAssignmentId) ?? null) : null
      if (input.otherAssignmentId && (!other || other.userId !== input.toUserId))
        throw new DomainError('SWAP_OTHER_INVALID', '换回的班次必须是对方的班次')
      this.check(a, input.toUserId, other)
      const now = toSiteIso(this.clock.now())
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO swap_request (assignment_id, date, shift_id, from_user, to_user, other_assignment_id, other_date, other_shift_id, status, reason, trail_json, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?, ?)`,
          )
          .run(
            a.id,
            a.date,
            a.shiftId,
            a.userId,
            input.toUserId,
            other?.id ?? null,
            other?.date ?? null,
            other?.shiftId ?? null,
            input.reason,
            JSON.stringify([{ at: now, by: actor.displayName, what: `申请：${input.reason}` }]),
            now,
          ).lastInsertRowid,
      )
      this.audit.record(who(actor), 'create', 'swap', id, null, input)
      return this.list(a.date.slice(0, 7))
    })()
  }

  answer(actor: Actor, swapId: number, action: 'accept' | 'approve' | 'reject' | 'cancel', note: string): SwapDto[] {
    return this.db.transaction(() => {
      const r = this.db.prepare('SELECT * FROM swap_request WHERE id = ?').get(swapId) as SwapRow | undefined
      if (!r) throw new DomainError('SWAP_NOT_FOUND', '换班申请不存在')
      const refuse = (msg: string) => {
        throw new DomainError('SWAP_NOT_ALLOWED', msg)
      }
      let status: SwapDto['status']
      const lead = actor.role === 'lead'
      if (action === 'accept') {
        if (r.status !== 'proposed') refuse('只有待对方确认的申请可以接受')
        if (actor.id !== r.to_user) refuse('只有被换班的同事可以接受')
        status = this.roster.swapNeedsApproval() ? 'accepted' : 'approved'
      } else if (action === 'approve') {
        if (!lead) refuse('只有负责人可以批准换班')
        if (r.status !== 'accepted') refuse('对方接受后负责人才能批准')
        status = 'approved'
      } else if (action === 'reject') {
        if (
          !(r.status === 'proposed' && actor.id === r.to_user) &&
          !(lead && ['proposed', 'accepted'].includes(r.status))
        )
          refuse('现在不能拒绝这个申请')
        status = 'rejected'
      } else {
        if (actor.id !== r.from_user || !['proposed', 'accepted'].includes(r.status))
          refuse('只有申请人可以在批准前撤回')
        status = 'cancelled'
      }
      if (status === 'approved') {
        const a = this.roster.assignment(r.assignment_id)
        const other = r.other_assignment_id ? (this.roster.assignment(r.other_assignment_id) ?? null) : null
        if (!a || a.userId !== r.from_user || (r.other_assignment_id && (!other || other.userId !== r.to_user)))
          refuse('值班表已经变动，这个申请不再适用，请重新申请')
        this.check(a!, r.to_user, other)
        this.roster.moveAssignment(a!.id, r.to_user)
        if (other) this.roster.moveAssignment(other.id, r.from_user)
        const names = new Map(this.roster.engineers().map((e) => [e.id, e.name]))
        const what = `换班：${r.date} ${names.get(r.from_user)} → ${names.get(r.to_user)}${other ? `；${other.date} ${names.get(r.to_user)} → ${names.get(r.from_user)}` : ''}`
        for (const month of new Set([r.date.slice(0, 7), ...(other ? [other.date.slice(0, 7)] : [])]))
          this.roster.recordChange(actor, month, what, `换班申请 #${r.id}：${r.reason}`)
      }
      const trail = [
        ...JSON.parse(r.trail_json),
        {
          at: toSiteIso(this.clock.now()),
          by: actor.displayName,
          what: { accept: '接受', approve: '批准', reject: '拒绝', cancel: '撤回' }[action] + (note ? `：${note}` : ''),
        },
      ]
      this.db
        .prepare('UPDATE swap_request SET status = ?, trail_json = ? WHERE id = ?')
        .run(status, JSON.stringify(trail), r.id)
      this.audit.record(who(actor), `swap.${action}`, 'swap', r.id, { status: r.status }, { status })
      return this.list(r.date.slice(0, 7))
    })()
  }
}
