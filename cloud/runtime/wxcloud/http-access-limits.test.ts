// Sign-in limits on the console's production path (云函数 HTTP 访问服务). Every account locks after
// five wrong passwords, but that alone lets one address spray four guesses at every account; and
// counters kept in one function instance's memory mean nothing when each call may land on another
// instance. These tests spray through the local stand-in of HTTP access, and call two "instances"
// (two stores over one stand-in database) in turn.
import { hashPassword } from '../../accounts/password'
import { ringFromSecret } from '../../booking/keys'
import { functions } from '../../functions'
import type { StaffAccount, Store } from '../../store/port'
import { standinCloudStore } from '../../testing/wxstandin'
import { openWxCloudStore } from '../../store/wxcloud'
import { startHttpAccessGateway } from '../../testing/http-access-gateway'
import { DEFAULT_RATE_LIMITS } from '../../limits/rate-limit-policy'
import { clientAddress, handleHttpAccess, type HttpAccessEvent } from './http-access'

jest.setTimeout(60_000)

const HOSTING = 'https://gxq-env-1a2b.tcloudbaseapp.com'
const PASSWORD = 'right-pass-2026'
const PER_ADDRESS = DEFAULT_RATE_LIMITS.signInPerAddress.max
const { maxAttempts } = DEFAULT_RATE_LIMITS.signInLock

let passwordHash: string
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD)
})

async function addAccounts(store: Store, count: number): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `editor${i}`)
  for (const username of names) {
    const account: StaffAccount = { username, name: `编辑${username}`, role: 'content_editor', passwordHash, failedAttempts: 0, disabled: false, createdAt: new Date().toISOString() }
    await store.accounts.create(account)
  }
  return names
}

describe('through the HTTP-access gateway stand-in (one client address)', () => {
  let gw: Awaited<ReturnType<typeof startHttpAccessGateway>>
  beforeAll(async () => {
    gw = await startHttpAccessGateway({ APP_SECRET: 'limits-test-secret', CONSOLE_ORIGIN: HOSTING })
  })
  afterAll(() => gw.stop())

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${gw.base}/_session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: HOSTING, ...headers }, body: JSON.stringify(body) })
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any }
  }

  test('an address spraying four wrong passwords at every account is refused after the per-address limit, before any account locks', async () => {
    const names = await addAccounts(gw.store, 10)
    const answers: Array<{ status: number; code?: string }> = []
    let refusal: Awaited<ReturnType<typeof post>> | null = null
    for (const username of names) {
      for (let i = 0; i < 4; i++) {
        const res = await post({ username, password: `guess-${i}-wrong` })
        answers.push({ status: res.status, code: res.body.error?.code })
        if (res.status === 429 && !refusal) refusal = res
      }
    }
    // Exactly the first PER_ADDRESS tries were judged; every later one was refused unjudged.
    expect(answers.slice(0, PER_ADDRESS).every((a) => a.code === 'SIGN_IN_FAILED')).toBe(true)
    expect(answers.slice(PER_ADDRESS).every((a) => a.status === 429 && a.code === 'RATE_LIMITED')).toBe(true)
    expect(refusal!.body.error.message).toMatch(/登录尝试过于频繁，请 \d+ (分钟|秒)后再试/)
    expect(Number(refusal!.retryAfter)).toBeGreaterThan(0)
    expect(Number(refusal!.retryAfter)).toBeLessThanOrEqual(DEFAULT_RATE_LIMITS.signInPerAddress.windowMs / 1000)
    // No account reached the lockout: this is the hole the per-account lockout alone leaves open.
    for (const username of names) expect((await gw.store.accounts.get(username))!.lockedUntil).toBeUndefined()

    // Refused before the password is looked at: even the right one does not get in from here now,
    // and a client-sent address header does not open a new bucket (the gateway sets it).
    expect(await post({ username: names[9], password: PASSWORD })).toMatchObject({ status: 429, body: { ok: false, error: { code: 'RATE_LIMITED' } } })
    expect(await post({ username: names[9], password: PASSWORD }, { 'x-real-ip': '198.51.100.9', 'x-forwarded-for': '198.51.100.9' })).toMatchObject({ status: 429 })
  })
})

describe('across cloud-function instances (two stores over one cloud database)', () => {
  const keys = ringFromSecret('limits-test-secret')
  let instances: Store[]
  let clock: Date
  beforeEach(async () => {
    const { db, store } = await standinCloudStore({ seed: false })
    instances = [store, openWxCloudStore(db)]
    clock = new Date('2026-12-01T09:00:00Z')
  })

  const signInVia = (instance: number, address: string, body: unknown) => {
    const event: HttpAccessEvent = { path: '/console-api/_session', httpMethod: 'POST', headers: { origin: HOSTING, 'x-real-ip': address }, body: JSON.stringify(body) }
    return handleHttpAccess(event, { fn: functions.accounts, store: instances[instance], keys, origins: new Set([HOSTING]), now: () => clock })
  }

  test('the per-address limit holds whichever instance answers, and lifts when the window has passed', async () => {
    const names = await addAccounts(instances[0], 8)
    const statuses: number[] = []
    for (let i = 0; i < PER_ADDRESS + 2; i++) statuses.push((await signInVia(i % 2, '203.0.113.7', { username: names[i % names.length], password: 'wrong-guess' })).statusCode)
    expect(statuses.slice(0, PER_ADDRESS).filter((s) => s === 429)).toEqual([])
    expect(statuses.slice(PER_ADDRESS)).toEqual([429, 429])
    // Another address is not affected.
    expect((await signInVia(1, '203.0.113.8', { username: names[7], password: PASSWORD })).statusCode).toBe(200)
    // A new window: the address may try again.
    clock = new Date(clock.getTime() + DEFAULT_RATE_LIMITS.signInPerAddress.windowMs + 1000)
    expect((await signInVia(0, '203.0.113.7', { username: names[7], password: PASSWORD })).statusCode).toBe(200)
  })

  test('an IPv6 sprayer rotating addresses inside one /64 is one address', async () => {
    const names = await addAccounts(instances[0], 8)
    const statuses: number[] = []
    for (let i = 0; i < PER_ADDRESS + 2; i++) statuses.push((await signInVia(i % 2, `2001:db8:feed:1::${(i + 1).toString(16)}`, { username: names[i % names.length], password: 'wrong-guess' })).statusCode)
    expect(statuses.slice(0, PER_ADDRESS).filter((s) => s === 429)).toEqual([])
    expect(statuses.slice(PER_ADDRESS)).toEqual([429, 429])
    expect((await signInVia(1, '2001:db8:feed:2::1', { username: names[7], password: PASSWORD })).statusCode).toBe(200)
  })

  test('a name is locked for one address whichever instance answers; the owner elsewhere still signs in', async () => {
    const [name] = await addAccounts(instances[0], 1)
    const answers = []
    for (let i = 0; i <= maxAttempts; i++) answers.push(await signInVia(i % 2, '203.0.113.40', { username: name, password: i === maxAttempts ? PASSWORD : `wrong-${i}-guess` }))
    expect(answers.slice(0, maxAttempts - 1).map((a) => a.statusCode)).toEqual(Array(maxAttempts - 1).fill(401))
    const refused = answers[maxAttempts]
    expect(refused.statusCode).toBe(429)
    expect(refused.headers['retry-after']).toMatch(/^\d+$/)
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } })
    expect((await signInVia(1, '203.0.113.41', { username: ` ${name.toUpperCase()} `, password: PASSWORD })).statusCode).toBe(200)
  })
})

test('the address is what the gateway sets: X-Real-IP, else the last X-Forwarded-For hop; none at all shares one bucket', () => {
  const at = (headers: Record<string, string>): string => clientAddress({ path: '/x/_session', httpMethod: 'POST', headers })
  expect(at({ 'X-Real-IP': '203.0.113.7', 'x-forwarded-for': '10.0.0.1, 203.0.113.7' })).toBe('203.0.113.7')
  // Earlier hops are whatever the client wrote: a sprayer rotating them stays one address.
  expect(at({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })).toBe('203.0.113.7')
  expect(at({ 'x-forwarded-for': '198.51.100.2,203.0.113.7' })).toBe('203.0.113.7')
  expect(at({})).toBe('unknown')
})
