import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { fileSealKey } from '../../src/main/security/seal-key'
import { buildServices, type Plugins } from '../../src/main/services'
import type { Api } from '../../src/shared/ipc/contract'
import { buildApi } from '../../src/shared/ipc/api'
import { CHANNELS } from '../../src/shared/ipc/contract'
import { parseIso } from '../../src/shared/time/site-time'

export class FakeClock {
  constructor(public ms: number) {}
  /** makeWorld: moving the clock is time passing with the user at the desk (main's idle lock stays off) */
  onMove: () => void = () => {}
  now = () => this.ms
  set(iso: string) {
    this.ms = parseIso(iso)!
    this.onMove()
  }
  advance(minutes: number) {
    this.ms += minutes * 60_000
    this.onMove()
  }
  /** Time passing with nobody at the keyboard: main's idle lock counts it. */
  idle(minutes: number) {
    this.ms += minutes * 60_000
  }
}

export const LEAD_PASSWORD = 'Duty#2026ok'

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'duty-console-'))
}

/**
 * A migrated database in a temp dir, every service over it, and the same
 * dispatcher the app uses, exposed as the renderer's `api`.
 */
export function makeWorld(startIso = '2026-11-23T09:00:00+08:00', plugins: Plugins = {}) {
  const dir = tempDir()
  const file = join(dir, 'duty-console.sqlite3')
  const db = openDatabase(file, { strictChecksums: true })
  const clock = new FakeClock(parseIso(startIso)!)
  // The seal key lives outside the data folder, as in the preview.
  const keyDir = tempDir()
  const sealKeyFile = join(keyDir, 'seal.key')
  const services = buildServices(db, clock, fileSealKey(sealKeyFile), plugins)
  clock.onMove = () => services.auth.noteUserCall()
  const dispatch = createDispatcher(services, () => {})
  const api = buildApi(CHANNELS, dispatch) as unknown as Api
  return {
    dir,
    file,
    keyDir,
    sealKeyFile,
    db,
    clock,
    services,
    dispatch,
    api,
    close() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
      rmSync(keyDir, { recursive: true, force: true })
    },
  }
}

export type World = ReturnType<typeof makeWorld>

/** A set-up site with a logged-in lead (张伟). */
export async function setUpSite(w: World) {
  await w.api.auth.setup({
    site: {
      customerUnit: '海南省人民检察院',
      providerName: '某某信息技术有限公司',
      contractStart: '2026-01-01',
      contractEnd: '2026-12-31',
      serviceMode: '5x8',
      idleLockMinutes: 15,
    },
    admin: { username: 'zhangwei', displayName: '张伟', phone: '13800000000', password: LEAD_PASSWORD },
  })
  return w.api.auth.login({ username: 'zhangwei', password: LEAD_PASSWORD })
}

export function count(w: World, table: string): number {
  return (w.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}
