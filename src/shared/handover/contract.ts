import { z } from 'zod'
import { channel } from '@shared/ipc/kit'
import { type Page, pageInput } from '@shared/paging'
import { isoDate } from '@shared/time/schemas'

export const HANDOVER_STATUS_LABELS = {
  draft: '填写中',
  submitted: '待接班',
  refused: '被退回',
  accepted: '已接班',
} as const
export type HandoverStatus = keyof typeof HANDOVER_STATUS_LABELS

/** The physical items that change hands at the duty desk (editable per handover). */
export const DEFAULT_CHECKLIST = ['钥匙', '门禁卡', 'uKey', '值班手机', '机房登记本']

/** One collected open item, as it stood when collected. */
export interface HandoverItem {
  key: string
  kind: 'fault' | 'serviceLog' | string
  refId: number
  title: string
  detail: string
  /** fault: level name and whether it is P1/P2-like (major or top two levels) */
  severity: string | null
  serious: boolean
  /** fault: each running milestone with time left or overdue, as text */
  clocks: string[]
  remark: string
  /**
   * A fault reported while this handover was open: seed 003 §4.3.3.3 「在交接班时发生的故障，
   * 由交班人员负责处理后再行交接」 — the outgoing engineer records a response before submitting.
   */
  arrivedDuringHandover?: boolean
}

export interface HandoverDto {
  id: number
  status: HandoverStatus
  outgoingId: number
  outgoingName: string
  incomingId: number | null
  incomingName: string | null
  shiftLabel: string
  shiftDate: string
  openedAt: string
  submittedAt: string | null
  acceptedAt: string | null
  refusedReason: string | null
  summary: string
  cautions: string
  todo: string
  checklist: { item: string; handed: boolean }[]
  items: HandoverItem[]
  incomingRemarks: string
  revision: number
  anchorSeq: number | null
  anchorHash: string | null
  addenda: { at: string; byName: string; text: string }[]
  /** open faults of the outgoing engineer that are not in the snapshot (created since it was taken) */
  uncollected: { refId: number; title: string }[]
}

export interface HandoverDayDto {
  date: string
  staffed: boolean
  handovers: {
    id: number
    shiftLabel: string
    outgoingName: string
    incomingName: string | null
    status: HandoverStatus
  }[]
  missing: boolean
}

const id = z.number().int().positive()
const password = z.string({ error: '请输入密码' }).min(1, '请输入密码').max(128)
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`)

export const handoverContract = {
  'handover/current': channel<HandoverDto | null>()(z.undefined(), 'user'),
  'handover/start': channel<HandoverDto>()(z.undefined(), 'writer'),
  'handover/get': channel<HandoverDto>()(z.object({ id }), 'user'),
  'handover/update': channel<HandoverDto>()(
    z.object({
      id,
      revision: z.number().int().min(0),
      incomingId: id.nullable(),
      summary: text(5000),
      cautions: text(5000),
      todo: text(5000),
      checklist: z.array(z.object({ item: z.string().trim().min(1).max(40), handed: z.boolean() })).max(30),
      remarks: z.record(z.string().max(60), text(1000)),
    }),
    'writer',
  ),
  'handover/recollect': channel<HandoverDto>()(z.object({ id }), 'writer'),
  'handover/submit': channel<HandoverDto>()(z.object({ id, revision: z.number().int().min(0), password }), 'writer'),
  'handover/refuse': channel<HandoverDto>()(
    z.object({ id, password, reason: z.string().trim().min(2, '请填写退回原因').max(1000) }),
    'writer',
  ),
  'handover/accept': channel<HandoverDto>()(
    z.object({ id, revision: z.number().int().min(0), password, remarks: text(2000).default('') }),
    'writer',
  ),
  'handover/addendum': channel<HandoverDto>()(
    z.object({ id, text: z.string().trim().min(1, '请填写补充说明').max(2000) }),
    'writer',
  ),
  'handover/list': channel<Page<HandoverDto>>()(
    z
      .object({
        userId: id.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        serious: z.boolean().optional(),
        ...pageInput,
      })
      .default({ offset: 0, limit: 100 }),
    'user',
  ),
  'handover/chain': channel<HandoverDayDto[]>()(z.object({ from: isoDate, to: isoDate }), 'user'),
  'handover/exportDocx': channel<{ fileName: string; base64: string }>()(z.object({ id }), 'user'),
}
