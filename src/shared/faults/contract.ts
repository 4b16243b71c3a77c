import { z } from 'zod'
import { channel } from '@shared/ipc/kit'
import { requestId } from '@shared/ipc/request-id'
import { type Page, pageInput } from '@shared/paging'
import { isoDate, isoDateTime } from '@shared/time/schemas'
import { FORM_KINDS } from './forms'
import { type Milestone, MILESTONES, type SlaLevel, type SlaPolicy } from './sla'
import { EVENT_KINDS, FAULT_STATUSES, type FaultEventKind, type FaultStatus } from './state'

export const REPORT_CHANNELS = ['phone', 'onsite', 'inspection', 'monitor', 'email', 'other'] as const
export const REPORT_CHANNEL_LABELS: Record<(typeof REPORT_CHANNELS)[number], string> = {
  phone: '电话报告',
  onsite: '现场报告',
  inspection: '巡检发现',
  monitor: '监控告警',
  email: '邮件',
  other: '其他',
}

/** 系统运行故障记录表 (seed 003 §3.2.12.3) classes; seed 001 §5.7.4.8 sorts by 数据安全/系统应用/运行环境/其他. */
export const FAULT_CATEGORIES = ['hardware', 'software', 'network', 'security', 'environment', 'other'] as const
export type FaultCategory = (typeof FAULT_CATEGORIES)[number]
export const FAULT_CATEGORY_LABELS: Record<FaultCategory, string> = {
  hardware: '硬件',
  software: '软件',
  network: '网络',
  security: '安全',
  environment: '运行环境',
  other: '其他',
}

/** How the leaders were told of a major fault (seed 003 §4.3.3.3). */
export const NOTIFY_VIAS = ['phone', 'in_person', 'sms', 'other'] as const
export const NOTIFY_VIA_LABELS: Record<(typeof NOTIFY_VIAS)[number], string> = {
  phone: '电话',
  in_person: '当面',
  sms: '短信',
  other: '其他',
}

export interface PauseDto {
  from: string
  to: string | null
  /** why the clock was held (required when it is paused) */
  reason?: string
}

/** Everything the renderer needs to run the fault's SLA clocks itself, live. */
export interface FaultClockDto {
  reportedAt: string
  level: SlaLevel
  done: Partial<Record<Milestone, string | null>>
  pauses: PauseDto[]
  pausesStopClock: boolean
  /** the last progress the customer heard of; null before the first */
  lastUpdateAt: string | null
  /** still being worked: progress updates are expected */
  active: boolean
}

export interface FaultSummaryDto {
  id: number
  no: string
  title: string
  assetId: number | null
  assetName: string | null
  severity: string
  severityName: string
  category: FaultCategory
  status: FaultStatus
  reportedAt: string
  reportedBy: string
  ownerId: number
  ownerName: string
  major: boolean
  recoveredAt: string | null
  breaches: number
  clock: FaultClockDto
}

export interface FaultEventDto {
  id: number
  at: string
  kind: FaultEventKind
  /** the account that recorded it (names may repeat) */
  actorId: number | null
  actorName: string
  text: string
  data: Record<string, unknown> | null
  recordedAt: string
}

export interface FaultFormDto {
  kind: string
  version: number
  data: Record<string, string>
  savedAt: string
  savedByName: string
}

export interface FaultDto extends FaultSummaryDto {
  reportChannel: (typeof REPORT_CHANNELS)[number]
  symptoms: string
  impact: string
  workaround: string
  rootCause: string
  resolution: string
  analysis: string
  serviceLogId: number | null
  voidReason: string | null
  events: FaultEventDto[]
  forms: FaultFormDto[]
}

export interface SlaDto {
  policy: SlaPolicy
  presets: { key: string; name: string; source: string }[]
}

export interface FaultStatsDto {
  /** faults not yet closed, recovered ones included */
  open: number
  /** open faults with a milestone late now, or missed before a recovery not yet closed */
  overdue: number
  /** the contract year the counts below cover (from the site's contract start date) */
  contractYear: { from: string; to: string }
  /** major faults reported in the contract year (seed 004 §五(一)2 counts per year of the contract) */
  majorThisYear: number
  majorPerYear: number | null
  /** faults in the contract year with a milestone done late, late now, or missed before recovery */
  breachedFaults: number
  /** those milestones, one by one: what seed 002 §三 deducts points for */
  missedMilestones: number
  byCategory: { category: FaultCategory; count: number }[]
  /** pauses that held a contract clock in the contract year, with their reasons */
  stoppedPauses: { faultId: number; no: string; minutes: number; reason: string }[]
  missingHolidayYear: number | null
}

const id = z.number().int().positive()
const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`)

export const faultQuery = z
  .object({
    status: z.enum(FAULT_STATUSES).optional(),
    openOnly: z.boolean().optional(),
    severity: z.string().max(20).optional(),
    category: z.enum(FAULT_CATEGORIES).optional(),
    assetId: id.optional(),
    ownerId: id.optional(),
    overdue: z.boolean().optional(),
    /** any milestone done late, late now or missed, closed faults included: the home page's 超时故障 */
    breached: z.boolean().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: z.string().trim().max(100).optional(),
    ...pageInput,
  })
  .default({ offset: 0, limit: 100 })
export type FaultQuery = z.output<typeof faultQuery>

export const createFaultInput = z.object({
  title: z.string({ error: '请填写故障标题' }).trim().min(1, '请填写故障标题').max(200, '故障标题不能超过 200 个字'),
  assetId: id.nullable().default(null),
  severity: z.string({ error: '请选择故障级别' }).min(1, '请选择故障级别').max(20),
  category: z.enum(FAULT_CATEGORIES, { error: '故障类别无效' }).default('other'),
  reportedAt: isoDateTime,
  reportedBy: text(50, '报告人').default(''),
  reportChannel: z.enum(REPORT_CHANNELS, { error: '报告方式无效' }).default('phone'),
  symptoms: text(5000, '故障现象').default(''),
  impact: text(2000, '影响范围').default(''),
  ownerId: id.optional(),
  serviceLogId: id.optional(),
  requestId,
})
export type CreateFaultInput = z.output<typeof createFaultInput>

export const faultEventInput = z.object({
  faultId: id,
  kind: z.enum(EVENT_KINDS, { error: '操作类型无效' }),
  at: isoDateTime,
  text: text(5000, '说明').default(''),
  /** severity: the new level code; escalate: to whom; owner: the new owner */
  severity: z.string().max(20).optional(),
  target: text(100, '升级对象').optional(),
  /** notify: how the leader was told */
  via: z.enum(NOTIFY_VIAS, { error: '通知方式无效' }).optional(),
  ownerId: id.optional(),
  /** closing a major fault without its cause or emergency forms: why (kept in the timeline) */
  closeReason: text(500, '未补全的原因').optional(),
})
export type FaultEventInput = z.output<typeof faultEventInput>

const targetSchema = z.object({
  amount: z.number().positive('时限必须大于 0').max(10000),
  unit: z.enum(['minute', 'hour', 'workday']),
  calendar: z.enum(['always', 'working']),
  nonWorkingDaysOnly: z.boolean().optional(),
})
export const slaPolicySchema = z.object({
  key: z.string().max(40),
  name: z.string().trim().min(1, '请填写策略名称').max(60),
  source: z.string().max(500),
  note: z.string().max(500).default(''),
  majorRecoverMinutes: z.number().int().positive().nullable(),
  majorPerYear: z.number().int().min(0).nullable(),
  levelByTier: z.boolean(),
  levels: z
    .array(
      z.object({
        code: z.string().trim().min(1).max(20),
        name: z.string().trim().min(1, '请填写级别名称').max(20),
        description: z.string().max(200),
        targets: z.partialRecord(z.enum(MILESTONES), targetSchema),
        progressEveryMin: z.number().int().positive().nullable(),
        major: z.boolean(),
        pausesStopClock: z.boolean().default(false),
      }),
    )
    .min(1, '至少要有一个故障级别')
    .max(10)
    .refine((levels) => new Set(levels.map((l) => l.code)).size === levels.length, '级别代码不能重复'),
})

export const faultContract = {
  'sla/get': channel<SlaDto>()(z.undefined(), 'user'),
  'sla/usePreset': channel<SlaDto>()(z.object({ key: z.string().max(40) }), 'lead'),
  'sla/update': channel<SlaDto>()(slaPolicySchema, 'lead'),
  'fault/list': channel<Page<FaultSummaryDto>>()(faultQuery, 'user'),
  /** every fault of the current filter (offset and limit ignored) as .xlsx */
  'fault/exportXlsx': channel<{ fileName: string; base64: string }>()(faultQuery, 'user'),
  'fault/get': channel<FaultDto>()(z.object({ id }), 'user'),
  'fault/create': channel<FaultDto>()(createFaultInput, 'writer'),
  'fault/addEvent': channel<FaultDto>()(faultEventInput, 'writer'),
  'fault/saveForm': channel<FaultDto>()(
    z.object({
      faultId: id,
      kind: z.enum(FORM_KINDS as [string, ...string[]]),
      data: z.record(z.string().max(40), z.string().max(5000)),
    }),
    'writer',
  ),
  'fault/stats': channel<FaultStatsDto>()(z.undefined(), 'user'),
}
