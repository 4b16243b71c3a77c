/** 至少 8 位，且包含大写字母、小写字母、数字、符号中的三类 — the usual rule of 等保 2.0 sites. */
export const PASSWORD_RULE_TEXT = '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少三类'

export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return PASSWORD_RULE_TEXT
  if (password.length > 64) return '密码不能超过 64 位'
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (classes < 3) return PASSWORD_RULE_TEXT
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名'
  return null
}

export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15

/** The rules as a checklist, shown while the password is typed (the same rules passwordProblem enforces). */
export function passwordChecks(password: string, username?: string): { label: string; ok: boolean }[] {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  return [
    { label: '8–64 位', ok: password.length >= 8 && password.length <= 64 },
    { label: `大写字母、小写字母、数字、符号中至少三类（已有 ${classes} 类）`, ok: classes >= 3 },
    {
      label: '不包含用户名',
      ok: !username || password === '' || !password.toLowerCase().includes(username.toLowerCase()),
    },
  ]
}
/** Wrong passwords further apart than this start the count again. */
export const FAILURE_WINDOW_MINUTES = 30
