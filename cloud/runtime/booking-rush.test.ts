// A release-moment rush through the real HTTP runtime: 1,200 people press 预约 at once for a
// session of 100 places. Exactly 100 get in, everyone else is told it is full, nothing fails.
import { ringFromSecret } from '../booking/keys'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../booking/config'
import { bj, residentId } from '../testing/booking'
import { tempSqliteStore } from '../testing/stores'
import { loadConfig } from './config'
import { issueToken } from './identity'
import { buildServer, LISTEN_BACKLOG } from './server'

const USERS = 1200
const CAPACITY = 100
const SESSION = '2026-11-27.am'

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let app: FastifyInstance
let base: string
// 1,200 people are 1,200 networks on a release morning, but this test's requests all come from one
// address: the per-address caps (address-caps.test.ts) are switched off here, as the env allows.
const config = loadConfig({ PLACES_PER_ADDRESS_PER_SESSION: '0', NEW_IDS_PER_ADDRESS_PER_DAY: '0' }, { dbFile: ':memory:', keys: ringFromSecret('rush-secret'), logLevel: 'silent', staticDir: '/nonexistent' })

beforeAll(async () => {
  env = await tempSqliteStore({ seed: false })
  await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: CAPACITY })) })
  app = await buildServer({ config, store: env.store, now: () => bj('2026-11-26 10:00') })
  await app.listen({ host: '127.0.0.1', port: 0, backlog: LISTEN_BACKLOG })
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await app.close()
  await env.cleanup()
})

async function post(fn: string, body: object, token: string) {
  const res = await fetch(`${base}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as any }
}

test(`${USERS} simultaneous bookings for ${CAPACITY} places: exactly ${CAPACITY} confirmed, the rest told it is full`, async () => {
  const people = Array.from({ length: USERS }, (_, i) => ({ token: issueToken({ openid: `rush_${i}`, role: 'visitor' }, config.keys), idNumber: residentId(i, `19${60 + (i % 40)}0101`, String(110101 + Math.floor(i / 1000))) }))
  // Everyone has saved their visitor beforehand (in batches, so the setup is not the test).
  const visitorIds: string[] = []
  for (let i = 0; i < USERS; i += 200) {
    const batch = await Promise.all(people.slice(i, i + 200).map((p) => post('booking', { action: 'addVisitor', name: '张三', idType: 'resident', idNumber: p.idNumber }, p.token)))
    for (const r of batch) {
      expect(r.body.ok).toBe(true)
      visitorIds.push(r.body.data.visitor.id)
    }
  }

  const results = await Promise.all(people.map((p, i) => post('booking', { action: 'book', sessionId: SESSION, visitorIds: [visitorIds[i]], clientRequestId: `rush-${i}-0001` }, p.token)))

  expect(results.filter((r) => r.status >= 500)).toEqual([])
  const confirmed = results.filter((r) => r.body.ok)
  const refused = results.filter((r) => !r.body.ok)
  expect(confirmed).toHaveLength(CAPACITY)
  expect(new Set(refused.map((r) => r.body.error.code))).toEqual(new Set(['SESSION_FULL']))
  expect(refused[0].body.error.message).toBe('该场次已约满，请选择其他场次')

  const db = (env.store as any).db
  expect(db.prepare("SELECT COUNT(*) AS n FROM bookings WHERE status = 'confirmed' AND session_id = ?").get(SESSION).n).toBe(CAPACITY)
  expect(db.prepare('SELECT booked FROM booking_sessions WHERE id = ?').get(SESSION).booked).toBe(CAPACITY)
  // One claim per ID for the day, and one fair-use day claim per booking account.
  expect(db.prepare("SELECT COUNT(*) AS n FROM booking_claims WHERE id NOT LIKE '%:acct:%'").get().n).toBe(CAPACITY)
  expect(db.prepare("SELECT COUNT(*) AS n FROM booking_claims WHERE id LIKE '%:acct:%'").get().n).toBe(CAPACITY)
  expect(new Set(confirmed.map((r) => r.body.data.booking.id)).size).toBe(CAPACITY)
}, 120_000)
