// The console's production path on the function side: the cloud entry answering HTTP-access events
// with named-account sessions, over the wx-server-sdk STAND-IN behind a local stand-in of HTTP
// access (cloud/testing/http-access-gateway.ts). What the real service adds is in docs/wechat-cloud.md.
import { createAccount } from '../../accounts/service'
import { startHttpAccessGateway } from '../../testing/http-access-gateway'

// Sign-ins hash passwords (scrypt) and the payload test moves megabytes: on a loaded 2-core machine
// some cases took over jest's default 5 s.
jest.setTimeout(30_000)

const HOSTING = 'https://gxq-env-1a2b.tcloudbaseapp.com'
const PASSWORD = 'hosting-pass-2026'
let gw: Awaited<ReturnType<typeof startHttpAccessGateway>>

beforeAll(async () => {
  gw = await startHttpAccessGateway({ APP_SECRET: 'http-access-test-secret', CONSOLE_ORIGIN: `${HOSTING}/` })
  await createAccount(gw.store.accounts, { username: 'editor', name: '内容编辑', role: 'content_editor', password: PASSWORD }, new Date())
})
afterAll(() => gw.stop())

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${gw.base}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: HOSTING, ...headers }, body: JSON.stringify(body) })
  return { status: res.status, headers: res.headers, body: (await res.json()) as any }
}
const signIn = async (password = PASSWORD) => post('_session', { username: 'editor', password })

test('signs in with a named account and calls the console with the bearer token; CORS names the hosting origin only', async () => {
  const session = await signIn()
  expect(session.status).toBe(200)
  expect(session.body).toMatchObject({ token: expect.stringMatching(/^v2\./), role: 'content_editor', name: '内容编辑' })
  expect(session.headers.get('access-control-allow-origin')).toBe(HOSTING)

  const listed = await post('console', { action: 'exhibits' }, { authorization: `Bearer ${session.body.token}` })
  expect(listed.status).toBe(200)
  expect(listed.body.ok).toBe(true)
  expect(listed.body.data.exhibits.map((e: any) => e.code)).toContain('helmet')
  expect(listed.headers.get('access-control-allow-origin')).toBe(HOSTING)
  expect(listed.headers.get('vary')).toBe('Origin')

  // accounts.me through the same route table.
  expect((await post('accounts', { action: 'me' }, { authorization: `Bearer ${session.body.token}` })).body).toMatchObject({ ok: true, data: { me: { username: 'editor', role: 'content_editor' } } })
})

test('answers the preflight for the hosting origin; any other origin is refused before anything runs', async () => {
  const pre = await fetch(`${gw.base}/console`, { method: 'OPTIONS', headers: { origin: HOSTING, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } })
  expect(pre.status).toBe(204)
  expect(pre.headers.get('access-control-allow-origin')).toBe(HOSTING)
  expect(pre.headers.get('access-control-allow-headers')).toContain('authorization')

  const evilPre = await fetch(`${gw.base}/console`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } })
  expect(evilPre.status).toBe(403)
  expect(evilPre.headers.get('access-control-allow-origin')).toBeNull()

  // A wrong password from another origin is not even tried (no try is counted for it): more of
  // them than lock a name, and the right password from the hosting origin still signs in.
  for (let i = 0; i < 6; i++) {
    const evil = await post('_session', { username: 'editor', password: `guess-${i}` }, { origin: 'https://evil.example' })
    expect([evil.status, evil.body.error.code]).toEqual([403, 'FORBIDDEN_ORIGIN'])
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
  }
  expect((await post('_session', { username: 'editor', password: PASSWORD })).status).toBe(200)
})

test('refuses without a session, with a visitor or forged token, and a role the action does not name', async () => {
  expect(await post('console', { action: 'exhibits' })).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } })
  expect(await post('console', { action: 'exhibits' }, { authorization: 'Bearer v2.k0.e30.forged' })).toMatchObject({ status: 401 })
  expect(await signIn('wrong-password')).toMatchObject({ status: 401, body: { ok: false, error: { code: 'SIGN_IN_FAILED' } } })
  const { body } = await signIn()
  expect(await post('console', { action: 'closeDay', day: '2099-01-01', reason: '测试' }, { authorization: `Bearer ${body.token}` })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } })
  expect(await post('console', { action: 'nope' }, { authorization: `Bearer ${body.token}` })).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_ACTION' } } })
  // A disabled account's token stops working at once.
  await gw.store.accounts.update('editor', { disabled: true, at: new Date().toISOString() })
  expect(await post('console', { action: 'exhibits' }, { authorization: `Bearer ${body.token}` })).toMatchObject({ status: 401 })
  await gw.store.accounts.update('editor', { disabled: false, at: new Date().toISOString() })
})

test('without the key ring the HTTP path says the service is not configured', async () => {
  const bare = await startHttpAccessGateway({ CONSOLE_ORIGIN: HOSTING })
  try {
    const res = await fetch(`${bare.base}/_session`, { method: 'POST', headers: { origin: HOSTING }, body: JSON.stringify({ username: 'x', password: 'y' }) })
    expect([res.status, ((await res.json()) as any).error.code]).toEqual([503, 'NOT_CONFIGURED'])
  } finally {
    await bare.stop()
  }
})

test('a locked account says for how long, in the message and in a Retry-After the console page may read', async () => {
  await createAccount(gw.store.accounts, { username: 'locked', name: '被锁账号', role: 'content_editor', password: PASSWORD }, new Date())
  let last: Awaited<ReturnType<typeof post>> | undefined
  for (let i = 0; i < 6; i++) last = await post('_session', { username: 'locked', password: `wrong-${i}-guess` })
  expect(last!.status).toBe(429)
  expect(last!.body.error.code).toBe('ACCOUNT_LOCKED')
  expect(last!.body.error.message).toMatch(/\d+ ?分钟/)
  expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
  // A cross-origin page reads only the headers CORS exposes.
  expect(last!.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after')
})

test('a body over the cloud-function request limit (6 MB) is refused with a message saying the limit and what to do', async () => {
  const session = await signIn()
  // A 5 MB photo is ~6.7 MB as base64 in JSON: over the limit CloudBase documents for a call.
  const photo = Buffer.alloc(5 * 1024 * 1024, 1).toString('base64')
  const res = await post('console', { action: 'uploadPhoto', code: 'helmet', data: photo, alt: '说明' }, { authorization: `Bearer ${session.body.token}` })
  expect(res.status).toBe(413)
  expect(res.body).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('6 MB') } })
})
