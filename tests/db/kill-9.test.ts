import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { fileSealKey } from '../../src/main/security/seal-key'
import { buildServices } from '../../src/main/services'
import { makeWorld, setUpSite } from '../support/world'

/** SPEC §3.12 durability: a committed record survives a power cut, and the sealed audit head with it. */
it('kill -9 during writes: every acknowledged id is there after reopening, and the audit trail still proves itself', async () => {
  const w = makeWorld('2026-11-23T10:00:00+08:00')
  await setUpSite(w)
  w.db.close()
  const keyFile = join(w.keyDir, 'seal.key')
  // The writer itself is the child (node with tsx's loader), not a wrapper that would
  // pass the signal on or leave the writer running after the wrapper died.
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/db/fixtures/writer.ts', w.dir, keyFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const acked: number[] = []
  let buf = ''
  await new Promise<void>((done) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString()
      const lines = buf.split('\n')
      buf = lines.pop()!
      acked.push(...lines.map(Number))
      if (acked.length >= 300 && !child.killed) child.kill('SIGKILL')
    })
    child.on('exit', () => {
      child.stdout.destroy()
      done()
    })
  })
  expect(child.signalCode).toBe('SIGKILL')
  expect(acked.length).toBeGreaterThanOrEqual(300)
  const db = openDatabase(w.file)
  const ids = new Set(db.prepare('SELECT id FROM service_log').pluck().all() as number[])
  expect(acked.filter((id) => !ids.has(id))).toEqual([])
  const s = buildServices(db, w.clock, fileSealKey(keyFile))
  expect(s.integrity.verify()).toMatchObject({ ok: true, problems: [] })
  db.close()
  w.close()
}, 60_000)
