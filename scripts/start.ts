// npm start: make sure Electron's runtime and an Electron build of better-sqlite3 are
// there, then build and open the app. When something cannot be fixed here it says
// what to do, in Chinese and English, and exits non-zero (no stack trace).
import { spawnSync } from 'node:child_process'
import { machine, runElectronInstaller, runtimeExecutable, sqliteLoadsIn } from './desktop/machine'
import { type Findings, nextStep } from './desktop/plan'

const shell = process.platform === 'win32'

function main(): never {
  const found: Findings = {
    runtime: runtimeExecutable() !== null,
    installTried: false,
    sqliteLoadsInElectron: null,
    rebuildTried: false,
  }
  for (;;) {
    const step = nextStep(machine, found)
    switch (step.kind) {
      case 'install-runtime': {
        console.log(`正在安装 Electron ${machine.electronVersion} 运行时（installing Electron's runtime）……`)
        const reason = runElectronInstaller()
        found.installTried = true
        found.runtime = runtimeExecutable() !== null
        if (!found.runtime && reason) console.error(`（安装程序 / installer: ${reason}）\n`)
        break
      }
      case 'check-sqlite':
        found.sqliteLoadsInElectron = sqliteLoadsIn(runtimeExecutable()!)
        break
      case 'rebuild-sqlite':
        console.log(`正在为 Electron ${machine.electronVersion} 编译 better-sqlite3（rebuilding it for Electron）……`)
        spawnSync('npx', ['electron-builder', 'install-app-deps'], { stdio: 'inherit', shell })
        found.rebuildTried = true
        found.sqliteLoadsInElectron = sqliteLoadsIn(runtimeExecutable()!)
        break
      case 'launch': {
        const r = spawnSync('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit', shell })
        process.exit(r.status ?? 1)
      }
      // eslint-disable-next-line no-fallthrough -- process.exit never returns
      case 'stop':
        console.error(step.message)
        process.exit(step.exitCode)
    }
  }
}

main()
