import type { Db } from '../../db/connection'
import { where } from '../../db/where'
import type { AssetDto, AssetFields, AssetKind, AssetStatus } from '@shared/assets/contract'

interface AssetRow {
  id: number
  name: string
  kind: AssetKind
  parent_id: number | null
  parent_name: string | null
  department: string
  tier: number
  contacts: string
  config_notes: string
  status: AssetStatus
  created_at: string
  updated_at: string
}

const toDto = (r: AssetRow): AssetDto => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  parentId: r.parent_id,
  parentName: r.parent_name,
  department: r.department,
  tier: r.tier,
  contacts: r.contacts,
  configNotes: r.config_notes,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

const SELECT = `SELECT a.*, p.name AS parent_name FROM asset a LEFT JOIN asset p ON p.id = a.parent_id`

export class AssetRepository {
  constructor(private readonly db: Db) {}

  get(id: number): AssetDto | undefined {
    const row = this.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AssetRow | undefined
    return row && toDto(row)
  }

  byName(name: string): AssetDto | undefined {
    const row = this.db.prepare(`${SELECT} WHERE a.name = ? COLLATE NOCASE`).get(name) as AssetRow | undefined
    return row && toDto(row)
  }

  list(f: { q?: string | undefined; kind?: AssetKind | undefined; status?: AssetStatus | undefined }): AssetDto[] {
    const { clause, params } = where()
      .and('a.kind = @kind', f.kind && { kind: f.kind })
      .and('a.status = @status', f.status && { status: f.status })
      .and(
        'instr(a.name, @q) > 0 OR instr(a.department, @q) > 0 OR instr(a.config_notes, @q) > 0 OR instr(a.contacts, @q) > 0',
        f.q && { q: f.q },
      )
    return (
      this.db.prepare(`${SELECT} ${clause} ORDER BY a.status, a.tier, a.kind, a.name`).all(params) as AssetRow[]
    ).map(toDto)
  }

  /** ids of an asset and every asset below it, to refuse a parent cycle */
  descendants(id: number): Set<number> {
    const rows = this.db
      .prepare(
        `WITH RECURSIVE d(id) AS (SELECT ? UNION SELECT a.id FROM asset a JOIN d ON a.parent_id = d.id) SELECT id FROM d`,
      )
      .all(id) as { id: number }[]
    return new Set(rows.map((r) => r.id))
  }

  insert(f: AssetFields, by: number, now: string): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO asset (name, kind, parent_id, department, tier, contacts, config_notes, status, created_at, created_by, updated_at, updated_by)
           VALUES (@name, @kind, @parentId, @department, @tier, @contacts, @configNotes, @status, @now, @by, @now, @by)`,
        )
        .run({ ...f, by, now }).lastInsertRowid,
    )
  }

  update(id: number, f: AssetFields, by: number, now: string): void {
    this.db
      .prepare(
        `UPDATE asset SET name = @name, kind = @kind, parent_id = @parentId, department = @department, tier = @tier,
         contacts = @contacts, config_notes = @configNotes, status = @status, updated_at = @now, updated_by = @by WHERE id = @id`,
      )
      .run({ ...f, id, by, now })
  }
}
