import { truncateSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DomainError } from '@shared/errors'

export const LOCK_FILE = 'duty-console.lock'

export interface DataDirLock {
  release(): void
}

/**
 * One running copy of the app per data folder. The lock is an OS file lock
 * (POSIX fcntl / Windows LockFileEx) held through SQLite on a small side file in
 * exclusive locking mode: it is held as long as this process lives and released
 * by the OS when it exits or crashes, so a stale lock never blocks the next start.
 * A second copy (say, one started from a USB stick on the same folder) is refused
 * before it opens the database.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  try {
    return takeLock(dataDir)
  } catch (e) {
    const code = (e as { code?: unknown }).code
    if (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT') throw e
    // The lock file holds nothing but the lock: a damaged one is emptied in place (same
    // file, so a copy that still holds it keeps holding it) and taken over.
    truncateSync(join(dataDir, LOCK_FILE), 0)
    return takeLock(dataDir)
  }
}

function takeLock(dataDir: string): DataDirLock {
  const lock = new Database(join(dataDir, LOCK_FILE))
  try {
    lock.pragma('busy_timeout = 0')
    lock.pragma('locking_mode = EXCLUSIVE')
    // The first write takes the exclusive lock; EXCLUSIVE mode never gives it back.
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER)')
    lock.exec(`DELETE FROM holder; INSERT INTO holder VALUES (${process.pid})`)
  } catch (e) {
    lock.close()
    if ((e as { code?: unknown }).code === 'SQLITE_BUSY' || (e as { code?: unknown }).code === 'SQLITE_LOCKED')
      throw new DomainError(
        'DATA_DIR_IN_USE',
        `数据文件夹 ${dataDir} 正在被另一个驻场值守台程序使用。同一份数据只能由一个程序打开，请先关闭另一个（也可能是从U盘等其他位置启动的），再打开本程序。`,
      )
    throw e
  }
  return { release: () => lock.close() }
}
