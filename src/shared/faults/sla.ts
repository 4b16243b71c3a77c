/**
 * SLA policies: per contract, a list of severity levels, each with targets for
 * the milestones of a fault, measured on a service calendar. Presets come from
 * the tender documents (seeds 000, 002, 003, 004).
 */
export const MILESTONES = ['respond', 'arrive', 'plan', 'recover', 'analysis'] as const
export type Milestone = (typeof MILESTONES)[number]
export const MILESTONE_LABELS: Record<Milestone, string> = {
  respond: '响应',
  arrive: '到场',
  plan: '提交方案',
  recover: '恢复',
  analysis: '分析记录',
}

export type DurationUnit = 'minute' | 'hour' | 'workday'
export const UNIT_LABELS: Record<DurationUnit, string> = { minute: '分钟', hour: '小时', workday: '个工作日' }

/** 'always' runs 7×24; 'working' is the site's working-hours calendar. */
export type CalendarRef = 'always' | 'working'
export const CALENDAR_LABELS: Record<CalendarRef, string> = { always: '7×24', working: '工作时间' }

export interface Target {
  amount: number
  unit: DurationUnit
  calendar: CalendarRef
}

export interface SlaLevel {
  code: string
  name: string
  /** the contract's own words, e.g. "重大" */
  description: string
  targets: Partial<Record<Milestone, Target>>
  /** progress updates expected at this interval while open (seed 001) */
  progressEveryMin: number | null
  /** faults at this level follow the emergency flow (重大故障) */
  major: boolean
}

export interface SlaPolicy {
  key: string
  name: string
  source: string
  levels: SlaLevel[]
  /** paused time (e.g. waiting for the vendor) does not count toward targets */
  pausesStopClock: boolean
  /** a fault whose recovery takes at least this long is major whatever its level (seed 004: 2 h) */
  majorRecoverMinutes: number | null
  /** major faults allowed per contract year (seed 004: at most one) */
  majorPerYear: number | null
  /** the default level follows the system's service tier 1–5 (HS/T 42-2014) */
  levelByTier: boolean
}

const t = (amount: number, unit: DurationUnit, calendar: CalendarRef = 'always'): Target => ({ amount, unit, calendar })

export const SLA_PRESETS: SlaPolicy[] = [
  {
    key: 'hengqin',
    name: '横琴商事服务局运维合同 P1–P5',
    source: '依据横琴粤澳深度合作区商事服务局运维服务要求：电话响应 10 分钟，到场 1 小时，恢复后 24 小时内提交分析记录',
    pausesStopClock: true,
    majorRecoverMinutes: 120,
    majorPerYear: 1,
    levelByTier: false,
    levels: [
      {
        code: 'P1',
        name: 'P1 重大',
        description: '≤2 小时恢复',
        major: true,
        progressEveryMin: 30,
        targets: { respond: t(10, 'minute'), arrive: t(1, 'hour'), recover: t(2, 'hour'), analysis: t(24, 'hour') },
      },
      {
        code: 'P2',
        name: 'P2 严重',
        description: '≤4 小时恢复',
        major: false,
        progressEveryMin: 60,
        targets: { respond: t(10, 'minute'), arrive: t(1, 'hour'), recover: t(4, 'hour'), analysis: t(24, 'hour') },
      },
      {
        code: 'P3',
        name: 'P3 关键',
        description: '≤8 小时恢复',
        major: false,
        progressEveryMin: 60,
        targets: { respond: t(10, 'minute'), arrive: t(1, 'hour'), recover: t(8, 'hour'), analysis: t(24, 'hour') },
      },
      {
        code: 'P4',
        name: 'P4 一般',
        description: '≤24 小时恢复',
        major: false,
        progressEveryMin: 60,
        targets: { respond: t(10, 'minute'), arrive: t(1, 'hour'), recover: t(24, 'hour'), analysis: t(24, 'hour') },
      },
      {
        code: 'P5',
        name: 'P5 轻微',
        description: '协商解决',
        major: false,
        progressEveryMin: null,
        targets: { respond: t(10, 'minute') },
      },
    ],
  },
  {
    key: 'fujian-water',
    name: '福建省水利厅运维合同 紧急/一般/轻微',
    source: '依据福建省水利质量检测监管平台运维考核要求：响应 15 分钟；方案 2/4 小时；恢复 12/24 小时',
    pausesStopClock: true,
    majorRecoverMinutes: null,
    majorPerYear: null,
    levelByTier: false,
    levels: [
      {
        code: 'urgent',
        name: '紧急',
        description: '核心业务中断',
        major: true,
        progressEveryMin: 30,
        targets: { respond: t(15, 'minute'), plan: t(2, 'hour'), recover: t(12, 'hour') },
      },
      {
        code: 'normal',
        name: '一般',
        description: '部分功能受影响',
        major: false,
        progressEveryMin: 60,
        targets: { respond: t(15, 'minute'), plan: t(4, 'hour'), recover: t(24, 'hour') },
      },
      { code: 'minor', name: '轻微', description: '按需处理', major: false, progressEveryMin: null, targets: {} },
    ],
  },
  {
    key: 'hainan-procuratorate',
    name: '海南省检察院运维合同 一级–四级',
    source: '依据海南省人民检察院软件运维项目用户需求书：响应 30 分钟；解决 24/24/8/8 小时',
    pausesStopClock: true,
    majorRecoverMinutes: null,
    majorPerYear: null,
    levelByTier: false,
    levels: [
      {
        code: 'L1',
        name: '一级',
        description: '系统瘫痪',
        major: true,
        progressEveryMin: 30,
        targets: { respond: t(30, 'minute'), recover: t(24, 'hour') },
      },
      {
        code: 'L2',
        name: '二级',
        description: '主要功能不可用',
        major: false,
        progressEveryMin: 60,
        targets: { respond: t(30, 'minute'), recover: t(24, 'hour') },
      },
      {
        code: 'L3',
        name: '三级',
        description: '一般功能异常',
        major: false,
        progressEveryMin: 60,
        targets: { respond: t(30, 'minute'), recover: t(8, 'hour') },
      },
      {
        code: 'L4',
        name: '四级',
        description: '咨询类问题',
        major: false,
        progressEveryMin: null,
        targets: { respond: t(30, 'minute'), recover: t(8, 'hour') },
      },
    ],
  },
  {
    key: 'customs-hst42',
    name: '海关行业标准 HS/T 42-2014 一至五级',
    source: '依据 HS/T 42-2014 信息系统运维服务保障等级：一级 2 小时、二级 4 小时（7×24）；三至五级 1/2/3 个工作日',
    pausesStopClock: true,
    majorRecoverMinutes: null,
    majorPerYear: null,
    levelByTier: true,
    levels: [
      {
        code: 'T1',
        name: '一级',
        description: '7×24，2 小时恢复',
        major: true,
        progressEveryMin: 30,
        targets: { recover: t(2, 'hour') },
      },
      {
        code: 'T2',
        name: '二级',
        description: '7×24，4 小时恢复',
        major: false,
        progressEveryMin: 60,
        targets: { recover: t(4, 'hour') },
      },
      {
        code: 'T3',
        name: '三级',
        description: '1 个工作日',
        major: false,
        progressEveryMin: null,
        targets: { recover: t(1, 'workday', 'working') },
      },
      {
        code: 'T4',
        name: '四级',
        description: '2 个工作日',
        major: false,
        progressEveryMin: null,
        targets: { recover: t(2, 'workday', 'working') },
      },
      {
        code: 'T5',
        name: '五级',
        description: '3 个工作日',
        major: false,
        progressEveryMin: null,
        targets: { recover: t(3, 'workday', 'working') },
      },
    ],
  },
]

export function presetPolicy(key: string): SlaPolicy | undefined {
  return SLA_PRESETS.find((p) => p.key === key)
}

/** Severity colours, the same everywhere; text always goes with them (printing in black and white). */
const COLOURS = ['#d03050', '#f0a020', '#c9a100', '#2080f0', '#909399']
export function levelColour(policy: SlaPolicy, code: string): string {
  const i = policy.levels.findIndex((l) => l.code === code)
  return COLOURS[Math.min(Math.max(i, 0), COLOURS.length - 1)]!
}

export function targetMinutes(target: Target, minutesPerWorkday: number): number {
  if (target.unit === 'minute') return target.amount
  if (target.unit === 'hour') return target.amount * 60
  return target.amount * minutesPerWorkday
}

export function formatTarget(target: Target): string {
  return `${target.amount}${UNIT_LABELS[target.unit]}（${CALENDAR_LABELS[target.calendar]}）`
}
