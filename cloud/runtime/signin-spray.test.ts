// Sign-in that a spray cannot turn against the owner, through the real HTTP runtime over real
// SQLite. Reproduces the holes first: five wrong passwords from anywhere locked the admin out for
// everyone (renewable for ever); after a password reset the per-account limit still refused the
// admin; only existing names locked (names could be enumerated); parallel wrong passwords were all
// checked; and simultaneous sign-ins with unknown names each cost a full password hash.
import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { createAccount, resetPassword } from '../accounts/service'
import { ringFromSecret } from '../booking/keys'
import { functions } from '../functions'
import { dispatch } from '../functions/dispatch'
import { contextFor, tempSqliteStore } from '../testing/stores'
import { loadConfig } from './config'
import { DEFAULT_RATE_LIMITS } from '../limits/rate-limit-policy'
import { buildServer } from './server'

jest.setTimeout(120_000)

const { maxAttempts } = DEFAULT_RATE_LIMITS.signInLock
let env: Awaited<ReturnType<typeof tempSqliteStore>>
let app: FastifyInstance
const config = loadConfig({}, { dbFile: ':memory:', keys: ringFromSecret('spray-secret'), logLevel: 'silent', staticDir: '/nonexistent' })

beforeAll(async () => {
  env = await tempSqliteStore({ seed: false })
  app = await buildServer({ config, store: env.store })
  for (const username of ['boss', 'boss2', 'editor', 'editor2', 'editor3']) {
    await createAccount(env.store.accounts, { username, name: '管理员', role: username.startsWith('boss') ? 'admin' : 'content_editor', password: `${username}-right-password` }, new Date())
  }
})
afterAll(async () => {
  await app.close()
  await env.cleanup()
})

const signIn = (address: string, username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/_session', payload: { username, password }, remoteAddress: address })

/** How many password hashes (real or decoy) the server computed while `work` ran. */
async function hashesDuring<T>(work: () => Promise<T>): Promise<{ result: T; hashes: number }> {
  const spy = jest.spyOn(crypto, 'scrypt')
  try {
    const result = await work()
    return { result, hashes: spy.mock.calls.length }
  } finally {
    spy.mockRestore()
  }
}

test('a spray from many addresses, each locked in turn, never locks the admin out of its own address', async () => {
  // 8 addresses (more tries than any per-account limit allowed), each trying the admin's name until it is locked there (and once more).
  for (let a = 0; a < 8; a++) {
    for (let i = 0; i <= maxAttempts; i++) await signIn(`203.0.113.${a + 1}`, 'boss', `spray-${a}-${i}-wrong`)
  }
  expect((await signIn('203.0.113.1', 'boss', 'boss-right-password')).statusCode).toBe(429)
  const mine = await signIn('198.51.100.200', 'boss', 'boss-right-password')
  expect(mine.statusCode).toBe(200)
  expect(mine.json()).toMatchObject({ role: 'admin' })
})

test('an unknown name and an existing one get the same answers and the same work, lock included', async () => {
  const tryAll = async (username: string, address: string) => {
    const answers = []
    for (let i = 0; i <= maxAttempts; i++) answers.push(await hashesDuring(() => signIn(address, username, `guess-${i}-wrong`)))
    return answers.map(({ result, hashes }) => ({ status: result.statusCode, body: result.json(), retryAfter: result.headers['retry-after'] ?? null, hashes }))
  }
  const existing = await tryAll('editor', '192.0.2.30')
  const unknown = await tryAll('nosuchuser', '192.0.2.31')
  expect(unknown).toEqual(existing)
  expect(existing.map((a) => a.status)).toEqual([...Array(maxAttempts - 1).fill(401), 429, 429])
  // Every try up to the lock costs one hash, for either name; a locked try costs none.
  expect(existing.map((a) => a.hashes)).toEqual([...Array(maxAttempts).fill(1), 0])
})

test('parallel wrong passwords all count: no more than the allowed tries are checked, the rest are refused as locked', async () => {
  const { result, hashes } = await hashesDuring(() => Promise.all(Array.from({ length: 10 }, (_, i) => signIn('192.0.2.40', 'editor2', `parallel-${i}-wrong`))))
  expect(hashes).toBeLessThanOrEqual(maxAttempts)
  expect(result.filter((r) => r.statusCode === 429)).toHaveLength(10 - (maxAttempts - 1))
  expect((await signIn('192.0.2.40', 'editor2', 'editor2-right-password')).statusCode).toBe(429)
})

test('simultaneous sign-ins beyond the bound on password checks are answered at once with 503 and Retry-After', async () => {
  const started = Date.now()
  const { result, hashes } = await hashesDuring(() => Promise.all(Array.from({ length: 200 }, (_, i) => signIn(`10.${Math.floor(i / 250)}.${i % 250}.9`, `ghost${i}`, 'some-password'))))
  const busy = result.filter((r) => r.statusCode === 503)
  const { concurrent, queued } = config.passwordChecks
  expect(busy.length).toBeGreaterThanOrEqual(200 - concurrent - queued)
  expect(busy[0].json()).toEqual({ ok: false, error: { code: 'SIGN_IN_BUSY', message: '登录的人较多，请稍后重试' } })
  expect(Number(busy[0].headers['retry-after'])).toBeGreaterThan(0)
  expect(hashes).toBeLessThanOrEqual(concurrent + queued)
  expect(Date.now() - started).toBeLessThan(60_000)
})

test('a password reset (the console, the CLI) clears every counter of that account, at every address', async () => {
  // Locked at one address, and tried from many more.
  for (let i = 0; i < maxAttempts; i++) await signIn('192.0.2.50', 'editor3', `before-reset-${i}`)
  for (let a = 0; a < 12; a++) await signIn(`192.0.2.${60 + a}`, 'editor3', `elsewhere-${a}-wrong`)
  expect((await signIn('192.0.2.50', 'editor3', 'editor3-right-password')).statusCode).toBe(429)
  const reset = await dispatch(functions.accounts, { action: 'resetPassword', username: 'editor3', password: 'editor3-new-password' }, { ...contextFor(env.store, { openid: 'account:boss', role: 'admin' }), account: 'boss' })
  expect(reset.ok).toBe(true)
  expect((await signIn('192.0.2.50', 'editor3', 'editor3-new-password')).statusCode).toBe(200)
  expect((await signIn('192.0.2.99', 'editor3', 'editor3-new-password')).statusCode).toBe(200)
  // The CLI's reset does the same (it calls the same service).
  for (let i = 0; i < maxAttempts; i++) await signIn('192.0.2.51', 'boss2', `before-cli-${i}`)
  await resetPassword(env.store.accounts, 'boss2', 'boss2-new-password', new Date())
  expect((await signIn('192.0.2.51', 'boss2', 'boss2-new-password')).statusCode).toBe(200)
})
