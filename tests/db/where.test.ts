import { describe, expect, it } from 'vitest'
import { where } from '../../src/main/db/where'

describe('filter clauses', () => {
  it('adds only the filters given, each in brackets so an OR inside stays inside', () => {
    const w = where()
      .and('kind = @kind', { kind: 'system' })
      .and('status = @status', undefined)
      .and('instr(name, @q) > 0 OR instr(notes, @q) > 0', { q: '卷宗' })
    expect(w.clause).toBe('WHERE (kind = @kind) AND (instr(name, @q) > 0 OR instr(notes, @q) > 0)')
    expect(w.params).toEqual({ kind: 'system', q: '卷宗' })
  })

  it('is empty without filters, and never puts a value into the SQL text', () => {
    expect(where().and('a = @a', '').and('b = @b', 0).clause).toBe('')
    expect(where().and('name = @name', { name: "x' OR 1=1 --" }).clause).toBe('WHERE name = @name')
  })
})
