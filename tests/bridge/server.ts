import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve } from 'node:path'
import { build } from 'esbuild'
import { openDatabase } from '../../src/main/db/connection'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { mimeType, resolveBundlePath } from '../../src/main/security/policy'
import { fileSealKey, sealKeyPathFor } from '../../src/main/security/seal-key'
import { buildServices } from '../../src/main/services'
import { MovableClock } from './clock'

/**
 * The browser test bridge: serves the built renderer and answers the IPC
 * contract over loopback HTTP with the real services on a real SQLite file.
 * It is a test and try-out tool only and never part of the shipped app.
 */
export interface Bridge {
  url: string
  dataDir: string
  services: ReturnType<typeof buildServices>
  /** the clock the services read; the page should be given the same time (page.clock) */
  clock: MovableClock
  close(): Promise<void>
}

// npm scripts and the test runners start in the repository root.
const ROOT = resolve(process.cwd())

async function clientScript(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'tests/bridge/client.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  return out.outputFiles[0]!.text
}

export async function startBridge(opts: {
  dataDir: string
  port?: number
  rendererDir?: string
  /** ISO time the services' clock starts at (it then runs on); the real time when absent */
  clockAt?: string
}): Promise<Bridge> {
  const rendererDir = opts.rendererDir ?? join(ROOT, 'out/renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`没有找到构建好的界面（${rendererDir}/index.html），请先运行 npm run build`)
  }
  mkdirSync(opts.dataDir, { recursive: true })
  const db = openDatabase(join(opts.dataDir, 'duty-console.sqlite3'), { strictChecksums: true })
  const clock = new MovableClock(opts.clockAt)
  const services = buildServices(db, clock, fileSealKey(sealKeyPathFor(opts.dataDir)))
  services.integrity.prepare()
  void services.integrity.checkInBackground()
  const dispatch = createDispatcher(services)
  const client = await clientScript()

  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/'
    if (req.method === 'POST' && url === '/__bridge/invoke') {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', async () => {
        let body: { channel: string; payload: unknown; hasPayload: boolean; background?: boolean }
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body
          if (typeof body?.channel !== 'string') throw new TypeError('no channel')
        } catch {
          res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8' })
          res.end(JSON.stringify({ ok: false, code: 'INVALID_INPUT', message: '请求不是有效的 JSON' }))
          return
        }
        const envelope = await dispatch(body.channel, body.hasPayload ? body.payload : undefined, !!body.background)
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify(envelope))
      })
      return
    }
    if (url === '/__bridge/client.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' })
      res.end(client)
      return
    }
    const file = resolveBundlePath(`app://bundle${url.split('?')[0]}`, rendererDir)
    if (!file || !existsSync(file)) {
      res.writeHead(404).end('Not found')
      return
    }
    if (extname(file) === '.html') {
      // Same page as the app, plus the bridge client; connect-src allows only this loopback origin.
      const html = readFileSync(file, 'utf8')
        .replace("connect-src 'none'", "connect-src 'self'")
        .replace('<script type="module"', '<script src="/__bridge/client.js"></script>\n    <script type="module"')
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      res.end(html)
      return
    }
    res.writeHead(200, { 'Content-Type': mimeType(file) })
    res.end(readFileSync(file))
  })
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    dataDir: opts.dataDir,
    services,
    clock,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => {
          db.close()
          ok()
        })
      }),
  }
}
