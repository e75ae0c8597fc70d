// The call thread as `npm start` runs it: the built server (dist/server/start.js) over a real
// SQLite file, driven over HTTP. The in-thread path is what every other server test uses.
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { residentId } from '../testing/booking'
import { SERVER_START, ensureServerBundle } from '../../scripts/build-server'
import { startCallThread } from './calls'
import type { RuntimeConfig } from './config'
import { freePort } from '../testing/free-port'
import { seededBookingFile } from '../testing/booking-file'

jest.setTimeout(120_000)

// More people than the call thread starts at once (100), so a rush spans several chunks and commits.
const PLACES = 180
const PEOPLE = 250

interface Reply {
  status: number
  type: string
  body: any
}

function post(port: number, agent: http.Agent, fn: string, payload: object, token?: string): Promise<Reply> {
  const body = JSON.stringify(payload)
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: `/api/${fn}`, method: 'POST', agent, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: JSON.parse(text) }))
      },
    )
    req.on('error', () => resolve({ status: 0, type: '', body: null }))
    req.end(body)
  })
}


/** The built server over a fresh seeded file whose sessions hold PLACES people, and PEOPLE visitors signed in, each from its own address. */
async function startWithVisitors(callThread: 'on' | 'off') {
  await ensureServerBundle()
  const { dir, dbFile } = await seededBookingFile('gxq-calls-', PLACES)
  const port = await freePort()
  let output = ''
  const child: ChildProcess = spawn(process.execPath, [SERVER_START], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DB_FILE: dbFile, LOG_LEVEL: 'warn', APP_SECRET: crypto.randomBytes(16).toString('hex'), NO_SHOW_INTERVAL_MS: '0', CALL_THREAD: callThread },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  for (let t = 0; ; t++) {
    const up = await new Promise<boolean>((resolve) => http.get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => resolve(res.statusCode === 200)).on('error', () => resolve(false)))
    if (up) break
    if (t > 200 || child.exitCode !== null) throw new Error(`server did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const calendar = await post(port, new http.Agent(), 'booking', { action: 'calendar' })
  const sessions: string[] = calendar.body.data.days.flatMap((d: any) => d.sessions.filter((s: any) => s.status === 'open').map((s: any) => s.id))
  const people = await Promise.all(
    Array.from({ length: PEOPLE }, async (_, i) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.0.9.${i + 1}` })
      const token: string = (await post(port, agent, '_session', {})).body.token
      const added = await post(port, agent, 'booking', { action: 'addVisitor', name: '王五', idType: 'resident', idNumber: residentId(i, '19900101', '210212') }, token)
      return { agent, token, visitorId: added.body.data.visitor.id as string }
    }),
  )
  const confirmedInFile = (sessionId: string) => {
    const db = new Database(dbFile, { readonly: true })
    const ids = db.prepare("SELECT id FROM bookings WHERE session_id = ? AND status = 'confirmed'").pluck().all(sessionId) as string[]
    const booked = db.prepare('SELECT booked FROM booking_sessions WHERE id = ?').pluck().get(sessionId) as number | undefined
    db.close()
    return { ids, booked: booked ?? 0 }
  }
  return {
    port,
    child,
    exited,
    sessions,
    people,
    confirmedInFile,
    output: () => output,
    async stop() {
      for (const p of people) p.agent.destroy()
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

// CALL_THREAD=off (a one-core machine) keeps the calls on the main thread: the same answers.
describe.each(['on', 'off'] as const)('cloud-function calls, CALL_THREAD=%s', (callThread) => {
  it('a same-instant rush is decided whole: exactly the places there are, each answered once, as JSON', async () => {
    const server = await startWithVisitors(callThread)
    try {
      const [sessionId] = server.sessions
      // The start-up banner says where calls run when it is not their own thread.
      expect(server.output().includes('云函数调用: 主线程')).toBe(callThread === 'off')
      const replies = await Promise.all(
        server.people.map((p, i) => post(server.port, p.agent, 'booking', { action: 'book', sessionId, visitorIds: [p.visitorId], clientRequestId: `rush-${i}-abcd` }, p.token)),
      )
      const confirmed = replies.filter((r) => r.body.ok)
      const full = replies.filter((r) => r.body.error?.code === 'SESSION_FULL')
      expect(confirmed).toHaveLength(PLACES)
      expect(full).toHaveLength(PEOPLE - PLACES)
      expect(full[0].body.error.message).toMatch(/[\u4e00-\u9fa5]/)
      for (const r of replies) {
        expect(r.status).toBe(200)
        expect(r.type).toMatch(/^application\/json/)
      }
      const file = server.confirmedInFile(sessionId)
      expect(file.booked).toBe(PLACES)
      expect(file.ids.sort()).toEqual(confirmed.map((r) => r.body.data.booking.id).sort())

      // Bad input and unknown functions keep their codes and statuses through the thread.
      const p = server.people[0]
      const bad = await post(server.port, p.agent, 'booking', { action: 'book', sessionId }, p.token)
      expect(bad.status).toBe(400)
      expect(bad.body.error.code).toBe('BAD_REQUEST')
      const unknown = await post(server.port, p.agent, 'nosuchfunction', { action: 'x' }, p.token)
      expect(unknown.status).toBe(404)
      expect(unknown.body.error.code).toBe('UNKNOWN_FUNCTION')
      // A retry of a confirmed request answers the same booking, and takes no second place.
      const first = replies.findIndex((r) => r.body.ok)
      const again = await post(server.port, server.people[first].agent, 'booking', { action: 'book', sessionId, visitorIds: [server.people[first].visitorId], clientRequestId: `rush-${first}-abcd` }, server.people[first].token)
      expect(again.body.data.booking.id).toBe(replies[first].body.data.booking.id)
      expect(server.confirmedInFile(sessionId).booked).toBe(PLACES)
    } finally {
      await server.stop()
    }
  })

  it('stopping the server mid-rush loses no acknowledged booking, and it exits cleanly', async () => {
    const server = await startWithVisitors(callThread)
    try {
      const sessionId = server.sessions[1]
      const pending = server.people.map((p, i) => post(server.port, p.agent, 'booking', { action: 'book', sessionId, visitorIds: [p.visitorId], clientRequestId: `stop-${i}-abcd` }, p.token))
      // SIGTERM as soon as the first answer is back: the rest are in flight or not yet read.
      await Promise.race(pending)
      server.child.kill('SIGTERM')
      const replies = await Promise.all(pending)
      // It stops promptly (not after the 75 s keep-alive) and cleanly.
      expect(await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('still running after 15 s'), 15_000))])).toBe(0)
      // Every call it took in was decided and answered; the others were never taken in (no answer at all).
      for (const r of replies) expect(r.status === 0 || r.body.ok || r.body.error.code === 'SESSION_FULL').toBe(true)
      const acknowledged = replies.filter((r) => r.body?.ok).map((r) => r.body.data.booking.id as string)
      expect(acknowledged.length).toBeGreaterThan(0)
      const file = server.confirmedInFile(sessionId)
      expect(file.ids).toEqual(expect.arrayContaining(acknowledged))
      expect(file.booked).toBe(file.ids.length)
      expect(file.booked).toBeLessThanOrEqual(PLACES)
    } finally {
      await server.stop()
    }
  })
})

describe('the call thread dying', () => {
  it('answers what it owed as a failure a person can act on, fails calls at once until it is back, then starts it again', async () => {
    const startsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-thread-')), 'starts')
    const errors: unknown[] = []
    const thread = startCallThread({ startsFile } as unknown as RuntimeConfig, path.join(__dirname, '..', 'testing', 'flaky-call-thread.js'), { error: (o) => errors.push(o) })
    const call = (fn: string) => thread.run({ fn, body: {}, openid: null, role: 'visitor', requestId: fn })
    const parsed = async (fn: string) => {
      const answer = await call(fn)
      return { status: answer.status, body: typeof answer.body === 'string' ? JSON.parse(answer.body) : answer.body }
    }
    try {
      expect(await parsed('system')).toEqual({ status: 200, body: { ok: true, data: { fn: 'system' } } })
      // A call still running when the thread dies, and the call that killed it.
      const owed = parsed('slow')
      const killer = parsed('crash')
      for (const answer of [await owed, await killer]) {
        expect(answer.status).toBe(500)
        expect(answer.body.error).toEqual({ code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' })
      }
      // Until it is back, a call fails at once instead of waiting for a thread that is not there.
      const during = await parsed('system')
      expect(during.body.error.code).toBe('INTERNAL')
      // Back after its pause: the same calls work again, on a new thread.
      let after = during
      for (let t = 0; t < 40 && !after.body.ok; t++) {
        await new Promise((r) => setTimeout(r, 100))
        after = await parsed('booking')
      }
      expect(after).toEqual({ status: 200, body: { ok: true, data: { fn: 'booking' } } })
      expect(fs.readFileSync(startsFile, 'utf8').trim().split('\n')).toHaveLength(2)
      expect(errors).toContainEqual(expect.objectContaining({ code: 3 }))
    } finally {
      await thread.close()
    }
    // Closed on purpose: it is not started again.
    await new Promise((r) => setTimeout(r, 700))
    expect(fs.readFileSync(startsFile, 'utf8').trim().split('\n')).toHaveLength(2)
  })
})

describe('the hand-over to the call thread', () => {
  it('refuses only a call whose body cannot cross; the calls handed over with it are answered as usual', async () => {
    const startsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-thread-')), 'starts')
    const errors: unknown[] = []
    const thread = startCallThread({ startsFile } as unknown as RuntimeConfig, path.join(__dirname, '..', 'testing', 'flaky-call-thread.js'), { error: (o) => errors.push(o) })
    // The door refuses such a body before parsing it (request-bounds.ts); here it is handed straight
    // to the runner, in the same turn as two ordinary calls, so the three cross as one batch.
    let deep: unknown[] = []
    for (let i = 0; i < 5000; i++) deep = [deep]
    const call = (fn: string, body: unknown) => thread.run({ fn, body, openid: null, role: 'visitor', requestId: fn })
    try {
      const answers = await Promise.all([call('system', { action: 'ping' }), call('booking', { action: 'calendar', x: deep }), call('exhibits', { action: 'list' })])
      const parsed = answers.map((a) => ({ status: a.status, body: typeof a.body === 'string' ? JSON.parse(a.body) : a.body }))
      expect(parsed).toEqual([
        { status: 200, body: { ok: true, data: { fn: 'system' } } },
        { status: 400, body: { ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } } },
        { status: 200, body: { ok: true, data: { fn: 'exhibits' } } },
      ])
      expect(errors).toHaveLength(1)
    } finally {
      await thread.close()
    }
  })
})
