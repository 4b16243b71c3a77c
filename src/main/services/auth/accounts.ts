import type { Db } from '../../db/connection'
import type { Role, UserDto } from '@shared/auth/contract'
import { passwordProblem } from '@shared/auth/password-rules'
import { DomainError } from '@shared/errors'
import type { Actor } from '@shared/ipc/kit'
import { toSiteIso } from '@shared/time/site-time'
import { type AuditService, who } from '../audit/service'
import type { SigningKeys } from '../audit/keys'
import type { Clock } from '../clock'
import { hashPassword } from './password'
import { toUserDto, type UserRepository } from './users'

/** Account management for the site lead. */
export class AccountService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UserRepository,
    private readonly keys?: SigningKeys,
  ) {}

  list(): UserDto[] {
    return this.users.all().map((u) => this.withKey(toUserDto(u)))
  }

  private get(id: number): UserDto {
    const u = this.users.byId(id)
    if (!u) throw new DomainError('USER_NOT_FOUND', '账号不存在')
    return this.withKey(toUserDto(u))
  }

  private withKey(u: UserDto): UserDto {
    const k = this.keys?.current(u.id)
    return { ...u, publicKey: k?.publicKey ?? null, keyFingerprint: k?.fingerprint ?? null }
  }

  create(
    actor: Actor,
    input: { username: string; displayName: string; role: Role; phone: string; password: string },
  ): UserDto {
    const problem = passwordProblem(input.password, input.username)
    if (problem) throw new DomainError('PASSWORD_WEAK', problem)
    const hash = hashPassword(input.password)
    return this.db.transaction(() => {
      if (this.users.byUsername(input.username))
        throw new DomainError('USERNAME_TAKEN', `用户名“${input.username}”已被使用`)
      const id = this.users.insert({ ...input, passwordHash: hash, now: toSiteIso(this.clock.now()) })
      const after = this.get(id)
      this.audit.record(who(actor), 'create', 'user', id, null, after)
      this.keys?.create(id, input.password, who(actor), 'create')
      return this.get(id)
    })()
  }

  update(
    actor: Actor,
    input: { id: number; displayName: string; role: Role; phone: string; active: boolean },
  ): UserDto {
    return this.db.transaction(() => {
      const before = this.get(input.id)
      const losesLead = before.role === 'lead' && before.active && (input.role !== 'lead' || !input.active)
      if (losesLead && this.users.activeLeads() <= 1) {
        throw new DomainError('LAST_LEAD', '至少要保留一个在用的负责人账号')
      }
      if (input.id === actor.id && !input.active) throw new DomainError('DISABLE_SELF', '不能停用自己的账号')
      this.users.update(input.id, { ...input, now: toSiteIso(this.clock.now()) })
      const after = this.get(input.id)
      this.audit.record(who(actor), 'update', 'user', input.id, before, after)
      return after
    })()
  }

  resetPassword(actor: Actor, id: number, password: string): UserDto {
    const target = this.get(id)
    const problem = passwordProblem(password, target.username)
    if (problem) throw new DomainError('PASSWORD_WEAK', problem)
    const hash = hashPassword(password)
    return this.db.transaction(() => {
      this.users.setPassword(id, hash, toSiteIso(this.clock.now()))
      this.audit.record(who(actor), 'password.reset', 'user', id, null, null)
      // The old password is unknown here: a new key pair; old signatures keep verifying with the old key.
      this.keys?.create(id, password, who(actor), 'reset')
      return this.get(id)
    })()
  }

  unlock(actor: Actor, id: number): UserDto {
    return this.db.transaction(() => {
      const before = this.get(id)
      this.users.setFailures(id, 0, null)
      const after = this.get(id)
      this.audit.record(who(actor), 'account.unlock', 'user', id, before, after)
      return after
    })()
  }
}
