import type { Db } from '../../db/connection'
import { DomainError } from '@shared/errors'
import {
  NOTIFY_VIA_LABELS,
  type CreateFaultInput,
  type FaultCategory,
  type FaultDto,
  type FaultEventInput,
  type FaultQuery,
  type FaultStatsDto,
  type FaultSummaryDto,
  type PauseDto,
} from '@shared/faults/contract'
import { formDef, majorCloseGaps } from '@shared/faults/forms'
import { clockInput } from '@shared/faults/clock'
import { contractYear } from '@shared/faults/contract-year'
import { computeMilestones, isBreach, isLate, type MilestoneState } from '@shared/faults/milestones'
import { MILESTONE_LABELS, type SlaLevel } from '@shared/faults/sla'
import { EVENT_LABELS, FAULT_STATUS_LABELS, nextStatus, PROGRESS_KINDS } from '@shared/faults/state'
import type { Actor } from '@shared/ipc/kit'
import { pastEventProblem } from '@shared/time/bounds'
import type { Page } from '@shared/paging'
import { missingNextYear } from '@shared/calendar/holidays'
import { dayStartIso, parseIso, toSiteDate, toSiteIso } from '@shared/time/site-time'
import type { AssetRepository } from '../assets/repository'
import { type AuditService, who } from '../audit/service'
import type { UserRepository } from '../auth/users'
import type { CalendarService } from '../calendar/service'
import type { Clock } from '../clock'
import type { RequestRepository } from '../requests/repository'
import { siteSetupAt } from '../site/service'
import type { ServiceLogRepository } from '../serviceLog/repository'
import type { SiteService } from '../site/service'
import { type FaultChanges, type FaultRepository, type FaultRow, toSummary } from './repository'
import { lateFilter, yearCounts } from './stats'
import type { SlaService } from './sla-service'

/** A fault to record: from the screen, or from imports and demo data that may leave the category out. */
type NewFault = Omit<CreateFaultInput, 'category'> & { category?: FaultCategory }

/** The fault log (故障管理): records, the append-only timeline, SLA clocks and the emergency-flow forms. */
export class FaultService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repo: FaultRepository,
    private readonly sla: SlaService,
    private readonly calendar: CalendarService,
    private readonly assets: AssetRepository,
    private readonly users: UserRepository,
    private readonly serviceLog: ServiceLogRepository,
    private readonly site: SiteService,
    private readonly requests: RequestRepository,
  ) {}

  milestones(summary: FaultSummaryDto, now = this.clock.now()): MilestoneState[] {
    return computeMilestones(clockInput(summary.clock), now, this.calendar.calendars())
  }

  list(q: FaultQuery): Page<FaultSummaryDto> {
    if (q.breached || q.overdue) {
      // Late is a calendar computation, not a column: filter in code (a year holds some hundred faults).
      const [now, cals] = [this.clock.now(), this.calendar.calendars()]
      const keep = lateFilter(q, (f) => computeMilestones(clockInput(f.clock), now, cals))
      const late = this.repo.query(q, true).rows.map(toSummary).filter(keep)
      return { items: late.slice(q.offset, q.offset + q.limit), total: late.length }
    }
    const { rows, total } = this.repo.query(q)
    return { items: rows.map(toSummary), total }
  }

  private row(id: number): FaultRow {
    const r = this.repo.get(id)
    if (!r) throw new DomainError('FAULT_NOT_FOUND', '故障记录不存在')
    return r
  }

  get(id: number): FaultDto {
    const r = this.row(id)
    return {
      ...toSummary(r),
      reportChannel: r.report_channel as FaultDto['reportChannel'],
      symptoms: r.symptoms,
      impact: r.impact,
      workaround: r.workaround,
      rootCause: r.root_cause,
      resolution: r.resolution,
      analysis: r.analysis,
      serviceLogId: r.service_log_id,
      voidReason: r.void_reason,
      events: this.repo.events(id),
      forms: this.repo.forms(id),
    }
  }

  policyLevels(): SlaLevel[] {
    return this.sla.policy().levels
  }

  private level(code: string): SlaLevel {
    const level = this.sla.policy().levels.find((l) => l.code === code)
    if (!level) throw new DomainError('SEVERITY_UNKNOWN', `故障级别“${code}”不在当前 SLA 策略中`)
    return level
  }

  private notFuture(iso: string, what: string): number {
    const problem = pastEventProblem(iso, this.clock.now(), siteSetupAt(this.db), what)
    if (problem) throw new DomainError(problem.code, problem.message)
    return parseIso(iso)!
  }

  /**
   * A repeated `requestId` returns the fault the first call recorded: one fault, one number.
   * `category` may be left out by internal callers (imports, demo data): it is then 其他.
   */
  create(actor: Actor, input: NewFault): FaultDto {
    return this.db.transaction(() => {
      const now = toSiteIso(this.clock.now())
      let fresh = false
      const id = this.requests.once(input.requestId, 'fault/create', actor.id, now, () => {
        fresh = true
        return this.insert(actor, input, now)
      })
      const after = this.get(id)
      if (fresh) this.audit.record(who(actor), 'create', 'fault', id, null, auditView(after))
      return after
    })()
  }

  private insert(actor: Actor, input: NewFault, now: string): number {
    this.notFuture(input.reportedAt, '报告时间')
    const level = this.level(input.severity)
    if (input.assetId !== null) {
      const asset = this.assets.get(input.assetId)
      if (!asset) throw new DomainError('ASSET_NOT_FOUND', '所选的运维对象不存在')
      if (asset.status === 'retired') throw new DomainError('ASSET_RETIRED', `运维对象“${asset.name}”已停用`)
    }
    const ownerId = input.ownerId ?? actor.id
    const owner = this.users.byId(ownerId)
    if (!owner || owner.active !== 1 || owner.role === 'reviewer')
      throw new DomainError('OWNER_INVALID', '负责人必须是在用的工程师或负责人账号')
    if (input.serviceLogId !== undefined) {
      const entry = this.serviceLog.get(input.serviceLogId)
      if (!entry || entry.voided) throw new DomainError('SERVICE_LOG_NOT_FOUND', '关联的运维记录不存在或已作废')
      const linked = this.db
        .prepare("SELECT no FROM fault WHERE service_log_id = ? AND status != 'voided'")
        .pluck()
        .get(input.serviceLogId) as string | undefined
      if (linked) throw new DomainError('SERVICE_LOG_LINKED', `这条运维记录已转为故障 ${linked}`)
    }
    const no = this.repo.nextNo(input.reportedAt.slice(0, 4))
    const id = this.repo.insert({
      no,
      title: input.title,
      asset_id: input.assetId,
      severity: level.code,
      category: input.category ?? 'other',
      level_json: JSON.stringify(level),
      pauses_stop_clock: level.pausesStopClock ? 1 : 0,
      status: 'new',
      reported_at: input.reportedAt,
      reported_by: input.reportedBy,
      report_channel: input.reportChannel,
      symptoms: input.symptoms,
      impact: input.impact,
      owner_id: ownerId,
      service_log_id: input.serviceLogId ?? null,
      major: level.major ? 1 : 0,
      created_at: now,
      created_by: actor.id,
      updated_at: now,
    })
    this.repo.addEvent({
      faultId: id,
      at: input.reportedAt,
      kind: 'created',
      actorId: actor.id,
      actorName: actor.displayName,
      text: input.symptoms,
      data: { severity: level.code },
      recordedAt: now,
    })
    this.repo.index(this.row(id))
    return id
  }

  addEvent(actor: Actor, e: FaultEventInput): FaultDto {
    return this.db.transaction(() => {
      const r = this.row(e.faultId)
      const before = this.get(e.faultId)
      const status = nextStatus(r.status, e.kind)
      if (status === null) {
        throw new DomainError(
          'FAULT_TRANSITION',
          `故障当前为“${FAULT_STATUS_LABELS[r.status]}”，不能执行“${EVENT_LABELS[e.kind]}”`,
        )
      }
      const at = this.notFuture(e.at, '时间')
      if (at < parseIso(r.reported_at)!) throw new DomainError('TIME_BEFORE_REPORT', '时间不能早于故障报告时间')
      const changes: FaultChanges = { status }
      const data: Record<string, unknown> = {}
      const pauses = JSON.parse(r.pauses_json) as PauseDto[]
      const need = (what: string) => {
        if (!e.text) throw new DomainError('TEXT_REQUIRED', `请填写${what}`)
      }
      // Any handling of a new fault is its first response.
      if (
        r.status === 'new' &&
        !r.respond_at &&
        ['respond', 'remote', 'arrive', 'plan', 'action', 'workaround', 'recover'].includes(e.kind)
      )
        changes.respond_at = e.at
      switch (e.kind) {
        case 'remote':
          if (!r.remote_at) changes.remote_at = e.at
          break
        case 'notify':
          // seed 003 §4.3.3.3: who was told, when and how.
          if (!e.target) throw new DomainError('NOTIFY_WHO_REQUIRED', '请填写通知了哪位领导（姓名或职务）')
          if (!e.via) throw new DomainError('NOTIFY_VIA_REQUIRED', '请选择通知方式')
          if (!r.notify_at) changes.notify_at = e.at
          Object.assign(data, { who: e.target, via: e.via, viaLabel: NOTIFY_VIA_LABELS[e.via] })
          break
        case 'arrive':
          if (!r.arrive_at) changes.arrive_at = e.at
          break
        case 'plan':
          need('处理方案')
          if (!r.plan_at) changes.plan_at = e.at
          break
        case 'action':
        case 'progress':
          need('内容')
          break
        case 'escalate':
          if (!e.target) throw new DomainError('TARGET_REQUIRED', '请填写升级对象（二线、厂商或总部专家）')
          data.target = e.target
          break
        case 'escalation_result':
          need('升级处理结果')
          break
        case 'workaround':
          need('临时解决方案')
          changes.workaround = e.text
          break
        case 'pause':
          need('挂起原因')
          pauses.push({ from: e.at, to: null, reason: e.text })
          changes.pauses_json = JSON.stringify(pauses)
          break
        case 'resume': {
          const open = pauses[pauses.length - 1]!
          if (at < parseIso(open.from)!) throw new DomainError('TIME_BEFORE_PAUSE', '恢复处理时间不能早于挂起时间')
          open.to = e.at
          changes.pauses_json = JSON.stringify(pauses)
          break
        }
        case 'severity': {
          need('调整原因')
          if (!e.severity || e.severity === r.severity) throw new DomainError('SEVERITY_SAME', '请选择不同的故障级别')
          const level = this.level(e.severity)
          // Breaches under the old level stay counted: they are recorded before the deadlines move.
          const breached = this.milestones(toSummary(r), at).filter(isBreach)
          for (const m of breached) {
            this.repo.addEvent({
              faultId: r.id,
              at: e.at,
              kind: 'breach',
              actorId: actor.id,
              actorName: actor.displayName,
              text: `${JSON.parse(r.level_json).name} ${MILESTONE_LABELS[m.milestone]}超时`,
              data: {
                milestone: m.milestone,
                level: r.severity,
                deadline: m.deadline === null ? null : toSiteIso(m.deadline),
              },
              recordedAt: toSiteIso(this.clock.now()),
            })
          }
          changes.breaches = r.breaches + breached.length
          changes.severity = level.code
          changes.level_json = JSON.stringify(level)
          changes.pauses_stop_clock = level.pausesStopClock ? 1 : 0
          if (level.major) changes.major = 1
          Object.assign(data, { from: r.severity, to: level.code })
          break
        }
        case 'recover': {
          changes.recovered_at = e.at
          if (e.text) changes.resolution = e.text
          const policy = this.sla.policy()
          const minutes = (at - parseIso(r.reported_at)!) / 60000
          if (policy.majorRecoverMinutes !== null && minutes >= policy.majorRecoverMinutes) changes.major = 1
          break
        }
        case 'root_cause':
          need('故障原因')
          changes.root_cause = e.text
          break
        case 'analysis':
          need('故障分析处理记录')
          this.checkMajorClose(actor, r, e)
          if (at < parseIso(r.recovered_at!)!)
            throw new DomainError('TIME_BEFORE_RECOVERY', '分析记录时间不能早于恢复时间')
          changes.analysis = e.text
          changes.analysis_at = e.at
          break
        case 'void':
          need('作废原因')
          changes.void_reason = e.text
          break
        case 'owner': {
          const owner = e.ownerId === undefined ? undefined : this.users.byId(e.ownerId)
          if (!owner || owner.active !== 1 || owner.role === 'reviewer')
            throw new DomainError('OWNER_INVALID', '负责人必须是在用的工程师或负责人账号')
          changes.owner_id = owner.id
          Object.assign(data, { from: r.owner_id, to: owner.id, toName: owner.display_name })
          break
        }
        default:
          break
      }
      if ((PROGRESS_KINDS as readonly string[]).includes(e.kind) && (!r.last_update_at || e.at > r.last_update_at))
        changes.last_update_at = e.at
      changes.updated_at = toSiteIso(this.clock.now())
      this.repo.update(r.id, changes)
      this.repo.addEvent({
        faultId: r.id,
        at: e.at,
        kind: e.kind,
        actorId: actor.id,
        actorName: actor.displayName,
        text: e.text,
        data: Object.keys(data).length ? data : null,
        recordedAt: toSiteIso(this.clock.now()),
      })
      if (['workaround', 'root_cause', 'analysis', 'recover'].includes(e.kind)) this.repo.index(this.row(r.id))
      const after = this.get(r.id)
      this.audit.record(who(actor), `event.${e.kind}`, 'fault', r.id, auditView(before), auditView(after))
      return after
    })()
  }

  /**
   * A major fault closes with its cause and emergency forms, or with the reason
   * they are missing written into the timeline (seed 003 §3.2.12.5).
   */
  private checkMajorClose(actor: Actor, r: FaultRow, e: FaultEventInput): void {
    if (r.major !== 1) return
    const gaps = majorCloseGaps(r.root_cause, this.repo.forms(r.id))
    if (!gaps.length) return
    if (!e.closeReason?.trim())
      throw new DomainError(
        'MAJOR_CLOSE_INCOMPLETE',
        `重大故障关闭前请补全：${gaps.join('、')}；确实无法补全的，请填写原因`,
      )
    this.repo.addEvent({
      faultId: r.id,
      at: e.at,
      kind: 'note',
      actorId: actor.id,
      actorName: actor.displayName,
      text: `未补全即关闭（缺：${gaps.join('、')}）。原因：${e.closeReason.trim()}`,
      data: { missing: gaps, reason: e.closeReason.trim() },
      recordedAt: toSiteIso(this.clock.now()),
    })
  }

  saveForm(actor: Actor, faultId: number, kind: string, data: Record<string, string>): FaultDto {
    return this.db.transaction(() => {
      const r = this.row(faultId)
      if (r.major !== 1) throw new DomainError('FAULT_NOT_MAJOR', '只有重大故障需要填写应急流程表单')
      const def = formDef(kind)!
      const clean = Object.fromEntries(def.fields.map((f) => [f.key, (data[f.key] ?? '').trim()]))
      const now = toSiteIso(this.clock.now())
      const version = this.repo.addForm(faultId, kind, clean, actor.id, now)
      this.repo.addEvent({
        faultId,
        at: now,
        kind: 'form',
        actorId: actor.id,
        actorName: actor.displayName,
        text: `${def.title}（第 ${version} 版）`,
        data: { kind, version },
        recordedAt: now,
      })
      this.audit.record(who(actor), 'form.save', 'fault', faultId, null, { kind, version, data: clean })
      return this.get(faultId)
    })()
  }

  stats(): FaultStatsDto {
    const now = this.clock.now()
    const cals = this.calendar.calendars()
    const open = this.repo.query({ openOnly: true, offset: 0, limit: 1 }, true).rows.map(toSummary)
    const today = toSiteDate(now)
    const site = this.site.find()
    const year = contractYear(site?.contractStart ?? `${today.slice(0, 4)}-01-01`, today)
    const [from, to] = [dayStartIso(year.from), dayStartIso(year.to)]
    const inYear = this.repo.reportedBetween(from, to).map(toSummary)
    const recorded = this.repo.recordedBreaches(from, to)
    const states = inYear.map((f) => ({
      f,
      ms: computeMilestones(clockInput(f.clock), now, cals),
      recorded: recorded.get(f.id) ?? [],
    }))
    return {
      // Not closed: recovered faults too, so that the 已超时 faults are always among them.
      open: open.length,
      overdue: open.filter((f) => computeMilestones(clockInput(f.clock), now, cals).some(isLate)).length,
      contractYear: year,
      majorPerYear: this.sla.policy().majorPerYear,
      ...yearCounts(states, now),
      missingHolidayYear: missingNextYear(today, this.calendar.holidays()),
    }
  }
}

/** The audit trail keeps what a person would compare: status, level, owner, milestones, texts. */
function auditView(f: FaultDto) {
  const { events: _events, forms: _forms, clock, ...rest } = f
  return { ...rest, done: clock.done, pauses: clock.pauses }
}
