// Fair use: one account cannot take a session. Reproduces the release-morning hole first found
// against the local runtime — one token looping addVisitor ×5 → book → removeVisitor ×5 took all
// 300 places of a session in 60 bookings — and the caps that close it (data/booking.json `fairUse`).
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../booking/config'
import { bj, caller, residentId } from '../testing/booking'
import type { Store } from '../store/port'
import { BOTH_ADAPTERS } from '../testing/adapters'

const NOW = bj('2026-11-26 10:00') // Thursday
const FRI_AM = '2026-11-27.am'
const SAT_AM = '2026-11-28.am'


describe.each(BOTH_ADAPTERS)('fair-use caps on booking — %s', (_name, open) => {
  let env: { store: Store; cleanup: () => Promise<void> }
  let call: ReturnType<typeof caller>
  let serial = 0
  beforeEach(async () => {
    env = await open()
    call = caller(env.store)
  })
  afterEach(() => env.cleanup())

  const addVisitors = async (openid: string, n: number, now = NOW) => {
    const ids: string[] = []
    for (let i = 0; i < n; i++) {
      const res = await call('booking', 'addVisitor', { name: '张三', idType: 'resident', idNumber: residentId(++serial, `19${String(50 + (serial % 40))}0312`) }, { openid, now })
      if (!res.ok) throw new Error(res.error.message)
      ids.push(res.data.visitor.id)
    }
    return ids
  }
  const book = (openid: string, sessionId: string, visitorIds: string[], now = NOW) =>
    call('booking', 'book', { sessionId, visitorIds, clientRequestId: `fair-${++serial}-xxxx` }, { openid, now })

  it('the swap-visitors loop gets at most the configured places of a session (was: all 300)', async () => {
    let places = 0
    const refusals = new Set<string>()
    for (let round = 0; round < 12; round++) {
      const ids = await addVisitors('o-scalper', 5)
      const res = await book('o-scalper', FRI_AM, ids)
      if (res.ok) places += ids.length
      else refusals.add(res.error.code)
      for (const id of ids) await call('booking', 'removeVisitor', { visitorId: id }, { openid: 'o-scalper', now: NOW })
      // The booked visitors stay saved: the 20-visitor list fills instead of being freed.
      if (!res.ok && res.error.code === 'VISITOR_LIMIT') break
    }
    expect(places).toBe(DEFAULT_BOOKING_CONFIG.fairUse.placesPerAccountPerDay)
    expect(refusals.has('ACCOUNT_DAY_LIMIT')).toBe(true)
  })

  it('refuses a second booking the same day with a Chinese reason; another day is fine; a cancel frees the day', async () => {
    const ids = await addVisitors('o-family', 2)
    const first = await book('o-family', FRI_AM, ids.slice(0, 1))
    expect(first.ok).toBe(true)
    const second = await book('o-family', '2026-11-27.pm', ids.slice(1))
    expect(second).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DAY_LIMIT', message: '同一账号每天只能有 1 个有效预约（11月27日已有预约）。如需更换参观人，请先取消原预约再重新预约' } })
    expect((await book('o-family', SAT_AM, ids.slice(1))).ok).toBe(true)
    if (!first.ok) throw new Error()
    expect((await call('booking', 'cancel', { bookingId: first.data.booking.id }, { openid: 'o-family', now: NOW })).ok).toBe(true)
    expect((await book('o-family', '2026-11-27.pm', ids.slice(1))).ok).toBe(true)
  })

  it('keeps a saved visitor who is in a live booking: it cannot be removed to make room', async () => {
    const ids = await addVisitors('o-keep', 2)
    const booked = await book('o-keep', FRI_AM, ids.slice(0, 1))
    expect(booked.ok).toBe(true)
    expect(await call('booking', 'removeVisitor', { visitorId: ids[0] }, { openid: 'o-keep', now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'VISITOR_IN_USE', message: '该参观人在有效预约中（11月27日），不能删除；参观结束或取消预约后可删除' },
    })
    expect((await call('booking', 'removeVisitor', { visitorId: ids[1] }, { openid: 'o-keep', now: NOW })).ok).toBe(true)
  })

  it('caps the distinct people one account books for within the window, and counts a person once', async () => {
    await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, fairUse: { ...DEFAULT_BOOKING_CONFIG.fairUse, distinctIds: { limit: 6, windowDays: 30 } } })
    const ids = await addVisitors('o-agent', 8)
    expect((await book('o-agent', FRI_AM, ids.slice(0, 5))).ok).toBe(true)
    // The same people again another day do not count twice.
    expect((await book('o-agent', SAT_AM, ids.slice(0, 5))).ok).toBe(true)
    expect((await book('o-agent', '2026-11-29.am', [ids[0], ids[5]])).ok).toBe(true)
    const over = await book('o-agent', '2026-12-01.am', [ids[6], ids[7]])
    expect(over).toMatchObject({ ok: false, error: { code: 'ACCOUNT_ID_LIMIT', message: '同一账号 30 天内最多为 6 位不同的参观人预约，请其他参观人用自己的微信预约' } })
    // The refusal gave back what it took: the places and the ID claims.
    const cal = await call('booking', 'calendar', {}, { openid: null, now: NOW })
    if (!cal.ok) throw new Error()
    const dec1 = cal.data.days.find((d) => d.date === '2026-12-01')!.sessions[0]
    expect(dec1.left).toBe(300)
    expect((await book('o-other', '2026-12-01.am', await addVisitors('o-other', 1))).ok).toBe(true)
  })
})
