import type { z } from 'zod'

/**
 * Who may call a channel. The dispatcher checks this before the handler runs,
 * so a handler never has to remember it.
 * - public: before login (setup, login, status)
 * - session: logged in, even while the idle lock is on (unlock, logout)
 * - user: any logged-in, unlocked account
 * - writer: engineers and leads (reviewers are read-only)
 * - lead: site lead only
 * - auditor: lead or reviewer (the customer side reads the audit trail)
 */
export type Access = 'public' | 'session' | 'user' | 'writer' | 'lead' | 'auditor'

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O = unknown, A extends Access = Access> {
  input: I
  access: A
  /** phantom: carries the output type only */
  output?: O
}

/** Declare a channel: its input schema, who may call it, and (by type) what it returns. */
export const channel =
  <O>() =>
  <I extends z.ZodType, A extends Access>(input: I, access: A): ChannelSpec<I, O, A> => ({
    input,
    access,
  })

export type ContractShape = Record<string, ChannelSpec>

export type InputOf<C extends ContractShape, K extends keyof C> = z.input<C[K]['input']>
export type ParsedInputOf<C extends ContractShape, K extends keyof C> = z.output<C[K]['input']>
export type OutputOf<C extends ContractShape, K extends keyof C> =
  C[K] extends ChannelSpec<z.ZodType, infer O, Access> ? O : never

export interface Actor {
  id: number
  username: string
  displayName: string
  role: 'engineer' | 'lead' | 'reviewer'
}

export interface CallContext {
  /** null only for public channels called before login */
  actor: Actor | null
}

/** The dispatcher guarantees an actor for every channel that is not public. */
type ContextFor<S> = S extends ChannelSpec<z.ZodType, unknown, 'public'> ? CallContext : { actor: Actor }

export type Handlers<C extends ContractShape> = {
  [K in keyof C]: (input: ParsedInputOf<C, K>, ctx: ContextFor<C[K]>) => OutputOf<C, K> | Promise<OutputOf<C, K>>
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; code: string; message: string }

type AreaOf<K> = K extends `${infer A}/${string}` ? A : never
type MethodArgs<I> = undefined extends I ? [input?: I] : [input: I]

/** `{ serviceLog: { create(input) } }` from `'serviceLog/create'` — the renderer's view of the contract. */
export type ApiOf<C extends ContractShape> = {
  [A in AreaOf<keyof C & string>]: {
    [K in keyof C & string as K extends `${A}/${infer V}` ? V : never]: (
      ...args: MethodArgs<InputOf<C, K>>
    ) => Promise<OutputOf<C, K>>
  }
}
