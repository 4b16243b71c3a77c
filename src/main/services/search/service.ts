import { FAULT_STATUS_LABELS } from '@shared/faults/state'
import { ASSET_KIND_LABELS } from '@shared/assets/contract'
import type { SearchHitDto, SearchResultDto } from '@shared/search/contract'
import { SERVICE_STATUS_LABELS } from '@shared/serviceLog/contract'
import { formatDateTime } from '@shared/time/site-time'
import type { AssetService } from '../assets/service'
import type { FaultService } from '../faults/service'
import type { ServiceLogService } from '../serviceLog/service'

/**
 * One search box across the service log, the faults and the inventory (Ctrl+K):
 * each capability answers with its own search, newest first; read only.
 */
export class SearchService {
  constructor(
    private readonly serviceLog: ServiceLogService,
    private readonly faults: FaultService,
    private readonly assets: AssetService,
  ) {}

  all(q: string, perKind: number): SearchResultDto {
    const faults: SearchHitDto[] = this.faults.list({ q, offset: 0, limit: perKind }).items.map((f) => ({
      kind: 'fault',
      id: f.id,
      title: `${f.no} ${f.title}`,
      detail: [f.severityName, FAULT_STATUS_LABELS[f.status], formatDateTime(f.reportedAt), f.assetName]
        .filter(Boolean)
        .join(' · '),
      to: `/faults/${f.id}`,
    }))
    const logs: SearchHitDto[] = this.serviceLog
      .list({ q, includeVoided: false, offset: 0, limit: perKind })
      .items.map((e) => ({
        kind: 'serviceLog',
        id: e.id,
        title: e.content,
        detail: [
          formatDateTime(e.serviceTime),
          e.categoryName,
          e.assetName,
          e.requester,
          SERVICE_STATUS_LABELS[e.status],
        ]
          .filter(Boolean)
          .join(' · '),
        to: `/service-log?open=${e.id}`,
      }))
    const assets: SearchHitDto[] = this.assets
      .list({ q })
      .slice(0, perKind)
      .map((a) => ({
        kind: 'asset',
        id: a.id,
        title: a.name,
        detail: [ASSET_KIND_LABELS[a.kind], a.department, a.parentName].filter(Boolean).join(' · '),
        to: `/assets?open=${a.id}`,
      }))
    return { q, hits: [...faults, ...logs, ...assets] }
  }
}
