import { spawn } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LOCK_FILE, lockDataDir } from '../../src/main/db/data-dir-lock'
import { tempDir } from '../support/world'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
const folder = () => {
  const d = tempDir()
  dirs.push(d)
  return d
}

/** Another process holding the lock until it is killed. */
function holder(dir: string): Promise<{ kill(): Promise<void> }> {
  const script = `const { lockDataDir } = require('./src/main/db/data-dir-lock.ts'); lockDataDir(${JSON.stringify(dir)}); console.log('held'); setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () =>
      resolve({
        kill: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done())
            child.kill('SIGKILL')
          }),
      }),
    )
    child.once('exit', (code) => reject(new Error(`holder exited ${code}`)))
  })
}

describe('one running copy per data folder', () => {
  it('refuses a second copy on the same folder with a plain Chinese message', () => {
    const dir = folder()
    const first = lockDataDir(dir)
    try {
      expect(() => lockDataDir(dir)).toThrow(/正在被另一个驻场值守台程序使用/)
      const other = lockDataDir(folder())
      other.release()
    } finally {
      first.release()
    }
    lockDataDir(dir).release()
  })

  it('holds against another process, and is free again when that process dies without cleaning up', async () => {
    const dir = folder()
    const other = await holder(dir)
    try {
      expect(() => lockDataDir(dir)).toThrow(expect.objectContaining({ code: 'DATA_DIR_IN_USE' }))
    } finally {
      await other.kill()
    }
    lockDataDir(dir).release()
  }, 30_000)

  it('a lock file left damaged (not a database) does not stop the app: it is taken over and still holds', async () => {
    const dir = folder()
    writeFileSync(join(dir, LOCK_FILE), 'x'.repeat(4096))
    const first = lockDataDir(dir)
    try {
      expect(() => lockDataDir(dir)).toThrow(expect.objectContaining({ code: 'DATA_DIR_IN_USE' }))
    } finally {
      first.release()
    }
    writeFileSync(join(dir, LOCK_FILE), 'x'.repeat(4096))
    const other = await holder(dir)
    try {
      expect(() => lockDataDir(dir)).toThrow(expect.objectContaining({ code: 'DATA_DIR_IN_USE' }))
    } finally {
      await other.kill()
    }
  }, 30_000)
})
