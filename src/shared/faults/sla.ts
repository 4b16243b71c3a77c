/**
 * SLA policies: per contract, a list of severity levels, each with targets for
 * the milestones of a fault, measured on a service calendar. Presets come from
 * the tender documents (seeds 000, 002, 003, 004); every number below names its
 * clause, and the README's preset tables repeat them.
 */
export const MILESTONES = ['respond', 'remote', 'notify', 'arrive', 'plan', 'recover', 'analysis'] as const
export type Milestone = (typeof MILESTONES)[number]
export const MILESTONE_LABELS: Record<Milestone, string> = {
  respond: '响应',
  remote: '远程诊断',
  notify: '通知领导',
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
  /** the target applies only to faults reported on a non-working day (weekend or holiday, seed 003 §3.2.4) */
  nonWorkingDaysOnly?: boolean
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
  /**
   * Paused time (e.g. waiting for the customer's maintenance window) does not
   * count toward this level's targets. No seed lets a contract clock stop, so
   * every preset ships false; a site may turn it on per level.
   */
  pausesStopClock: boolean
}

export interface SlaPolicy {
  key: string
  name: string
  source: string
  /** which calendar the contract counts on, and why (shown with the preset) */
  note: string
  levels: SlaLevel[]
  /** a fault whose recovery takes at least this long is major whatever its level (seed 004: 2 h) */
  majorRecoverMinutes: number | null
  /** major faults allowed per contract year (seed 004: at most one), counted from the contract start date */
  majorPerYear: number | null
  /** the default level follows the system's service tier 1–5 (HS/T 42-2014) */
  levelByTier: boolean
}

const t = (amount: number, unit: DurationUnit, calendar: CalendarRef = 'always'): Target => ({ amount, unit, calendar })
const level = (l: Omit<SlaLevel, 'pausesStopClock'>): SlaLevel => ({ ...l, pausesStopClock: false })

/** 横琴 seed 004 §五(三): 1 电话响应 10 分钟内; 2 1 小时内抵达现场; 3 15 分钟内启动远程诊断; 4 处理完成后 24 小时内分析记录. */
const hengqinCommon = { respond: t(10, 'minute'), remote: t(15, 'minute'), arrive: t(1, 'hour') }

/**
 * 海南 seed 003. Which calendar: §3.2.1 promises 「5*8 小时的基本响应服务」, while
 * §3.3.1.1.6.4 adds 「工作时间之外的采取 7*24 小时值班制度」 and §4.3.3.1 「为全省提供
 * 7*24 小时响应服务」. Read together: the 30-minute response is answered around the
 * clock by the duty phone for every level; resolution of 一级/二级 (system down,
 * main business stopped) cannot wait for Monday, so it runs 7×24; 三级/四级 (most
 * business still works) is resolved by the 5×8 on-site service, on working hours.
 * On non-working days §3.2.4 adds 「工程师将在 2 小时内赶到现场」 when on-site help is needed.
 */
const hainanArrive: Target = { ...t(2, 'hour'), nonWorkingDaysOnly: true }

export const SLA_PRESETS: SlaPolicy[] = [
  {
    key: 'hengqin',
    name: '横琴 P1–P5',
    source:
      '横琴服务标准（§五）：电话响应 10 分钟，远程诊断 15 分钟内启动，到场 1 小时，恢复按 RTO 表，恢复后 24 小时内提交分析记录',
    note: '全部 7×24：§五(一)1 「确保7×24小时随时待命」。重大故障按合同年计（§五(一)2 每年不超过一次，恢复≥2小时即重大）。',
    majorRecoverMinutes: 120,
    majorPerYear: 1,
    levelByTier: false,
    levels: [
      level({
        code: 'P1',
        name: 'P1 重大',
        description: '重大故障：核心系统全区域瘫痪（RTO ≦2小时）',
        major: true,
        progressEveryMin: 30,
        targets: { ...hengqinCommon, recover: t(2, 'hour'), analysis: t(24, 'hour') },
      }),
      level({
        code: 'P2',
        name: 'P2 严重',
        description: '严重故障：关键业务模块不可用（RTO ≦4小时）',
        major: false,
        progressEveryMin: 60,
        targets: { ...hengqinCommon, recover: t(4, 'hour'), analysis: t(24, 'hour') },
      }),
      level({
        code: 'P3',
        name: 'P3 关键',
        description: '关键故障：非核心功能异常（RTO ≦8小时）',
        major: false,
        progressEveryMin: 60,
        targets: { ...hengqinCommon, recover: t(8, 'hour'), analysis: t(24, 'hour') },
      }),
      level({
        code: 'P4',
        name: 'P4 一般',
        description: '一般故障：局部功能体验下降（RTO ≦24小时）',
        major: false,
        progressEveryMin: 60,
        targets: { ...hengqinCommon, recover: t(24, 'hour'), analysis: t(24, 'hour') },
      }),
      level({
        code: 'P5',
        name: 'P5 轻微',
        description: '轻微异常：适用性调整（RTO 协商确定）',
        major: false,
        progressEveryMin: null,
        targets: { respond: t(10, 'minute'), remote: t(15, 'minute') },
      }),
    ],
  },
  {
    key: 'fujian-water',
    name: '福建水利 紧急/一般/轻微',
    source:
      '福建省水利厅运维考核（§二）：每项请求 15 分钟内实质性响应；方案 2/4 小时；恢复 12/24 小时；§三 超时每次扣分',
    note: '全部 7×24：§二 「提供7*24小时远程技术支持响应服务」；15 分钟实质性响应适用于全部请求，含轻微。',
    majorRecoverMinutes: null,
    majorPerYear: null,
    levelByTier: false,
    levels: [
      level({
        code: 'urgent',
        name: '紧急',
        description:
          '系统出现宕机等严重问题；系统无法启用；系统崩溃导致业务停止、数据丢失；出现关键业务故障；系统故障可能造成重大安全事故或损失',
        major: true,
        progressEveryMin: 30,
        targets: { respond: t(15, 'minute'), plan: t(2, 'hour'), recover: t(12, 'hour') },
      }),
      level({
        code: 'normal',
        name: '一般',
        description: '系统基本正常，出现非致命性、非关键业务错误，但影响用户工作',
        major: false,
        progressEveryMin: 60,
        targets: { respond: t(15, 'minute'), plan: t(4, 'hour'), recover: t(24, 'hour') },
      }),
      level({
        code: 'minor',
        name: '轻微',
        description: '其他非功能性问题，如用户认为操作不方便、不够友好而要求改进',
        major: false,
        progressEveryMin: null,
        targets: { respond: t(15, 'minute') },
      }),
    ],
  },
  {
    key: 'hainan-procuratorate',
    name: '海南检察 一级–四级',
    source:
      '海南省人民检察院运维需求（§3.3.1.1.6.1/6.2）：响应 30 分钟；解决 24/24/8/8 小时；节假日 2 小时内到场（§3.2.4）；重大故障立即通知主管部门领导（§4.3.3.3）',
    note: '响应 7×24（§4.3.3.1 7*24 小时响应、§3.3.1.1.6.4 工作时间外 7*24 值班）；一级/二级解决 7×24，三级/四级解决按工作时间（§3.2.1 5*8 基本响应服务）；节假日（含周六、日）到场 2 小时（§3.2.4）。',
    majorRecoverMinutes: null,
    majorPerYear: null,
    levelByTier: false,
    levels: [
      level({
        code: 'L1',
        name: '一级',
        description:
          '应用服务器、数据库服务器同时或其中之一，出现宕机、性能严重下降或无法访问等故障，使应用系统不能对外提供服务，用户在线业务工作无法进行',
        major: true,
        progressEveryMin: 30,
        // §4.3.3.3 「立即通知主管部门领导」: "immediately" is held to 5 minutes; a site may change it.
        targets: { respond: t(30, 'minute'), notify: t(5, 'minute'), arrive: hainanArrive, recover: t(24, 'hour') },
      }),
      level({
        code: 'L2',
        name: '二级',
        description: '应用系统使用时出现主要业务流程或模块无法正常运行，严重影响用户在线业务工作',
        major: false,
        progressEveryMin: 60,
        targets: { respond: t(30, 'minute'), arrive: hainanArrive, recover: t(24, 'hour') },
      }),
      level({
        code: 'L3',
        name: '三级',
        description:
          '应用系统使用时出现操作性能受损，个别非主要业务流程或模块出现功能错误，但大部分在线业务工作仍可正常工作',
        major: false,
        progressEveryMin: 60,
        targets: { respond: t(30, 'minute'), arrive: hainanArrive, recover: t(8, 'hour', 'working') },
      }),
      level({
        code: 'L4',
        name: '四级',
        description: '应用系统能够正常运行，但仍需要优化完善。本级故障事件对用户在线业务工作几乎无影响，或根本没有影响',
        major: false,
        progressEveryMin: null,
        targets: { respond: t(30, 'minute'), arrive: hainanArrive, recover: t(8, 'hour', 'working') },
      }),
    ],
  },
  {
    key: 'customs-hst42',
    name: '海关 HS/T 42-2014 一至五级',
    source: 'HS/T 42-2014 服务保障等级（表1）：一级 2 小时、二级 4 小时（7×24）；三至五级 1/2/3 个工作日',
    note: '一级、二级 7×24；三至五级按工作日（HS/T 42-2014 表1）。',
    majorRecoverMinutes: null,
    majorPerYear: null,
    levelByTier: true,
    levels: [
      level({
        code: 'T1',
        name: '一级',
        description: '7×24，2 小时恢复',
        major: true,
        progressEveryMin: 30,
        targets: { recover: t(2, 'hour') },
      }),
      level({
        code: 'T2',
        name: '二级',
        description: '7×24，4 小时恢复',
        major: false,
        progressEveryMin: 60,
        targets: { recover: t(4, 'hour') },
      }),
      level({
        code: 'T3',
        name: '三级',
        description: '1 个工作日',
        major: false,
        progressEveryMin: null,
        targets: { recover: t(1, 'workday', 'working') },
      }),
      level({
        code: 'T4',
        name: '四级',
        description: '2 个工作日',
        major: false,
        progressEveryMin: null,
        targets: { recover: t(2, 'workday', 'working') },
      }),
      level({
        code: 'T5',
        name: '五级',
        description: '3 个工作日',
        major: false,
        progressEveryMin: null,
        targets: { recover: t(3, 'workday', 'working') },
      }),
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
