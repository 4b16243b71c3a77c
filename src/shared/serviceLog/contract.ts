import { z } from 'zod'
import { channel } from '@shared/ipc/kit'
import { requestId } from '@shared/ipc/request-id'
import { type Page, pageInput } from '@shared/paging'
import { isoDate, isoDateTime } from '@shared/time/schemas'

export const SERVICE_CHANNELS = ['phone', 'onsite', 'email', 'other'] as const
export type ServiceChannel = (typeof SERVICE_CHANNELS)[number]
export const SERVICE_CHANNEL_LABELS: Record<ServiceChannel, string> = {
  phone: '电话',
  onsite: '现场',
  email: '邮件',
  other: '其他',
}

export const SERVICE_STATUSES = ['open', 'done'] as const
export type ServiceStatus = (typeof SERVICE_STATUSES)[number]
export const SERVICE_STATUS_LABELS: Record<ServiceStatus, string> = { open: '处理中', done: '已完成' }

/** The categories a new site starts with (SPEC §3.3); the lead can rename, add and disable. */
export const DEFAULT_CATEGORIES = [
  '咨询',
  '故障',
  '账号权限',
  '数据维护',
  '巡检',
  '升级',
  '培训',
  '安全',
  '其他',
] as const

export interface CategoryDto {
  id: number
  name: string
  active: boolean
  sort: number
}

export interface ServiceLogDto {
  id: number
  serviceTime: string
  requester: string
  requesterDept: string
  assetId: number | null
  assetName: string | null
  channel: ServiceChannel
  categoryId: number
  categoryName: string
  content: string
  result: string
  durationMin: number
  status: ServiceStatus
  engineerId: number
  engineerName: string
  /** who handles it now: the engineer, or whoever took it over at a handover */
  ownerId: number
  ownerName: string
  voided: boolean
  voidReason: string | null
  voidedAt: string | null
  voidedByName: string | null
  createdAt: string
  updatedAt: string
}

/** What quick entry fills in before the engineer types: a site setting, shown on the form as a default. */
export interface ServiceLogDefaultsDto {
  status: ServiceStatus
}
export const serviceLogDefaultsInput = z.object({ status: z.enum(SERVICE_STATUSES, { error: '状态无效' }) })

export const serviceLogFields = z.object({
  serviceTime: isoDateTime,
  requester: z.string().trim().max(50, '服务对象不能超过 50 个字').default(''),
  requesterDept: z.string().trim().max(64, '部门/单位不能超过 64 个字').default(''),
  assetId: z.number().int().positive().nullable().default(null),
  channel: z.enum(SERVICE_CHANNELS, { error: '渠道无效' }),
  categoryId: z.number({ error: '请选择运维类别' }).int().positive('请选择运维类别'),
  content: z
    .string({ error: '请填写运维内容' })
    .trim()
    .min(1, '请填写运维内容')
    .max(2000, '运维内容不能超过 2000 个字'),
  result: z.string().trim().max(2000, '处理情况不能超过 2000 个字').default(''),
  durationMin: z
    .number()
    .int()
    .min(0, '耗时不能为负')
    .max(7 * 24 * 60, '耗时不能超过 7 天')
    .default(0),
  status: z.enum(SERVICE_STATUSES, { error: '状态无效' }).default('done'),
})
export type ServiceLogFields = z.output<typeof serviceLogFields>

export const serviceLogQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    assetId: z.number().int().positive().optional(),
    categoryId: z.number().int().positive().optional(),
    engineerId: z.number().int().positive().optional(),
    status: z.enum(SERVICE_STATUSES).optional(),
    q: z.string().trim().max(100, '搜索词不能超过 100 个字').optional(),
    includeVoided: z.boolean().default(true),
    ...pageInput,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '结束日期不能早于开始日期', path: ['to'] })
export type ServiceLogQuery = z.output<typeof serviceLogQuery>

const id = z.number().int().positive()

export const serviceLogContract = {
  'serviceLog/list': channel<Page<ServiceLogDto>>()(serviceLogQuery, 'user'),
  'serviceLog/get': channel<ServiceLogDto>()(z.object({ id }), 'user'),
  'serviceLog/create': channel<ServiceLogDto>()(serviceLogFields.extend({ requestId }), 'writer'),
  'serviceLog/update': channel<ServiceLogDto>()(serviceLogFields.extend({ id }), 'writer'),
  'serviceLog/void': channel<ServiceLogDto>()(
    z.object({
      id,
      reason: z
        .string({ error: '请填写作废原因' })
        .trim()
        .min(2, '请填写作废原因（至少 2 个字）')
        .max(500, '作废原因不能超过 500 个字'),
    }),
    'writer',
  ),
  /** every row of the current filter (offset and limit ignored) as .xlsx */
  'serviceLog/exportXlsx': channel<{ fileName: string; base64: string }>()(serviceLogQuery, 'user'),
  'serviceLog/categories': channel<CategoryDto[]>()(z.undefined(), 'user'),
  'serviceLog/defaults': channel<ServiceLogDefaultsDto>()(z.undefined(), 'user'),
  'serviceLog/saveDefaults': channel<ServiceLogDefaultsDto>()(serviceLogDefaultsInput, 'lead'),
  'serviceLog/saveCategory': channel<CategoryDto>()(
    z.object({
      id: id.optional(),
      name: z.string({ error: '请填写类别名称' }).trim().min(1, '请填写类别名称').max(20, '类别名称不能超过 20 个字'),
      active: z.boolean().default(true),
    }),
    'lead',
  ),
}
