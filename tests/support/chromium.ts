import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/**
 * The browser for end-to-end tests: $CHROMIUM_PATH, Debian's chromium, or a
 * browser Playwright itself installed. Playwright's own download is not
 * reachable from an isolated network, so this never tries to fetch one.
 */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]
  try {
    candidates.push(chromium.executablePath())
  } catch {
    // no Playwright-managed browser
  }
  const found = candidates.find((p): p is string => !!p && existsSync(p))
  if (!found) {
    throw new Error(
      '找不到 Chromium：请安装 Debian 的 chromium（sudo apt-get install -y chromium fonts-noto-cjk），' +
        '或设置 CHROMIUM_PATH 指向一个 Chromium/Chrome 可执行文件。',
    )
  }
  return found
}
