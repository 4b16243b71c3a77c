import type { Db } from '../../db/connection'
import { DomainError } from '@shared/errors'
import type { Actor } from '@shared/ipc/kit'
import { pastEventProblem } from '@shared/time/bounds'
import type { Page } from '@shared/paging'
import type {
  CategoryDto,
  ServiceLogDefaultsDto,
  ServiceLogDto,
  ServiceLogFields,
  ServiceLogQuery,
} from '@shared/serviceLog/contract'
import { toSiteIso } from '@shared/time/site-time'
import type { AssetRepository } from '../assets/repository'
import { type AuditService, who } from '../audit/service'
import type { Clock } from '../clock'
import { siteSetupAt } from '../site/service'
import type { RequestRepository } from '../requests/repository'
import type { SettingsRepository } from '../settings'
import type { ServiceLogRepository } from './repository'

const DEFAULTS_KEY = 'serviceLog.defaults'

/** The service log (运维记录): the raw material of the monthly statistics. */
export class ServiceLogService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repo: ServiceLogRepository,
    private readonly assets: AssetRepository,
    private readonly requests: RequestRepository,
    private readonly settings: SettingsRepository,
  ) {}

  list(q: ServiceLogQuery): Page<ServiceLogDto> {
    return this.repo.list(q)
  }

  get(id: number): ServiceLogDto {
    const e = this.repo.get(id)
    if (!e) throw new DomainError('SERVICE_LOG_NOT_FOUND', '运维记录不存在')
    return e
  }

  private check(f: ServiceLogFields, current?: ServiceLogDto): void {
    const problem = pastEventProblem(f.serviceTime, this.clock.now(), siteSetupAt(this.db), '服务时间')
    if (problem)
      throw new DomainError(problem.code === 'TIME_IN_FUTURE' ? 'SERVICE_TIME_FUTURE' : problem.code, problem.message)
    if (f.assetId !== null && f.assetId !== current?.assetId) {
      const asset = this.assets.get(f.assetId)
      if (!asset) throw new DomainError('ASSET_NOT_FOUND', '所选的运维对象不存在')
      if (asset.status === 'retired')
        throw new DomainError('ASSET_RETIRED', `运维对象“${asset.name}”已停用，不能再登记新的记录`)
    }
    const category = this.repo.category(f.categoryId)
    if (!category) throw new DomainError('CATEGORY_NOT_FOUND', '所选的运维类别不存在')
    if (!category.active && f.categoryId !== current?.categoryId) {
      throw new DomainError('CATEGORY_INACTIVE', `运维类别“${category.name}”已停用`)
    }
  }

  /** A repeated `requestId` returns the entry the first call recorded and writes nothing. */
  create(actor: Actor, f: ServiceLogFields, requestId?: string): ServiceLogDto {
    return this.db.transaction(() => {
      const now = toSiteIso(this.clock.now())
      let fresh = false
      const id = this.requests.once(requestId, 'serviceLog/create', actor.id, now, () => {
        this.check(f)
        fresh = true
        return this.repo.insert(f, actor.id, actor.id, now)
      })
      const after = this.get(id)
      if (fresh) this.audit.record(who(actor), 'create', 'serviceLog', id, null, after)
      return after
    })()
  }

  update(actor: Actor, id: number, f: ServiceLogFields): ServiceLogDto {
    return this.db.transaction(() => {
      const before = this.get(id)
      if (before.voided) throw new DomainError('SERVICE_LOG_VOIDED', '已作废的记录不能修改')
      this.check(f, before)
      this.repo.update(id, f, toSiteIso(this.clock.now()))
      const after = this.get(id)
      this.audit.record(who(actor), 'update', 'serviceLog', id, before, after)
      return after
    })()
  }

  void(actor: Actor, id: number, reason: string): ServiceLogDto {
    return this.db.transaction(() => {
      const before = this.get(id)
      if (before.voided) throw new DomainError('SERVICE_LOG_VOIDED', '这条记录已经作废')
      this.repo.markVoid(id, actor.id, reason, toSiteIso(this.clock.now()))
      const after = this.get(id)
      this.audit.record(who(actor), 'void', 'serviceLog', id, before, after)
      return after
    })()
  }

  /** The unfinished requests a user owns: what they hand over at the end of a shift. */
  openOwnedBy(ownerId: number): ServiceLogDto[] {
    return this.repo.openOwnedBy(ownerId)
  }

  /**
   * Passes an unfinished request to another engineer (at handover acceptance,
   * inside the caller's transaction). A request that was finished, voided or
   * already theirs is left as it is.
   */
  passOn(actor: Actor, id: number, toUserId: number, handoverId: number): void {
    this.db.transaction(() => {
      const before = this.get(id)
      if (before.status !== 'open' || before.voided || before.ownerId === toUserId) return
      this.repo.setOwner(id, toUserId, toSiteIso(this.clock.now()))
      this.audit.record(
        who(actor),
        'owner',
        'serviceLog',
        id,
        { ownerId: before.ownerId },
        { ownerId: toUserId, handoverId },
      )
    })()
  }

  /** Quick entry's defaults; 已完成 until the lead chooses otherwise. */
  defaults(): ServiceLogDefaultsDto {
    return { status: 'done', ...this.settings.find<ServiceLogDefaultsDto>(DEFAULTS_KEY) }
  }

  saveDefaults(actor: Actor, d: ServiceLogDefaultsDto): ServiceLogDefaultsDto {
    return this.db.transaction(() => {
      const before = this.defaults()
      this.settings.put(DEFAULTS_KEY, d, toSiteIso(this.clock.now()))
      const after = this.defaults()
      this.audit.record(who(actor), 'update', 'setting', DEFAULTS_KEY, before, after)
      return after
    })()
  }

  categories(): CategoryDto[] {
    return this.repo.categories()
  }

  saveCategory(actor: Actor, input: { id?: number | undefined; name: string; active: boolean }): CategoryDto {
    return this.db.transaction(() => {
      const clash = this.repo.categoryByName(input.name)
      if (clash && clash.id !== input.id) throw new DomainError('CATEGORY_NAME_TAKEN', `类别“${input.name}”已存在`)
      if (input.id === undefined) {
        const id = this.repo.insertCategory(input.name, input.active)
        const after = this.repo.category(id)!
        this.audit.record(who(actor), 'create', 'serviceCategory', id, null, after)
        return after
      }
      const before = this.repo.category(input.id)
      if (!before) throw new DomainError('CATEGORY_NOT_FOUND', '运维类别不存在')
      this.repo.updateCategory(input.id, input.name, input.active)
      const after = this.repo.category(input.id)!
      this.audit.record(who(actor), 'update', 'serviceCategory', input.id, before, after)
      return after
    })()
  }
}
