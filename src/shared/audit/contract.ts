import { z } from 'zod'
import { channel } from '../ipc/kit'
import { type Page, pageInput } from '../paging'
import { isoDate } from '../time/schemas'

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

export interface ChainStatusDto {
  ok: boolean
  count: number
  /** first sequence number whose row does not match the chain; null when intact */
  firstBrokenSeq: number | null
  reason: string | null
  headSeq: number
  headHash: string
}

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
}
