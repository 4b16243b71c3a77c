// npm run dist: package the app with electron-builder from the runtime on this machine.
// electron-builder would otherwise try to download Electron; offline that fails with a
// stack trace, so the runtime is found (or installed) first and handed over as electronDist.
import { spawnSync } from 'node:child_process'
import { machine, runElectronInstaller, runtimeFolder } from './desktop/machine'
import { nextStep } from './desktop/plan'

const shell = process.platform === 'win32'
const args = process.argv.slice(2)
const given = args.some((a) => a.includes('electronDist'))

if (!given && !runtimeFolder()) {
  console.log(`正在安装 Electron ${machine.electronVersion} 运行时（installing Electron's runtime）……`)
  const reason = runElectronInstaller()
  if (!runtimeFolder()) {
    if (reason) console.error(`（安装程序 / installer: ${reason}）\n`)
    const step = nextStep(machine, {
      runtime: false,
      installTried: true,
      sqliteLoadsInElectron: null,
      rebuildTried: false,
    })
    if (step.kind === 'stop') {
      console.error(step.message)
      console.error(
        `\n打包还会按 Electron 的版本重新编译 better-sqlite3：离线时请设置 npm_config_nodedir 指向 Electron ${machine.electronVersion} 的头文件。` +
          `\nPackaging also rebuilds better-sqlite3 for Electron: offline, point npm_config_nodedir at Electron ${machine.electronVersion}'s headers.`,
      )
      process.exit(step.exitCode)
    }
  }
}
const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell })
if (build.status !== 0) process.exit(build.status ?? 1)
const electronDist = given ? [] : [`-c.electronDist=${runtimeFolder()}`]
const r = spawnSync('npx', ['electron-builder', ...electronDist, ...args], { stdio: 'inherit', shell })
process.exit(r.status ?? 1)
