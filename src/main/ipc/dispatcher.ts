import { z } from 'zod'
import { ROLE_LABELS } from '@shared/auth/contract'
import { isDomainError } from '@shared/errors'
import { type Channel, contract } from '@shared/ipc/contract'
import type { Access, Actor, Envelope } from '@shared/ipc/kit'
import type { Services } from '../services'

z.config(z.locales.zhCN())

/** `background`: a timer's poll from the screen, which does not count as the user being active. */
export type Dispatch = (channel: string, payload: unknown, background?: boolean) => Promise<Envelope<unknown>>

const fail = (code: string, message: string): Envelope<never> => ({ ok: false, code, message })

function denied(access: Access, actor: Actor | null, locked: boolean): Envelope<never> | null {
  if (access === 'public') return null
  if (!actor) return fail('NOT_LOGGED_IN', '请先登录')
  if (access === 'session') return null
  if (locked) return fail('SESSION_LOCKED', '屏幕已锁定，请输入密码解锁')
  if (access === 'writer' && actor.role === 'reviewer')
    return fail('FORBIDDEN', `${ROLE_LABELS.reviewer}只能查看，不能修改`)
  if (access === 'lead' && actor.role !== 'lead') return fail('FORBIDDEN', `只有${ROLE_LABELS.lead}可以执行此操作`)
  if (access === 'auditor' && actor.role === 'engineer')
    return fail('FORBIDDEN', `只有${ROLE_LABELS.lead}或${ROLE_LABELS.reviewer}可以查看`)
  return null
}

function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0]
  return issue ? issue.message : '输入不正确'
}

/**
 * The single entry for every call, whatever the transport (Electron IPC in the
 * app, loopback HTTP in the browser test bridge): unknown channel, payload
 * validation, access by role, then the handler; every outcome is an envelope
 * with a Chinese message, never a thrown error. The idle lock is enforced here
 * too, so a screen that fails to lock itself cannot keep writing.
 */
export function createDispatcher(services: Services, log: (e: unknown) => void = console.error): Dispatch {
  return async (name, payload, background = false) => {
    if (!Object.hasOwn(contract, name)) return fail('UNKNOWN_CHANNEL', `未知的操作：${name}`)
    const channel = name as Channel
    const spec = contract[channel]
    const parsed = spec.input.safeParse(payload)
    if (!parsed.success) return fail('INVALID_INPUT', describeZodError(parsed.error))
    services.auth.lockIfIdle()
    const actor = services.auth.currentActor()
    const refusal = denied(spec.access, actor, services.auth.isLocked())
    if (refusal) return refusal
    if (actor && !background) services.auth.noteUserCall()
    try {
      const handler = services.handlers[channel] as (input: unknown, ctx: { actor: Actor | null }) => unknown
      const data = await handler(parsed.data, { actor })
      return { ok: true, data }
    } catch (e) {
      if (isDomainError(e)) return fail(e.code, e.message)
      if (e instanceof z.ZodError) return fail('INVALID_INPUT', describeZodError(e))
      log(e)
      return fail('INTERNAL', '操作失败：程序内部错误，数据未作改动。请重试，如仍失败请联系技术支持。')
    }
  }
}
