// What one request can do to the process, against the built server as `npm start` runs it (the call
// thread on): deeply nested JSON, large anonymous bodies to the console, slow bodies, requests that
// arrive while the server stops. Each answer is a Result a person can read; the process lives on.
import http from 'node:http'
import net from 'node:net'
import { createAccount } from '../accounts/service'
import { FUNCTION_LOADERS } from './functions'
import { issueToken } from './identity'
import { MAX_JSON_DEPTH } from './json-bounds'
import { BodyDeadlines, DoorRefusal } from './request-bounds'
import { startBuiltServer, type BuiltServer } from '../testing/built-server'

jest.setTimeout(120_000)

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: any
}

/** One request on its own connection; `body` is sent as given (a string is sent as it is). */
function request(port: number, path: string, body: string | object, headers: Record<string, string> = {}): Promise<Reply> {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let data = ''
      res.setEncoding('utf8')
      res.on('data', (c) => (data += c))
      res.on('end', () => {
        let parsed: unknown = data
        try {
          parsed = JSON.parse(data)
        } catch {
          /* not JSON: kept as text, the assertion shows it */
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed })
      })
    })
    req.on('error', reject)
    req.end(text)
  })
}

/** Sends only the request head (declaring `length` bytes of body) and resolves with the answer the server gives before any body byte. */
function headOnly(port: number, path: string, length: number, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    let data = ''
    socket.setEncoding('utf8')
    socket.on('data', (c) => {
      data += c
      const [head, rest] = data.split('\r\n\r\n')
      const size = /content-length: (\d+)/i.exec(head)
      if (size && rest !== undefined && Buffer.byteLength(rest) >= Number(size[1])) {
        socket.destroy()
        resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(rest) })
      }
    })
    socket.on('error', reject)
    const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')
    socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n${extra}\r\n`)
  })
}

const nested = (levels: number) => `{"action":"ping","x":${'['.repeat(levels)}${']'.repeat(levels)}}`

describe('the built server under hostile requests', () => {
  let server: BuiltServer
  beforeAll(async () => {
    server = await startBuiltServer({}, async (store) => {
      await createAccount(store.accounts, { username: 'curator', name: '馆员', role: 'content_editor', password: 'curator-password-1' }, new Date())
    })
  })
  afterAll(() => server.stop())

  it('refuses 3,500 levels of nesting on every function with a Result, and keeps serving', async () => {
    // About 7 KB: well inside the body limit, deep enough to overflow any recursion over it.
    const body = nested(3500)
    expect(body.length).toBeLessThan(8 * 1024)
    for (const path of [...Object.keys(FUNCTION_LOADERS).map((fn) => `/api/${fn}`), '/api/_session', '/api/nosuchfunction']) {
      const res = await request(server.port, path, body)
      expect([path, res.status, res.body?.error?.code]).toEqual([path, 400, 'PAYLOAD_TOO_DEEP'])
      expect(res.body.error.message).toBe('提交的内容层级过深，请检查后重试')
    }
    expect(server.child.exitCode).toBeNull()
    expect(await server.healthy()).toBe(true)
    // Nesting up to the bound crosses to the call thread (as a structured clone) and reaches the
    // function, which answers as it always did; the process lives on.
    const levels = MAX_JSON_DEPTH - 1
    const fine = await request(server.port, '/api/exhibits', { action: 'get', code: 'fuelcell', x: JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`) })
    expect([fine.status, fine.body.error.code]).toEqual([400, 'BAD_REQUEST'])
    expect(server.child.exitCode).toBeNull()
    const exhibit = await request(server.port, '/api/exhibits', { action: 'get', code: 'fuelcell' })
    expect(exhibit.body.ok).toBe(true)
  })

  it('refuses an anonymous body above the visitor limit to the console and accounts before reading it', async () => {
    // 16 at once, 11 MB each declared: every one is answered before a byte of its body is sent.
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => headOnly(server.port, i % 2 ? '/api/accounts' : '/api/console', 11 * 1024 * 1024)))
    for (const a of answers) {
      expect(a.status).toBe(413)
      expect(a.body).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大，请精简后重试' } })
    }
    // A visitor's token is no operator's: the same refusal.
    const visitor = await request(server.port, '/api/_session', {})
    const asVisitor = await headOnly(server.port, '/api/console', 11 * 1024 * 1024, { authorization: `Bearer ${visitor.body.token}` })
    expect(asVisitor.status).toBe(413)
    // Without a declared length (chunked), the body is cut at the visitor limit.
    const chunked = await request(server.port, '/api/console', { action: 'dashboard', padding: 'x'.repeat(200 * 1024) }, { 'transfer-encoding': 'chunked' })
    expect([chunked.status, chunked.body.error?.code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    // An operator's large body is read and reaches the console function (which refuses the unknown field).
    const operator = issueToken({ openid: 'account:curator', role: 'content_editor', account: 'curator' }, server.keys)
    const large = await request(server.port, '/api/console', { action: 'dashboard', padding: 'x'.repeat(1024 * 1024) }, { authorization: `Bearer ${operator}` })
    expect([large.status, large.body.error?.code]).toEqual([400, 'BAD_REQUEST'])
    expect(server.child.exitCode).toBeNull()
  })

  it('cuts slow request bodies: 300 connections trickling bytes are closed within seconds, not minutes', async () => {
    const started = Date.now()
    const closedAfter = await Promise.all(
      Array.from({ length: 300 }, () => new Promise<{ ms: number; answer: string }>((resolve) => {
        const socket = net.connect({ host: '127.0.0.1', port: server.port })
        let answer = ''
        socket.setEncoding('utf8')
        socket.on('data', (c) => (answer += c))
        socket.write('POST /api/system HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{')
        const drip = setInterval(() => socket.write(' '), 1000)
        const done = () => {
          clearInterval(drip)
          resolve({ ms: Date.now() - started, answer })
        }
        socket.on('close', done)
        socket.on('error', () => undefined)
      })),
    )
    // A visitor-sized body has 10 s to arrive: every connection is gone well before a minute, none answered as if its request had been taken.
    expect(Math.max(...closedAfter.map((c) => c.ms))).toBeLessThan(20_000)
    expect(closedAfter.filter((c) => c.answer !== '')).toEqual([])
    expect(await server.healthy()).toBe(true)
  })
})

describe('the body deadline', () => {
  it('cuts a body still arriving at its deadline with a 408, and leaves bodies that arrived alone (one timer for all)', async () => {
    const body = (complete: boolean) => ({ complete, destroyed: false, cutWith: null as unknown, destroy(error?: Error) { this.destroyed = true; this.cutWith = error } })
    const deadlines = new BodyDeadlines(200)
    const late = body(false)
    const arrived = body(true)
    const arrivesLater = body(false)
    for (const b of [late, arrived, arrivesLater]) deadlines.watch(b as never)
    setTimeout(() => (arrivesLater.complete = true), 100)
    const started = Date.now()
    while (!late.destroyed && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20))
    // Not before its deadline, and not long after it (one timer tick, however busy the machine).
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(Date.now() - started).toBeLessThan(4000)
    expect(late.cutWith).toBeInstanceOf(DoorRefusal)
    expect(late.cutWith).toMatchObject({ code: 'REQUEST_TIMEOUT', statusCode: 408 })
    expect([arrived.destroyed, arrivesLater.destroyed]).toEqual([false, false])
  })

  it('cuts only late bodies: a kept-alive connection whose bodies arrived in time keeps serving past the deadline', async () => {
    const server = await startBuiltServer({ BODY_TIMEOUT_MS: '300' })
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const sockets = new Set<unknown>()
      const post = (path: string, body: string) =>
        new Promise<number>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port: server.port, path, method: 'POST', agent, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
          })
          req.on('socket', (s) => sockets.add(s))
          req.on('error', reject)
          req.end(body)
        })
      expect(await post('/api/system', '{"action":"ping"}')).toBe(200)
      // No body at all (a visitor token is minted): nothing reads it, and nothing may cut it later.
      expect(await post('/api/_session', '')).toBe(200)
      // Well past the deadline of both requests, on the same connection.
      await new Promise((r) => setTimeout(r, 1000))
      expect(await post('/api/system', '{"action":"ping"}')).toBe(200)
      expect(sockets.size).toBe(1)
    } finally {
      agent.destroy()
      await server.stop()
    }
  })
})

describe('a graceful stop', () => {
  it('answers a request that arrives while stopping with a Result 503, then exits cleanly', async () => {
    const server = await startBuiltServer()
    try {
      // A request whose head has begun arriving is in flight: the stop waits for it.
      const socket = net.connect({ host: '127.0.0.1', port: server.port })
      await new Promise((r) => socket.once('connect', r))
      let answer = ''
      socket.setEncoding('utf8')
      socket.on('data', (c) => (answer += c))
      const closed = new Promise((r) => socket.once('close', r))
      socket.write('POST /api/system HTTP/1.1\r\nHost: 127.0.0.1\r\n')
      server.child.kill('SIGTERM')
      // Stopping: the port takes no new connections.
      for (let t = 0; t < 100; t++) {
        const refused = await new Promise<boolean>((resolve) => {
          const probe = net.connect({ host: '127.0.0.1', port: server.port })
          probe.once('connect', () => (probe.destroy(), resolve(false)))
          probe.once('error', () => resolve(true))
        })
        if (refused) break
        await new Promise((r) => setTimeout(r, 50))
      }
      socket.write('Content-Type: application/json\r\nContent-Length: 17\r\n\r\n{"action":"ping"}')
      await closed
      const [head, body] = answer.split('\r\n\r\n')
      expect(head).toMatch(/^HTTP\/1\.1 503/)
      expect(head.toLowerCase()).toContain('content-type: application/json')
      expect(JSON.parse(body)).toEqual({ ok: false, error: { code: 'RESTARTING', message: '服务正在重启，请稍后重试' } })
      expect(await server.exited).toBe(0)
    } finally {
      await server.stop()
    }
  })
})
