// The one test command (npm test): typecheck, lint, unit/integration tests,
// build, browser end-to-end tests. Ends with the line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const results = { passed: 0, failed: 0, skipped: 0 }
const failures = []

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) failures.push(name)
  return r.status === 0
}

/** A gate (typecheck, lint, build) counts as one check. */
function gate(name, cmd, args) {
  const ok = step(name, cmd, args)
  results[ok ? 'passed' : 'failed']++
  return ok
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/**
 * `npm start` rebuilds better-sqlite3 for Electron's ABI; Node cannot load that build
 * (NODE_MODULE_VERSION …). Put the Node build back before anything else runs.
 */
function ensureNodeSqlite() {
  const probe = () =>
    spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { encoding: 'utf8' })
  const first = probe()
  if (first.status === 0) return
  if (!/NODE_MODULE_VERSION|not a valid Win32 application|invalid ELF header/.test(first.stderr)) return
  console.log('better-sqlite3 is built for Electron (npm start did that); rebuilding it for Node …')
  spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit', shell: process.platform === 'win32' })
  if (probe().status !== 0) {
    console.log(
      'better-sqlite3 could not be rebuilt for Node. Offline, point npm_config_nodedir at Node headers and run npm rebuild better-sqlite3.',
    )
    process.exit(1)
  }
}

ensureNodeSqlite()
rmSync('test-results', { recursive: true, force: true })
mkdirSync('test-results', { recursive: true })

gate('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json'])
gate('typecheck (renderer)', 'npx', ['vue-tsc', '--noEmit', '-p', 'tsconfig.web.json'])
gate('lint', 'npx', ['eslint', '--max-warnings', '0', '.'])

step('unit and integration tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
])
const unit = readJson('test-results/unit.json')
if (unit) {
  results.passed += unit.numPassedTests
  results.failed += unit.numFailedTests
  results.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0)
} else {
  results.failed++
}

function countE2e(report) {
  const e2e = readJson(report)
  if (e2e?.stats) {
    results.passed += e2e.stats.expected
    results.failed += e2e.stats.unexpected + (e2e.stats.flaky ?? 0)
    results.skipped += e2e.stats.skipped
  } else {
    results.failed++
  }
}

// The browser suite runs on a set clock (tests/e2e/fixtures.ts): first a minute before
// midnight on New Year's Eve (its default), then once more a minute into the new year.
if (gate('build', 'npx', ['electron-vite', 'build'])) {
  step('browser end-to-end tests (2026-12-31 23:59 Asia/Shanghai)', 'npx', ['playwright', 'test'], {
    E2E_CLOCK: '2026-12-31T23:59:00+08:00',
    E2E_REPORT: 'test-results/e2e.json',
  })
  countE2e('test-results/e2e.json')
  step('browser end-to-end tests (2027-01-01 00:01 Asia/Shanghai)', 'npx', ['playwright', 'test', 'tests/e2e'], {
    E2E_CLOCK: '2027-01-01T00:01:00+08:00',
    E2E_REPORT: 'test-results/e2e-new-year.json',
  })
  countE2e('test-results/e2e-new-year.json')
  if (existsSync('artifacts/screenshots')) console.log('\nScreenshots: artifacts/screenshots/')
}

if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`)
console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`)
process.exit(results.failed > 0 || failures.length ? 1 : 0)
