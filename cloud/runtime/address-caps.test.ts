// What one address can take when H5 identities are free, through the real HTTP runtime over real
// SQLite (client addresses set per request). Reproduces the hole first: 60 freshly minted visitor
// identities × 5 checksum-valid ID numbers from ONE address booked 300 of 300 places in under a
// second, because every cap was counted per identity only.
import type { FastifyInstance } from 'fastify'
import { ringFromSecret } from '../booking/keys'
import { bj, residentId } from '../testing/booking'
import { tempSqliteStore } from '../testing/stores'
import { loadConfig } from './config'
import { issueToken } from './identity'
import { DEFAULT_ADDRESS_CAPS, DEFAULT_RATE_LIMITS } from '../limits/rate-limit-policy'
import { buildServer } from './server'

const SESSION = '2026-11-27.am'
const ATTACKER = '203.0.113.66'

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let app: FastifyInstance
const config = loadConfig({}, { dbFile: ':memory:', keys: ringFromSecret('caps-secret'), logLevel: 'silent', staticDir: '/nonexistent' })

beforeAll(async () => {
  env = await tempSqliteStore()
  app = await buildServer({ config, store: env.store, now: () => bj('2026-11-26 10:00') })
})
afterAll(async () => {
  await app.close()
  await env.cleanup()
})

const mint = async (address: string) => app.inject({ method: 'POST', url: '/api/_session', payload: {}, remoteAddress: address })
const call = async (token: string, address: string, payload: object) =>
  (await app.inject({ method: 'POST', url: '/api/booking', payload, headers: { authorization: `Bearer ${token}` }, remoteAddress: address })).json()
const placesTaken = (session: string) => ((env.store as any).db.prepare('SELECT booked FROM booking_sessions WHERE id = ?').get(session)?.booked ?? 0) as number

/** A visitor identity minted from `address`, or (minting refused there now) one a patient script minted in earlier hours. */
async function identity(address: string, i: number): Promise<string> {
  const res = await mint(address)
  return res.statusCode === 200 ? res.json().token : issueToken({ openid: `local_patient_${address}_${i}`, role: 'visitor' }, config.keys)
}

test('60 identities × 5 ID numbers from one address take at most the per-address places of a 300-place session; others still book', async () => {
  expect(DEFAULT_ADDRESS_CAPS.placesPerSession).toBeLessThanOrEqual(30)
  const tokens = []
  for (let i = 0; i < 60; i++) tokens.push(await identity(ATTACKER, i))
  const visitorIds: string[][] = []
  let serial = 0
  for (const token of tokens) {
    const ids: string[] = []
    for (let k = 0; k < 5; k++) {
      const added = await call(token, ATTACKER, { action: 'addVisitor', name: '张三', idType: 'resident', idNumber: residentId(serial++, '19900101', '210203') })
      if (added.ok) ids.push(added.data.visitor.id)
    }
    visitorIds.push(ids)
  }
  const started = Date.now()
  const answers = await Promise.all(
    tokens.map((token, i) =>
      visitorIds[i].length ? call(token, ATTACKER, { action: 'book', sessionId: SESSION, visitorIds: visitorIds[i], clientRequestId: `attack-${i}-xxxx` }) : null,
    ),
  )
  expect(Date.now() - started).toBeLessThan(30_000)
  const confirmedPlaces = answers.filter((a) => a?.ok).reduce((sum, a) => sum + a.data.booking.visitors.length, 0)
  expect(confirmedPlaces).toBeLessThanOrEqual(30)
  expect(placesTaken(SESSION)).toBe(confirmedPlaces)
  const refusal = answers.find((a) => a && !a.ok && a.error.code === 'ADDRESS_PLACES_LIMIT')
  expect(refusal?.error.message).toBe(`当前网络已为本场次预约 ${DEFAULT_ADDRESS_CAPS.placesPerSession} 人，已达上限，请选择其他场次或换用其他网络（如移动数据）后再试`)

  // Rotating through its IPv6 /64 is the same network; a family elsewhere books at once.
  const v6 = await identity('2001:db8:77:1::1', 0)
  const v6Ids: string[] = []
  for (let k = 0; k < 5; k++) v6Ids.push((await call(v6, `2001:db8:77:1::${k + 2}`, { action: 'addVisitor', name: '李四', idType: 'resident', idNumber: residentId(500 + k, '19800101', '210203') })).data.visitor.id)
  expect((await call(v6, '2001:db8:77:1::99', { action: 'book', sessionId: SESSION, visitorIds: v6Ids, clientRequestId: 'family-v6-1' })).ok).toBe(true)
  const family = await identity('198.51.100.23', 0)
  const familyId = (await call(family, '198.51.100.23', { action: 'addVisitor', name: '王五', idType: 'resident', idNumber: residentId(600, '19750101', '210203') })).data.visitor.id
  expect((await call(family, '198.51.100.23', { action: 'book', sessionId: SESSION, visitorIds: [familyId], clientRequestId: 'family-v4-1' })).ok).toBe(true)
  expect(placesTaken(SESSION)).toBe(confirmedPlaces + 6)
}, 120_000)

test('a cancelled booking gives its places back to its network: the next visitor there may book them', async () => {
  const session = '2026-11-27.pm'
  const address = '203.0.113.90'
  const cap = DEFAULT_ADDRESS_CAPS.placesPerSession
  const people: Array<{ token: string; visitorId: string }> = []
  for (let i = 0; i <= cap; i++) {
    const token = issueToken({ openid: `local_cancel_${i}`, role: 'visitor' }, config.keys)
    const added = await call(token, `198.18.${i}.1`, { action: 'addVisitor', name: '赵六', idType: 'resident', idNumber: residentId(700 + i, '19880101', '210203') })
    people.push({ token, visitorId: added.data.visitor.id })
  }
  const book = (p: (typeof people)[number], i: number) => call(p.token, address, { action: 'book', sessionId: session, visitorIds: [p.visitorId], clientRequestId: `cancel-${i}-xxxx` })
  const firsts = []
  for (let i = 0; i < cap; i++) firsts.push(await book(people[i], i))
  expect(firsts.every((a) => a.ok)).toBe(true)
  expect((await book(people[cap], cap)).error.code).toBe('ADDRESS_PLACES_LIMIT')
  expect((await call(people[0].token, address, { action: 'cancel', bookingId: firsts[0].data.booking.id })).ok).toBe(true)
  expect((await call(people[cap].token, address, { action: 'book', sessionId: session, visitorIds: [people[cap].visitorId], clientRequestId: `cancel-${cap}-again` })).ok).toBe(true)
}, 60_000)

test('new ID numbers saved from one address are capped per day; saving one already saved costs nothing; other addresses are unaffected', async () => {
  const address = '203.0.113.120'
  const cap = DEFAULT_ADDRESS_CAPS.newIdsPerDay
  let last: any = null
  let saved = 0
  for (let i = 0; i <= cap; i++) {
    // A fresh identity every 5 ID numbers (each identity saves at most 20 anyway).
    const token = issueToken({ openid: `local_ids_${Math.floor(i / 5)}`, role: 'visitor' }, config.keys)
    last = await call(token, address, { action: 'addVisitor', name: '孙七', idType: 'resident', idNumber: residentId(i, '19920202', '210204') })
    if (last.ok) saved++
  }
  expect(saved).toBe(cap)
  expect(last).toEqual({ ok: false, error: { code: 'ADDRESS_ID_LIMIT', message: `当前网络今天已添加 ${cap} 位参观人，已达上限，请明天再试或换用其他网络（如移动数据）` } })
  const again = await call(issueToken({ openid: 'local_ids_0', role: 'visitor' }, config.keys), address, { action: 'addVisitor', name: '孙七', idType: 'resident', idNumber: residentId(0, '19920202', '210204') })
  expect(again.error.code).toBe('VISITOR_EXISTS')
  const elsewhere = await call(issueToken({ openid: 'local_ids_other', role: 'visitor' }, config.keys), '198.51.100.124', { action: 'addVisitor', name: '周八', idType: 'resident', idNumber: residentId(999, '19920202', '210204') })
  expect(elsewhere.ok).toBe(true)
})

test('minting identities from one address costs more and more: the first ones at once, then a growing wait; another address mints at once', async () => {
  const { free, firstWaitMs } = DEFAULT_RATE_LIMITS.mintPerAddress
  const address = '203.0.113.150'
  const answers = []
  for (let i = 0; i < free + 3; i++) answers.push(await mint(address))
  expect(answers.slice(0, free).every((r) => r.statusCode === 200)).toBe(true)
  const refused = answers.slice(free).find((r) => r.statusCode === 429)!
  expect(refused.json()).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^访问过于频繁，请 \d+ 秒后再试$/) } })
  expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1)
  expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(Math.ceil((firstWaitMs * 4) / 1000))
  expect((await mint('203.0.113.151')).statusCode).toBe(200)
})

test('the caps are set from the environment; a typo keeps the default instead of switching a cap off', () => {
  const env = { PLACES_PER_ADDRESS_PER_SESSION: '12', NEW_IDS_PER_ADDRESS_PER_DAY: 'lots', MINT_FREE_PER_HOUR: '0', SIGNIN_ATTEMPTS_PER_ADDRESS: '-3', PASSWORD_CHECKS_AT_ONCE: '4' }
  const set = loadConfig(env, { keys: ringFromSecret('x'), dbFile: ':memory:' })
  expect(set.addressCaps).toEqual({ placesPerSession: 12, newIdsPerDay: DEFAULT_ADDRESS_CAPS.newIdsPerDay })
  expect(set.rateLimits.mintPerAddress.free).toBe(0)
  expect(set.rateLimits.signInLock.maxAttempts).toBe(DEFAULT_RATE_LIMITS.signInLock.maxAttempts)
  expect(set.passwordChecks.concurrent).toBe(4)
})
