// Bookings abandoned half-way (the call died between begin and confirm), on a real SQLite file.
// Only the cloud path can leave them (SQLite's own `book` is one transaction): it is the same
// composition of single steps (store/book-in-steps.ts), run here over the SQLite steps. The crash
// is simulated by running the store steps directly; a slow call by pausing the real handler at one
// step of that composition. The sweep runs inside the no-show job.
import { BookingErrors } from '../contracts/booking'
import { bookingIdFor } from './keys'
import { runNoShowJob } from './noshow'
import { sweepAbandonedBookings } from './sweep'
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from './config'
import { bj, caller, residentId } from '../testing/booking'
import { tempSqliteStore } from '../testing/stores'
import { bookInSteps } from '../store/book-in-steps'
import type { BookingRecord, BookingStore, Store } from '../store/port'

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let call: ReturnType<typeof caller>
let seq = 0

const NOW = bj('2026-11-26 10:00')
const LATER = bj('2026-11-26 10:02') // exactly the grace period (2 minutes): not yet abandoned
const PAST_GRACE = LATER.getTime() + 1_000 // one second past the grace period
const SESSION = '2026-11-27.am'
const CAPACITY = 4

beforeEach(async () => {
  env = await tempSqliteStore({ seed: false })
  await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: CAPACITY })) })
  call = caller(env.store)
})
afterEach(() => env.cleanup())

async function addVisitor(openid: string, name: string) {
  const res: any = await call('booking', 'addVisitor', { name, idType: 'resident', idNumber: residentId(++seq) }, { openid, now: NOW })
  if (!res.ok) throw new Error(res.error.message)
  return res.data.visitor.id as string
}

const book = (openid: string, visitorIds: string[], clientRequestId: string, now = NOW, store: Store = env.store) =>
  caller(store)('booking', 'book', { sessionId: SESSION, visitorIds, clientRequestId }, { openid, now }) as Promise<any>

const booked = async () => (await env.store.booking.placesBooked([SESSION]))[SESSION] ?? 0
// ID-per-day claims only (the account-per-day fair-use claims share the table; see booking/fairuse.ts).
const claims = () => (env.store as any).db.prepare("SELECT id, booking_id FROM booking_claims WHERE id NOT LIKE '%:acct:%' ORDER BY id").all() as { id: string; booking_id: string }[]

/** What the real `book` call would have written before dying: the pending record, then the steps up to `upTo`. */
async function crashMidBooking(openid: string, visitorIds: string[], requestId: string, upTo: { reserve: boolean; claims: number }) {
  const saved = await env.store.booking.getVisitors(openid, visitorIds)
  const id = bookingIdFor('test-secret', openid, requestId)
  const record: BookingRecord = {
    id,
    openid,
    clientRequestId: requestId,
    sessionId: SESSION,
    day: '2026-11-27',
    sessionStart: bj('2026-11-27 09:00').toISOString(),
    sessionEnd: bj('2026-11-27 12:00').toISOString(),
    places: saved.length,
    visitors: saved.map((v) => ({ visitorId: v.id, name: v.name, idType: v.idType, idHash: v.idHash, idMasked: v.idMasked })),
    status: 'pending',
    createdAt: NOW.toISOString(),
  }
  const b = env.store.booking
  expect(await b.beginBooking(record)).toEqual({ created: true })
  if (upTo.reserve) {
    expect(await b.reservePlaces(SESSION, CAPACITY, saved.length)).toBe(true)
    expect(await b.markPlacesHeld(id, true)).toBe(true)
  }
  for (const v of saved.slice(0, upTo.claims)) expect(await b.claimId('2026-11-27', v.idHash, id)).toBe(true)
  return id
}

/** The store with one booking step paused until `go()`: a slow booking call, stopped where we like. */
function pausedAt<K extends keyof BookingStore>(method: K, when: (...args: Parameters<BookingStore[K]>) => boolean = () => true) {
  let go!: () => void
  let arrived!: () => void
  const gate = new Promise<void>((r) => (go = r))
  const reached = new Promise<void>((r) => (arrived = r))
  let paused = false
  const real = env.store.booking
  const booking = {
    ...real,
    [method]: async (...args: any[]) => {
      if (!paused && (when as any)(...args)) {
        paused = true
        arrived()
        await gate
      }
      return (real[method] as any)(...args)
    },
  } as BookingStore
  // The cloud path's `book`: the steps composed, each through this wrapper.
  booking.book = (request) => bookInSteps(booking, request)
  return { store: { ...env.store, booking } as Store, reached, go }
}

describe('a booking call that died half-way', () => {
  it('after reserve and one of two claims: the sweep refuses it, gives back exactly its places and claims, and the same IDs can book again', async () => {
    const a = await addVisitor('u1', '张三')
    const c = await addVisitor('u1', '李四')
    expect((await book('u2', [await addVisitor('u2', '王五')], 'other-0001')).ok).toBe(true)
    const id = await crashMidBooking('u1', [a, c], 'crashed-0001', { reserve: true, claims: 1 })
    expect(await booked()).toBe(3)
    expect(claims().filter((x) => x.booking_id === id)).toHaveLength(1)

    // Within the grace period nothing moves; a retry is told it is still in progress.
    expect(await sweepAbandonedBookings(env.store, LATER)).toEqual({ settled: 0, placesReleased: 0, claimsReleased: 0 })
    expect((await book('u1', [a, c], 'crashed-0001', LATER)).error.code).toBe('IN_PROGRESS')
    expect(await booked()).toBe(3)

    const report = await runNoShowJob(env.store, new Date(PAST_GRACE))
    expect(report.swept).toEqual({ settled: 1, placesReleased: 2, claimsReleased: 2 })
    expect(await booked()).toBe(1) // exactly the other visitor's place
    expect(claims().map((x) => x.booking_id)).not.toContain(id)
    expect(claims()).toHaveLength(1)
    expect(await env.store.booking.getBooking(id)).toMatchObject({ status: 'refused', refusal: { code: 'BOOKING_UNFINISHED' }, sweptAt: new Date(PAST_GRACE).toISOString() })
    // A second run finds nothing more: places are given back once.
    expect((await sweepAbandonedBookings(env.store, new Date(PAST_GRACE + 60_000))).settled).toBe(0)
    expect(await booked()).toBe(1)

    // The retry of the same request gets a clear answer, and stays refused (nothing booked by it).
    const retry = await book('u1', [a, c], 'crashed-0001', new Date(PAST_GRACE))
    expect(retry).toMatchObject({ ok: false, error: { code: 'BOOKING_UNFINISHED', message: BookingErrors.BOOKING_UNFINISHED } })
    expect(retry.error.message).toContain('请重新提交')
    expect(await booked()).toBe(1)
    // A new attempt books the same IDs, and the session fills to exactly its capacity.
    const again = await book('u1', [a, c], 'fresh-0001', new Date(PAST_GRACE))
    expect(again.ok).toBe(true)
    expect(await booked()).toBe(3)
    expect((await book('u3', [await addVisitor('u3', '赵六')], 'fill-0001', new Date(PAST_GRACE))).ok).toBe(true)
    expect((await book('u4', [await addVisitor('u4', '钱七')], 'full-0001', new Date(PAST_GRACE))).error.code).toBe('SESSION_FULL')
    expect(await booked()).toBe(CAPACITY)
  })

  it('before reserve: the sweep settles the record but gives back no places it never took', async () => {
    const a = await addVisitor('u1', '张三')
    expect((await book('u2', [await addVisitor('u2', '王五')], 'other-0001')).ok).toBe(true)
    await crashMidBooking('u1', [a], 'crashed-0002', { reserve: false, claims: 0 })
    const report = await sweepAbandonedBookings(env.store, new Date(PAST_GRACE))
    expect(report).toEqual({ settled: 1, placesReleased: 0, claimsReleased: 1 })
    expect(await booked()).toBe(1)
    expect(claims()).toHaveLength(1)
  })

  it('a call that is only slow (younger than the grace period) is left alone and confirms', async () => {
    const a = await addVisitor('u1', '张三')
    const slow = pausedAt('claimId')
    const pending = book('u1', [a], 'slow-0001', NOW, slow.store)
    await slow.reached
    expect(await sweepAbandonedBookings(env.store, LATER)).toEqual({ settled: 0, placesReleased: 0, claimsReleased: 0 })
    slow.go()
    expect((await pending).ok).toBe(true)
    expect(await booked()).toBe(1)
    expect(claims()).toHaveLength(1)
  })
})

describe('a sweep racing a late call: exactly one outcome', () => {
  const sweepNow = () => sweepAbandonedBookings(env.store, new Date(PAST_GRACE))

  it('sweep first, call paused before its confirm: the call loses whole — refused, places and claims back once', async () => {
    const a = await addVisitor('u1', '张三')
    const c = await addVisitor('u1', '李四')
    const slow = pausedAt('transition', (_id, from, to) => from === 'pending' && to === 'confirmed')
    const pending = book('u1', [a, c], 'late-0001', NOW, slow.store)
    await slow.reached
    expect(await booked()).toBe(2)
    expect(await sweepNow()).toEqual({ settled: 1, placesReleased: 2, claimsReleased: 2 })
    slow.go()
    const res = await pending
    expect(res).toMatchObject({ ok: false, error: { code: 'BOOKING_UNFINISHED' } })
    expect(await booked()).toBe(0)
    expect(claims()).toEqual([])
    expect((await book('u1', [a, c], 'late-0002', new Date(PAST_GRACE))).ok).toBe(true)
    expect(await booked()).toBe(2)
  })

  it('confirm first, sweep after: the booking stands and the sweep takes nothing', async () => {
    const a = await addVisitor('u1', '张三')
    const slow = pausedAt('transition', (_id, from, to) => from === 'pending' && to === 'confirmed')
    const pending = book('u1', [a], 'late-0003', NOW, slow.store)
    await slow.reached
    slow.go()
    expect((await pending).ok).toBe(true)
    expect(await sweepNow()).toEqual({ settled: 0, placesReleased: 0, claimsReleased: 0 })
    expect(await booked()).toBe(1)
    expect(claims()).toHaveLength(1)
    expect((await book('u1', [a], 'late-0003', new Date(PAST_GRACE))).ok).toBe(true) // the retry still gets its booking
  })

  it('sweep between the reserve and its record: the call gives back the places the sweep could not know about', async () => {
    const a = await addVisitor('u1', '张三')
    const slow = pausedAt('markPlacesHeld', (_id, held) => held === true)
    const pending = book('u1', [a], 'late-0004', NOW, slow.store)
    await slow.reached
    expect(await booked()).toBe(1)
    expect(await sweepNow()).toEqual({ settled: 1, placesReleased: 0, claimsReleased: 1 })
    slow.go()
    expect((await pending).error.code).toBe('BOOKING_UNFINISHED')
    expect(await booked()).toBe(0)
    expect(claims()).toEqual([])
  })

  it('call claiming after the sweep released the claims: the call gives back its late claims, places once', async () => {
    const a = await addVisitor('u1', '张三')
    const c = await addVisitor('u1', '李四')
    let n = 0
    const slow = pausedAt('claimId', () => ++n === 3) // paused before the second ID claim (the first claim is the account's day)
    const pending = book('u1', [a, c], 'late-0005', NOW, slow.store)
    await slow.reached
    expect(claims()).toHaveLength(1)
    expect(await sweepNow()).toEqual({ settled: 1, placesReleased: 2, claimsReleased: 2 })
    expect(claims()).toEqual([])
    slow.go() // claims the second ID after the sweep, then its confirm loses
    expect((await pending).error.code).toBe('BOOKING_UNFINISHED')
    expect(await booked()).toBe(0)
    expect(claims()).toEqual([])
  })

  it('a refused request decided afresh restarts its pending clock: an old record reopened just now is not swept', async () => {
    // The same person saved by two accounts: u2 books them first, so u1's request is refused at the claim (a stored refusal).
    const idNumber = residentId(++seq)
    const mine: any = await call('booking', 'addVisitor', { name: '张三', idType: 'resident', idNumber }, { openid: 'u1', now: NOW })
    const theirs: any = await call('booking', 'addVisitor', { name: '张三', idType: 'resident', idNumber }, { openid: 'u2', now: NOW })
    const first = await book('u2', [theirs.data.visitor.id], 'first-0001')
    expect(first.ok).toBe(true)
    expect((await book('u1', [mine.data.visitor.id], 'again-0001')).error.code).toBe('ID_ALREADY_BOOKED')
    const id = bookingIdFor('test-secret', 'u1', 'again-0001')
    expect(await env.store.booking.getBooking(id)).toMatchObject({ status: 'refused', createdAt: NOW.toISOString() })
    expect((await call('booking', 'cancel', { bookingId: first.data.booking.id }, { openid: 'u2', now: NOW })).ok).toBe(true)
    // An hour later the same request is sent again (decided afresh) and paused before its confirm;
    // a sweep a minute later leaves it alone although the record was created an hour ago.
    const hourLater = new Date(NOW.getTime() + 3_600_000)
    const slow = pausedAt('transition', (_id, from, to) => from === 'pending' && to === 'confirmed')
    const pending = book('u1', [mine.data.visitor.id], 'again-0001', hourLater, slow.store)
    await slow.reached
    expect((await sweepAbandonedBookings(env.store, new Date(hourLater.getTime() + 60_000))).settled).toBe(0)
    slow.go()
    expect((await pending).ok).toBe(true)
    expect(await booked()).toBe(1)
    expect(claims().map((c) => c.booking_id)).toEqual([id])
  })
})

describe('claims left behind heal', () => {
  it('a sweep cut off after settling (before giving back) leaves a claim; the next booking of that ID takes it over', async () => {
    const a = await addVisitor('u1', '张三')
    const id = await crashMidBooking('u1', [a], 'crashed-0003', { reserve: false, claims: 1 })
    // The sweep's first step only, as if the timer function died right after it.
    const settled = await env.store.booking.expirePending(id, new Date(PAST_GRACE - 120_000).toISOString(), { at: new Date(PAST_GRACE).toISOString(), refusal: { code: 'BOOKING_UNFINISHED', message: BookingErrors.BOOKING_UNFINISHED } })
    expect(settled?.sweptAt).toBeDefined()
    expect(claims().map((c) => c.booking_id)).toEqual([id])
    const again = await book('u1', [a], 'fresh-0003', new Date(PAST_GRACE))
    expect(again.ok).toBe(true)
    expect(claims().map((c) => c.booking_id)).toEqual([again.data.booking.id])
  })

  it('a late call that claimed after the sweep and then died leaves a claim; the next booking takes it over, one per ID per day still', async () => {
    const idNumber = residentId(++seq)
    const a = await addVisitor('u1', '张三')
    const c: any = await call('booking', 'addVisitor', { name: '李四', idType: 'resident', idNumber }, { openid: 'u1', now: NOW })
    let n = 0
    const slow = pausedAt('claimId', () => ++n === 2)
    void book('u1', [a, c.data.visitor.id], 'late-0006', NOW, slow.store) // never resumed: the call is dead after this
    await slow.reached
    expect((await sweepAbandonedBookings(env.store, new Date(PAST_GRACE))).settled).toBe(1)
    // What the dead call did after the sweep: its second claim, then nothing (no confirm, no give-back).
    const dead = bookingIdFor('test-secret', 'u1', 'late-0006')
    const [saved] = await env.store.booking.getVisitors('u1', [c.data.visitor.id])
    expect(await env.store.booking.claimId('2026-11-27', saved.idHash, dead)).toBe(true)
    expect(claims().map((x) => x.booking_id)).toEqual([dead])

    const again = await book('u1', [c.data.visitor.id], 'fresh-0006', new Date(PAST_GRACE))
    expect(again.ok).toBe(true)
    expect(claims().map((x) => x.booking_id)).toEqual([again.data.booking.id])
    // Still one booking per ID per day: the same person saved by another account is refused.
    const other: any = await call('booking', 'addVisitor', { name: '李四', idType: 'resident', idNumber }, { openid: 'u2', now: NOW })
    expect((await book('u2', [other.data.visitor.id], 'other-0006', new Date(PAST_GRACE))).error.code).toBe('ID_ALREADY_BOOKED')
  })
})

describe('the sweep', () => {
  it('works in batches, and past its time budget starts no new record (the rest waits for the next run, none half done)', async () => {
    const ids: string[] = []
    // Five dead calls: four took a place (the session is full), the fifth died before its reserve.
    for (let i = 0; i < 5; i++) ids.push(await crashMidBooking(`u${i}`, [await addVisitor(`u${i}`, '张三')], `crashed-b${i}`, { reserve: i < 4, claims: 1 }))
    expect(await booked()).toBe(4)
    // Out of budget before the first record: nothing settled, nothing given back.
    expect(await sweepAbandonedBookings(env.store, new Date(PAST_GRACE), { budgetMs: 0 })).toEqual({ settled: 0, placesReleased: 0, claimsReleased: 0 })
    expect(await booked()).toBe(4)
    // Batches of 2: every record settled once.
    expect(await sweepAbandonedBookings(env.store, new Date(PAST_GRACE), { batch: 2 })).toEqual({ settled: 5, placesReleased: 4, claimsReleased: 5 })
    expect(await booked()).toBe(0)
    expect(claims()).toEqual([])
    for (const id of ids) expect((await env.store.booking.getBooking(id))!.status).toBe('refused')
  })
})
