// The local runtime's start-up recount (recover-places.ts, store/sqlite/recount.ts) on real SQLite
// files: it is the identity on any store the handlers leave behind, and it gives back the places
// of a cancel killed between its status change and its release — to the session's 候补 line.
import fc from 'fast-check'
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig, type BookingConfig } from '../booking/config'
import { runNoShowJob } from '../booking/noshow'
import { runWaitlistJob } from '../booking/waitlist'
import { openSqliteStore } from '../store/sqlite'
import { recountPlaces } from '../store/sqlite/recount'
import { bj, bookPeople, caller, residentId } from '../testing/booking'
import { groupSubmit, schoolRoster } from '../testing/roster'
import { tempSqliteStore } from '../testing/stores'
import { recoverPlacesOnStart } from './recover-places'

const NOW = bj('2026-11-26 10:00')
const MINUTE = 60_000
const SESSIONS = ['2026-11-27.am', '2026-11-27.pm', '2026-11-28.am']
const CAPACITY = 4
const USERS = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5']
const operator = { openid: 'o-op', role: 'booking_operator' as const, account: 'op1' }
const CONFIG: BookingConfig = {
  ...DEFAULT_BOOKING_CONFIG,
  sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: CAPACITY })),
  waitlist: { claimMinutes: 30, offerCutoffMinutes: 60, maxSkips: 1, entriesPerAccount: 3 },
  groups: { ...DEFAULT_BOOKING_CONFIG.groups, quotaPerSession: 25 },
}

const quietLog = () => ({ warn: jest.fn(), error: jest.fn() })

type Op =
  | { kind: 'book' | 'join'; user: number; session: number; visitors: number[] }
  | { kind: 'cancel' | 'accept' | 'leave' | 'release' | 'groupCancel' | 'groupReject' | 'groupApprove'; pick: number }
  | { kind: 'reschedule'; pick: number; session: number }
  | { kind: 'hold'; session: number; places: number }
  | { kind: 'group'; session: number; students: number }
  | { kind: 'fill'; session: number }
  | { kind: 'expire' }

const people = fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 })
const session = fc.nat(SESSIONS.length - 1)
const pick = fc.nat()
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('book' as const), user: fc.nat(USERS.length - 1), session, visitors: people }) },
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('join' as const), user: fc.nat(USERS.length - 1), session, visitors: people }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('reschedule' as const), pick, session }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('accept' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('leave' as const), pick }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('hold' as const), session, places: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('release' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('group' as const), session, students: fc.integer({ min: 9, max: 14 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('groupCancel' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('groupReject' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('groupApprove' as const), pick }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('fill' as const), session }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'expire' as const }) },
)

describe('the start-up recount', () => {
  test('changes nothing after random book / cancel / 改签 / join / accept / leave / expire / hold / release / group operations', async () => {
    const seen = { booked: 0, cancelled: 0, moved: 0, offered: 0, accepted: 0, expired: 0, holds: 0, released: 0, groups: 0, groupsEnded: 0 }
    const exercised = () => Object.values(seen).every((count) => count > 0)
    // A batch of 40 random programs now and then misses the rarest path (an offer left to expire:
    // a line, then a cancel, then half an hour with nobody accepting), so new programs are drawn
    // until every path below ran, at most five batches.
    for (let batch = 0; batch < 5 && (batch === 0 || !exercised()); batch++) {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 30 }), async (ops) => {
          const env = await tempSqliteStore({ seed: false })
          try {
            await saveBookingConfig(env.store, CONFIG)
            const call = caller(env.store)
            let now = NOW
            let serial = 0
            const saved: string[][] = []
            for (const user of USERS) {
              const ids: string[] = []
              for (let k = 0; k < 3; k++) {
                const res = await call('booking', 'addVisitor', { name: ['张三', '李四', '王五'][k], idType: 'resident', idNumber: residentId(++serial) }, { openid: user, now })
                if (res.ok) ids.push(res.data.visitor.id)
              }
              saved.push(ids)
            }
            const bookings: Array<{ openid: string; id: string }> = []
            const entries: Array<{ openid: string; id: string }> = []
            const holds: string[] = []
            const groups: string[] = []
            for (const op of ops) {
              const who = { now }
              if (op.kind === 'book') {
                const res = await call('booking', 'book', { sessionId: SESSIONS[op.session], visitorIds: op.visitors.map((i) => saved[op.user][i]), clientRequestId: `rq-${++serial}-abcdef` }, { openid: USERS[op.user], now })
                if (res.ok) {
                  bookings.push({ openid: USERS[op.user], id: res.data.booking.id })
                  seen.booked++
                }
              }
              if (op.kind === 'fill' || op.kind === 'join') {
                // Others take what is left, one place each, so lines form.
                for (let k = 0; k < CAPACITY; k++) {
                  const f = `filler${++serial}`
                  const v = await call('booking', 'addVisitor', { name: '赵六', idType: 'resident', idNumber: residentId(++serial) }, { openid: f, now })
                  if (!v.ok) break
                  const res = await call('booking', 'book', { sessionId: SESSIONS[op.session], visitorIds: [v.data.visitor.id], clientRequestId: `rq-${++serial}-abcdef` }, { openid: f, now })
                  if (!res.ok) break
                  bookings.push({ openid: f, id: res.data.booking.id })
                }
              }
              if (op.kind === 'join') {
                const res = await call('booking', 'joinWaitlist', { sessionId: SESSIONS[op.session], visitorIds: op.visitors.map((i) => saved[op.user][i]), clientRequestId: `wl-${++serial}-abcdef` }, { openid: USERS[op.user], now })
                if (res.ok) entries.push({ openid: USERS[op.user], id: res.data.entry.id })
              } else if (op.kind === 'cancel' && bookings.length > 0) {
                const t = bookings[op.pick % bookings.length]
                if ((await call('booking', 'cancel', { bookingId: t.id }, { openid: t.openid, now })).ok) seen.cancelled++
              } else if (op.kind === 'reschedule' && bookings.length > 0) {
                const t = bookings[op.pick % bookings.length]
                if ((await call('booking', 'reschedule', { bookingId: t.id, sessionId: SESSIONS[op.session] }, { openid: t.openid, now })).ok) seen.moved++
              } else if (op.kind === 'accept' && entries.length > 0) {
                const e = entries[op.pick % entries.length]
                const res = await call('booking', 'acceptOffer', { entryId: e.id }, { openid: e.openid, now })
                if (res.ok) {
                  seen.accepted++
                  if (!bookings.some((x) => x.id === res.data.booking.id)) bookings.push({ openid: e.openid, id: res.data.booking.id })
                }
              } else if (op.kind === 'leave' && entries.length > 0) {
                const e = entries[op.pick % entries.length]
                await call('booking', 'leaveWaitlist', { entryId: e.id }, { openid: e.openid, now })
              } else if (op.kind === 'hold') {
                const res = await call('console', 'holdPlaces', { sessionId: SESSIONS[op.session], places: op.places, name: '团体' }, { ...operator, ...who })
                if (res.ok) {
                  holds.push(res.data.hold.id)
                  seen.holds++
                }
              } else if (op.kind === 'release' && holds.length > 0) {
                if ((await call('console', 'releaseHold', { holdId: holds[op.pick % holds.length] }, { ...operator, ...who })).ok) seen.released++
              } else if (op.kind === 'group') {
                const res = await call('groups', 'submit', await groupSubmit(SESSIONS[op.session], schoolRoster(op.students, 1, 1 + groups.length * 20), `grp-${++serial}-abcdef`), { openid: 'o-leader', now })
                if (res.ok) {
                  groups.push(res.data.request.id)
                  seen.groups++
                }
              } else if ((op.kind === 'groupCancel' || op.kind === 'groupReject' || op.kind === 'groupApprove') && groups.length > 0) {
                const requestId = groups[op.pick % groups.length]
                const res =
                  op.kind === 'groupCancel'
                    ? await call('groups', 'cancel', { requestId }, { openid: 'o-leader', now })
                    : op.kind === 'groupReject'
                      ? await call('console', 'rejectGroup', { requestId, reason: '当天有大型活动' }, { ...operator, ...who })
                      : await call('console', 'approveGroup', { requestId }, { ...operator, ...who })
                if (res.ok && op.kind !== 'groupApprove') seen.groupsEnded++
              } else if (op.kind === 'expire') {
                now = new Date(now.getTime() + 31 * MINUTE)
                seen.expired += (await runWaitlistJob(env.store, now)).expiredOffers
              }
              now = new Date(now.getTime() + MINUTE)
            }
            for (const user of USERS) seen.offered += (await env.store.booking.myWaitlist(user, 100)).filter((e) => e.offeredAt).length
            const before = { booked: await env.store.booking.placesBooked(SESSIONS), taken: await env.store.groups.placesTaken(SESSIONS) }
            const report = recountPlaces(env.store.db, '2026-11-26', () => true)
            expect(report).toEqual({ recovered: [], below: [], groupRecovered: [], groupBelow: [] })
            expect({ booked: await env.store.booking.placesBooked(SESSIONS), taken: await env.store.groups.placesTaken(SESSIONS) }).toEqual(before)
          } finally {
            await env.cleanup()
          }
        }),
        { numRuns: 40, endOnFailure: true },
      )
    }
    if (process.env.PROPERTY_TALLY) console.log(seen)
    // Not vacuous: every path that takes or gives places ran.
    for (const [path, count] of Object.entries(seen)) expect({ path, ran: count > 0 }).toEqual({ path, ran: true })
  }, 480_000)
})

describe('restarting after a cancel killed between its status change and its release', () => {
  const S = SESSIONS[0]
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let call: ReturnType<typeof caller>
  let serial = 100
  const next = () => ++serial
  beforeEach(async () => {
    env = await tempSqliteStore({ seed: false })
    await saveBookingConfig(env.store, CONFIG)
    call = caller(env.store)
  })
  afterEach(() => env.cleanup())

  /** A full session (two families of 2) and a family of 2 waiting in its line. */
  async function fullWithALine() {
    const a = await bookPeople(call, { openid: 'o-a', now: NOW }, S, 2, next)
    await bookPeople(call, { openid: 'o-b', now: NOW }, S, 2, next)
    const visitorIds: string[] = []
    for (let i = 0; i < 2; i++) {
      const v = await call('booking', 'addVisitor', { name: ['孙七', '周八'][i], idType: 'resident', idNumber: residentId(next()) }, { openid: 'o-c', now: NOW })
      if (!v.ok) throw new Error(v.error.message)
      visitorIds.push(v.data.visitor.id)
    }
    const joined = await call('booking', 'joinWaitlist', { sessionId: S, visitorIds, clientRequestId: `wl-${next()}-abcdef` }, { openid: 'o-c', now: NOW })
    if (!joined.ok) throw new Error(joined.error.message)
    return { a, entryId: joined.data.entry.id }
  }
  /** The kill: the cancel's guarded status change committed (the handler's first step), its release never ran. */
  const cutCancel = async (bookingId: string, openid: string) => expect(await env.store.booking.transition(bookingId, 'confirmed', 'cancelled', { at: NOW.toISOString() }, openid)).toBe(true)

  test('the places are back and the waiting family is offered them', async () => {
    const { a, entryId } = await fullWithALine()
    await cutCancel(a, 'o-a')
    const later = new Date(NOW.getTime() + 5 * MINUTE)
    // Lost while the process lives: the counter says full, so no pass offers them.
    await runWaitlistJob(env.store, later)
    expect((await env.store.booking.getWaitlistEntry(entryId))!.status).toBe('waiting')
    expect((await env.store.booking.placesBooked([S]))[S]).toBe(4)
    await env.store.close()

    const reopened = openSqliteStore(env.file)
    try {
      const log = quietLog()
      const report = await recoverPlacesOnStart(reopened, later, log)
      expect(report).toEqual({ recovered: [{ sessionId: S, counter: 4, records: 2 }], below: [], groupRecovered: [], groupBelow: [], offered: 1 })
      expect(log.warn).toHaveBeenCalledWith({ sessionId: S, counter: 4, records: 2, places: 2 }, expect.stringContaining('已归还'))
      expect(log.error).not.toHaveBeenCalled()
      expect(await reopened.booking.getWaitlistEntry(entryId)).toMatchObject({ status: 'offered', held: true })
      // The counter: the other family's 2 and the offer's 2.
      expect((await reopened.booking.placesBooked([S]))[S]).toBe(4)
      const accepted = await caller(reopened)('booking', 'acceptOffer', { entryId }, { openid: 'o-c', now: later })
      expect(accepted).toMatchObject({ ok: true, data: { booking: { sessionId: S, status: 'confirmed' } } })
      expect((await reopened.booking.placesBooked([S]))[S]).toBe(4)
      // A second start finds nothing to do.
      expect(await recoverPlacesOnStart(reopened, later, quietLog())).toMatchObject({ recovered: [], below: [], offered: 0 })
    } finally {
      await reopened.close()
    }
  })

  test('a group request cancelled without its release gets its group quota back', async () => {
    const res = await call('groups', 'submit', await groupSubmit(S, schoolRoster(11, 1), `grp-${next()}-abcdef`), { openid: 'o-leader', now: NOW })
    if (!res.ok) throw new Error(res.error.message)
    expect(await env.store.groups.transition(res.data.request.id, 'pending', 'cancelled', { at: NOW.toISOString() }, 'o-leader')).toMatchObject({ status: 'cancelled' })
    await env.store.close()
    const reopened = openSqliteStore(env.file)
    try {
      const log = quietLog()
      expect(await recoverPlacesOnStart(reopened, NOW, log)).toMatchObject({ recovered: [], groupRecovered: [{ sessionId: S, counter: 12, records: 0 }], groupBelow: [] })
      expect(await reopened.groups.placesTaken([S])).toEqual({ [S]: 0 })
      expect(log.warn).toHaveBeenCalledTimes(1)
    } finally {
      await reopened.close()
    }
  })

  test('a counter below its records (an overbooking signal) is reported loudly and left as it is', async () => {
    await bookPeople(call, { openid: 'o-a', now: NOW }, S, 2, next)
    await env.store.booking.releasePlaces(S, 1)
    const log = quietLog()
    expect(await recoverPlacesOnStart(env.store, NOW, log)).toMatchObject({ recovered: [], below: [{ sessionId: S, counter: 1, records: 2 }], offered: 0 })
    expect(log.error).toHaveBeenCalledWith({ sessionId: S, counter: 1, records: 2, places: 1 }, expect.stringContaining('可能超约'))
    expect((await env.store.booking.placesBooked([S]))[S]).toBe(1)
  })

  test('a session already over is left alone', async () => {
    const { a } = await fullWithALine()
    await cutCancel(a, 'o-a')
    const evening = bj('2026-11-27 18:00')
    expect(await recoverPlacesOnStart(env.store, evening, quietLog())).toMatchObject({ recovered: [], below: [] })
    expect((await env.store.booking.placesBooked([S]))[S]).toBe(4)
  })

  test('walk-in release, a released holder admitted at the gate and a gate check-in: the recount changes nothing', async () => {
    await saveBookingConfig(env.store, { ...CONFIG, walkIn: { releaseAfterMinutes: 30, to: 'waitlist' } })
    const absent = await bookPeople(call, { openid: 'o-a', now: NOW }, S, 2, next)
    const present = await bookPeople(call, { openid: 'o-b', now: NOW }, S, 1, next)
    const codeOf = async (openid: string, bookingId: string) => {
      const got = await call('booking', 'get', { bookingId }, { openid, now: NOW })
      if (!got.ok) throw new Error(got.error.message)
      return got.data.booking.ticketCode!
    }
    const staff = (now: Date) => ({ openid: 'staff_1', role: 'staff' as const, now })
    expect(await call('staff', 'checkIn', { code: await codeOf('o-b', present) }, staff(bj('2026-11-27 09:05')))).toMatchObject({ ok: true })
    expect((await runNoShowJob(env.store, bj('2026-11-27 09:31'))).walkIn).toMatchObject({ released: 1, places: 2 })
    const identity = { recovered: [], below: [], groupRecovered: [], groupBelow: [] }
    expect(recountPlaces(env.store.db, '2026-11-27', () => true)).toEqual(identity)
    expect(await call('staff', 'checkIn', { code: await codeOf('o-a', absent) }, staff(bj('2026-11-27 09:40')))).toMatchObject({ ok: true })
    expect(recountPlaces(env.store.db, '2026-11-27', () => true)).toEqual(identity)
    expect((await env.store.booking.placesBooked([S]))[S]).toBe(3)
  })
})
