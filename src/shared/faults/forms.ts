/**
 * The emergency-flow forms of a major fault (seed 003 §3.2.12), kept as
 * structured attachments of the fault. Each save appends a new version.
 */
export interface FormField {
  key: string
  label: string
  multiline?: boolean
  options?: string[]
}

export interface FormDef {
  kind: string
  title: string
  fields: FormField[]
}

export const EMERGENCY_FORMS: FormDef[] = [
  {
    kind: 'start_request',
    title: '启动应急流程申请单',
    fields: [
      {
        key: 'category',
        label: '重大事故类型',
        options: ['大范围系统中断', '区域性系统崩溃', '关键业务中断', '大范围病毒爆发', '系统严重破坏', '数据严重破坏'],
      },
      { key: 'scope', label: '故障范围和程度', multiline: true },
      { key: 'applicant', label: '申请人' },
      { key: 'approver', label: '批准人' },
      { key: 'approval', label: '批准方式', options: ['书面批准', '口头批准'] },
      { key: 'team', label: '应急小组成员', multiline: true },
    ],
  },
  {
    kind: 'process_record',
    title: '应急处理过程记录',
    fields: [
      { key: 'plan', label: '应急处理方案', multiline: true },
      { key: 'process', label: '实施过程', multiline: true },
      { key: 'result', label: '实施结果', multiline: true },
      { key: 'customerConfirm', label: '客户确认人' },
    ],
  },
  {
    kind: 'resource_request',
    title: '资源申请单',
    fields: [
      { key: 'resources', label: '所需资源/协调配合工作', multiline: true },
      { key: 'product', label: '采购产品名称' },
      { key: 'spec', label: '型号/规格/功能' },
      { key: 'vendor', label: '厂商/供应商' },
      { key: 'cost', label: '费用' },
      { key: 'approval', label: '应急小组审批意见', multiline: true },
      { key: 'outcome', label: '实施/采购结果', multiline: true },
    ],
  },
  {
    kind: 'change_request',
    title: '变更请求表/变更日志',
    fields: [
      { key: 'content', label: '变更内容', multiline: true },
      { key: 'reason', label: '变更原因', multiline: true },
      { key: 'plan', label: '变更方案', multiline: true },
      { key: 'approver', label: '批准人' },
      { key: 'log', label: '变更过程（变更日志）', multiline: true },
      { key: 'result', label: '变更结果', multiline: true },
    ],
  },
  {
    kind: 'evaluation',
    title: '应急流程评估单',
    fields: [
      { key: 'verdict', label: '评估结论', options: ['达到要求', '未达到要求'] },
      { key: 'opinion', label: '评估意见', multiline: true },
      { key: 'followUp', label: '后续措施', multiline: true },
      { key: 'evaluator', label: '评估人' },
    ],
  },
]

export const FORM_KINDS = EMERGENCY_FORMS.map((f) => f.kind)
export const formDef = (kind: string) => EMERGENCY_FORMS.find((f) => f.kind === kind)

/**
 * The record a major fault must carry before it is closed (seed 003 §3.2.12.2–5):
 * the cause, the start request, the process record and the evaluation. Resource
 * and change requests are filled only when the handling needed them.
 */
export const FORMS_REQUIRED_TO_CLOSE = ['start_request', 'process_record', 'evaluation'] as const

/** What is still missing to close a major fault, by name; empty when nothing is. */
export function majorCloseGaps(rootCause: string, forms: { kind: string; data: Record<string, string> }[]): string[] {
  const filled = new Set(forms.filter((f) => Object.values(f.data).some((v) => v.trim() !== '')).map((f) => f.kind))
  const gaps = rootCause.trim() ? [] : ['故障原因']
  for (const kind of FORMS_REQUIRED_TO_CLOSE) if (!filled.has(kind)) gaps.push(`《${formDef(kind)!.title}》`)
  return gaps
}
