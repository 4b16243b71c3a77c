import { z } from 'zod'
import { channel } from '@shared/ipc/kit'

export const ASSET_KINDS = ['system', 'host', 'database', 'middleware', 'device'] as const
export type AssetKind = (typeof ASSET_KINDS)[number]
export const ASSET_KIND_LABELS: Record<AssetKind, string> = {
  system: '业务系统',
  host: '主机',
  database: '数据库',
  middleware: '中间件',
  device: '设备',
}

export const ASSET_STATUSES = ['in_service', 'retired'] as const
export type AssetStatus = (typeof ASSET_STATUSES)[number]
export const ASSET_STATUS_LABELS: Record<AssetStatus, string> = { in_service: '在用', retired: '停用' }

/** HS/T 42-2014 服务保障等级: 1 is the highest. */
export const TIER_LABELS: Record<number, string> = {
  1: '一级（最高）',
  2: '二级',
  3: '三级',
  4: '四级',
  5: '五级',
}

export interface AssetDto {
  id: number
  name: string
  kind: AssetKind
  parentId: number | null
  parentName: string | null
  department: string
  tier: number
  contacts: string
  configNotes: string
  status: AssetStatus
  createdAt: string
  updatedAt: string
}

export const assetFields = z.object({
  name: z.string({ error: '请填写名称' }).trim().min(1, '请填写名称').max(100, '名称不能超过 100 个字'),
  kind: z.enum(ASSET_KINDS, { error: '类型无效' }),
  parentId: z.number().int().positive().nullable().default(null),
  department: z.string().trim().max(64, '责任部门不能超过 64 个字').default(''),
  tier: z.number({ error: '请选择保障等级' }).int().min(1, '保障等级为 1–5').max(5, '保障等级为 1–5'),
  contacts: z.string().trim().max(500, '联系人不能超过 500 个字').default(''),
  configNotes: z.string().trim().max(5000, '配置说明不能超过 5000 个字').default(''),
  status: z.enum(ASSET_STATUSES, { error: '状态无效' }).default('in_service'),
})
export type AssetFields = z.output<typeof assetFields>

export interface AssetImportResult {
  imported: number
}

/** Column headers of the import sheet, in order; the first row of a file must name them. */
export const ASSET_IMPORT_COLUMNS = [
  '名称',
  '类型',
  '上级',
  '责任部门',
  '保障等级',
  '联系人',
  '配置说明',
  '状态',
] as const

export const assetContract = {
  'asset/list': channel<AssetDto[]>()(
    z
      .object({
        q: z.string().trim().max(100).optional(),
        kind: z.enum(ASSET_KINDS).optional(),
        status: z.enum(ASSET_STATUSES).optional(),
      })
      .default({}),
    'user',
  ),
  'asset/create': channel<AssetDto>()(assetFields, 'writer'),
  'asset/update': channel<AssetDto>()(assetFields.extend({ id: z.number().int().positive() }), 'writer'),
  'asset/import': channel<AssetImportResult>()(
    z.object({
      fileName: z.string().max(255),
      format: z.enum(['csv', 'xlsx'], { error: '只支持 CSV 或 xlsx 文件' }),
      /** CSV text, or the xlsx file as base64 */
      content: z
        .string()
        .min(1, '文件是空的')
        .max(20 * 1024 * 1024, '文件过大（上限 15 MB）'),
    }),
    'writer',
  ),
}
