import { serverForTests } from '../testing/server'
import { issueToken } from './identity'
import { ringFromSecret } from '../booking/keys'

describe('local runtime over HTTP', () => {
  const runtime = serverForTests('test-secret')

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    runtime.app.inject({ method: 'POST', url, payload: payload as object, headers })

  it('answers the health check with the database state', async () => {
    const res = await runtime.app.inject({ method: 'GET', url: '/healthz' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ ok: true, db: 'ok' })
  })

  it('serves a function as wx.cloud.callFunction would call it', async () => {
    const res = await post('/api/exhibits', { action: 'get', code: 'fuelcell' })
    expect(res.statusCode).toBe(200)
    expect(res.json().data.exhibit.figures[0]).toEqual({ label: '已装车', value: '超1300台' })
  })

  it('issues signed visitor tokens and rejects forged ones', async () => {
    const { token } = (await post('/api/_session', {})).json() as { token: string }
    expect(token).toMatch(/^v2\.k0\./)
    const forged = issueToken({ openid: 'someone-else', role: 'admin', account: 'boss' }, ringFromSecret('wrong-secret'))
    const { verifyToken } = await import('./identity')
    expect(verifyToken(token, runtime.config.keys)).toMatchObject({ role: 'visitor' })
    expect(verifyToken(forged, runtime.config.keys)).toBeNull()
    expect(verifyToken(token.slice(0, -2) + 'xx', runtime.config.keys)).toBeNull()
  })

  it('answers unknown functions with 404 and a Result, not an HTML page', async () => {
    const res = await post('/api/nothing', { action: 'x' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } })
  })

  it('maps validation errors to 400 with the Chinese message', async () => {
    const res = await post('/api/exhibits', { action: 'get', code: '' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'BAD_REQUEST', message: '展品编号格式不正确' })
  })

  it('refuses malformed JSON and oversized bodies with a clear code', async () => {
    const bad = await runtime.app.inject({ method: 'POST', url: '/api/exhibits', payload: '{"action":', headers: { 'content-type': 'application/json' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('BAD_REQUEST')
    const big = await post('/api/exhibits', { action: 'list', padding: 'x'.repeat(70 * 1024) })
    expect(big.statusCode).toBe(413)
    expect(big.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('过大') })
  })

  it('serves the built H5 app and the exhibit media', async () => {
    const index = await runtime.app.inject({ method: 'GET', url: '/' })
    expect(index.statusCode).toBe(200)
    expect(index.body).toContain('高新区科技馆')
    const image = await runtime.app.inject({ method: 'GET', url: '/media/exhibits/helmet.svg' })
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toContain('image/svg+xml')
  })
})
