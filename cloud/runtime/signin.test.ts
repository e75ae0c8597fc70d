// Named accounts at POST /api/_session (replacing the shared staff PIN, which was brute-forced in
// about 4,300 tries in under 1.1 s: no limit, no lockout, 4-character PINs accepted).
import { ringFromSecret } from '../booking/keys'
import type { FastifyInstance } from 'fastify'
import { createAccount, resetPassword } from '../accounts/service'
import { DEFAULT_RATE_LIMITS } from '../limits/rate-limit-policy'
import { tempSqliteStore } from '../testing/stores'
import { loadConfig } from './config'
import { verifyToken } from './identity'
import { buildServer } from './server'

describe('staff and operator sign-in at POST /api/_session', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let app: FastifyInstance
  const config = loadConfig({}, { dbFile: ':memory:', keys: ringFromSecret('s'), logLevel: 'silent', staticDir: '/nonexistent' })

  beforeAll(async () => {
    env = await tempSqliteStore({ seed: false })
    app = await buildServer({ config, store: env.store })
    await createAccount(env.store.accounts, { username: 'zhangsan', name: '张三', role: 'staff', password: 'gate-2026-spring' }, new Date())
    await createAccount(env.store.accounts, { username: 'lisi', name: '李四', role: 'staff', password: 'another-good-one' }, new Date())
  })
  afterAll(async () => {
    await app.close()
    await env.cleanup()
  })
  const session = (payload: object) => app.inject({ method: 'POST', url: '/api/_session', payload })
  const call = (token: string, fn: string, payload: object) => app.inject({ method: 'POST', url: `/api/${fn}`, payload, headers: { authorization: `Bearer ${token}` } })

  it('exchanges a username and password for a 12-hour staff token that the staff function accepts', async () => {
    const res = await session({ username: 'ZhangSan', password: 'gate-2026-spring' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ role: 'staff', name: '张三' })
    const hours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000
    expect(hours).toBeGreaterThan(11.9)
    expect(hours).toBeLessThanOrEqual(12)
    expect(verifyToken(body.token, config.keys)).toEqual({ openid: 'account:zhangsan', role: 'staff', account: 'zhangsan' })
    const today = await call(body.token, 'staff', { action: 'today' })
    expect(today.json()).toMatchObject({ ok: true, data: { sessions: [{ name: '上午场' }, { name: '下午场' }] } })
    const me = await call(body.token, 'accounts', { action: 'me' })
    expect(me.json()).toEqual({ ok: true, data: { me: { role: 'staff', username: 'zhangsan', name: '张三' } } })
  })

  it('answers a wrong password and an unknown user with the same 401 and words; a visitor token cannot call staff actions', async () => {
    const wrong = await session({ username: 'zhangsan', password: 'not-the-password' })
    const nobody = await session({ username: 'nobody', password: 'not-the-password' })
    expect(wrong.statusCode).toBe(401)
    expect(nobody.statusCode).toBe(401)
    expect(wrong.json()).toEqual({ ok: false, error: { code: 'SIGN_IN_FAILED', message: '用户名或密码不正确' } })
    expect(nobody.json()).toEqual(wrong.json())
    // The old shared-PIN form is no longer a way in.
    expect((await session({ staffPin: '246810' })).statusCode).toBe(401)
    const { token } = (await session({})).json()
    expect(verifyToken(token, config.keys)).toMatchObject({ role: 'visitor' })
    expect((await call(token, 'staff', { action: 'checkIn', code: 'x' })).statusCode).toBe(403)
  })

  it(`locks a name for one address after ${DEFAULT_RATE_LIMITS.signInLock.maxAttempts} tries: even the right one is refused there with 429 and Retry-After, not elsewhere`, async () => {
    const { maxAttempts, firstLockMs } = DEFAULT_RATE_LIMITS.signInLock
    const from = (address: string, password: string) => app.inject({ method: 'POST', url: '/api/_session', payload: { username: 'lisi', password }, remoteAddress: address })
    const answers = []
    for (let i = 0; i <= maxAttempts; i++) answers.push(await from('192.0.2.10', i === maxAttempts ? 'another-good-one' : `guess-${i}-wrong`))
    expect(answers.slice(0, maxAttempts - 1).map((r) => r.statusCode)).toEqual(Array(maxAttempts - 1).fill(401))
    const lockedAt = answers[maxAttempts - 1]
    expect(lockedAt.statusCode).toBe(429)
    expect(lockedAt.json().error).toEqual({ code: 'ACCOUNT_LOCKED', message: `尝试次数过多，请 ${firstLockMs / 60_000} 分钟后再试` })
    expect(Number(lockedAt.headers['retry-after'])).toBeGreaterThan(firstLockMs / 1000 - 60)
    // The right password from that address during the lock: still refused.
    expect(answers[maxAttempts].statusCode).toBe(429)
    // From another address the owner signs in; another account is not affected.
    expect((await from('192.0.2.11', 'another-good-one')).statusCode).toBe(200)
    expect((await session({ username: 'zhangsan', password: 'gate-2026-spring' })).statusCode).toBe(200)
    // An admin's password reset lifts the lock at that address too.
    await resetPassword(env.store.accounts, 'lisi', 'a-fresh-password', new Date())
    expect((await from('192.0.2.10', 'a-fresh-password')).statusCode).toBe(200)
  }, 60_000)

  it('stops honouring a token at once when its account is disabled, and follows a role change', async () => {
    await createAccount(env.store.accounts, { username: 'wangwu', name: '王五', role: 'staff', password: 'wangwu-password' }, new Date())
    const { token } = (await session({ username: 'wangwu', password: 'wangwu-password' })).json()
    expect((await call(token, 'staff', { action: 'today' })).statusCode).toBe(200)
    await env.store.accounts.update('wangwu', { role: 'content_editor', at: new Date().toISOString() })
    expect((await call(token, 'staff', { action: 'today' })).statusCode).toBe(403)
    await env.store.accounts.update('wangwu', { disabled: true, role: 'staff', at: new Date().toISOString() })
    expect((await call(token, 'staff', { action: 'today' })).statusCode).toBe(401)
    const again = await session({ username: 'wangwu', password: 'wangwu-password' })
    expect(again.statusCode).toBe(403)
    expect(again.json().error).toEqual({ code: 'ACCOUNT_DISABLED', message: '该账号已停用，请联系管理员' })
  })

  it('records which account checked a ticket in', async () => {
    const { store } = env
    // The check-in path itself is covered in functions/booking.test.ts; here only the recording.
    await store.booking.beginBooking({
      id: 'b-1', openid: 'o', clientRequestId: 'r', sessionId: 's', day: '2026-11-27', sessionStart: '2026-11-27T01:00:00.000Z',
      sessionEnd: '2026-11-27T04:00:00.000Z', places: 1, visitors: [], status: 'pending', createdAt: '2026-11-26T00:00:00.000Z',
    })
    await store.booking.transition('b-1', 'pending', 'confirmed', { at: '2026-11-26T00:00:01.000Z' })
    expect(await store.booking.transition('b-1', 'confirmed', 'checked_in', { at: '2026-11-27T01:10:00.000Z', by: 'zhangsan' })).toBe(true)
    expect(await store.booking.getBooking('b-1')).toMatchObject({ status: 'checked_in', checkedInBy: 'zhangsan' })
  })
})
