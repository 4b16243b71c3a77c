import type { Db } from '../../db/connection'
import type { Role, UserDto } from '@shared/auth/contract'

export interface UserRow {
  id: number
  username: string
  display_name: string
  role: Role
  phone: string
  password_hash: string
  active: number
  failed_count: number
  locked_until: string | null
  last_failed_at: string | null
  created_at: string
  updated_at: string
}

export const toUserDto = (r: UserRow): UserDto => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  phone: r.phone,
  active: r.active === 1,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
})

/** SQL for accounts; no rules here. */
export class UserRepository {
  constructor(private readonly db: Db) {}

  byId(id: number): UserRow | undefined {
    return this.db.prepare('SELECT * FROM user WHERE id = ?').get(id) as UserRow | undefined
  }

  byUsername(username: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM user WHERE username = ?').get(username) as UserRow | undefined
  }

  all(): UserRow[] {
    return this.db.prepare('SELECT * FROM user ORDER BY active DESC, role, id').all() as UserRow[]
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM user').get() as { n: number }).n
  }

  activeLeads(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM user WHERE role = 'lead' AND active = 1").get() as { n: number })
      .n
  }

  insert(u: {
    username: string
    displayName: string
    role: Role
    phone: string
    passwordHash: string
    now: string
  }): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO user (username, display_name, role, phone, password_hash, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(u.username, u.displayName, u.role, u.phone, u.passwordHash, u.now, u.now).lastInsertRowid,
    )
  }

  update(id: number, u: { displayName: string; role: Role; phone: string; active: boolean; now: string }): void {
    this.db
      .prepare('UPDATE user SET display_name = ?, role = ?, phone = ?, active = ?, updated_at = ? WHERE id = ?')
      .run(u.displayName, u.role, u.phone, u.active ? 1 : 0, u.now, id)
  }

  setPassword(id: number, passwordHash: string, now: string): void {
    this.db
      .prepare('UPDATE user SET password_hash = ?, failed_count = 0, locked_until = NULL, updated_at = ? WHERE id = ?')
      .run(passwordHash, now, id)
  }

  setFailures(id: number, failedCount: number, lockedUntil: string | null, lastFailedAt: string | null = null): void {
    this.db
      .prepare('UPDATE user SET failed_count = ?, locked_until = ?, last_failed_at = ? WHERE id = ?')
      .run(failedCount, lockedUntil, lastFailedAt, id)
  }
}
