import { existsSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { _electron as electron, expect, test } from '@playwright/test'
import { tempDir } from '../support/world'

/** Electron's binary, when this machine has it (the npm package's install step downloads it). */
function electronRuntime(): string | null {
  if (process.env.ELECTRON_EXEC_PATH && existsSync(process.env.ELECTRON_EXEC_PATH))
    return process.env.ELECTRON_EXEC_PATH
  try {
    const path = createRequire(__filename)('electron') as unknown
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const runtime = electronRuntime()

test('the packaged window opens on the setup wizard, sandboxed, with no Node in the page', async () => {
  test.skip(
    !runtime,
    "Electron's runtime binary is not installed on this machine (its download is blocked); set ELECTRON_EXEC_PATH to run this test",
  )
  const dataDir = tempDir()
  const app = await electron.launch({
    executablePath: runtime!,
    args: ['.', `--data-dir=${dataDir}`],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  try {
    const page = await app.firstWindow()
    await expect(page.getByText('首次使用设置')).toBeVisible()
    expect(page.url()).toMatch(/^app:\/\/bundle\//)
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(
      await page.evaluate(
        () => typeof (globalThis as unknown as { api: { calls: { auth: { status: unknown } } } }).api.calls.auth.status,
      ),
    ).toBe('function')
    // Codes cross the context bridge as data: the envelope, not a thrown Error.
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { api: { calls: { dashboard: { today(): Promise<unknown> } } } }
        ).api.calls.dashboard.today(),
      ),
    ).toMatchObject({ ok: false, code: 'NOT_LOGGED_IN' })
    const blocked = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    )
    expect(blocked).toBe('blocked')
  } finally {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
