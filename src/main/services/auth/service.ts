import type { Db } from '../../db/connection'
import {
  FAILURE_WINDOW_MINUTES,
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
  passwordProblem,
} from '@shared/auth/password-rules'
import type { SessionDto, UserDto } from '@shared/auth/contract'
import { DomainError } from '@shared/errors'
import type { Actor } from '@shared/ipc/kit'
import type { SiteDto } from '@shared/site/contract'
import { formatDateTime, parseIso, toSiteIso } from '@shared/time/site-time'
import { type AuditService, who } from '../audit/service'
import type { SigningKeys } from '../audit/keys'
import type { Clock } from '../clock'
import { LoginThrottle, unknownUserMarker } from './throttle'
import type { SiteService } from '../site/service'
import type { SlaService } from '../faults/sla-service'
import type { RosterSetup } from '../roster/setup'
import { presetPolicy } from '@shared/faults/sla'
import { hashPassword, verifyPassword } from './password'
import { toUserDto, type UserRepository, type UserRow } from './users'

export interface SetupInput {
  site: SiteDto
  admin: { username: string; displayName: string; phone: string; password: string }
  /** the contract whose SLA levels the site starts with */
  slaPreset?: string | undefined
}

const actorOf = (u: UserRow): Actor => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role })

/**
 * The one session of this app window: who is logged in on the duty-room PC and
 * whether the idle lock is on. Also the place where passwords are checked, so
 * every check (login, unlock, later sign-offs) counts toward the lockout.
 */
export class AuthService {
  private userId: number | null = null
  private locked = false
  /** when the user last called main (not a timer's poll): drives the idle lock on this side */
  private lastUserCall = 0
  private readonly throttle = new LoginThrottle()

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UserRepository,
    private readonly site: SiteService,
    private readonly sla: SlaService,
    private readonly rosterSetup: RosterSetup,
    private readonly keys?: SigningKeys,
  ) {}

  private now(): string {
    return toSiteIso(this.clock.now())
  }

  currentActor(): Actor | null {
    const u = this.userId === null ? undefined : this.users.byId(this.userId)
    return u && u.active === 1 ? actorOf(u) : null
  }

  isLocked(): boolean {
    return this.locked
  }

  /** A call from the user (not a timer's poll) keeps the session awake. */
  noteUserCall(): void {
    this.lastUserCall = this.clock.now()
  }

  /**
   * The idle lock held in main, whatever the screen does: after the site's idle
   * minutes without a call from the user, the session is locked and only
   * unlock/logout (and the public channels) get through.
   */
  lockIfIdle(): void {
    const actor = this.currentActor()
    if (!actor || this.locked) return
    const minutes = this.site.find()?.idleLockMinutes ?? 15
    if (this.clock.now() - this.lastUserCall < minutes * 60_000) return
    this.db.transaction(() => this.audit.record(who(actor), 'lock', 'session', actor.id, null, { reason: 'idle' }))()
    this.locked = true
  }

  status(): SessionDto {
    const site = this.site.find()
    const actor = this.currentActor()
    const user = actor ? toUserDto(this.users.byId(actor.id)!) : null
    return {
      setupDone: site !== null,
      siteName: site?.customerUnit ?? null,
      user,
      locked: user !== null && this.locked,
      idleLockMinutes: site?.idleLockMinutes ?? 15,
      loginUsers: this.users
        .all()
        .filter((u) => u.active === 1)
        .map((u) => ({ username: u.username, displayName: u.display_name })),
    }
  }

  /** The first run: the site, its lead, and the chosen contract's SLA levels, all or nothing. */
  setup(input: SetupInput): SessionDto {
    const problem = passwordProblem(input.admin.password, input.admin.username)
    if (problem) throw new DomainError('PASSWORD_WEAK', problem)
    if (input.slaPreset && !presetPolicy(input.slaPreset))
      throw new DomainError('SLA_PRESET_NOT_FOUND', '没有这个 SLA 预设')
    const hash = hashPassword(input.admin.password)
    this.db.transaction(() => {
      if (this.site.find() || this.users.count() > 0) throw new DomainError('ALREADY_SET_UP', '站点已经初始化过了')
      this.site.insert(input.site)
      const id = this.users.insert({ ...input.admin, role: 'lead', passwordHash: hash, now: this.now() })
      const by = { id, name: input.admin.displayName }
      this.audit.record(by, 'setup', 'site', 1, null, input.site)
      this.audit.record(by, 'create', 'user', id, null, toUserDto(this.users.byId(id)!))
      if (input.slaPreset) this.sla.usePreset(null, input.slaPreset)
      this.rosterSetup.useDefaultShifts(input.site.serviceMode)
      this.keys?.create(id, input.admin.password, by, 'create')
    })()
    return this.status()
  }

  login(username: string, password: string): SessionDto {
    this.throttle.check(this.clock.now())
    try {
      const session = this.tryLogin(username, password)
      this.throttle.succeeded()
      return session
    } catch (e) {
      this.throttle.failed(this.clock.now())
      throw e
    }
  }

  private tryLogin(username: string, password: string): SessionDto {
    const user = this.users.byUsername(username)
    if (!user) {
      // Never the text as typed: it may be a password typed into the wrong field.
      const marker = unknownUserMarker(username, (t) => this.audit.keyedMark(t))
      this.db.transaction(() =>
        this.audit.record(
          { id: null, name: '（未知用户名）' },
          'login.failed',
          'session',
          null,
          null,
          { reason: 'unknown user', usernameHash: marker },
          'denied',
        ),
      )()
      throw new DomainError('AUTH_FAILED', '用户名或密码错误')
    }
    if (user.active !== 1) {
      this.db.transaction(() =>
        this.audit.record(
          { id: user.id, name: user.display_name },
          'login.failed',
          'session',
          user.id,
          null,
          { reason: 'inactive' },
          'denied',
        ),
      )()
      throw new DomainError('ACCOUNT_DISABLED', '该账号已停用，请联系负责人')
    }
    this.checkPassword(user.id, password)
    this.db.transaction(() => {
      const by = { id: user.id, name: user.display_name }
      this.audit.record(by, 'login', 'session', user.id, null, null)
      this.keys?.ensure(user.id, password, by)
    })()
    this.userId = user.id
    this.locked = false
    this.noteUserCall()
    return this.status()
  }

  /**
   * Verifies a user's password and counts failures: after MAX_FAILED_LOGINS in a
   * row the account is locked for LOCKOUT_MINUTES. Throws on failure; the failure
   * and its audit row are committed before the error is thrown.
   */
  checkPassword(userId: number, password: string): void {
    const user = this.users.byId(userId)
    if (!user) throw new DomainError('AUTH_FAILED', '用户名或密码错误')
    const by = { id: user.id, name: user.display_name }
    const nowMs = this.clock.now()
    const lockedUntil = user.locked_until ? parseIso(user.locked_until) : null
    if (lockedUntil !== null && lockedUntil > nowMs) {
      this.db.transaction(() =>
        this.audit.record(by, 'login.failed', 'session', user.id, null, { reason: 'locked out' }, 'denied'),
      )()
      const minutes = Math.ceil((lockedUntil - nowMs) / 60000)
      throw new DomainError(
        'ACCOUNT_LOCKED',
        `密码连续错误次数过多，账号已锁定至 ${formatDateTime(user.locked_until)}（约 ${minutes} 分钟后），或请负责人解除锁定`,
      )
    }
    if (verifyPassword(password, user.password_hash)) {
      if (user.failed_count > 0 || user.locked_until) this.users.setFailures(user.id, 0, null)
      return
    }
    // Failures count within a window: four wrong passwords and a fifth a month later do not lock.
    const lastFailed = user.last_failed_at ? parseIso(user.last_failed_at) : null
    const recent = lastFailed !== null && nowMs - lastFailed <= FAILURE_WINDOW_MINUTES * 60000
    const failures = (lockedUntil !== null || !recent ? 0 : user.failed_count) + 1
    const lockNow = failures >= MAX_FAILED_LOGINS
    const until = lockNow ? toSiteIso(nowMs + LOCKOUT_MINUTES * 60000) : null
    this.db.transaction(() => {
      this.users.setFailures(user.id, lockNow ? 0 : failures, until, toSiteIso(nowMs))
      this.audit.record(by, 'login.failed', 'session', user.id, null, { failures, lockedUntil: until }, 'denied')
    })()
    if (lockNow) {
      if (this.userId === user.id) this.userId = null
      throw new DomainError(
        'ACCOUNT_LOCKED',
        `密码连续错误 ${MAX_FAILED_LOGINS} 次，账号已锁定 ${LOCKOUT_MINUTES} 分钟`,
      )
    }
    throw new DomainError('AUTH_FAILED', `密码错误，再错 ${MAX_FAILED_LOGINS - failures} 次将锁定账号`)
  }

  /** After a handover is accepted with the incoming engineer's password, they are the one at the desk. */
  switchTo(userId: number): void {
    const u = this.users.byId(userId)
    if (!u) return
    this.db.transaction(() =>
      this.audit.record({ id: u.id, name: u.display_name }, 'login', 'session', u.id, null, { via: 'handover' }),
    )()
    this.userId = u.id
    this.locked = false
    this.noteUserCall()
  }

  logout(actor: Actor): SessionDto {
    this.db.transaction(() => this.audit.record(who(actor), 'logout', 'session', actor.id, null, null))()
    this.userId = null
    this.locked = false
    return this.status()
  }

  lock(actor: Actor): SessionDto {
    if (!this.locked) {
      this.db.transaction(() => this.audit.record(who(actor), 'lock', 'session', actor.id, null, null))()
      this.locked = true
    }
    return this.status()
  }

  unlock(actor: Actor, password: string): SessionDto {
    this.checkPassword(actor.id, password)
    this.db.transaction(() => this.audit.record(who(actor), 'unlock', 'session', actor.id, null, null))()
    this.locked = false
    this.noteUserCall()
    return this.status()
  }

  changePassword(actor: Actor, oldPassword: string, newPassword: string): SessionDto {
    this.checkPassword(actor.id, oldPassword)
    const problem = passwordProblem(newPassword, actor.username)
    if (problem) throw new DomainError('PASSWORD_WEAK', problem)
    if (oldPassword === newPassword) throw new DomainError('PASSWORD_SAME', '新密码不能与原密码相同')
    const hash = hashPassword(newPassword)
    this.db.transaction(() => {
      this.users.setPassword(actor.id, hash, this.now())
      this.audit.record(who(actor), 'password.change', 'user', actor.id, null, null)
      this.keys?.rewrap(actor.id, oldPassword, newPassword, who(actor))
    })()
    return this.status()
  }

  userDto(id: number): UserDto {
    const u = this.users.byId(id)
    if (!u) throw new DomainError('USER_NOT_FOUND', '账号不存在')
    return toUserDto(u)
  }
}
