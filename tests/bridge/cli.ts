import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { generateDemoData } from '../../scripts/demo-data'
import { parseIso } from '../../src/shared/time/site-time'
import { startBridge } from './server'

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data/browser' },
    port: { type: 'string', default: '5199' },
    demo: { type: 'boolean', default: false },
    clock: { type: 'string' },
  },
})
async function main() {
  const dataDir = resolve(values['data-dir']!)
  if (values.demo && !existsSync(join(dataDir, 'duty-console.sqlite3'))) {
    console.log('正在生成演示数据……')
    const summary = generateDemoData(dataDir, { now: values.clock ? parseIso(values.clock)! : Date.now() })
    console.log(summary)
  }
  const bridge = await startBridge({ dataDir, port: Number(values.port), clockAt: values.clock })
  console.log(`驻场值守台（浏览器试用）已启动：${bridge.url}`)
  console.log(`数据目录：${dataDir}`)
  if (values.demo)
    console.log('演示账号：zhangwei / liqiang / wangfang / chenjie，密码均为 Demo#2026；审阅人 reviewer / Demo#2026')
  console.log('按 Ctrl+C 退出。')
}

void main()
