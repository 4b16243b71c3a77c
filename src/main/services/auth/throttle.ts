import { DomainError } from '@shared/errors'

/** After this many failed logins in a row from the login screen, each further try waits longer. */
export const FREE_FAILURES = 10
const MAX_DELAY_S = 60

/** What the audit trail keeps of an unknown username: a short keyed hash (`mark`), never the text. */
export function unknownUserMarker(username: string, mark: (text: string) => string): string {
  return mark(username.trim().toLowerCase())
}

/**
 * Slows down guessing at the one login screen of this window: from the eleventh
 * failure in a row, 1 s, 2 s, 4 s … up to a minute between tries. A success
 * clears it. Kept in memory: it guards the screen, the account lockout guards
 * each account.
 */
export class LoginThrottle {
  private failures = 0
  private notBefore = 0

  check(nowMs: number): void {
    if (nowMs < this.notBefore) {
      const s = Math.ceil((this.notBefore - nowMs) / 1000)
      throw new DomainError('LOGIN_THROTTLED', `登录失败次数过多，请 ${s} 秒后再试`)
    }
  }

  failed(nowMs: number): void {
    this.failures++
    if (this.failures >= FREE_FAILURES)
      this.notBefore = nowMs + Math.min(MAX_DELAY_S, 2 ** (this.failures - FREE_FAILURES)) * 1000
  }

  succeeded(): void {
    this.failures = 0
    this.notBefore = 0
  }
}
