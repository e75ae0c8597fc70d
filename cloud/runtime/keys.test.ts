// Keys with versions, token expiry, and secrets apart from data. First seen failing against the
// runtime: changing APP_SECRET refused every old token and ticket and let the same ID be booked
// again that day; tokens never expired (nor did staff ones) and one without an issue time was
// accepted; the HMAC secret lay beside the database, so mask + hash + secret gave back every ID.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { createAccount } from '../accounts/service'
import { idHash, readTicketCode, ringFromSecret, type KeyRing } from '../booking/keys'
import { maskIdNumber, residentIdCheckChar } from '../contracts/booking'
import { dispatch } from '../functions/dispatch'
import { functions } from '../functions'
import { bj, residentId } from '../testing/booking'
import { contextFor, tempSqliteStore } from '../testing/stores'
import type { Store } from '../store/port'
import { loadConfig } from './config'
import { issueToken, readToken, VISITOR_TOKEN_TTL_MS, verifyToken } from './identity'
import { isInside, loadKeys, parseKeyRing, retire, rotate, type KeyFile } from './keyring'
import { buildServer, RENEWED_TOKEN_HEADER } from './server'

const RING1: KeyFile = { idKey: 'id-key-0123456789abcdef', signing: [{ id: 'k1', secret: 'signing-key-1-0123456789' }] }

describe('rotating the signing keys keeps bookings, tickets, tokens and ID claims', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let clock = bj('2026-11-26 10:00')
  const apps: FastifyInstance[] = []
  const base = loadConfig({}, { dbFile: ':memory:', keys: ringFromSecret('unused-0123456789'), logLevel: 'silent', staticDir: '/nonexistent' })
  const serve = async (keys: KeyRing) => {
    const app = await buildServer({ config: { ...base, keys }, store: env.store, now: () => clock })
    apps.push(app)
    return app
  }
  const call = (app: FastifyInstance, fn: string, payload: object, token?: string) =>
    app.inject({ method: 'POST', url: `/api/${fn}`, payload, headers: token ? { authorization: `Bearer ${token}` } : {} })

  beforeAll(async () => {
    env = await tempSqliteStore()
    await createAccount(env.store.accounts, { username: 'gate3', name: '门岗三', role: 'staff', password: 'gate-3-password' }, new Date())
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    await env.cleanup()
  })

  it('old token works until retirement, the owner still sees and cancels, the old ticket checks in, the same ID stays taken', async () => {
    const before = await serve(RING1)
    const token = (await before.inject({ method: 'POST', url: '/api/_session', payload: {} })).json().token as string
    expect(token).toMatch(/^v2\.k1\./)
    const id = residentId(321)
    const a = (await call(before, 'booking', { action: 'addVisitor', name: '张三', idType: 'resident', idNumber: id }, token)).json().data.visitor.id
    const b = (await call(before, 'booking', { action: 'addVisitor', name: '李四', idType: 'resident', idNumber: residentId(322) }, token)).json().data.visitor.id
    const fri = (await call(before, 'booking', { action: 'book', sessionId: '2026-11-27.am', visitorIds: [a], clientRequestId: 'rotate-fri-1' }, token)).json().data.booking
    const sat = (await call(before, 'booking', { action: 'book', sessionId: '2026-11-28.am', visitorIds: [b], clientRequestId: 'rotate-sat-1' }, token)).json().data.booking
    expect(fri.ticketCode).toMatch(/^T2\.k1\./)

    // Rotate: k2 signs from now on, k1 still verifies.
    const ring2 = rotate(RING1)
    expect(ring2.signing.map((k) => k.id)).toEqual(['k2', 'k1'])
    expect(ring2.idKey).toBe(RING1.idKey)
    const after = await serve(ring2)
    const mine = await call(after, 'booking', { action: 'mine' }, token)
    expect(mine.json().data.bookings.map((x: { id: string }) => x.id).sort()).toEqual([fri.id, sat.id].sort())
    // The old-key token is renewed with the new key, same identity.
    const renewed = mine.headers[RENEWED_TOKEN_HEADER] as string
    expect(renewed).toMatch(/^v2\.k2\./)
    expect(verifyToken(renewed, ring2)).toEqual(verifyToken(token, ring2))
    expect((await call(after, 'booking', { action: 'cancel', bookingId: sat.id }, token)).json()).toMatchObject({ ok: true, data: { booking: { status: 'cancelled' } } })
    // Someone else with the same ID number cannot book that day: the claim key did not change.
    const other = (await after.inject({ method: 'POST', url: '/api/_session', payload: {} })).json().token
    const theirs = (await call(after, 'booking', { action: 'addVisitor', name: '张三', idType: 'resident', idNumber: id }, other)).json().data.visitor.id
    expect((await call(after, 'booking', { action: 'book', sessionId: '2026-11-27.pm', visitorIds: [theirs], clientRequestId: 'rotate-dup-1' }, other)).json()).toMatchObject({
      ok: false,
      error: { code: 'ID_ALREADY_BOOKED' },
    })
    // At the gate on Friday, the ticket signed with k1 checks in.
    clock = bj('2026-11-27 09:10')
    const staff = (await after.inject({ method: 'POST', url: '/api/_session', payload: { username: 'gate3', password: 'gate-3-password' } })).json().token
    expect((await call(after, 'staff', { action: 'checkIn', code: fri.ticketCode }, staff)).json()).toMatchObject({ ok: true, data: { result: { bookingId: fri.id } } })

    // Retire k1: what it signed stops verifying; the renewed token carries on.
    const ring3 = retire(ring2, 'k1')
    const retired = await serve(ring3)
    expect((await call(retired, 'booking', { action: 'mine' }, token)).statusCode).toBe(401)
    expect((await call(retired, 'booking', { action: 'mine' }, renewed)).statusCode).toBe(200)
    expect(readTicketCode(ring3, fri.ticketCode)).toBeNull()
    expect(readTicketCode(ring2, fri.ticketCode)).toBe(fri.id)
    expect(() => retire(ring3, 'k2')).toThrow(/rotate first/)
  })
})

describe('token expiry and format', () => {
  const ring = ringFromSecret('token-key-0123456789')
  const now = Date.parse('2026-11-26T02:00:00.000Z')
  const sign = (claims: object) => {
    const signed = `v2.k0.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`
    return `${signed}.${crypto.createHmac('sha256', 'token-key-0123456789').update(`gxq-token/${signed}`).digest('base64url')}`
  }

  it('refuses an expired token, one without an issue time or expiry, and a staff token after its 12-hour shift', () => {
    const visitor = issueToken({ openid: 'o-1', role: 'visitor' }, ring, { now })
    expect(verifyToken(visitor, ring, now + VISITOR_TOKEN_TTL_MS - 1)).toEqual({ openid: 'o-1', role: 'visitor' })
    expect(verifyToken(visitor, ring, now + VISITOR_TOKEN_TTL_MS)).toBeNull()
    expect(verifyToken(sign({ o: 'o-2', r: 'visitor', t: now }), ring, now)).toBeNull()
    expect(verifyToken(sign({ o: 'o-2', r: 'visitor', e: now + 1000 }), ring, now)).toBeNull()
    expect(verifyToken(sign({ o: 'o-2', r: 'visitor', t: now, e: now + 1000 }), ring, now)).toEqual({ openid: 'o-2', role: 'visitor' })
    // A role other than visitor without a named account: refused even if signed.
    expect(verifyToken(sign({ o: 'o-3', r: 'admin', t: now, e: now + 1000 }), ring, now)).toBeNull()
    const staff = issueToken({ openid: 'account:gate', role: 'staff', account: 'gate' }, ring, { now })
    expect(verifyToken(staff, ring, now + 12 * 3_600_000 - 1)).toMatchObject({ role: 'staff' })
    expect(verifyToken(staff, ring, now + 12 * 3_600_000)).toBeNull()
    // Issued far in the future (a forged clock): refused.
    expect(verifyToken(issueToken({ openid: 'o-4', role: 'visitor' }, ring, { now: now + 3_600_000 }), ring, now)).toBeNull()
  })

  it('renews a visitor token past half its life, keeping the identity; reads an old v1 token and renews it at once', async () => {
    const env = await tempSqliteStore({ seed: false })
    const config = loadConfig({}, { dbFile: ':memory:', keys: ring, logLevel: 'silent', staticDir: '/nonexistent' })
    const app = await buildServer({ config, store: env.store })
    try {
      const ping = (token: string) => app.inject({ method: 'POST', url: '/api/booking', payload: { action: 'visitors' }, headers: { authorization: `Bearer ${token}` } })
      const young = issueToken({ openid: 'o-young', role: 'visitor' }, ring)
      expect((await ping(young)).headers[RENEWED_TOKEN_HEADER]).toBeUndefined()
      const old = issueToken({ openid: 'o-old', role: 'visitor' }, ring, { now: Date.now() - VISITOR_TOKEN_TTL_MS * 0.6 })
      const res = await ping(old)
      expect(res.statusCode).toBe(200)
      const renewed = res.headers[RENEWED_TOKEN_HEADER] as string
      expect(readToken(renewed, ring)!.expiresAt).toBeGreaterThan(readToken(old, ring)!.expiresAt)
      expect(verifyToken(renewed, ring)).toEqual({ openid: 'o-old', role: 'visitor' })
      // v1 (before key rings): HMAC of the claims with the legacy secret, issue time but no expiry.
      const payload = Buffer.from(JSON.stringify({ o: 'o-legacy', r: 'visitor', t: Date.now() - 1000 })).toString('base64url')
      const v1 = `v1.${payload}.${crypto.createHmac('sha256', 'token-key-0123456789').update(payload).digest('base64url')}`
      const legacy = await ping(v1)
      expect(legacy.statusCode).toBe(200)
      expect(verifyToken(legacy.headers[RENEWED_TOKEN_HEADER] as string, ring)).toEqual({ openid: 'o-legacy', role: 'visitor' })
      const staleV1 = `v1.${Buffer.from(JSON.stringify({ o: 'o-legacy', r: 'visitor' })).toString('base64url')}`
      expect(verifyToken(`${staleV1}.${crypto.createHmac('sha256', 'token-key-0123456789').update(staleV1.slice(3)).digest('base64url')}`, ring)).toBeNull()
    } finally {
      await app.close()
      await env.cleanup()
    }
  })
})

describe('keys apart from data', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-keys-'))

  it('refuses to start in production without keys from the environment or a key file outside the data folder', () => {
    const data = tmp()
    const db = path.join(data, 'gxq.sqlite')
    expect(() => loadConfig({ NODE_ENV: 'production', DB_FILE: db })).toThrow(/生产环境.*必须提供密钥/)
    const inside = path.join(data, 'keys.json')
    fs.writeFileSync(inside, JSON.stringify(RING1))
    expect(() => loadConfig({ NODE_ENV: 'production', DB_FILE: db, APP_KEYS_FILE: inside })).toThrow(/数据目录/)
    const outside = path.join(tmp(), 'keys.json')
    fs.writeFileSync(outside, JSON.stringify(RING1))
    expect(loadConfig({ NODE_ENV: 'production', DB_FILE: db, APP_KEYS_FILE: outside }).keys).toEqual(RING1)
    expect(loadConfig({ NODE_ENV: 'production', DB_FILE: db, APP_KEYS: JSON.stringify(RING1) }).keysSource).toBe('APP_KEYS')
    expect(() => loadConfig({ NODE_ENV: 'production', DB_FILE: db, APP_KEYS: '{"idKey":"short"}' })).toThrow(/APP_KEYS/)
    // Nothing was generated into the data folder.
    expect(fs.readdirSync(data).sort()).toEqual(['keys.json'])
  })

  it('in development keeps generated keys outside the database folder', () => {
    const data = tmp()
    const loaded = loadKeys({}, data)
    expect(isInside(loaded.source, data)).toBe(false)
    expect(fs.readdirSync(data)).toEqual([])
  })

  it('with the keys outside, the data folder alone does not give back an ID: a brute force over the masked space finds nothing', async () => {
    const data = tmp()
    const keysDir = tmp()
    fs.writeFileSync(path.join(keysDir, 'keys.json'), JSON.stringify({ idKey: crypto.randomBytes(32).toString('base64url'), signing: [{ id: 'k1', secret: crypto.randomBytes(32).toString('base64url') }] }))
    const config = loadConfig({ DB_FILE: path.join(data, 'gxq.sqlite'), APP_KEYS_FILE: path.join(keysDir, 'keys.json') })
    const env = await tempSqliteStore()
    const store: Store = env.store
    const id = residentId(456, '19900101', '210203')
    // Saved with the runtime's keys, as the server would.
    await dispatch(functions.booking, { action: 'addVisitor', name: '王五', idType: 'resident', idNumber: id }, { ...contextFor(store, { openid: 'o-victim' }), keys: config.keys })
    const saved = (await store.booking.listVisitors('o-victim'))[0]
    expect(saved.idMasked).toBe(maskIdNumber(id))
    // The attacker holds the data folder: every file in it is a candidate key, and so is no key at all.
    const candidates = ['', ...fs.readdirSync(data).map((f) => fs.readFileSync(path.join(data, f), 'utf8'))]
    // A search space the mask allows and that contains the real number (region and birth date known; 1,000 sequence numbers).
    const space = Array.from({ length: 1000 }, (_, seq) => {
      const first17 = `21020319900101${String(seq).padStart(3, '0')}`
      return first17 + residentIdCheckChar(first17)
    }).filter((n) => maskIdNumber(n) === saved.idMasked)
    expect(space).toContain(id)
    const recovered = candidates.flatMap((key) => space.filter((n) => idHash(key, 'resident', n) === saved.idHash))
    expect(recovered).toEqual([])
    // Not vacuous: with the real key, the same search finds it.
    expect(space.filter((n) => idHash(config.keys.idKey, 'resident', n) === saved.idHash)).toEqual([id])
    await env.cleanup()
  })

  it('parses a key ring and refuses duplicate key ids', () => {
    expect(() => parseKeyRing(JSON.stringify({ ...RING1, signing: [...RING1.signing, ...RING1.signing] }), 'x')).toThrow(/duplicate/)
  })
})
