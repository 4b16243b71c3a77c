import type { Db } from '../../db/connection'
import { FAULT_CATEGORY_LABELS, type FaultQuery, type FaultSummaryDto } from '@shared/faults/contract'
import { FAULT_STATUS_LABELS } from '@shared/faults/state'
import type { Actor } from '@shared/ipc/kit'
import type { Page } from '@shared/paging'
import {
  SERVICE_CHANNEL_LABELS,
  SERVICE_STATUS_LABELS,
  type ServiceLogDto,
  type ServiceLogQuery,
} from '@shared/serviceLog/contract'
import { formatDateTime, toSiteIso } from '@shared/time/site-time'
import type { AssetService } from '../assets/service'
import { type AuditService, who } from '../audit/service'
import type { Clock } from '../clock'
import type { FaultService } from '../faults/service'
import type { ServiceLogService } from '../serviceLog/service'
import type { SiteService } from '../site/service'
import { type ListColumn, listWorkbook } from './list-workbook'

export interface ExportedFile {
  fileName: string
  base64: string
}

/** An export stops here: beyond it a filter is needed (a spreadsheet of a decade helps nobody). */
export const EXPORT_MAX_ROWS = 50_000
const PAGE = 500

/** Every row of a list query, page by page (the lists' own paging and search rules apply). */
function allRows<T>(pageAt: (offset: number, limit: number) => Page<T>): T[] {
  const out: T[] = []
  for (let offset = 0; offset < EXPORT_MAX_ROWS; offset += PAGE) {
    const page = pageAt(offset, PAGE).items
    out.push(...page)
    if (page.length < PAGE) break
  }
  return out
}

const SERVICE_LOG_COLUMNS: ListColumn<ServiceLogDto>[] = [
  { title: '编号', width: 7, value: (r) => r.id },
  { title: '服务时间', width: 17, value: (r) => formatDateTime(r.serviceTime) },
  { title: '服务对象', width: 10, value: (r) => r.requester },
  { title: '部门/单位', width: 12, value: (r) => r.requesterDept, wrap: true },
  { title: '运维对象', width: 16, value: (r) => r.assetName ?? '', wrap: true },
  { title: '渠道', width: 6, value: (r) => SERVICE_CHANNEL_LABELS[r.channel] },
  { title: '类别', width: 9, value: (r) => r.categoryName },
  { title: '运维内容', width: 36, value: (r) => r.content, wrap: true },
  { title: '处理情况', width: 36, value: (r) => r.result, wrap: true },
  { title: '耗时(分钟)', width: 10, value: (r) => r.durationMin },
  { title: '状态', width: 8, value: (r) => (r.voided ? '已作废' : SERVICE_STATUS_LABELS[r.status]) },
  { title: '工程师', width: 8, value: (r) => r.engineerName },
  { title: '作废原因', width: 14, value: (r) => r.voidReason ?? '', wrap: true },
]

const FAULT_COLUMNS: ListColumn<FaultSummaryDto>[] = [
  { title: '编号', width: 14, value: (r) => r.no },
  { title: '故障标题', width: 40, value: (r) => r.title, wrap: true },
  { title: '级别', width: 12, value: (r) => r.severityName + (r.major ? '（重大）' : '') },
  { title: '类别', width: 8, value: (r) => FAULT_CATEGORY_LABELS[r.category] },
  { title: '状态', width: 8, value: (r) => FAULT_STATUS_LABELS[r.status] },
  { title: '运维对象', width: 18, value: (r) => r.assetName ?? '', wrap: true },
  { title: '报告时间', width: 17, value: (r) => formatDateTime(r.reportedAt) },
  { title: '报告人', width: 10, value: (r) => r.reportedBy },
  { title: '负责人', width: 8, value: (r) => r.ownerName },
  { title: '恢复时间', width: 17, value: (r) => (r.recoveredAt ? formatDateTime(r.recoveredAt) : '') },
  { title: '超时次数', width: 9, value: (r) => r.breaches },
]

/** Lists as .xlsx for the customer and the monthly statistics; each export is audited. */
export class ExportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly site: SiteService,
    private readonly serviceLog: ServiceLogService,
    private readonly faults: FaultService,
    private readonly assets: AssetService,
  ) {}

  private stamp(): string {
    return formatDateTime(toSiteIso(this.clock.now()))
  }

  private describe(f: {
    from?: string | undefined
    to?: string | undefined
    q?: string | undefined
    assetId?: number | undefined
  }): string[] {
    const parts: string[] = []
    if (f.from || f.to) parts.push(`${f.from ?? '最早'} 至 ${f.to ?? '今'}`)
    if (f.assetId) parts.push(`运维对象：${this.assets.get(f.assetId).name}`)
    if (f.q) parts.push(`搜索：${f.q}`)
    return parts
  }

  private done(actor: Actor, entity: string, query: unknown, rows: number, buf: Buffer, fileName: string) {
    this.db.transaction(() =>
      this.audit.record(who(actor), 'export', entity, null, null, { format: 'xlsx', query, rows, bytes: buf.length }),
    )()
    return { fileName, base64: buf.toString('base64') }
  }

  async serviceLogXlsx(actor: Actor, q: ServiceLogQuery): Promise<ExportedFile> {
    const rows = allRows((offset, limit) => this.serviceLog.list({ ...q, offset, limit }))
    const filter = this.describe(q)
    if (q.categoryId) filter.push(`类别：${rows[0]?.categoryName ?? q.categoryId}`)
    if (q.engineerId) filter.push(`工程师：${rows[0]?.engineerName ?? q.engineerId}`)
    if (q.status) filter.push(`状态：${SERVICE_STATUS_LABELS[q.status]}`)
    if (!q.includeVoided) filter.push('不含已作废')
    const buf = await listWorkbook({
      sheetName: '运维记录',
      title: `${this.site.get().customerUnit} 运维记录`,
      subtitle: `${filter.length ? `筛选：${filter.join('；')}` : '全部记录'} · 共 ${rows.length} 条 · 导出于 ${this.stamp()}`,
      columns: SERVICE_LOG_COLUMNS,
      rows,
    })
    return this.done(actor, 'serviceLog', q, rows.length, buf, `运维记录_${this.fileStamp()}.xlsx`)
  }

  async faultsXlsx(actor: Actor, q: FaultQuery): Promise<ExportedFile> {
    const rows = allRows((offset, limit) => this.faults.list({ ...q, offset, limit }))
    const filter = this.describe(q)
    if (q.status) filter.push(`状态：${FAULT_STATUS_LABELS[q.status]}`)
    if (q.openOnly) filter.push('未关闭')
    if (q.overdue) filter.push('已超时')
    if (q.category) filter.push(`类别：${FAULT_CATEGORY_LABELS[q.category]}`)
    if (q.severity) filter.push(`级别：${rows[0]?.severityName ?? q.severity}`)
    if (q.ownerId) filter.push(`负责人：${rows[0]?.ownerName ?? q.ownerId}`)
    const buf = await listWorkbook({
      sheetName: '故障清单',
      title: `${this.site.get().customerUnit} 故障清单`,
      subtitle: `${filter.length ? `筛选：${filter.join('；')}` : '全部故障'} · 共 ${rows.length} 个 · 导出于 ${this.stamp()}`,
      columns: FAULT_COLUMNS,
      rows,
    })
    return this.done(actor, 'fault', q, rows.length, buf, `故障清单_${this.fileStamp()}.xlsx`)
  }

  private fileStamp(): string {
    return toSiteIso(this.clock.now()).slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
  }
}
