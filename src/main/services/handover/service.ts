import type { Db } from '../../db/connection'
import { paperCode } from '@shared/audit/contract'
import { DomainError } from '@shared/errors'
import { DEFAULT_CHECKLIST, type HandoverDto, type HandoverItem } from '@shared/handover/contract'
import type { Actor } from '@shared/ipc/kit'
import { formatDateCn, formatDateTime, toSiteDate, toSiteIso } from '@shared/time/site-time'
import { type AuditService, who } from '../audit/service'
import type { AuthService } from '../auth/service'
import type { UserRepository } from '../auth/users'
import type { Clock } from '../clock'
import type { AuditIntegrity } from '../audit/integrity'
import type { RosterService } from '../roster/service'
import type { HandoverCollector } from './collectors'
import { handoverDocx } from './docx'
import type { HandoverRecord, HandoverRepository } from './repository'

/**
 * 交接班: the outgoing engineer's snapshot of open work, signed by both with
 * their own passwords; on acceptance, in one transaction, the record locks and
 * every open item moves to the incoming engineer.
 */
export class HandoverService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repo: HandoverRepository,
    private readonly auth: AuthService,
    private readonly users: UserRepository,
    private readonly roster: RosterService,
    private readonly collectors: readonly HandoverCollector[],
    private readonly siteName: () => string,
    private readonly anchors?: Pick<AuditIntegrity, 'signHandoverAnchor'>,
  ) {}

  private now(): string {
    return toSiteIso(this.clock.now())
  }

  private collectorOf(kind: string): HandoverCollector | undefined {
    return this.collectors.find((c) => c.kind === kind)
  }

  private collect(ownerId: number): HandoverItem[] {
    return this.collectors.flatMap((c) => c.collect(ownerId, this.clock.now()))
  }

  private row(id: number): HandoverRecord {
    const r = this.repo.get(id)
    if (!r) throw new DomainError('HANDOVER_NOT_FOUND', '交接班记录不存在')
    return r
  }

  /** Open items of kinds that must be handed over which are not in the snapshot (came in since it was taken). */
  private uncollected(r: HandoverRecord): HandoverDto['uncollected'] {
    if (r.status === 'accepted') return []
    const inSnapshot = new Set(r.items.map((i) => i.key))
    return this.collectors
      .filter((c) => c.blocksSubmitWhenNew)
      .flatMap((c) => c.collect(r.outgoingId, this.clock.now()))
      .filter((i) => !inSnapshot.has(i.key))
      .map((i) => ({ refId: i.refId, title: i.title }))
  }

  dto(r: HandoverRecord): HandoverDto {
    return { ...r, addenda: this.repo.addenda(r.id), uncollected: this.uncollected(r) }
  }

  get(id: number): HandoverDto {
    return this.dto(this.row(id))
  }

  /** The unfinished handover the current user gives or receives, if any. */
  current(actor: Actor): HandoverDto | null {
    const r = this.repo.unfinishedOf(actor.id)
    return r ? this.dto(r) : null
  }

  private checkIncoming(outgoingId: number, incomingId: number | null): void {
    if (incomingId === null) return
    if (incomingId === outgoingId) throw new DomainError('HANDOVER_TO_SELF', '不能交班给自己')
    const u = this.users.byId(incomingId)
    if (!u || u.active !== 1 || u.role === 'reviewer')
      throw new DomainError('HANDOVER_INCOMING_INVALID', '接班人必须是在用的工程师或负责人')
    if (u.locked_until && u.locked_until > this.now())
      throw new DomainError(
        'HANDOVER_INCOMING_LOCKED',
        `${u.display_name} 的账号已锁定（至 ${formatDateTime(u.locked_until)}），请负责人解除锁定或选择其他接班人`,
      )
  }

  start(actor: Actor): HandoverDto {
    return this.db.transaction(() => {
      const open = this.repo.openOutgoing(actor.id)
      if (open) throw new DomainError('HANDOVER_OPEN', `你已有一份未完成的交接班（#${open}），请继续填写或等待接班`)
      const nowMs = this.clock.now()
      const mine = this.roster.onDutyAt(nowMs).find((a) => a.userId === actor.id)
      const shiftName = mine ? (this.roster.shifts().find((s) => s.id === mine.shiftId)?.name ?? '') : ''
      const shiftDate = mine?.date ?? toSiteDate(nowMs)
      const shiftLabel = `${shiftDate} ${shiftName || '当班'}`
      const same = this.repo.byShift(actor.id, shiftLabel)
      if (same && shiftName)
        throw new DomainError(
          'HANDOVER_SHIFT_DONE',
          `这个班次（${shiftLabel}）已经交接过（#${same}），如需更正请在原记录上追加补充说明`,
        )
      const incoming = this.roster.nextDuty(nowMs, actor.id)
      const id = this.repo.insert({
        outgoingId: actor.id,
        incomingId: incoming?.userId ?? null,
        shiftLabel,
        shiftDate,
        openedAt: this.now(),
        checklist: DEFAULT_CHECKLIST.map((item) => ({ item, handed: false })),
        items: this.collect(actor.id),
      })
      this.audit.record(who(actor), 'create', 'handover', id, null, {
        shiftLabel,
        incomingId: incoming?.userId ?? null,
      })
      return this.get(id)
    })()
  }

  private editable(actor: Actor, id: number, revision?: number): HandoverRecord {
    const r = this.row(id)
    if (r.status === 'accepted')
      throw new DomainError('HANDOVER_LOCKED', '交接班已接班确认，记录已锁定，只能追加补充说明')
    if (r.outgoingId !== actor.id) throw new DomainError('HANDOVER_NOT_OUTGOING', '只有交班人可以修改交接内容')
    if (r.status === 'submitted') throw new DomainError('HANDOVER_SUBMITTED', '已提交待接班，请接班人退回后再修改')
    if (revision !== undefined && revision !== r.revision)
      throw new DomainError('HANDOVER_STALE', '交接内容已在别处修改，请刷新后再保存')
    return r
  }

  update(
    actor: Actor,
    input: {
      id: number
      revision: number
      incomingId: number | null
      summary: string
      cautions: string
      todo: string
      checklist: { item: string; handed: boolean }[]
      remarks: Record<string, string>
    },
  ): HandoverDto {
    return this.db.transaction(() => {
      const r = this.editable(actor, input.id, input.revision)
      this.checkIncoming(actor.id, input.incomingId)
      const items = r.items.map((i) => ({ ...i, remark: input.remarks[i.key] ?? i.remark }))
      const before = this.get(r.id)
      this.repo.updateDraft(r.id, {
        incomingId: input.incomingId,
        summary: input.summary,
        cautions: input.cautions,
        todo: input.todo,
        checklist: input.checklist,
        items,
      })
      const after = this.get(r.id)
      this.audit.record(who(actor), 'update', 'handover', r.id, strip(before), strip(after))
      return after
    })()
  }

  /** Takes the snapshot again (e.g. a fault came in during handover), keeping the remarks already written. */
  recollect(actor: Actor, id: number): HandoverDto {
    return this.db.transaction(() => {
      const r = this.editable(actor, id)
      const before = new Map(r.items.map((i) => [i.key, i]))
      // An item of a kind that must be handled first (a fault) that was not in the snapshot came in
      // while the handover was open: it stays the outgoing engineer's, however often the list is collected.
      const items = this.collect(actor.id).map((i) => {
        const arrived =
          this.collectorOf(i.kind)?.blocksSubmitWhenNew === true &&
          (before.get(i.key)?.arrivedDuringHandover ?? !before.has(i.key))
        return { ...i, remark: before.get(i.key)?.remark ?? '', ...(arrived ? { arrivedDuringHandover: true } : {}) }
      })
      this.repo.replaceItems(r.id, items)
      this.audit.record(who(actor), 'recollect', 'handover', r.id, null, { items: items.map((i) => i.key) })
      return this.get(r.id)
    })()
  }

  submit(actor: Actor, id: number, revision: number, password: string): HandoverDto {
    const r = this.editable(actor, id, revision)
    if (r.incomingId === null) throw new DomainError('HANDOVER_NO_INCOMING', '请选择接班人')
    this.checkIncoming(actor.id, r.incomingId)
    const pending = this.uncollected(r)
    if (pending.length) {
      throw new DomainError(
        'HANDOVER_NEW_ITEMS',
        `交接期间有新的故障尚未列入交接：${pending.map((p) => p.title).join('、')}。请先处理（至少记录响应），再点“重新收集”。`,
      )
    }
    const unhandled = r.items.filter(
      (i) => i.arrivedDuringHandover && this.collectorOf(i.kind)?.handledBy?.(i, r.outgoingId) === false,
    )
    if (unhandled.length) {
      throw new DomainError(
        'HANDOVER_NEW_UNHANDLED',
        `交接中新发生的故障需交班人先处理：${unhandled.map((i) => i.title).join('、')}。请至少记录响应后再提交。`,
      )
    }
    this.auth.checkPassword(actor.id, password)
    return this.db.transaction(() => {
      this.repo.markSubmitted(r.id, this.now())
      this.audit.record(
        who(actor),
        'submit',
        'handover',
        r.id,
        { status: r.status },
        { status: 'submitted', revision: r.revision },
      )
      return this.get(r.id)
    })()
  }

  private awaiting(id: number): HandoverRecord {
    const r = this.row(id)
    if (r.status === 'accepted') throw new DomainError('HANDOVER_LOCKED', '交接班已接班确认，记录已锁定')
    if (r.status !== 'submitted') throw new DomainError('HANDOVER_NOT_SUBMITTED', '交班人还没有提交交接内容')
    return r
  }

  refuse(id: number, password: string, reason: string): HandoverDto {
    const r = this.awaiting(id)
    this.auth.checkPassword(r.incomingId!, password)
    const incoming = this.users.byId(r.incomingId!)!
    return this.db.transaction(() => {
      this.repo.markRefused(r.id, reason)
      this.audit.record(
        { id: incoming.id, name: incoming.display_name },
        'refuse',
        'handover',
        r.id,
        { status: 'submitted' },
        { status: 'refused', reason },
      )
      return this.get(r.id)
    })()
  }

  /**
   * Accepts with the incoming engineer's own password, in one transaction: lock
   * the record, move every collected item to the incoming engineer, and anchor
   * the record to the audit chain's head. The incoming engineer is then the
   * user at the duty-room PC.
   */
  accept(id: number, revision: number, password: string, remarks: string): HandoverDto {
    const r = this.awaiting(id)
    if (r.revision !== revision) throw new DomainError('HANDOVER_CHANGED', '交班人刚修改了交接内容，请重新查看后再接班')
    this.auth.checkPassword(r.incomingId!, password)
    const incoming = this.users.byId(r.incomingId!)!
    const actor: Actor = {
      id: incoming.id,
      username: incoming.username,
      displayName: incoming.display_name,
      role: incoming.role,
    }
    const at = this.now()
    const result = this.db.transaction(() => {
      const items = r.items
      for (const it of items)
        this.collectors.find((c) => c.kind === it.kind)?.transfer?.(it, incoming.id, actor, r.id, at)
      this.audit.record(
        who(actor),
        'accept',
        'handover',
        r.id,
        { status: 'submitted' },
        { status: 'accepted', items: items.map((i) => i.key), remarks },
      )
      const head = this.audit.head()
      this.repo.markAccepted(r.id, at, remarks, head)
      this.anchors?.signHandoverAnchor(r.id, incoming.id, password, incoming.display_name)
      return this.get(r.id)
    })()
    this.auth.switchTo(incoming.id)
    return result
  }

  /** The 交接班记录 as a Word file; the export is audited. */
  async exportDocx(actor: Actor, id: number): Promise<{ fileName: string; base64: string }> {
    const h = this.get(id)
    const head = this.audit.head()
    const buf = await handoverDocx(h, this.siteName(), formatDateCn(this.now()), paperCode(head.seq, head.hash))
    this.audit.record(who(actor), 'export', 'handover', id, null, { format: 'docx', bytes: buf.length })
    return { fileName: `交接班记录-${h.shiftLabel.replace(/\s+/g, '-')}.docx`, base64: buf.toString('base64') }
  }

  addendum(actor: Actor, id: number, text: string): HandoverDto {
    return this.db.transaction(() => {
      const r = this.row(id)
      if (r.outgoingId !== actor.id && r.incomingId !== actor.id && actor.role !== 'lead')
        throw new DomainError('FORBIDDEN', '只有交接双方或负责人可以追加补充说明')
      this.repo.insertAddendum(r.id, this.now(), actor.id, text)
      this.audit.record(who(actor), 'addendum', 'handover', r.id, null, { text })
      return this.get(r.id)
    })()
  }
}

function strip(h: HandoverDto) {
  const { addenda: _a, uncollected: _u, ...rest } = h
  return rest
}
