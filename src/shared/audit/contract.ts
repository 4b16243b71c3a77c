import { z } from 'zod'
import { channel } from '@shared/ipc/kit'
import { type Page, pageInput } from '@shared/paging'
import { isoDate } from '@shared/time/schemas'

export interface AuditEntryDto {
  seq: number
  at: string
  userId: number | null
  userName: string
  action: string
  entity: string
  entityId: string | null
  before: unknown
  after: unknown
  result: 'ok' | 'denied' | 'failed'
  hash: string
}

/**
 * What the verifier names: a gap or reorder in the sequence, a broken link, a row
 * whose content no longer matches its hash, a handover anchor the chain no longer
 * holds, a signature that does not verify, a head that does not match its seal,
 * an append-only guard that was removed.
 */
export type ChainProblemKind = 'sequence' | 'link' | 'content' | 'anchor' | 'signature' | 'seal' | 'triggers'

export interface ChainProblemDto {
  kind: ChainProblemKind
  seq: number | null
  /** the handover whose anchor proves the problem */
  handoverId: number | null
  message: string
}

export interface ChainStatusDto {
  ok: boolean
  count: number
  /** first sequence number whose row does not match the chain; null when intact */
  firstBrokenSeq: number | null
  reason: string | null
  headSeq: number
  headHash: string
  /** the head as printed on paper: `seq-` and the first 12 hex of its hash */
  headCode: string
  problems: ChainProblemDto[]
  checkedAt: string
}

/** The background check run on every open, for the 审计日志 page and the warning on 首页. */
export interface AuditHealthDto {
  state: 'checking' | 'ok' | 'broken'
  checkedAt: string | null
  problems: ChainProblemDto[]
  headCode: string
}

export interface PaperCheckDto {
  match: boolean
  message: string
}

/** The short code printed on paper: sequence number and the first 12 hex of that row's hash. */
export const paperCode = (seq: number, hash: string): string => `${seq}-${hash.slice(0, 12)}`
export const PAPER_CODE_RE = /^(\d{1,12})-([0-9a-f]{12})$/

export const ENTITY_LABELS: Record<string, string> = {
  user: '账号',
  session: '登录',
  site: '站点设置',
  asset: '运维对象',
  serviceLog: '运维记录',
  serviceCategory: '运维类别',
  fault: '故障',
  holiday: '节假日',
  calendar: '服务日历',
  slaPolicy: 'SLA 策略',
  shift: '班次',
  rotation: '轮换方案',
  roster: '值班表',
  leave: '请假',
  swap: '换班',
  handover: '交接班',
  audit: '审计日志',
}

export const ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  void: '作废',
  import: '导入',
  login: '登录',
  'login.failed': '登录失败',
  logout: '退出',
  lock: '锁定',
  unlock: '解锁',
  'unlock.failed': '解锁失败',
  setup: '初始化',
  'password.change': '修改密码',
  'password.reset': '重置密码',
  'account.unlock': '解除锁定',
  export: '导出',
  'form.save': '保存表单',
  generate: '生成排班',
  submit: '提交',
  refuse: '退回',
  accept: '接班',
  recollect: '重新收集',
  addendum: '补充说明',
  owner: '转交',
  publish: '发布',
  'swap.accept': '接受换班',
  'swap.approve': '批准换班',
  'swap.reject': '拒绝换班',
  'swap.cancel': '撤回换班',
  'key.create': '生成签名密钥',
  notify: '本班提醒',
  'seal.init': '建立链头封条',
  'triggers.restored': '恢复只追加保护',
}

/** Fault timeline actions are audited as `event.<kind>`. */
export function actionLabel(action: string, eventLabels: Record<string, string>): string {
  if (action.startsWith('event.')) return `故障：${eventLabels[action.slice(6)] ?? action.slice(6)}`
  return ACTION_LABELS[action] ?? action
}

export const auditContract = {
  'audit/list': channel<Page<AuditEntryDto>>()(
    z
      .object({
        userId: z.number().int().positive().optional(),
        entity: z.string().max(40).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        ...pageInput,
      })
      .default({ offset: 0, limit: 100 }),
    'auditor',
  ),
  'audit/verify': channel<ChainStatusDto>()(z.undefined(), 'auditor'),
  'audit/health': channel<AuditHealthDto>()(z.undefined(), 'user'),
  /** The head code to print on a paper record. */
  'audit/head': channel<{ code: string }>()(z.undefined(), 'user'),
  'audit/checkPaper': channel<PaperCheckDto>()(
    z.object({
      code: z
        .string({ error: '请输入纸质记录上的核对码' })
        .trim()
        .toLowerCase()
        .regex(PAPER_CODE_RE, '核对码格式为“序号-12位十六进制”，例如 1234-3fa9c2e01b7d'),
    }),
    'auditor',
  ),
}
