/**
 * The fault state machine: 新建 → 处理中 → (挂起 ↔ 处理中) → 已恢复 → 已关闭,
 * or 已作废 before recovery. Events that are not transitions (notes, escalations,
 * progress) are allowed where the fault is still being worked; a 补充说明 is
 * allowed in every state, since a closed fault changes only by appending.
 */
export const FAULT_STATUSES = ['new', 'in_progress', 'paused', 'recovered', 'closed', 'voided'] as const
export type FaultStatus = (typeof FAULT_STATUSES)[number]
export const FAULT_STATUS_LABELS: Record<FaultStatus, string> = {
  new: '新建',
  in_progress: '处理中',
  paused: '挂起',
  recovered: '已恢复',
  closed: '已关闭',
  voided: '已作废',
}

export const EVENT_KINDS = [
  'respond',
  'remote',
  'notify',
  'arrive',
  'plan',
  'action',
  'progress',
  'escalate',
  'escalation_result',
  'workaround',
  'pause',
  'resume',
  'severity',
  'recover',
  'root_cause',
  'analysis',
  'note',
  'void',
  'owner',
] as const
export type FaultEventKind = (typeof EVENT_KINDS)[number] | 'created' | 'breach' | 'form'

export const EVENT_LABELS: Record<FaultEventKind, string> = {
  created: '登记故障',
  respond: '响应',
  remote: '启动远程诊断',
  notify: '通知领导',
  arrive: '到场',
  plan: '提交处理方案',
  action: '处理措施',
  progress: '进展通报',
  escalate: '升级处理',
  escalation_result: '升级结果',
  workaround: '临时解决方案',
  pause: '挂起',
  resume: '恢复处理',
  severity: '调整级别',
  recover: '业务恢复',
  root_cause: '故障原因',
  analysis: '故障分析处理记录',
  note: '补充说明',
  void: '作废',
  owner: '转交负责人',
  breach: '超时记录',
  form: '应急流程表单',
}

const WORKING: FaultStatus[] = ['new', 'in_progress']

/** Which statuses allow an event, and where it leads (undefined: status unchanged). */
const RULES: Record<(typeof EVENT_KINDS)[number], { from: FaultStatus[]; to?: FaultStatus }> = {
  respond: { from: ['new'], to: 'in_progress' },
  remote: { from: WORKING, to: 'in_progress' },
  notify: { from: ['new', 'in_progress', 'paused', 'recovered'] },
  arrive: { from: WORKING, to: 'in_progress' },
  plan: { from: WORKING, to: 'in_progress' },
  action: { from: WORKING, to: 'in_progress' },
  progress: { from: [...WORKING, 'paused'] },
  escalate: { from: [...WORKING, 'paused'] },
  escalation_result: { from: [...WORKING, 'paused', 'recovered'] },
  workaround: { from: WORKING, to: 'in_progress' },
  pause: { from: WORKING, to: 'paused' },
  resume: { from: ['paused'], to: 'in_progress' },
  severity: { from: ['new', 'in_progress', 'paused', 'recovered'] },
  recover: { from: WORKING, to: 'recovered' },
  root_cause: { from: ['in_progress', 'paused', 'recovered'] },
  analysis: { from: ['recovered'], to: 'closed' },
  note: { from: [...FAULT_STATUSES] },
  void: { from: ['new', 'in_progress', 'paused'], to: 'voided' },
  owner: { from: ['new', 'in_progress', 'paused', 'recovered'] },
}

export function allowedEvents(status: FaultStatus): (typeof EVENT_KINDS)[number][] {
  return EVENT_KINDS.filter((k) => RULES[k].from.includes(status))
}

/** The status after an event, or null when the event is not allowed in this status. */
export function nextStatus(status: FaultStatus, kind: (typeof EVENT_KINDS)[number]): FaultStatus | null {
  const rule = RULES[kind]
  if (!rule.from.includes(status)) return null
  return rule.to ?? status
}
