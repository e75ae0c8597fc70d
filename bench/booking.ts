// A release-moment rush against the local runtime, started exactly as `npm start` starts it
// (tsx cloud/runtime/main.ts, a child process over its own SQLite file):
//   npm run bench:booking -- [--clients 2000] [--places 300] [--rounds 3]
// Each round: N clients (one warm keep-alive connection each, like phones with the page open)
// first fire `system.ping` all at once (the no-op floor), then `booking.book` all at once for a
// fresh session of C places. Prints attempts/s, p50/p99 latency, confirmed count and the
// booking/no-op throughput ratio, per round and as medians.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../cloud/booking/config'
import { residentIdCheckChar } from '../cloud/contracts/booking'
import { seedIfEmpty } from '../cloud/store/seed'
import { openSqliteStore } from '../cloud/store/sqlite'

const ROOT = path.resolve(__dirname, '..')
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const CLIENTS = arg('clients', 2000)
const PLACES = arg('places', 300)
const ROUNDS = arg('rounds', 3)
const TARGET_P99_MS = 250
const TARGET_RATIO = 0.3

interface Reply {
  status: number
  body: any
  ms: number
}

function request(port: number, agent: http.Agent | undefined, urlPath: string, payload: object, token?: string): Promise<Reply> {
  const body = JSON.stringify(payload)
  return new Promise((resolve) => {
    const started = performance.now()
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          let parsed: unknown = null
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'))
          } catch {
            /* counted as an error below */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - started })
        })
      },
    )
    req.on('error', () => resolve({ status: 0, body: null, ms: performance.now() - started }))
    req.end(body)
  })
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((item, k) => fn(item, i + k)))))
  return out
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

function idNumber(round: number, i: number): string {
  // Unique per round and client: region code per round, birth date and serial per client.
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 900) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
  const first17 = `${110101 + round}${birth}${String(100 + (i % 900)).padStart(3, '0')}`
  return first17 + residentIdCheckChar(first17)
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

async function burst(replies: Promise<Reply>[]) {
  const started = performance.now()
  const done = await Promise.all(replies)
  const seconds = (performance.now() - started) / 1000
  const latencies = done.map((r) => r.ms).sort((a, b) => a - b)
  return { done, perSecond: done.length / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-bench-'))
  const dbFile = path.join(dir, 'bench.sqlite')
  const store = openSqliteStore(dbFile)
  await seedIfEmpty(store)
  await saveBookingConfig(store, { ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: PLACES })) })
  await store.close()

  const port = await freePort()
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['cloud/runtime/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DB_FILE: dbFile, LOG_LEVEL: 'warn', STATIC_DIR: path.join(dir, 'no-static'), NO_SHOW_INTERVAL_MS: '0', APP_SECRET: crypto.randomBytes(16).toString('hex') },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const stop = () => child.exitCode === null && child.kill('SIGTERM')
  process.on('exit', stop)
  try {
    for (let t = 0; ; t++) {
      const ok = await new Promise<boolean>((resolve) => http.get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => resolve(res.statusCode === 200)).on('error', () => resolve(false)))
      if (ok) break
      if (t > 200 || child.exitCode !== null) throw new Error('本地运行时未能启动')
      await new Promise((r) => setTimeout(r, 150))
    }
    const calendar = await request(port, undefined, '/api/booking', { action: 'calendar' })
    const sessions: string[] = calendar.body.data.days.flatMap((d: any) => d.sessions.filter((s: any) => s.status === 'open' && s.left === PLACES).map((s: any) => s.id))
    if (sessions.length < ROUNDS) throw new Error(`可预约场次不足 ${ROUNDS} 个`)
    console.log(`booking rush: ${CLIENTS} clients, ${PLACES} places, ${ROUNDS} rounds, server pid ${child.pid} on ${os.cpus().length} cores`)
    console.log('round  session        ping/s  book/s  ratio  p50ms  p99ms  confirmed  full  errors')

    const rows: Array<{ ping: number; book: number; ratio: number; p50: number; p99: number; confirmed: number; errors: number }> = []
    for (let round = 0; round < ROUNDS; round++) {
      const sessionId = sessions[round]
      const clients = Array.from({ length: CLIENTS }, () => ({ agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), token: '', visitorId: '' }))
      await inBatches(clients, 100, async (c, i) => {
        c.token = (await request(port, c.agent, '/api/_session', {})).body.token
        const added = await request(port, c.agent, '/api/booking', { action: 'addVisitor', name: '张三', idType: 'resident', idNumber: idNumber(round, i) }, c.token)
        if (!added.body?.ok) throw new Error(`添加参观人失败: ${JSON.stringify(added.body)}`)
        c.visitorId = added.body.data.visitor.id
      })
      const ping = await burst(clients.map((c) => request(port, c.agent, '/api/system', { action: 'ping' })))
      const book = await burst(
        clients.map((c, i) => request(port, c.agent, '/api/booking', { action: 'book', sessionId, visitorIds: [c.visitorId], clientRequestId: `bench-${round}-${i}-x` }, c.token)),
      )
      for (const c of clients) c.agent.destroy()
      const confirmed = book.done.filter((r) => r.body?.ok).length
      const full = book.done.filter((r) => r.body?.error?.code === 'SESSION_FULL').length
      const errors = book.done.length - confirmed - full + ping.done.filter((r) => r.status !== 200).length
      const row = { ping: ping.perSecond, book: book.perSecond, ratio: book.perSecond / ping.perSecond, p50: book.p50, p99: book.p99, confirmed, errors }
      rows.push(row)
      console.log(
        `${String(round + 1).padStart(5)}  ${sessionId.padEnd(13)} ${row.ping.toFixed(0).padStart(7)} ${row.book.toFixed(0).padStart(7)} ${row.ratio.toFixed(2).padStart(6)} ${row.p50.toFixed(1).padStart(6)} ${row.p99.toFixed(1).padStart(6)} ${String(confirmed).padStart(10)} ${String(full).padStart(5)} ${String(errors).padStart(7)}`,
      )
    }

    // What the database holds must equal what was acknowledged.
    const db = new Database(dbFile, { readonly: true })
    const dbConfirmed = (db.prepare("SELECT COUNT(*) AS n FROM bookings WHERE status = 'confirmed'").get() as { n: number }).n
    const dbBooked = (db.prepare('SELECT COALESCE(SUM(booked), 0) AS n FROM booking_sessions').get() as { n: number }).n
    db.close()
    const m = { ping: median(rows.map((r) => r.ping)), book: median(rows.map((r) => r.book)), ratio: median(rows.map((r) => r.ratio)), p50: median(rows.map((r) => r.p50)), p99: median(rows.map((r) => r.p99)) }
    const acknowledged = rows.reduce((s, r) => s + r.confirmed, 0)
    console.log(`median        ${''.padEnd(5)} ${m.ping.toFixed(0).padStart(7)} ${m.book.toFixed(0).padStart(7)} ${m.ratio.toFixed(2).padStart(6)} ${m.p50.toFixed(1).padStart(6)} ${m.p99.toFixed(1).padStart(6)}`)
    console.log(`database: ${dbConfirmed} confirmed bookings, ${dbBooked} places taken; acknowledged ${acknowledged}`)
    const checks: Array<[string, boolean]> = [
      [`exactly ${PLACES} confirmed every round`, rows.every((r) => r.confirmed === Math.min(PLACES, CLIENTS))],
      ['zero errors', rows.every((r) => r.errors === 0)],
      ['database equals acknowledged bookings', dbConfirmed === acknowledged && dbBooked === acknowledged],
      [`median p99 < ${TARGET_P99_MS} ms`, m.p99 < TARGET_P99_MS],
      [`median booking throughput ≥ ${TARGET_RATIO * 100}% of the no-op floor`, m.ratio >= TARGET_RATIO],
    ]
    for (const [name, pass] of checks) console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}`)
    process.exitCode = checks.slice(0, 3).every(([, pass]) => pass) ? 0 : 1
  } finally {
    stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
