// Try the app in a browser here, where Electron's runtime is not available:
// builds the renderer, then serves it with the test bridge (real services, real SQLite).
//   npm run dev:browser -- [--data-dir .data/browser] [--demo] [--port 5199] [--no-build]
import { spawnSync } from 'node:child_process'

const args = process.argv.slice(2)
const run = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
if (!args.includes('--no-build')) run('npx', ['electron-vite', 'build'])
run('npx', ['tsx', 'tests/bridge/cli.ts', ...args.filter((a) => a !== '--no-build')])
