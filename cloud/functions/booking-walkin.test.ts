// Walk-in release through the real handlers and the real job, on both adapters: N minutes after a
// session starts, bookings not checked in are released — to the 候补 line or to the door — and a
// released booking's holder who arrives later is admitted while places allow, told otherwise.
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig, type BookingConfig } from '../booking/config'
import { runNoShowJob } from '../booking/noshow'
import { bj, caller, saveVisitors } from '../testing/booking'
import { tempSqliteStore } from '../testing/stores'
import type { Store } from '../store/port'
import { BOTH_ADAPTERS } from '../testing/adapters'

let env: { store: Store; cleanup: () => Promise<void> }
let call: ReturnType<typeof caller>
let seq = 0


const NOW = bj('2026-11-26 10:00') // Thursday: bookings and joins for Friday morning
const AM = '2026-11-27.am' // 09:00–12:00
const CAPACITY = 6

async function configure(walkIn: BookingConfig['walkIn']) {
  await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, walkIn, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: CAPACITY })) })
}

const people = (openid: string, n: number) => saveVisitors(call, { openid, now: NOW }, n, () => ++seq)

async function book(openid: string, n: number) {
  const res = await call('booking', 'book', { sessionId: AM, visitorIds: await people(openid, n), clientRequestId: `req-${++seq}-abcd` }, { openid, now: NOW })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.booking
}

const gate = (code: string, now: Date) => call('staff', 'checkIn', { code }, { openid: 'staff_1', role: 'staff', now })
const ticket = async (openid: string, bookingId: string, now: Date) => {
  const res = await call('booking', 'get', { bookingId }, { openid, now })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.booking
}
const placesLeft = async () => CAPACITY - ((await env.store.booking.placesBooked([AM]))[AM] ?? 0)
const mine = async (openid: string, now: Date) => {
  const res = await call('booking', 'waitlist', {}, { openid, now })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.entries
}
const todayAtGate = async (now: Date) => {
  const res = await call('staff', 'today', {}, { openid: 'staff_1', role: 'staff', now })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.sessions.find((s) => s.sessionId === AM)!
}

describe.each(BOTH_ADAPTERS)('walk-in release — %s', (_name, open) => {
  beforeEach(async () => {
    env = await open()
    call = caller(env.store)
  })
  afterEach(() => env.cleanup())

  it('to the line: 30 minutes after the start the absent booking is released and offered to the waiting family, held until the session ends at the latest; the late holder is told the places went', async () => {
    await configure({ releaseAfterMinutes: 30, to: 'waitlist' })
    const absent = await book('absent', 3)
    const present = await book('present', 3)
    const joined = await call('booking', 'joinWaitlist', { sessionId: AM, visitorIds: await people('fam', 3), clientRequestId: `wl-${++seq}-abcd` }, { openid: 'fam', now: NOW })
    expect(joined.ok).toBe(true)
    // Past the offer cutoff (08:00) the family still waits: the walk-in release is still ahead.
    await runNoShowJob(env.store, bj('2026-11-27 08:30'))
    expect(await mine('fam', bj('2026-11-27 08:30'))).toMatchObject([{ status: 'waiting' }])
    expect((await gate(present.ticketCode!, bj('2026-11-27 09:05'))).ok).toBe(true)
    // Before the release moment nothing moves.
    expect((await runNoShowJob(env.store, bj('2026-11-27 09:29'))).walkIn).toMatchObject({ released: 0 })
    const report = await runNoShowJob(env.store, bj('2026-11-27 09:31'))
    expect(report.walkIn).toMatchObject({ released: 1, places: 3, offered: 1 })
    expect(await ticket('absent', absent.id, bj('2026-11-27 09:31'))).toMatchObject({ status: 'released', ticketCode: absent.ticketCode })
    const [entry] = await mine('fam', bj('2026-11-27 09:31'))
    expect(entry).toMatchObject({ status: 'offered', offerExpiresAt: bj('2026-11-27 10:01').toISOString() })
    const accepted = await call('booking', 'acceptOffer', { entryId: entry.id }, { openid: 'fam', now: bj('2026-11-27 09:35') })
    expect(accepted).toMatchObject({ ok: true, data: { booking: { status: 'confirmed', sessionId: AM } } })
    expect(await placesLeft()).toBe(0)
    // The absent family arrives: the places went, the gate says so and nothing is over capacity.
    expect(await gate(absent.ticketCode!, bj('2026-11-27 09:40'))).toMatchObject({ ok: false, error: { code: 'TICKET_RELEASED', message: '该预约开场后未按时入场，名额已于09:30释放，当前场次已满，无法入馆' } })
    expect(await placesLeft()).toBe(0)
    // Never came: 未到场 at the session's end, counted like any no-show.
    const end = await runNoShowJob(env.store, bj('2026-11-27 12:01'))
    expect(end.walkIn.noShows).toBe(1)
    expect(await ticket('absent', absent.id, bj('2026-11-27 12:01'))).toMatchObject({ status: 'no_show' })
    expect(await env.store.booking.countNoShows('absent', '2026-01-01T00:00:00.000Z')).toBe(1)
  })

  it('a walk-in offer made near the end is held only until the session ends', async () => {
    await configure({ releaseAfterMinutes: 150, to: 'waitlist' })
    await book('absent', 3)
    await book('present', 3)
    await call('booking', 'joinWaitlist', { sessionId: AM, visitorIds: await people('fam', 2), clientRequestId: `wl-${++seq}-abcd` }, { openid: 'fam', now: NOW })
    await runNoShowJob(env.store, bj('2026-11-27 11:40'))
    expect(await mine('fam', bj('2026-11-27 11:40'))).toMatchObject([{ status: 'offered', offerExpiresAt: bj('2026-11-27 12:00').toISOString() }])
  })

  it('to the door: the gate sees the released places as walk-in places, and the late holder is still admitted while places allow', async () => {
    await configure({ releaseAfterMinutes: 20, to: 'onsite' })
    const absent = await book('absent', 2)
    const present = await book('present', 3)
    await call('booking', 'joinWaitlist', { sessionId: AM, visitorIds: await people('fam', 2), clientRequestId: `wl-${++seq}-abcd` }, { openid: 'fam', now: NOW })
    expect((await gate(present.ticketCode!, bj('2026-11-27 09:05'))).ok).toBe(true)
    expect((await todayAtGate(bj('2026-11-27 09:10'))).walkIn).toBeUndefined()
    expect((await runNoShowJob(env.store, bj('2026-11-27 09:21'))).walkIn).toMatchObject({ released: 1, places: 2, offered: 0 })
    // The line is not offered them: they are for the door (the line ended at its cutoff as always).
    expect(await mine('fam', bj('2026-11-27 09:22'))).toMatchObject([{ status: 'expired', endReason: 'cutoff' }])
    expect(await todayAtGate(bj('2026-11-27 09:22'))).toMatchObject({ walkIn: 3, booked: 3 })
    const admitted = await gate(absent.ticketCode!, bj('2026-11-27 09:50'))
    expect(admitted).toMatchObject({ ok: true, data: { result: { bookingId: absent.id } } })
    expect(await ticket('absent', absent.id, bj('2026-11-27 09:50'))).toMatchObject({ status: 'checked_in' })
    expect(await todayAtGate(bj('2026-11-27 09:51'))).toMatchObject({ walkIn: 1, booked: 5, checkedIn: 5 })
    // Once in, the ticket is used like any other.
    expect(await gate(absent.ticketCode!, bj('2026-11-27 09:52'))).toMatchObject({ ok: false, error: { code: 'TICKET_USED' } })
    expect((await runNoShowJob(env.store, bj('2026-11-27 12:01'))).walkIn.noShows).toBe(0)
  })

  it('a release racing a scan at the gate: exactly one wins, the places are counted once', async () => {
    await configure({ releaseAfterMinutes: 30, to: 'onsite' })
    const b = await book('late', 2)
    const at = bj('2026-11-27 09:31')
    const [scan, job] = await Promise.all([gate(b.ticketCode!, at), runNoShowJob(env.store, at)])
    expect(scan.ok).toBe(true)
    expect(job.walkIn.released).toBeLessThanOrEqual(1)
    expect(await ticket('late', b.id, at)).toMatchObject({ status: 'checked_in' })
    expect((await env.store.booking.placesBooked([AM]))[AM]).toBe(2)
  })

  it('is off by default: nothing is released', async () => {
    await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: CAPACITY })) })
    const b = await book('late', 2)
    expect((await runNoShowJob(env.store, bj('2026-11-27 11:00'))).walkIn.released).toBe(0)
    expect(await ticket('late', b.id, bj('2026-11-27 11:00'))).toMatchObject({ status: 'confirmed' })
  })
})

describe('the console’s 现场释放 setting', () => {
  beforeEach(async () => {
    env = await tempSqliteStore()
    call = caller(env.store)
  })
  afterEach(() => env.cleanup())
  const asOperator = { openid: 'op', role: 'admin' as const, now: NOW }

  it('shows and saves the setting; the next job run uses it; bad input is refused and changes nothing; visitors and staff may not', async () => {
    expect(await call('console', 'walkIn', {}, asOperator)).toEqual({ ok: true, data: { walkIn: { releaseAfterMinutes: 0, to: 'waitlist' } } })
    expect(await call('console', 'saveWalkIn', { releaseAfterMinutes: 241, to: 'onsite' }, asOperator)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await call('console', 'saveWalkIn', { releaseAfterMinutes: 15, to: 'door' } as never, asOperator)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await call('console', 'saveWalkIn', { releaseAfterMinutes: 15, to: 'onsite' }, { openid: 'v', role: 'visitor', now: NOW })).toMatchObject({ ok: false })
    expect(await call('console', 'saveWalkIn', { releaseAfterMinutes: 15, to: 'onsite' }, { openid: 's', role: 'staff', now: NOW })).toMatchObject({ ok: false })
    expect(await call('console', 'walkIn', {}, asOperator)).toMatchObject({ data: { walkIn: { releaseAfterMinutes: 0 } } })
    expect(await call('console', 'saveWalkIn', { releaseAfterMinutes: 15, to: 'onsite' }, asOperator)).toEqual({ ok: true, data: { walkIn: { releaseAfterMinutes: 15, to: 'onsite' } } })
    const b = await book('late', 2)
    expect((await runNoShowJob(env.store, bj('2026-11-27 09:16'))).walkIn).toMatchObject({ released: 1, places: 2 })
    expect(await ticket('late', b.id, bj('2026-11-27 09:16'))).toMatchObject({ status: 'released' })
  })
})
