// The opening checks 候补 and 改签 share with `book`, on both adapters: the per-network place cap
// (H5 address bucket) holds for an offer and a 改签 as for a booking; joining the line applies the
// children rules; an entry whose ID got booked elsewhere that day ends visibly instead of waiting.
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../booking/config'
import { bj, caller, personName, residentId, saveVisitors } from '../testing/booking'
import { contextFor } from '../testing/stores'
import type { Store } from '../store/port'
import { dispatch } from './dispatch'
import { functions } from '.'
import { BOTH_ADAPTERS } from '../testing/adapters'

let env: { store: Store; cleanup: () => Promise<void> }
let call: ReturnType<typeof caller>
let seq = 0


const NOW = bj('2026-11-26 10:00') // a Thursday
const AM = '2026-11-27.am'
const PM = '2026-11-27.pm'
const CAPACITY = 6

// One home network (H5): its bookings may hold at most 3 places in one session.
const NET = { bucket: '203.0.113.7', caps: { placesPerSession: 3, newIdsPerDay: 100 } }
const OTHER_NET = { bucket: '198.51.100.9', caps: { placesPerSession: 3, newIdsPerDay: 100 } }
type Net = typeof NET

type Answer = { ok: boolean; data?: any; error?: { code: string; message: string } }
const via = async (net: Net | null, openid: string, req: Record<string, unknown>, now = NOW): Promise<Answer> =>
  (await dispatch(functions.booking, req, { ...contextFor(env.store, { openid, now }), ...(net ? { origin: net } : {}) })) as Answer

const people = (openid: string, n: number) => saveVisitors(call, { openid, now: NOW }, n, () => ++seq)

async function bookVia(net: Net | null, openid: string, sessionId: string, visitorIds: string[]) {
  const res = await via(net, openid, { action: 'book', sessionId, visitorIds, clientRequestId: `req-${++seq}-abcd` })
  if (!res.ok) throw new Error(res.error!.message)
  return res.data.booking as { id: string }
}

/** Fills a session with two bookings of 3 (other accounts, no network); answers the first. */
async function fill(sessionId: string) {
  const [a, b] = [`fill-${++seq}`, `fill-${++seq}`]
  const first = await bookVia(null, a, sessionId, await people(a, 3))
  const second = await bookVia(null, b, sessionId, await people(b, 3))
  return { ...first, openid: a, second: { ...second, openid: b } }
}

// Each join a second after the one before, all in the minute before NOW: the line's order is the joining time.
const JOINS_FROM = NOW.getTime() - 60_000
let joinedAt = JOINS_FROM
const joinVia = (net: Net | null, openid: string, sessionId: string, visitorIds: string[]) =>
  via(net, openid, { action: 'joinWaitlist', sessionId, visitorIds, clientRequestId: `wl-${++seq}-abcd` }, new Date((joinedAt += 1000)))

async function entries(openid: string) {
  const res = await call('booking', 'waitlist', {}, { openid, now: NOW })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.entries
}

describe.each(BOTH_ADAPTERS)('候补 and 改签 under book’s opening checks — %s', (_name, open) => {
  beforeEach(async () => {
    joinedAt = JOINS_FROM
    env = await open()
    call = caller(env.store)
    await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: CAPACITY })) })
  })
  afterEach(() => env.cleanup())

  it('an offer is not made to an entry whose network already holds its place cap in the session; the next entry gets the places', async () => {
    await bookVia(NET, 'h5-a', AM, await people('h5-a', 2)) // the network holds 2 of its 3
    await bookVia(null, 'wx-g', AM, await people('wx-g', 1))
    const filler = await bookVia(null, 'wx-f', AM, await people('wx-f', 3)) // full
    const fromNet = await joinVia(NET, 'h5-b', AM, await people('h5-b', 2))
    expect(fromNet.ok).toBe(true)
    const elsewhere = await joinVia(OTHER_NET, 'h5-c', AM, await people('h5-c', 2))
    expect(elsewhere.ok).toBe(true)
    expect((await call('booking', 'cancel', { bookingId: filler.id }, { openid: 'wx-f', now: NOW })).ok).toBe(true)
    // 2 + 2 would be 4 from one network: that entry keeps its place; the other network's is offered.
    expect((await entries('h5-b')).map((e) => e.status)).toEqual(['waiting'])
    expect((await entries('h5-c')).map((e) => e.status)).toEqual(['offered'])
    const accepted = await via(OTHER_NET, 'h5-c', { action: 'acceptOffer', entryId: elsewhere.data.entry.id })
    expect(accepted.ok).toBe(true)
  })

  it('an offer held under the network cap gives the network’s places back when it passes unclaimed', async () => {
    const filler = await fill(AM)
    const joined = await joinVia(NET, 'h5-b', AM, await people('h5-b', 3))
    expect((await call('booking', 'cancel', { bookingId: filler.id }, { openid: filler.openid, now: NOW })).ok).toBe(true)
    expect((await entries('h5-b'))[0].status).toBe('offered')
    // Free places again (nobody else waits), yet none for this network while its offer holds 3.
    expect((await call('booking', 'cancel', { bookingId: filler.second.id }, { openid: filler.second.openid, now: NOW })).ok).toBe(true)
    // The network's 3 are held by the offer: nobody else on it may book this session now.
    const blocked = await via(NET, 'h5-d', { action: 'book', sessionId: AM, visitorIds: await people('h5-d', 1), clientRequestId: `req-${++seq}-abcd` })
    expect(blocked).toMatchObject({ ok: false, error: { code: 'ADDRESS_PLACES_LIMIT' } })
    expect((await via(NET, 'h5-b', { action: 'leaveWaitlist', entryId: joined.data.entry.id })).ok).toBe(true)
    // Left: the network's share is free again.
    expect((await via(NET, 'h5-d', { action: 'book', sessionId: AM, visitorIds: await people('h5-d', 3), clientRequestId: `req-${++seq}-abcd` })).ok).toBe(true)
  })

  it('改签 into a session where the network already holds its cap is refused and changes nothing', async () => {
    await bookVia(NET, 'h5-a', PM, await people('h5-a', 2))
    const moving = await bookVia(NET, 'h5-b', AM, await people('h5-b', 2))
    const res = await via(NET, 'h5-b', { action: 'reschedule', bookingId: moving.id, sessionId: PM })
    expect(res).toMatchObject({ ok: false, error: { code: 'ADDRESS_PLACES_LIMIT' } })
    const got = await call('booking', 'get', { bookingId: moving.id }, { openid: 'h5-b', now: NOW })
    expect(got.ok && got.data.booking.sessionId).toBe(AM)
  })

  it('改签 gives the network’s share of the old session back, so the network may book it again', async () => {
    const moving = await bookVia(NET, 'h5-b', AM, await people('h5-b', 3))
    expect((await via(NET, 'h5-b', { action: 'reschedule', bookingId: moving.id, sessionId: PM })).ok).toBe(true)
    expect((await via(NET, 'h5-c', { action: 'book', sessionId: AM, visitorIds: await people('h5-c', 3), clientRequestId: `req-${++seq}-abcd` })).ok).toBe(true)
    // …and holds the new session's share.
    expect(await via(NET, 'h5-d', { action: 'book', sessionId: PM, visitorIds: await people('h5-d', 1), clientRequestId: `req-${++seq}-abcd` })).toMatchObject({ ok: false, error: { code: 'ADDRESS_PLACES_LIMIT' } })
  })

  it('joining the line applies the children rules a booking applies', async () => {
    await fill(AM)
    const [dad] = await people('u1', 1)
    const kids: string[] = []
    for (const [name, birthDate] of [['张小宝', '2022-04-10'], ['张小贝', '2023-04-10'], ['张小乐', '2024-04-10'], ['张小欢', '2024-09-10']]) {
      const res = await call('booking', 'addChild', { name, birthDate, guardianVisitorId: dad }, { openid: 'u1', now: NOW })
      if (!res.ok) throw new Error(res.error.message)
      kids.push(res.data.visitor.id)
    }
    expect(await joinVia(null, 'u1', AM, [kids[0]])).toMatchObject({ ok: false, error: { code: 'CHILD_NEEDS_ADULT' } })
    expect(await joinVia(null, 'u1', AM, [dad, ...kids])).toMatchObject({ ok: false, error: { code: 'CHILDREN_PER_ADULT' } })
    expect(await entries('u1')).toEqual([])
    expect((await joinVia(null, 'u1', AM, [dad, kids[0]])).ok).toBe(true)
  })

  it('an entry whose visitor got booked elsewhere that day ends 已失效 with the reason, and the places go to the next', async () => {
    const filler = await fill(AM)
    const family = await people('fam', 2)
    const mumSerial = seq // the family's second visitor's number
    expect((await joinVia(null, 'fam', AM, family)).ok).toBe(true)
    const next = await joinVia(null, 'nxt', AM, await people('nxt', 2))
    // The mother is booked into the afternoon by another account (a relative's phone).
    const rel = await call('booking', 'addVisitor', { name: personName(mumSerial), idType: 'resident', idNumber: residentId(mumSerial) }, { openid: 'rel', now: NOW })
    if (!rel.ok) throw new Error(rel.error.message)
    await bookVia(null, 'rel', PM, [rel.data.visitor.id])
    expect((await call('booking', 'cancel', { bookingId: filler.id }, { openid: filler.openid, now: NOW })).ok).toBe(true)
    const [ended] = await entries('fam')
    expect(ended).toMatchObject({ status: 'expired', endReason: 'id_booked' })
    expect((await entries('nxt'))[0]).toMatchObject({ id: next.data.entry.id, status: 'offered' })
  })
})
