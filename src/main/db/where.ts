type Values = Record<string, unknown> | false | null | undefined | 0 | ''

/**
 * A list's filter clauses: each condition is a fixed SQL fragment of the
 * repository with named parameters, added only when its filter was given.
 * Values never enter the SQL text.
 *
 *   const w = where().and('kind = @kind', f.kind && { kind: f.kind })
 *   db.prepare(`SELECT … ${w.clause}`).all(w.params)
 */
export class Where {
  private readonly parts: string[] = []
  readonly params: Record<string, unknown> = {}

  /** `sql` when `values` is given (an object of its named parameters); nothing when it is falsy */
  and(sql: string, values: Values): this {
    if (!values) return this
    this.parts.push(sql)
    Object.assign(this.params, values)
    return this
  }

  get clause(): string {
    if (!this.parts.length) return ''
    return `WHERE ${this.parts.length === 1 ? this.parts[0] : this.parts.map((p) => `(${p})`).join(' AND ')}`
  }
}

export const where = () => new Where()
