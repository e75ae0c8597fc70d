import type { FastifyInstance } from 'fastify'
import { tempSqliteStore } from '../testing/stores'
import { loadConfig } from './config'
import { verifyToken } from './identity'
import { buildServer } from './server'

describe('staff PIN at POST /api/_session', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let app: FastifyInstance
  const config = loadConfig({ STAFF_PIN: '246810, 135791' }, { dbFile: ':memory:', secret: 's', logLevel: 'silent', staticDir: '/nonexistent' })

  beforeAll(async () => {
    env = await tempSqliteStore({ seed: false })
    app = await buildServer({ config, store: env.store })
  })
  afterAll(async () => {
    await app.close()
    await env.cleanup()
  })
  const session = (payload: object) => app.inject({ method: 'POST', url: '/api/_session', payload })

  it('reads the PINs from STAFF_PIN', () => {
    expect(config.staffPins).toEqual(['246810', '135791'])
    expect(loadConfig({}, { secret: 'x', dbFile: ':memory:' }).staffPins).toEqual([])
  })

  it('exchanges a configured PIN for a staff token that the staff function accepts', async () => {
    const res = await session({ staffPin: '135791' })
    expect(res.statusCode).toBe(200)
    const { token } = res.json()
    expect(verifyToken(token, 's')).toEqual({ openid: expect.stringMatching(/^staff2_[0-9a-f]{12}$/), role: 'staff' })
    const today = await app.inject({ method: 'POST', url: '/api/staff', payload: { action: 'today' }, headers: { authorization: `Bearer ${token}` } })
    expect(today.json()).toMatchObject({ ok: true, data: { sessions: [{ name: '上午场' }, { name: '下午场' }] } })
  })

  it('refuses a wrong PIN with a Chinese reason, and a visitor token cannot call staff actions', async () => {
    const wrong = await session({ staffPin: '000000' })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json()).toMatchObject({ ok: false, error: { code: 'STAFF_PIN_INVALID', message: '工作人员口令不正确' } })
    const { token } = (await session({})).json()
    expect(verifyToken(token, 's')).toMatchObject({ role: 'visitor' })
    const res = await app.inject({ method: 'POST', url: '/api/staff', payload: { action: 'checkIn', code: 'x' }, headers: { authorization: `Bearer ${token}` } })
    expect(res.statusCode).toBe(403)
  })

  it('has no staff login when no PIN is configured', async () => {
    const noPins = await buildServer({ config: { ...config, staffPins: [] }, store: env.store })
    const res = await noPins.inject({ method: 'POST', url: '/api/_session', payload: { staffPin: '' } })
    expect(res.statusCode).toBe(401)
    await noPins.close()
  })
})
