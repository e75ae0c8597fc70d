// A release-moment rush against the local runtime, started exactly as `npm start` starts it
// (node dist/server/start.js, the bundle rebuilt when older than its sources; a child process
// over its own SQLite file; calls on their own thread, or with --call-thread off on the main one):
//   npm run bench:booking -- [--clients 2000] [--places 300,2000] [--rounds 3] [--ramp 1000] [--call-thread off] [--start FILE]
// (--start runs another built server, e.g. a copy of dist/server/ made before a change, without
// rebuilding: before and after can then run back to back under the same load.)
// Each place count runs on its own fresh server: 300 places (most of a rush is refused as full,
// which costs reads only) and 2000 = every attempt writes (the cost of a booking's commit).
// Clients are distinct users, each with one warm keep-alive connection (a phone with the page
// open) from its own loopback address (127.x.y.z: all of 127/8 is the loopback interface on Linux),
// so the runtime's per-address limits (cloud/runtime/limits.ts) see a crowd, as on a release
// morning, not one address minting thousands of identities. Each round measures, on the same server:
//   floor  N clients fire `system.ping` at the same instant: the no-op throughput (requests/s);
//   burst  N clients fire `booking.book` at the same instant for a fresh session of C places:
//          booking attempts/s, compared with the floor as a ratio;
//   rush   N other clients press 预约 within the release moment (arrivals spread evenly over
//          --ramp ms, i.e. N/ramp attempts per second) for another fresh session of C places:
//          p50/p99 latency as people feel it.
// In the same-instant bursts every request waits for all those ahead of it, so their p99 is
// about N ÷ throughput (printed too, for the no-op as well): a latency target is only meaningful
// against an arrival rate, which the rush supplies.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { residentIdCheckChar } from '../cloud/contracts/booking'
import { SERVER_START, ensureServerBundle } from '../scripts/build-server'
import { freePort } from '../cloud/testing/free-port'
import { seededBookingFile } from '../cloud/testing/booking-file'
import { postJson, type Reply } from '../cloud/testing/http-client'

const ROOT = path.resolve(__dirname, '..')
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const CLIENTS = arg('clients', 2000)
const PLACE_COUNTS = (() => {
  const i = process.argv.indexOf('--places')
  return (i > 0 ? process.argv[i + 1] : '300,2000').split(',').map(Number)
})()
const ROUNDS = arg('rounds', 3)
const CALL_THREAD = process.argv.includes('--call-thread') ? process.argv[process.argv.indexOf('--call-thread') + 1] : 'on'
const RAMP_MS = arg('ramp', 1000)
const START_FILE = process.argv.includes('--start') ? path.resolve(process.argv[process.argv.indexOf('--start') + 1]) : SERVER_START
const TARGET_P99_MS = 250
const TARGET_RATIO = 0.3
// Every request of a same-instant burst waits for all those ahead of it: when every attempt
// writes, this bounds how long the last of 2,000 simultaneous people waits.
const TARGET_BURST_P99_MS = 400

const request = (port: number, agent: http.Agent | undefined, urlPath: string, payload: object, token?: string): Promise<Reply> => postJson(port, urlPath, payload, token, agent)

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
  // Unique per client: region code per 90,000 clients, then birth date and serial.
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 900) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
  const first17 = `${110101 + round}${birth}${String(100 + (i % 900)).padStart(3, '0')}`
  return first17 + residentIdCheckChar(first17)
}


/** CPU time (user + system) used so far, in ms, from /proc (Linux): the whole process (every thread), or only its main thread. */
function cpuMsOf(pid: number, mainThreadOnly = false): number {
  const fields = fs.readFileSync(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime + stime, in clock ticks of 1/100 s
}

/** CPU time (ms) so far of each of the process's threads, by thread id. */
function threadCpuMs(pid: number): Map<string, number> {
  const out = new Map<string, number>()
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')
      out.set(tid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100)
    } catch {
      // The thread ended in between.
    }
  }
  return out
}

/** Requests answered together: throughput, latency, and the CPU the server and this client spent per request. */
async function burst(replies: Promise<Reply>[], serverPid: number) {
  const started = performance.now()
  const server0 = cpuMsOf(serverPid)
  const main0 = cpuMsOf(serverPid, true)
  const threads0 = threadCpuMs(serverPid)
  const client0 = process.cpuUsage()
  const done = await Promise.all(replies)
  const client = process.cpuUsage(client0)
  const serverCpu = cpuMsOf(serverPid) - server0
  const mainCpu = cpuMsOf(serverPid, true) - main0
  // The busiest thread other than the main one: the call thread (the rest are V8's helpers, GC mostly).
  let busiestOther = 0
  for (const [tid, ms] of threadCpuMs(serverPid)) if (tid !== String(serverPid)) busiestOther = Math.max(busiestOther, ms - (threads0.get(tid) ?? 0))
  const seconds = (performance.now() - started) / 1000
  const latencies = done.map((r) => r.ms).sort((a, b) => a - b)
  return {
    done,
    perSecond: done.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    serverCpuMs: serverCpu / done.length,
    mainThreadCpuMs: mainCpu / done.length,
    callThreadCpuMs: busiestOther / done.length,
    clientCpuMs: (client.user + client.system) / 1000 / done.length,
  }
}

async function benchPlaces(PLACES: number) {
  const { dir, dbFile } = await seededBookingFile('gxq-bench-', PLACES)

  const port = await freePort()
  // --profile DIR writes a CPU profile of the server (node --cpu-prof) for finding hot spots.
  const profileAt = process.argv.indexOf('--profile')
  const args = profileAt > 0 ? ['--cpu-prof', '--cpu-prof-interval=250', `--cpu-prof-dir=${path.resolve(process.argv[profileAt + 1])}`, START_FILE] : [START_FILE]
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DB_FILE: dbFile, LOG_LEVEL: 'warn', STATIC_DIR: path.join(dir, 'no-static'), NO_SHOW_INTERVAL_MS: '0', APP_SECRET: crypto.randomBytes(16).toString('hex'), CALL_THREAD: CALL_THREAD },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const stop = () => child.exitCode === null && child.kill('SIGTERM')
  const exited = new Promise((resolve) => child.once('exit', resolve))
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
    if (sessions.length < 2 * ROUNDS + 1) throw new Error(`可预约场次不足 ${2 * ROUNDS + 1} 个`)
    console.log(`booking rush: ${CLIENTS} clients, ${PLACES} places, ${ROUNDS} rounds, rush over ${RAMP_MS} ms (${Math.round((CLIENTS / RAMP_MS) * 1000)} attempts/s offered), server pid ${child.pid}, calls ${CALL_THREAD === 'off' ? 'on the main thread' : 'on their own thread'}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`)
    console.log('round | floor ping/s p99ms | burst book/s ratio p99ms confirmed | rush p50ms p99ms confirmed full errors')

    const rows: Array<{ ping: number; pingP99: number; book: number; ratio: number; burstP99: number; p50: number; p99: number; confirmed: number[]; errors: number; cpu: number[] }> = []
    let serial = 0
    let address = 0
    const nextAddress = () => {
      const n = address++
      return `127.${1 + Math.floor(n / 64516)}.${1 + (Math.floor(n / 254) % 254)}.${1 + (n % 254)}`
    }
    const makeClients = async (sessionId: string) => {
      const clients = Array.from({ length: CLIENTS }, () => ({ agent: new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: nextAddress() }), token: '', visitorId: '', sessionId }))
      await inBatches(clients, 100, async (c) => {
        c.token = (await request(port, c.agent, '/api/_session', {})).body.token
        const added = await request(port, c.agent, '/api/booking', { action: 'addVisitor', name: '张三', idType: 'resident', idNumber: idNumber(Math.floor(serial / 90000), serial++ % 90000) }, c.token)
        if (!added.body?.ok) throw new Error(`添加参观人失败: ${JSON.stringify(added.body)}`)
        c.visitorId = added.body.data.visitor.id
      })
      return clients
    }
    type Client = Awaited<ReturnType<typeof makeClients>>[number]
    const bookOnce = (c: Client, i: number, tag: string) =>
      request(port, c.agent, '/api/booking', { action: 'book', sessionId: c.sessionId, visitorIds: [c.visitorId], clientRequestId: `bench-${tag}-${i}-x` }, c.token)
    const tally = (done: Reply[]) => {
      const confirmed = done.filter((r) => r.body?.ok).length
      const full = done.filter((r) => r.body?.error?.code === 'SESSION_FULL').length
      return { confirmed, full, errors: done.length - confirmed - full }
    }

    // Warm-up (not counted): the server's JIT and caches get going on a throwaway session.
    {
      const warm = await makeClients(sessions[2 * ROUNDS])
      await burst(warm.map((c) => request(port, c.agent, '/api/system', { action: 'ping' })), child.pid!)
      await burst(warm.map((c, i) => bookOnce(c, i, 'warm')), child.pid!)
      for (const c of warm) c.agent.destroy()
    }

    for (let round = 0; round < ROUNDS; round++) {
      const burstClients = await makeClients(sessions[2 * round])
      const rushClients = await makeClients(sessions[2 * round + 1])
      // The floor is measured just before and just after the booking burst and averaged, so that
      // a neighbour's load on a shared machine skews both sides of the ratio alike.
      const pingBefore = await burst(burstClients.map((c) => request(port, c.agent, '/api/system', { action: 'ping' })), child.pid!)
      const from = process.hrtime.bigint()
      const book = await burst(burstClients.map((c, i) => bookOnce(c, i, `b${round}`)), child.pid!)
      // With --profile: the burst's window on the monotonic clock the profile's timestamps use (µs).
      if (profileAt > 0) console.log(`      profile window of the booking burst: ${from / BigInt(1000)}–${process.hrtime.bigint() / BigInt(1000)} µs`)
      const pingAfter = await burst(burstClients.map((c) => request(port, c.agent, '/api/system', { action: 'ping' })), child.pid!)
      const ping = {
        done: [...pingBefore.done, ...pingAfter.done],
        perSecond: (pingBefore.perSecond + pingAfter.perSecond) / 2,
        p99: (pingBefore.p99 + pingAfter.p99) / 2,
        serverCpuMs: (pingBefore.serverCpuMs + pingAfter.serverCpuMs) / 2,
        mainThreadCpuMs: (pingBefore.mainThreadCpuMs + pingAfter.mainThreadCpuMs) / 2,
        callThreadCpuMs: (pingBefore.callThreadCpuMs + pingAfter.callThreadCpuMs) / 2,
        clientCpuMs: (pingBefore.clientCpuMs + pingAfter.clientCpuMs) / 2,
      }
      const t0 = performance.now() + 20
      const rush = await burst(
        rushClients.map(
          (c, i) =>
            new Promise<Reply>((resolve) => {
              const at = t0 + (i * RAMP_MS) / CLIENTS
              setTimeout(() => resolve(bookOnce(c, i, `r${round}`)), Math.max(0, at - performance.now()))
            }),
        ),
        child.pid!,
      )
      for (const c of [...burstClients, ...rushClients]) c.agent.destroy()
      const b = tally(book.done)
      const r = tally(rush.done)
      const pingErrors = ping.done.filter((x) => x.status !== 200).length
      const row = { ping: ping.perSecond, pingP99: ping.p99, book: book.perSecond, ratio: book.perSecond / ping.perSecond, burstP99: book.p99, p50: rush.p50, p99: rush.p99, confirmed: [b.confirmed, r.confirmed], errors: b.errors + r.errors + pingErrors, cpu: [ping.serverCpuMs, book.serverCpuMs, ping.clientCpuMs, book.clientCpuMs, book.mainThreadCpuMs, book.callThreadCpuMs] }
      rows.push(row)
      console.log(
        `${String(round + 1).padStart(5)} | ${row.ping.toFixed(0).padStart(12)} ${row.pingP99.toFixed(0).padStart(5)} | ${row.book.toFixed(0).padStart(12)} ${row.ratio.toFixed(2).padStart(5)} ${row.burstP99.toFixed(0).padStart(5)} ${String(b.confirmed).padStart(9)} | ${row.p50.toFixed(1).padStart(10)} ${row.p99.toFixed(1).padStart(5)} ${String(r.confirmed).padStart(9)} ${String(r.full).padStart(4)} ${String(row.errors).padStart(6)}`,
      )
      console.log(`      CPU per request (ms): server ping ${row.cpu[0].toFixed(3)}, book ${row.cpu[1].toFixed(3)} (main thread ${row.cpu[4].toFixed(3)}, call thread ${row.cpu[5].toFixed(3)}, other threads ${(row.cpu[1] - row.cpu[4] - row.cpu[5]).toFixed(3)}); this client ping ${row.cpu[2].toFixed(3)}, book ${row.cpu[3].toFixed(3)}`)
    }

    // What the database holds must equal what was acknowledged.
    const db = new Database(dbFile, { readonly: true })
    const dbConfirmed = (db.prepare("SELECT COUNT(*) AS n FROM bookings WHERE status = 'confirmed'").get() as { n: number }).n
    const dbBooked = (db.prepare('SELECT COALESCE(SUM(booked), 0) AS n FROM booking_sessions').get() as { n: number }).n
    db.close()
    const med = (k: 'ping' | 'pingP99' | 'book' | 'ratio' | 'burstP99' | 'p50' | 'p99') => median(rows.map((r) => r[k]))
    const m = { ping: med('ping'), book: med('book'), ratio: med('ratio'), burstP99: med('burstP99'), p50: med('p50'), p99: med('p99') }
    const acknowledged = rows.reduce((s, r) => s + r.confirmed[0] + r.confirmed[1], 0) + Math.min(PLACES, CLIENTS) // + warm-up
    console.log(
      `median | ${m.ping.toFixed(0).padStart(12)} ${med('pingP99').toFixed(0).padStart(5)} | ${m.book.toFixed(0).padStart(12)} ${m.ratio.toFixed(2).padStart(5)} ${med('burstP99').toFixed(0).padStart(5)} ${''.padStart(9)} | ${m.p50.toFixed(1).padStart(10)} ${m.p99.toFixed(1).padStart(5)}`,
    )
    console.log(`median booking attempts/s (burst) ${m.book.toFixed(0)}; no-op floor ${m.ping.toFixed(0)}/s; ratio ${m.ratio.toFixed(2)}; rush latency p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms`)
    const cpu = (k: number) => median(rows.map((r) => r.cpu[k])).toFixed(3)
    console.log(
      `CPU per request (medians, every server thread): server ping ${cpu(0)} ms, book ${cpu(1)} ms (main thread ${cpu(4)} ms, call thread ${cpu(5)} ms); client ping ${cpu(2)} ms, book ${cpu(3)} ms (${CLIENTS} same-instant bookings within ${TARGET_BURST_P99_MS} ms leave ≤ ${(TARGET_BURST_P99_MS / CLIENTS).toFixed(2)} ms per booking to the busiest thread)`,
    )
    console.log(`database: ${dbConfirmed} confirmed bookings, ${dbBooked} places taken; acknowledged ${acknowledged}`)
    const checks: Array<[string, boolean]> = [
      [`exactly ${PLACES} confirmed in every burst and rush`, rows.every((r) => r.confirmed.every((c) => c === Math.min(PLACES, CLIENTS)))],
      ['zero errors', rows.every((r) => r.errors === 0)],
      ['database equals acknowledged bookings', dbConfirmed === acknowledged && dbBooked === acknowledged],
      [`median rush p99 < ${TARGET_P99_MS} ms`, m.p99 < TARGET_P99_MS],
      [`median booking throughput ≥ ${TARGET_RATIO * 100}% of the no-op floor`, m.ratio >= TARGET_RATIO],
      ...(PLACES >= CLIENTS ? [[`every attempt writes: median same-instant p99 ≤ ${TARGET_BURST_P99_MS} ms`, m.burstP99 <= TARGET_BURST_P99_MS] as [string, boolean]] : []),
    ]
    for (const [name, pass] of checks) console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}`)
    if (!checks.slice(0, 3).every(([, pass]) => pass)) process.exitCode = 1
    return { places: PLACES, ...m }
  } finally {
    stop()
    await exited
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  if (START_FILE === SERVER_START) await ensureServerBundle()
  console.log(`server: ${path.relative(ROOT, START_FILE)}`)
  const results = []
  for (const places of PLACE_COUNTS) {
    results.push(await benchPlaces(places))
    console.log('')
  }
  // Both arrival models (same instant; spread over the ramp) for every place count, side by side.
  console.log(`summary (medians of ${ROUNDS} rounds, ${CLIENTS} clients)`)
  console.log('places | floor/s | same-instant book/s ratio p99ms | rush p50ms p99ms')
  for (const r of results) {
    console.log(`${String(r.places).padStart(6)} | ${r.ping.toFixed(0).padStart(7)} | ${r.book.toFixed(0).padStart(17)} ${r.ratio.toFixed(2).padStart(5)} ${r.burstP99.toFixed(0).padStart(5)} | ${r.p50.toFixed(1).padStart(10)} ${r.p99.toFixed(1).padStart(5)}`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
