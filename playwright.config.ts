import { defineConfig } from '@playwright/test'
import { findChromium } from './tests/support/chromium'

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.e2e.ts',
  // long user journeys on a shared 2-core CI machine
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 1,
  // scripts/test.mjs runs the suite a second time on another date (E2E_CLOCK) into another report.
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e',
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The duty-room PC's common screen; everything must fit and work at this size.
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
})
