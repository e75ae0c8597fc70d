// 改签 and 候补 through the real handlers on a real SQLite file: what a visitor sees and what the
// places, claims and messages become.
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig, type BookingConfig } from '../booking/config'
import { runNoShowJob } from '../booking/noshow'
import { runWaitlistJob } from '../booking/waitlist'
import { bj, caller, personName, residentId } from '../testing/booking'
import { tempSqliteStore } from '../testing/stores'
import type { Store } from '../store/port'

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let call: ReturnType<typeof caller>
let seq = 0

const NOW = bj('2026-11-26 10:00') // a Thursday
const AM = '2026-11-27.am'
const PM = '2026-11-27.pm'
const SAT_AM = '2026-11-28.am'
const CAPACITY = 5

async function configure(change: (c: BookingConfig) => BookingConfig = (c) => c) {
  await saveBookingConfig(env.store, change({ ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: CAPACITY })) }))
}

beforeEach(async () => {
  env = await tempSqliteStore()
  call = caller(env.store)
  await configure()
})
afterEach(() => env.cleanup())

async function visitors(openid: string, n: number, ids: string[] = []): Promise<string[]> {
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const serial = ++seq
    const res = await call('booking', 'addVisitor', { name: personName(serial), idType: 'resident', idNumber: ids[i] ?? residentId(serial) }, { openid, now: NOW })
    if (!res.ok) throw new Error(res.error.message)
    out.push(res.data.visitor.id)
  }
  return out
}

async function bookAs(openid: string, sessionId: string, visitorIds: string[], now = NOW) {
  const res = await call('booking', 'book', { sessionId, visitorIds, clientRequestId: `req-${++seq}-abcd` }, { openid, now })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.booking
}

const join = (openid: string, sessionId: string, visitorIds: string[], now = NOW, clientRequestId = `wl-${++seq}-abcd`) =>
  call('booking', 'joinWaitlist', { sessionId, visitorIds, clientRequestId }, { openid, now })

async function left(sessionId: string, now = NOW) {
  const res = await call('booking', 'calendar', {}, { openid: null, now })
  if (!res.ok) throw new Error(res.error.message)
  for (const d of res.data.days) for (const s of d.sessions) if (s.id === sessionId) return s.left
  throw new Error(`no session ${sessionId}`)
}

async function mine(openid: string, now = NOW) {
  const res = await call('booking', 'waitlist', {}, { openid, now })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.entries
}

const outbox = () => env.store.outbox.pending(100)

describe('改签 (reschedule)', () => {
  it('moves a confirmed booking to another session with the same id, visitors and ticket; the old places free, the new are taken', async () => {
    const family = await visitors('fam', 3)
    const booking = await bookAs('fam', AM, family)
    const res = await call('booking', 'reschedule', { bookingId: booking.id, sessionId: PM }, { openid: 'fam', now: NOW })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data.booking).toMatchObject({ id: booking.id, sessionId: PM, sessionName: '下午场', status: 'confirmed', ticketCode: booking.ticketCode, visitors: booking.visitors })
    expect(await left(AM)).toBe(CAPACITY)
    expect(await left(PM)).toBe(CAPACITY - 3)
    // The booking as 我的预约 and the gate see it.
    const got = await call('booking', 'get', { bookingId: booking.id }, { openid: 'fam', now: NOW })
    expect(got.ok && got.data.booking.sessionId).toBe(PM)
    // A cancel afterwards gives back the NEW session's places.
    await call('booking', 'cancel', { bookingId: booking.id }, { openid: 'fam', now: NOW })
    expect(await left(PM)).toBe(CAPACITY)
    expect(await left(AM)).toBe(CAPACITY)
  })

  it('to another day: the IDs are claimed there and freed on the old day; a full target refuses and changes nothing', async () => {
    const ids = [residentId(701), residentId(702)]
    const pair = await visitors('pair', 2, ids)
    const booking = await bookAs('pair', AM, pair)
    const moved = await call('booking', 'reschedule', { bookingId: booking.id, sessionId: SAT_AM }, { openid: 'pair', now: NOW })
    expect(moved.ok).toBe(true)
    // Friday is free again for these IDs: another account can book them there.
    const other = await visitors('other', 1, [ids[0]])
    await expect(bookAs('other', AM, other)).resolves.toMatchObject({ sessionId: AM })
    // Saturday is full for a move of 2 once 4 more are there.
    await bookAs('filler', SAT_AM, await visitors('filler', 3))
    const back = await bookAs('pair2', AM, await visitors('pair2', 2))
    const refused = await call('booking', 'reschedule', { bookingId: back.id, sessionId: SAT_AM }, { openid: 'pair2', now: NOW })
    expect(refused).toEqual({ ok: false, error: { code: 'SESSION_FULL', message: '该场次已约满，请选择其他场次' } })
    expect(await left(AM)).toBe(CAPACITY - 3)
    expect(await left(SAT_AM)).toBe(0)
  })

  it('refuses when a visitor already holds that day elsewhere, naming them masked; nothing is taken', async () => {
    const id = residentId(711)
    const me = await visitors('me', 1, [id])
    const booking = await bookAs('me', AM, me)
    const rival = await visitors('rival', 1, [id])
    await bookAs('rival', SAT_AM, rival)
    const res = await call('booking', 'reschedule', { bookingId: booking.id, sessionId: SAT_AM }, { openid: 'me', now: NOW })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('ID_ALREADY_BOOKED')
    expect(res.error.message).toContain('2102**********')
    expect(await left(SAT_AM)).toBe(CAPACITY - 1)
    expect(await left(AM)).toBe(CAPACITY - 1)
  })

  it('a cancel that read the booking before a 改签 moved it gives back the NEW session’s places (the old ones stay with their holders)', async () => {
    await bookAs('others', AM, await visitors('others', 3))
    const booking = await bookAs('me', AM, await visitors('me', 2))
    // The cancel's guarded transition runs just after the 改签 committed.
    let raced = false
    const racing: Store = {
      ...env.store,
      booking: {
        ...env.store.booking,
        async transition(...args) {
          if (!raced && args[2] === 'cancelled') {
            raced = true
            const moved = await call('booking', 'reschedule', { bookingId: booking.id, sessionId: PM }, { openid: 'me', now: NOW })
            expect(moved.ok).toBe(true)
          }
          return env.store.booking.transition(...args)
        },
      },
    }
    const cancelled = await caller(racing)('booking', 'cancel', { bookingId: booking.id }, { openid: 'me', now: NOW })
    expect(raced).toBe(true)
    expect(cancelled).toMatchObject({ ok: true, data: { booking: { status: 'cancelled', sessionId: PM } } })
    expect(await left(AM)).toBe(CAPACITY - 3)
    expect(await left(PM)).toBe(CAPACITY)
  })

  it('refuses the same session, after the deadline, a cancelled booking, and someone else’s booking', async () => {
    const booking = await bookAs('me', AM, await visitors('me', 1))
    expect(await call('booking', 'reschedule', { bookingId: booking.id, sessionId: AM }, { openid: 'me', now: NOW })).toMatchObject({ ok: false, error: { code: 'RESCHEDULE_SAME_SESSION' } })
    expect(await call('booking', 'reschedule', { bookingId: booking.id, sessionId: PM }, { openid: 'thief', now: NOW })).toMatchObject({ ok: false, error: { code: 'BOOKING_NOT_FOUND' } })
    const late = await call('booking', 'reschedule', { bookingId: booking.id, sessionId: PM }, { openid: 'me', now: bj('2026-11-27 09:00') })
    expect(late).toMatchObject({ ok: false, error: { code: 'RESCHEDULE_DEADLINE_PASSED', message: '已过改签截止时间（11月27日 09:00），无法改签' } })
    await call('booking', 'cancel', { bookingId: booking.id }, { openid: 'me', now: NOW })
    expect(await call('booking', 'reschedule', { bookingId: booking.id, sessionId: PM }, { openid: 'me', now: NOW })).toMatchObject({ ok: false, error: { code: 'NOT_RESCHEDULABLE', message: '该预约已取消，无法改签' } })
    expect(await call('booking', 'reschedule', { bookingId: 'AAAAAAAAAAAAAAAA', sessionId: '2026-11-30.am' }, { openid: 'me', now: NOW })).toMatchObject({ ok: false, error: { code: 'BOOKING_NOT_FOUND' } })
  })
})

describe('候补 (waitlist)', () => {
  it('a family of 3 waits for a full session; a cancel of 3 offers them the places with one message; accepting books the same 3 IDs', async () => {
    const crowd = await bookAs('crowd', AM, await visitors('crowd', 3))
    await bookAs('pair', AM, await visitors('pair', 2))
    const family = await visitors('fam', 3)
    // While places are free, the answer is to book.
    const early = await join('fam', PM, family)
    expect(early).toEqual({ ok: false, error: { code: 'WAITLIST_NOT_NEEDED', message: '该场次还有5个名额，可直接预约' } })
    const joined = await join('fam', AM, family)
    expect(joined.ok).toBe(true)
    if (!joined.ok) return
    expect(joined.data.entry).toMatchObject({ status: 'waiting', position: 1, placesAhead: 0, places: 3 })
    expect(await outbox()).toHaveLength(0)

    const later = new Date(NOW.getTime() + 60_000)
    await call('booking', 'cancel', { bookingId: crowd.id }, { openid: 'crowd', now: later })
    // The places went to the line at once, held for the family: none free for anyone else.
    expect(await left(AM, later)).toBe(0)
    const [offer] = await mine('fam', later)
    expect(offer).toMatchObject({ id: joined.data.entry.id, status: 'offered', offerExpiresText: '11月26日 10:31' })
    const messages = await outbox()
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ kind: 'waitlist-offer', touser: 'fam', page: `/booking/pages/waitlist/index?id=${offer.id}` })

    const accepted = await call('booking', 'acceptOffer', { entryId: offer.id }, { openid: 'fam', now: later })
    expect(accepted.ok).toBe(true)
    if (!accepted.ok) return
    expect(accepted.data.booking).toMatchObject({ sessionId: AM, status: 'confirmed' })
    expect(accepted.data.booking.visitors.map((v) => v.idMasked)).toEqual(joined.data.entry.visitors.map((v) => v.idMasked))
    expect(accepted.data.booking.ticketCode).toMatch(/^T/)
    // A retry answers the same booking; the entry says booked and points at it.
    const again = await call('booking', 'acceptOffer', { entryId: offer.id }, { openid: 'fam', now: later })
    expect(again.ok && again.data.booking.id).toBe(accepted.data.booking.id)
    expect((await mine('fam', later))[0]).toMatchObject({ status: 'booked', bookingId: accepted.data.booking.id })
    const bookings = await call('booking', 'mine', {}, { openid: 'fam', now: later })
    expect(bookings.ok && bookings.data.bookings.map((b) => b.id)).toEqual([accepted.data.booking.id])
    expect(await left(AM, later)).toBe(0)
    // Its IDs are claimed for the day: the family cannot book them again that day.
    expect(await call('booking', 'book', { sessionId: PM, visitorIds: family, clientRequestId: 'again-abcdef' }, { openid: 'fam', now: later })).toMatchObject({ ok: false })
  })

  it('the skip rule: a large entry keeps its place while smaller ones behind are served, at most K times, then it blocks', async () => {
    await configure((c) => ({ ...c, waitlist: { ...c.waitlist, maxSkips: 1 } }))
    const ones = []
    for (let i = 0; i < 5; i++) ones.push(await bookAs(`solo${i}`, AM, await visitors(`solo${i}`, 1)))
    // Joined a second apart: the line's order.
    const big = await join('big', AM, await visitors('big', 3), NOW)
    const small1 = await join('small1', AM, await visitors('small1', 1), new Date(NOW.getTime() + 1000))
    const small2 = await join('small2', AM, await visitors('small2', 1), new Date(NOW.getTime() + 2000))
    if (!big.ok || !small1.ok || !small2.ok) throw new Error('join failed')
    expect((await mine('small2'))[0]).toMatchObject({ position: 3, placesAhead: 4 })

    // One place frees: the family of 3 does not fit, the first small entry behind it is served (skip 1 of K=1).
    await call('booking', 'cancel', { bookingId: ones[0].id }, { openid: 'solo0', now: NOW })
    expect((await mine('small1'))[0].status).toBe('offered')
    // Another frees: now the big entry blocks, so small2 is not served, and the place waits for it.
    await call('booking', 'cancel', { bookingId: ones[1].id }, { openid: 'solo1', now: NOW })
    expect((await mine('small2'))[0]).toMatchObject({ status: 'waiting', position: 2, placesAhead: 3 })
    expect((await mine('big'))[0]).toMatchObject({ status: 'waiting', position: 1 })
    // Two more free: three in all, the big entry is offered them all.
    await call('booking', 'cancel', { bookingId: ones[2].id }, { openid: 'solo2', now: NOW })
    await call('booking', 'cancel', { bookingId: ones[3].id }, { openid: 'solo3', now: NOW })
    expect((await mine('big'))[0].status).toBe('offered')
    expect((await mine('small2'))[0]).toMatchObject({ status: 'waiting', position: 1, placesAhead: 0 })
  })

  it('when an entry blocking the line leaves, the places it was waiting for go to those behind it at once', async () => {
    await configure((c) => ({ ...c, waitlist: { ...c.waitlist, maxSkips: 1 } }))
    const ones = []
    for (let i = 0; i < 5; i++) ones.push(await bookAs(`solo${i}`, AM, await visitors(`solo${i}`, 1)))
    const big = await join('big', AM, await visitors('big', 3), NOW)
    await join('small1', AM, await visitors('small1', 1), new Date(NOW.getTime() + 1000))
    await join('small2', AM, await visitors('small2', 1), new Date(NOW.getTime() + 2000))
    if (!big.ok) throw new Error(big.error.message)
    await call('booking', 'cancel', { bookingId: ones[0].id }, { openid: 'solo0', now: NOW })
    await call('booking', 'cancel', { bookingId: ones[1].id }, { openid: 'solo1', now: NOW })
    expect((await mine('small2'))[0].status).toBe('waiting')
    await call('booking', 'leaveWaitlist', { entryId: big.data.entry.id }, { openid: 'big', now: NOW })
    expect((await mine('small2'))[0].status).toBe('offered')
  })

  it('an unclaimed offer expires after the claim window and passes to the next; accepting then is refused', async () => {
    const solo = await bookAs('solo', AM, await visitors('solo', 5))
    const first = await join('first', AM, await visitors('first', 2), NOW)
    const second = await join('second', AM, await visitors('second', 2), new Date(NOW.getTime() + 1000))
    if (!first.ok || !second.ok) throw new Error('join failed')
    await call('booking', 'cancel', { bookingId: solo.id }, { openid: 'solo', now: NOW })
    // 5 free: both fit, both are offered.
    expect((await mine('first'))[0].status).toBe('offered')
    expect((await mine('second'))[0].status).toBe('offered')
    const third = await join('third', AM, await visitors('third', 2), new Date(NOW.getTime() + 60_000))
    if (!third.ok) throw new Error(third.error.message)
    // 1 place left over: not enough for the third.
    expect(third.data.entry.status).toBe('waiting')
    await call('booking', 'acceptOffer', { entryId: second.data.entry.id }, { openid: 'second', now: NOW })

    const after = new Date(NOW.getTime() + 31 * 60_000)
    const report = await runWaitlistJob(env.store, after)
    expect(report).toMatchObject({ expiredOffers: 1, placesReturned: 2, offered: 1 })
    expect((await mine('first', after))[0]).toMatchObject({ status: 'expired', endReason: 'unclaimed' })
    expect((await mine('third', after))[0].status).toBe('offered')
    const late = await call('booking', 'acceptOffer', { entryId: first.data.entry.id }, { openid: 'first', now: after })
    expect(late).toMatchObject({ ok: false, error: { code: 'OFFER_EXPIRED', message: '候补名额已于11月26日 10:30过期，已顺延给后面的候补者' } })
    expect(await left(AM, after)).toBe(1)
  })

  it('no offer after the cutoff before the session; the sweep then ends the waiting entries', async () => {
    const solo = await bookAs('solo', AM, await visitors('solo', 5))
    const waiting = await join('fam', AM, await visitors('fam', 2))
    if (!waiting.ok) throw new Error(waiting.error.message)
    const pastCutoff = bj('2026-11-27 08:01') // 59 minutes before 09:00; the cutoff is 60
    await call('booking', 'cancel', { bookingId: solo.id }, { openid: 'solo', now: pastCutoff })
    expect((await mine('fam', pastCutoff))[0].status).toBe('waiting')
    expect(await left(AM, pastCutoff)).toBe(CAPACITY)
    const report = await runWaitlistJob(env.store, pastCutoff)
    expect(report).toMatchObject({ ended: 1, offered: 0 })
    expect((await mine('fam', pastCutoff))[0]).toMatchObject({ status: 'expired', endReason: 'cutoff' })
    expect(await join('late', AM, await visitors('late', 1), pastCutoff)).toMatchObject({ ok: false, error: { code: 'WAITLIST_CUTOFF' } })
  })

  it('leaving an offer passes its places on; a capacity raise reaches the line through the sweep', async () => {
    await bookAs('solo', AM, await visitors('solo', 5))
    const a = await join('a', AM, await visitors('a', 2))
    const b = await join('b', AM, await visitors('b', 2), new Date(NOW.getTime() + 1000))
    if (!a.ok || !b.ok) throw new Error('join failed')
    await configure((c) => ({ ...c, capacityOverrides: [{ date: '2026-11-27', key: 'am', capacity: 7 }] }))
    expect(await runWaitlistJob(env.store, NOW)).toMatchObject({ offered: 1 })
    expect((await mine('a'))[0].status).toBe('offered')
    const leave = await call('booking', 'leaveWaitlist', { entryId: a.data.entry.id }, { openid: 'a', now: NOW })
    expect(leave).toMatchObject({ ok: true, data: { entry: { status: 'left' } } })
    expect((await mine('b'))[0].status).toBe('offered')
    expect(await call('booking', 'leaveWaitlist', { entryId: a.data.entry.id }, { openid: 'a', now: NOW })).toMatchObject({ ok: false, error: { code: 'WAITLIST_NOT_LEAVABLE', message: '该候补已退出，无需退出' } })
    expect(await call('booking', 'acceptOffer', { entryId: b.data.entry.id }, { openid: 'a', now: NOW })).toMatchObject({ ok: false, error: { code: 'WAITLIST_NOT_FOUND' } })
  })

  it('a retried join answers the same entry; one line per session per account; at most 3 lines per account', async () => {
    for (const s of [AM, PM, SAT_AM, '2026-11-28.pm']) await bookAs(`full-${s}`, s, await visitors(`full-${s}`, 5))
    const mineIds = await visitors('me', 1)
    const first = await join('me', AM, mineIds, NOW, 'same-request-1')
    const retry = await join('me', AM, mineIds, NOW, 'same-request-1')
    expect(first.ok && retry.ok && retry.data.entry.id === first.data.entry.id).toBe(true)
    expect(await join('me', AM, mineIds)).toMatchObject({ ok: false, error: { code: 'WAITLIST_DUPLICATE' } })
    expect(await join('me', PM, mineIds)).toMatchObject({ ok: true })
    expect(await join('me', SAT_AM, mineIds)).toMatchObject({ ok: true })
    expect(await join('me', '2026-11-28.pm', mineIds)).toMatchObject({ ok: false, error: { code: 'WAITLIST_LIMIT', message: '同一账号最多同时候补3个场次，请先退出不再需要的候补' } })
    expect(await join('me', AM, ['AAAAAAAAAAAAAAAA'])).toMatchObject({ ok: false })
  })

  it('改签 frees the old session’s places to its line', async () => {
    const crowd = await bookAs('crowd', AM, await visitors('crowd', 5))
    const fam = await join('fam', AM, await visitors('fam', 2))
    if (!fam.ok) throw new Error(fam.error.message)
    await call('booking', 'reschedule', { bookingId: crowd.id, sessionId: PM }, { openid: 'crowd', now: NOW })
    expect((await mine('fam'))[0].status).toBe('offered')
    expect(await left(AM)).toBe(3)
  })
})

describe('the console’s 候补 section', () => {
  it('shows each session’s line in order with places, names, skips and offer expiry; visitors may not read it', async () => {
    const crowd = await bookAs('crowd', AM, await visitors('crowd', 5))
    await join('fam', AM, await visitors('fam', 3), NOW)
    await join('solo', AM, await visitors('solo', 1), new Date(NOW.getTime() + 1000))
    await call('booking', 'cancel', { bookingId: (await bookAs('x', PM, await visitors('x', 1))).id }, { openid: 'x', now: NOW })
    const res = await call('console', 'waitlist', { day: '2026-11-27' }, { openid: 'op', role: 'booking_operator', now: NOW })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const am = res.data.sessions.find((x) => x.sessionId === AM)!
    expect(am).toMatchObject({ name: '上午场', capacity: CAPACITY, booked: 5, waitingPlaces: 4 })
    expect(am.entries.map((e) => [e.position, e.status, e.places, e.skips])).toEqual([
      [1, 'waiting', 3, 0],
      [2, 'waiting', 1, 0],
    ])
    expect(res.data.sessions.find((x) => x.sessionId === PM)!.entries).toEqual([])
    await call('booking', 'cancel', { bookingId: crowd.id }, { openid: 'crowd', now: NOW })
    const after = await call('console', 'waitlist', { day: '2026-11-27' }, { openid: 'op', role: 'booking_operator', now: NOW })
    expect(after.ok && after.data.sessions[0].entries.map((e) => [e.status, e.offerExpiresAt])).toEqual([
      ['offered', '11月26日 10:30'],
      ['offered', '11月26日 10:30'],
    ])
    expect(await call('console', 'waitlist', { day: '2026-11-27' }, { openid: 'fam', now: NOW })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('console', 'waitlist', { day: '27.11.2026' }, { openid: 'op', role: 'booking_operator', now: NOW })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })
})

describe('the no-show count in 我的', () => {
  it('shows count/limit and the day it clears; a cancellation in time never counts', async () => {
    const booking = await bookAs('me', AM, await visitors('me', 1))
    const cancelled = await bookAs('me', SAT_AM, await visitors('me', 1))
    await call('booking', 'cancel', { bookingId: cancelled.id }, { openid: 'me', now: NOW })
    const before = await call('booking', 'noShowStanding', {}, { openid: 'me', now: NOW })
    expect(before).toEqual({ ok: true, data: { noShows: { count: 0, limit: 3, windowDays: 180, clearsOn: null } } })
    expect(booking.id).toBeTruthy()
    const after = bj('2026-11-28 18:00')
    await runNoShowJob(env.store, after)
    const after2 = await call('booking', 'noShowStanding', {}, { openid: 'me', now: after })
    // The Friday morning no-show (ended 12:00) leaves the 180-day window on 2027-05-26.
    expect(after2).toEqual({ ok: true, data: { noShows: { count: 1, limit: 3, windowDays: 180, clearsOn: '2027-05-26' } } })
  })
})
