// Anonymous writes without bound, through the real HTTP runtime over real SQLite. Reproduces the
// hole first: 20,000 distinct zone search words from one address became 20,000 counter rows listed
// on the console's dashboard (here 400 words from one address, and 400 more spread over 20).
import type { FastifyInstance } from 'fastify'
import { ringFromSecret } from '../booking/keys'
import { COUNTERS } from '../contracts/ops'
import { NO_HIT_LIMITS } from '../functions/zone'
import { buildDashboard } from '../ops/dashboard'
import { bj } from '../testing/booking'
import { tempSqliteStore } from '../testing/stores'
import { loadConfig } from './config'
import { buildServer } from './server'

jest.setTimeout(120_000)

const NOW = bj('2026-11-26 10:00')
const DAY = '2026-11-26'
let env: Awaited<ReturnType<typeof tempSqliteStore>>
let app: FastifyInstance
const config = loadConfig({}, { dbFile: ':memory:', keys: ringFromSecret('words-secret'), logLevel: 'silent', staticDir: '/nonexistent' })

beforeAll(async () => {
  env = await tempSqliteStore()
  app = await buildServer({ config, store: env.store, now: () => NOW })
})
afterAll(async () => {
  await app.close()
  await env.cleanup()
})

const search = async (address: string, q: string, action = 'searchCompanies') =>
  (await app.inject({ method: 'POST', url: '/api/zone', payload: { action, q }, remoteAddress: address })).json()
const noHitRows = async () => (await env.store.ops.counters('zone.nohit:', DAY, DAY)).filter((r) => r.counter !== COUNTERS.zoneNoHitOther)

test('one address searching 400 made-up words adds only its share of new words to the dashboard; every search is still answered', async () => {
  for (let i = 0; i < 400; i++) {
    const answer = await search('203.0.113.9', `zzqx${i}`, i % 2 ? 'searchPolicies' : 'searchCompanies')
    expect(answer).toMatchObject({ ok: true, data: { total: 0 } })
  }
  expect((await noHitRows()).length).toBeLessThanOrEqual(NO_HIT_LIMITS.newWordsPerCallerPerDay)
  // What people miss is still seen: a word from a real visitor elsewhere is counted, twice.
  await search('198.51.100.3', '氢能叉车')
  await search('198.51.100.4', '氢能叉车')
  const dashboard = await buildDashboard(env.store, DAY, DAY, DAY)
  expect(dashboard.zoneNoHits).toContainEqual({ counter: COUNTERS.zoneNoHit('氢能叉车'), day: DAY, count: 2 })
  // The uncounted words show as one row, which is bounded by the caller's counted searches.
  const other = dashboard.zoneNoHits.find((r) => r.counter === COUNTERS.zoneNoHitOther)
  expect(other!.count).toBeLessThanOrEqual(NO_HIT_LIMITS.perCallerPerDay - NO_HIT_LIMITS.newWordsPerCallerPerDay)
})

test('words too long to be a search are not counted; many addresses together add at most the daily number of new words', async () => {
  const before = (await noHitRows()).length
  await search('198.51.100.50', '很'.repeat(NO_HIT_LIMITS.maxLength + 1))
  expect((await noHitRows()).length).toBe(before)
  for (let a = 0; a < 20; a++) {
    for (let i = 0; i < 20; i++) await search(`192.0.2.${a + 1}`, `spread${a}x${i}`)
  }
  expect((await noHitRows()).length).toBeLessThanOrEqual(NO_HIT_LIMITS.newWordsPerDay)
})
