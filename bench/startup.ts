// npm run bench:startup — how the server starts: time from spawning `node dist/server/start.js`
// (what `npm start` runs: the bundle through V8's code cache) to the first 200 from /healthz, the process's RSS then, and RSS after a
// short mixed load (exhibit pages, company searches, visitor sessions). For scale, the same
// timing for a bare node HTTP server (the floor) and for the runtime started through tsx (how
// `npm start` ran before). Each over a database seeded beforehand, 5 runs (STARTUP_RUNS).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SERVER_BUNDLE, SERVER_START, buildServerBundle } from '../scripts/build-server'
import { freePort } from '../cloud/testing/free-port'

const ROOT = path.resolve(__dirname, '..')
const RUNS = Math.max(1, Number(process.env.STARTUP_RUNS ?? 5))
const LOAD_REQUESTS = 3000


/** RSS of a process and all its descendants (tsx runs the code in a child of its own), in MiB. */
const rssMiB = (pid: number) => {
  const children = new Map<number, number[]>()
  for (const d of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const ppid = Number(fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)])
    } catch {
      // gone meanwhile
    }
  }
  let kib = 0
  const visit = (p: number) => {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      return
    }
    for (const c of children.get(p) ?? []) visit(c)
  }
  visit(pid)
  return kib / 1024
}

async function start(cmd: string, args: string[], dbFile: string) {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, PORT: String(port), DB_FILE: dbFile, LOG_LEVEL: 'warn', NO_SHOW_INTERVAL_MS: '0' }, stdio: 'ignore' })
  const url = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${cmd} ${args.join(' ')} exited`)
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false)
    if (ok) break
    await new Promise((r) => setTimeout(r, 5))
  }
  const ms = performance.now() - started
  return {
    url,
    ms,
    rss: () => rssMiB(child.pid!),
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  }
}

async function load(url: string) {
  const call = (fn: string, body: object) => fetch(`${url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.arrayBuffer())
  const queries = ['融科', 'rkcn', '储能', '荣科储能', 'xin yuan dong li', '机器人']
  for (let i = 0; i < LOAD_REQUESTS; i += 30) {
    await Promise.all(
      Array.from({ length: 30 }, (_, j) => {
        const k = i + j
        if (k % 3 === 0) return call('exhibits', { action: 'get', code: 'helmet' })
        if (k % 3 === 1) return call('zone', { action: 'searchCompanies', q: queries[k % queries.length] })
        return call('_session', {})
      }),
    )
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

async function main() {
  await buildServerBundle()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-startup-'))
  const dbFile = path.join(dir, 'bench.sqlite')
  const floorFile = path.join(dir, 'floor.js')
  fs.writeFileSync(floorFile, `require('http').createServer((q, s) => s.end('{"ok":true}')).listen(Number(process.env.PORT), '127.0.0.1')`)
  try {
    // Seed once (the first start of a new database writes the content; not what a restart costs),
    // and let the launcher write its code cache.
    const first = await start(process.execPath, [SERVER_START], dbFile)
    await new Promise((r) => setTimeout(r, 1500))
    await first.stop()
    const kinds: Array<[string, string, string[]]> = [
      ['node dist/server/start.js (npm start)', process.execPath, [SERVER_START]],
      ['node dist/server/main.js (no cache)', process.execPath, [SERVER_BUNDLE]],
      ['bare node http (floor)', process.execPath, [floorFile]],
      ['tsx cloud/runtime/main.ts (before)', path.join(ROOT, 'node_modules/.bin/tsx'), ['cloud/runtime/main.ts']],
    ]
    const rows = new Map<string, { ms: number[]; rss: number[]; rssAfter: number[] }>(kinds.map(([k]) => [k, { ms: [], rss: [], rssAfter: [] }]))
    for (let run = 0; run < RUNS; run++) {
      for (const [name, cmd, args] of kinds) {
        const s = await start(cmd, args, dbFile)
        const row = rows.get(name)!
        row.ms.push(s.ms)
        row.rss.push(s.rss())
        if (name.includes('start.js')) {
          await load(s.url)
          row.rssAfter.push(s.rss())
        }
        await s.stop()
      }
    }
    console.log(`\n服务启动：到 /healthz 200 的时间与常驻内存（${RUNS} 次中位数；${os.cpus().length} 核，负载 ${os.loadavg()[0].toFixed(1)}）\n`)
    const floor = median(rows.get(kinds[2][0])!.ms)
    for (const [name] of kinds) {
      const r = rows.get(name)!
      const after = r.rssAfter.length ? `，${LOAD_REQUESTS} 次请求后 ${median(r.rssAfter).toFixed(0)} MiB` : ''
      console.log(`${name.padEnd(36)} ${median(r.ms).toFixed(0).padStart(5)} ms（${Math.min(...r.ms).toFixed(0)}–${Math.max(...r.ms).toFixed(0)}，底线 ×${(median(r.ms) / floor).toFixed(1)}）  RSS ${median(r.rss).toFixed(0)} MiB${after}`)
    }
    console.log('\n（RSS 含子进程：tsx 在自己的子进程里运行代码。）')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
