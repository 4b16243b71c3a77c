import type { Pause, ServiceCalendar } from '@shared/calendar/service-calendar'
import { formatDuration, parseIso, toSiteDate } from '@shared/time/site-time'
import { type CalendarRef, type Milestone, MILESTONES, type SlaLevel, targetMinutes } from './sla'

export type MilestoneStateKind =
  'met' | 'breached' | 'running' | 'at_risk' | 'overdue' | 'paused' | 'waiting' | 'skipped' | 'missed'

export const MILESTONE_STATE_LABELS: Record<MilestoneStateKind, string> = {
  met: '已达成',
  breached: '超时完成',
  running: '计时中',
  at_risk: '即将超时',
  overdue: '已超时',
  paused: '已挂起',
  waiting: '未开始',
  skipped: '未发生',
  missed: '超时未完成',
}

/** Late as the open-fault counts see it: past its deadline now, or missed before recovery. */
export const isLate = (m: Pick<MilestoneState, 'state'>): boolean => m.state === 'overdue' || m.state === 'missed'

/** Whether a clock line of the handover (「提交方案：超时未完成 1小时」) tells of a late milestone. */
export const isLateClockLine = (line: string): boolean =>
  line.includes(MILESTONE_STATE_LABELS.overdue) || line.includes(MILESTONE_STATE_LABELS.missed)

/** A milestone that counts against the contract: done late, still late, or never done before its deadline passed. */
export const isBreach = (m: Pick<MilestoneState, 'state'>): boolean =>
  m.state === 'breached' || m.state === 'overdue' || m.state === 'missed'

export interface MilestoneState {
  milestone: Milestone
  targetMin: number
  /** when its clock started: the report, or the recovery for the analysis record */
  startedAt: number | null
  deadline: number | null
  doneAt: number | null
  state: MilestoneStateKind
  /** wall-clock minutes left (running, at risk) or late (overdue, breached) */
  minutes: number
}

export interface FaultClockInput {
  reportedAt: number
  level: SlaLevel
  done: Partial<Record<Milestone, number | null>>
  pauses: Pause[]
  pausesStopClock: boolean
}

export type Calendars = Record<CalendarRef, ServiceCalendar>

/**
 * The instant a target of `target` open minutes is reached from `start`, with
 * paused time not counted; null while an open pause holds the clock.
 */
export function deadlineOf(
  start: number,
  target: number,
  cal: ServiceCalendar,
  pauses: readonly Pause[],
): number | null {
  let t = start
  let remaining = target
  const sorted = [...pauses].sort((a, b) => a.from - b.from)
  for (const p of sorted) {
    const end = p.to ?? Number.POSITIVE_INFINITY
    if (end <= t) continue
    const candidate = cal.addMinutes(t, remaining)
    if (candidate <= p.from) return candidate
    remaining -= cal.openMinutes(t, Math.max(t, p.from))
    if (p.to === null) return null
    t = Math.max(t, p.to)
  }
  return cal.addMinutes(t, remaining)
}

/** A milestone is at risk when a quarter of its time, or 15 minutes, is all that is left. */
const atRiskMinutes = (targetMin: number) => Math.max(15, targetMin * 0.25)

export function computeMilestones(input: FaultClockInput, now: number, calendars: Calendars): MilestoneState[] {
  const out: MilestoneState[] = []
  for (const m of MILESTONES) {
    const target = input.level.targets[m]
    if (!target) continue
    const cal = calendars[target.calendar]
    const targetMin = targetMinutes(target, calendars.working.minutesPerDay)
    const doneAt = input.done[m] ?? null
    // seed 003 §3.2.4: the 2-hour arrival applies to faults reported on a weekend or holiday only.
    if (target.nonWorkingDaysOnly && calendars.working.blocksOn(toSiteDate(input.reportedAt)).length > 0) continue
    const startedAt = m === 'analysis' ? (input.done.recover ?? null) : input.reportedAt
    if (startedAt === null) {
      out.push({ milestone: m, targetMin, startedAt, deadline: null, doneAt, state: 'waiting', minutes: 0 })
      continue
    }
    const pauses = input.pausesStopClock && m !== 'analysis' ? input.pauses : []
    // A milestone never done stops at recovery: its pauses count up to then.
    const recoveredAt = m !== 'recover' && m !== 'analysis' ? (input.done.recover ?? null) : null
    const stopAt = doneAt ?? recoveredAt
    const deadline = deadlineOf(
      startedAt,
      targetMin,
      cal,
      stopAt === null ? pauses : pauses.filter((p) => p.from < stopAt),
    )
    let state: MilestoneStateKind
    let minutes: number
    if (doneAt === null && recoveredAt !== null) {
      // Recovered without, say, going on site: recovered before the deadline, the milestone was
      // not needed (未发生); the deadline passed first, it was missed whatever happened later
      // (seed 002 §三 deducts for every overdue fault).
      // Seed 003 §3.2.4's weekend arrival is conditional: 「首选通过电话、邮件等方式远程解决…如确有
      // 必要需要现场提供技术支持，工程师将在 2 小时内赶到现场」 — recovered remotely, going on
      // site was never needed, however long the remote work took.
      const onSiteIfNeeded = m === 'arrive' && target.nonWorkingDaysOnly === true
      if (deadline !== null && recoveredAt > deadline && !onSiteIfNeeded) {
        state = 'missed'
        minutes = Math.round((recoveredAt - deadline) / 60000)
      } else {
        state = 'skipped'
        minutes = 0
      }
    } else if (doneAt !== null) {
      state = deadline !== null && doneAt <= deadline ? 'met' : 'breached'
      minutes = deadline !== null && doneAt > deadline ? Math.round((doneAt - deadline) / 60000) : 0
    } else if (deadline === null) {
      state = 'paused'
      minutes = 0
    } else if (now > deadline) {
      state = 'overdue'
      minutes = Math.floor((now - deadline) / 60000)
    } else {
      minutes = Math.floor((deadline - now) / 60000)
      state = minutes <= atRiskMinutes(targetMin) ? 'at_risk' : 'running'
    }
    out.push({ milestone: m, targetMin, startedAt, deadline, doneAt, state, minutes })
  }
  return out
}

/** When the next progress update is due while a fault is worked; null when the level asks for none. */
export function progressDue(
  level: SlaLevel,
  reportedAt: number,
  lastUpdateAt: number | null,
  active: boolean,
): number | null {
  if (!active || !level.progressEveryMin) return null
  return (lastUpdateAt ?? reportedAt) + level.progressEveryMin * 60_000
}

/** The nearest deadline still ahead or passed, for sorting the board of open faults. */
export function nearestDeadline(states: readonly MilestoneState[]): number | null {
  const open = states.filter((s) => s.doneAt === null && s.deadline !== null).map((s) => s.deadline!)
  return open.length ? Math.min(...open) : null
}

/**
 * Each pause of a fault as the record shows it: 「暂停 3小时，原因：等待用户停机窗口」, and
 * whether the contract clock stopped (only where the site turned that on for the level).
 */
export function describePauses(
  clock: { pauses: readonly { from: string; to: string | null; reason?: string }[]; pausesStopClock: boolean },
  now: number,
): string[] {
  return clock.pauses.map((p) => {
    const minutes = Math.round(((p.to ? parseIso(p.to)! : now) - parseIso(p.from)!) / 60000)
    const how = clock.pausesStopClock ? '停止计时' : '计时未停'
    return `${p.to ? '' : '挂起中，'}暂停 ${formatDuration(minutes)}（${how}），原因：${p.reason || '见时间线'}`
  })
}
