import { z } from 'zod'
import { channel } from '@shared/ipc/kit'
import { siteInput } from '@shared/site/contract'

export const ROLES = ['engineer', 'lead', 'reviewer'] as const
export type Role = (typeof ROLES)[number]
export const ROLE_LABELS: Record<Role, string> = { engineer: '工程师', lead: '负责人', reviewer: '审阅人' }

export interface UserDto {
  id: number
  username: string
  displayName: string
  role: Role
  phone: string
  active: boolean
  /** set while the account is locked out after repeated failures */
  lockedUntil: string | null
  createdAt: string
  /** the account's signing key (Ed25519, base64 SPKI) and its fingerprint; null until first made */
  publicKey?: string | null
  keyFingerprint?: string | null
}

export interface SessionDto {
  setupDone: boolean
  siteName: string | null
  user: UserDto | null
  /** idle lock: the session is kept but every call except unlock/logout is refused */
  locked: boolean
  idleLockMinutes: number
  /** active accounts, for the quick user picker on the shared duty-room PC */
  loginUsers: { username: string; displayName: string }[]
}

export const username = z
  .string({ error: '请填写用户名' })
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{1,31}$/, '用户名为 2–32 位字母、数字或 _ . -，以字母开头')
export const displayName = z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(32, '姓名不能超过 32 个字')
const password = z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码过长')

export const newAccountInput = z.object({
  username,
  displayName,
  role: z.enum(ROLES, { error: '角色无效' }),
  phone: z.string().trim().max(32, '电话不能超过 32 位').default(''),
  password,
})

export const authContract = {
  'auth/status': channel<SessionDto>()(z.undefined(), 'public'),
  'auth/setup': channel<SessionDto>()(
    z.object({
      site: siteInput,
      admin: newAccountInput.omit({ role: true }),
      slaPreset: z.string().max(40).optional(),
    }),
    'public',
  ),
  'auth/login': channel<SessionDto>()(
    z.object({
      username: z.string({ error: '请填写用户名' }).trim().min(1, '请填写用户名').max(32, '用户名不能超过 32 位'),
      password,
    }),
    'public',
  ),
  'auth/logout': channel<SessionDto>()(z.undefined(), 'session'),
  'auth/lock': channel<SessionDto>()(z.undefined(), 'session'),
  'auth/unlock': channel<SessionDto>()(z.object({ password }), 'session'),
  'auth/changePassword': channel<SessionDto>()(z.object({ oldPassword: password, newPassword: password }), 'user'),
}

export const accountContract = {
  'account/list': channel<UserDto[]>()(z.undefined(), 'user'),
  'account/create': channel<UserDto>()(newAccountInput, 'lead'),
  'account/update': channel<UserDto>()(
    z.object({
      id: z.number().int().positive(),
      displayName,
      role: z.enum(ROLES, { error: '角色无效' }),
      phone: z.string().trim().max(32, '电话不能超过 32 位'),
      active: z.boolean(),
    }),
    'lead',
  ),
  'account/resetPassword': channel<UserDto>()(z.object({ id: z.number().int().positive(), password }), 'lead'),
  'account/unlock': channel<UserDto>()(z.object({ id: z.number().int().positive() }), 'lead'),
}
