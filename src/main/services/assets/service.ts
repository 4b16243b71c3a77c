import type { Db } from '../../db/connection'
import type { AssetDto, AssetFields, AssetImportResult, AssetKind, AssetStatus } from '@shared/assets/contract'
import { DomainError } from '@shared/errors'
import type { Actor } from '@shared/ipc/kit'
import { toSiteIso } from '@shared/time/site-time'
import { type AuditService, who } from '../audit/service'
import type { Clock } from '../clock'
import { readAssetSheet } from './import-sheet'
import type { AssetRepository } from './repository'

/** The scope inventory (运维对象清单). Assets are retired, never deleted: records link to them. */
export class AssetService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repo: AssetRepository,
  ) {}

  list(f: { q?: string | undefined; kind?: AssetKind | undefined; status?: AssetStatus | undefined }): AssetDto[] {
    return this.repo.list(f)
  }

  get(id: number): AssetDto {
    const a = this.repo.get(id)
    if (!a) throw new DomainError('ASSET_NOT_FOUND', '运维对象不存在')
    return a
  }

  private checkName(name: string, selfId?: number): void {
    const same = this.repo.byName(name)
    if (same && same.id !== selfId) throw new DomainError('ASSET_NAME_TAKEN', `名称“${name}”已存在`)
  }

  private checkParent(parentId: number | null, selfId?: number): void {
    if (parentId === null) return
    if (!this.repo.get(parentId)) throw new DomainError('ASSET_PARENT_NOT_FOUND', '所选的上级运维对象不存在')
    if (selfId !== undefined && this.repo.descendants(selfId).has(parentId)) {
      throw new DomainError('ASSET_PARENT_CYCLE', '上级不能是它自己或它的下级')
    }
  }

  create(actor: Actor, f: AssetFields): AssetDto {
    return this.db.transaction(() => {
      this.checkName(f.name)
      this.checkParent(f.parentId)
      const id = this.repo.insert(f, actor.id, toSiteIso(this.clock.now()))
      const after = this.get(id)
      this.audit.record(who(actor), 'create', 'asset', id, null, after)
      return after
    })()
  }

  update(actor: Actor, id: number, f: AssetFields): AssetDto {
    return this.db.transaction(() => {
      const before = this.get(id)
      this.checkName(f.name, id)
      this.checkParent(f.parentId, id)
      this.repo.update(id, f, actor.id, toSiteIso(this.clock.now()))
      const after = this.get(id)
      this.audit.record(who(actor), 'update', 'asset', id, before, after)
      return after
    })()
  }

  async import(actor: Actor, fileName: string, format: 'csv' | 'xlsx', content: string): Promise<AssetImportResult> {
    const rows = await readAssetSheet(format, content)
    const lower = (n: string) => n.toLowerCase()
    const parentOf = new Map(rows.map((r) => [lower(r.fields.name), lower(r.parentName)]))
    return this.db.transaction(() => {
      const errors: string[] = []
      const firstLine = new Map<string, number>()
      for (const r of rows) {
        const key = lower(r.fields.name)
        const seen = firstLine.get(key)
        if (seen !== undefined) errors.push(`第 ${r.line} 行：名称“${r.fields.name}”与第 ${seen} 行重复`)
        else firstLine.set(key, r.line)
        if (this.repo.byName(r.fields.name)) errors.push(`第 ${r.line} 行：名称“${r.fields.name}”已存在于清单中`)
        if (r.parentName && !parentOf.has(lower(r.parentName)) && !this.repo.byName(r.parentName)) {
          errors.push(`第 ${r.line} 行：上级“${r.parentName}”不在清单或文件中`)
        }
        // Walk up inside the file: coming back to this row means the parents form a loop.
        let up = lower(r.parentName)
        for (let steps = 0; up && steps <= rows.length; steps++) {
          if (up === key) {
            errors.push(`第 ${r.line} 行：上级关系形成了循环`)
            break
          }
          up = parentOf.get(up) ?? ''
        }
      }
      if (errors.length) throw new DomainError('IMPORT_INVALID', `导入未执行，请修正后重试：\n${errors.join('\n')}`)
      const now = toSiteIso(this.clock.now())
      const ids = new Map<string, number>()
      for (const r of rows)
        ids.set(lower(r.fields.name), this.repo.insert({ ...r.fields, parentId: null }, actor.id, now))
      for (const r of rows) {
        if (!r.parentName) continue
        const parentId = ids.get(lower(r.parentName)) ?? this.repo.byName(r.parentName)!.id
        this.repo.update(ids.get(lower(r.fields.name))!, { ...r.fields, parentId }, actor.id, now)
      }
      this.audit.record(who(actor), 'import', 'asset', null, null, {
        fileName,
        count: rows.length,
        names: rows.map((r) => r.fields.name),
      })
      return { imported: rows.length }
    })()
  }
}
