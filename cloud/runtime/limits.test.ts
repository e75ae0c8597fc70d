// Rate limits through the real HTTP layer (fastify inject, with client addresses). Reproduces the
// holes first: about 12,000 anonymous tokens minted in 2 s from one address, and a shared PIN
// guessed in 4,322 unlimited tries.
import { ringFromSecret } from '../booking/keys'
import type { FastifyInstance } from 'fastify'
import { createAccount } from '../accounts/service'
import { bj, residentId } from '../testing/booking'
import { tempSqliteStore } from '../testing/stores'
import { loadConfig } from './config'
import { DEFAULT_RATE_LIMITS } from './limits'
import { buildServer } from './server'

describe('rate limits of the local runtime', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let app: FastifyInstance
  const config = loadConfig({}, { dbFile: ':memory:', keys: ringFromSecret('s'), logLevel: 'silent', staticDir: '/nonexistent' })

  beforeAll(async () => {
    env = await tempSqliteStore()
    app = await buildServer({ config, store: env.store, now: () => bj('2026-11-26 10:00') })
    await createAccount(env.store.accounts, { username: 'gate2', name: '门岗二', role: 'staff', password: 'gate-2-password' }, new Date())
  })
  afterAll(async () => {
    await app.close()
    await env.cleanup()
  })
  const mint = (remoteAddress: string) => app.inject({ method: 'POST', url: '/api/_session', payload: {}, remoteAddress })

  it('stops one address minting visitor tokens past its free allowance (429 Result, Retry-After); another address is unaffected', async () => {
    const { free: max } = DEFAULT_RATE_LIMITS.mintPerAddress
    const answers = []
    for (let i = 0; i < max + 20; i++) answers.push((await mint('198.51.100.7')).statusCode)
    expect(answers.filter((s) => s === 200)).toHaveLength(max)
    const refused = await mint('198.51.100.7')
    expect(refused.statusCode).toBe(429)
    expect(refused.json()).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^访问过于频繁，请 \d+ 秒后再试$/) } })
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect((await mint('198.51.100.8')).statusCode).toBe(200)
  })

  it('counts an IPv6 subscriber by its /64: rotating addresses inside it mints no more; another /64 is unaffected', async () => {
    // One home or phone gets a whole /64 and may use any address in it: per address, that would be
    // 2^64 budgets. An IPv4 address written the IPv6 way (::ffff:a.b.c.d) is that IPv4 address.
    const { free: max } = DEFAULT_RATE_LIMITS.mintPerAddress
    const answers = []
    for (let i = 0; i < max + 10; i++) answers.push((await mint(`2001:db8:abcd:12::${(i + 1).toString(16)}`)).statusCode)
    expect(answers.filter((s) => s === 200)).toHaveLength(max)
    expect((await mint('2001:0db8:abcd:0012:ffff:1:2:3')).statusCode).toBe(429)
    expect((await mint('2001:db8:abcd:13::1')).statusCode).toBe(200)
    for (let i = 0; i < max; i++) expect((await mint('198.51.100.60')).statusCode).toBe(200)
    expect((await mint('::ffff:198.51.100.60')).statusCode).toBe(429)
  })

  it('limits sign-in attempts per address across names; a name tried from many addresses is locked only where it was tried', async () => {
    // An attacker spreading guesses at one name over many addresses: each address has its own tries.
    const codes = []
    for (let i = 0; i < 12; i++) {
      codes.push((await app.inject({ method: 'POST', url: '/api/_session', payload: { username: 'victim', password: `guess-${i}-xxxx` }, remoteAddress: `203.0.113.${i + 1}` })).statusCode)
    }
    expect(codes.every((c) => c === 401)).toBe(true)
    // One address trying many account names.
    const perAddress = DEFAULT_RATE_LIMITS.signInPerAddress.max
    const fromOne = []
    for (let i = 0; i < perAddress + 1; i++) {
      fromOne.push((await app.inject({ method: 'POST', url: '/api/_session', payload: { username: `user${i}`, password: 'password-x' }, remoteAddress: '192.0.2.50' })).statusCode)
    }
    expect(fromOne.at(-1)).toBe(429)
    const last = await app.inject({ method: 'POST', url: '/api/_session', payload: { username: 'gate2', password: 'gate-2-password' }, remoteAddress: '192.0.2.50' })
    expect(last.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^登录尝试过于频繁，请 \d+ 分钟后再试$/) })
    // The real staff member elsewhere still signs in.
    expect((await app.inject({ method: 'POST', url: '/api/_session', payload: { username: 'gate2', password: 'gate-2-password' }, remoteAddress: '192.0.2.51' })).statusCode).toBe(200)
  }, 60_000)

  it('limits booking writes per identity, not reads, and not other identities', async () => {
    const token = (await mint('198.51.100.20')).json().token
    const other = (await mint('198.51.100.20')).json().token
    const call = (t: string, payload: object) => app.inject({ method: 'POST', url: '/api/booking', payload, headers: { authorization: `Bearer ${t}` }, remoteAddress: '198.51.100.20' })
    const { max } = DEFAULT_RATE_LIMITS.bookingWritesPerIdentity
    let last = null
    for (let i = 0; i < max + 1; i++) last = await call(token, { action: 'addVisitor', name: '张三', idType: 'resident', idNumber: residentId(i) })
    expect(last!.statusCode).toBe(429)
    expect(last!.json().error.code).toBe('RATE_LIMITED')
    expect((await call(token, { action: 'visitors' })).statusCode).toBe(200)
    expect((await call(other, { action: 'addVisitor', name: '李四', idType: 'resident', idNumber: residentId(900) })).statusCode).toBe(200)
  })
})
