// Random sequences (and simultaneous bursts) of book / cancel / check-in / retry from many users:
// after every step the store must hold capacity, one valid booking per ID per day, and every
// client request id must keep the answer it first got.
import fc from 'fast-check'
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../booking/config'
import { bj, caller, residentId } from '../testing/booking'
import { tempSqliteStore } from '../testing/stores'

const NOW = bj('2026-11-26 10:00')
const GATE = bj('2026-11-27 09:10')
const SESSIONS = ['2026-11-27.am', '2026-11-27.pm', '2026-11-28.am']
const CAPACITY = 5
const USERS = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5']
const ID_POOL = Array.from({ length: 9 }, (_, i) => residentId(500 + i))

type Op =
  | { kind: 'book'; user: number; session: number; visitors: number[] }
  | { kind: 'retry'; pick: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'checkIn'; pick: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('book' as const), user: fc.nat(USERS.length - 1), session: fc.nat(SESSIONS.length - 1), visitors: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retry' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('checkIn' as const), pick: fc.nat() }) },
)
// A step is one operation or a burst of simultaneous ones.
const stepArb = fc.array(opArb, { minLength: 1, maxLength: 4 })

test('capacity, per-ID-per-day uniqueness and idempotency hold after every step', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 25 }), fc.array(fc.uniqueArray(fc.nat(ID_POOL.length - 1), { minLength: 3, maxLength: 3 }), { minLength: USERS.length, maxLength: USERS.length }), async (steps, idsPerUser) => {
      const env = await tempSqliteStore({ seed: false })
      try {
        await saveBookingConfig(env.store, { ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: CAPACITY })) })
        const call = caller(env.store)
        const db = (env.store as any).db
        // Users share IDs (a family member saved by two accounts), so the per-ID rule is exercised.
        const saved: string[][] = []
        for (const [u, user] of USERS.entries()) {
          saved.push([])
          for (const [k, idIndex] of idsPerUser[u].entries()) {
            const res: any = await call('booking', 'addVisitor', { name: ['张三', '李四', '王五'][k], idType: 'resident', idNumber: ID_POOL[idIndex] }, { openid: user, now: NOW })
            saved[u].push(res.data.visitor.id)
          }
        }
        const requests: Array<{ user: number; session: number; visitors: string[]; requestId: string; first?: { ok: boolean; id?: string; code?: string } }> = []
        const tickets: Array<{ user: number; id: string; code: string }> = []
        let n = 0

        const run = async (op: Op) => {
          if (op.kind === 'book' || (op.kind === 'retry' && requests.length > 0)) {
            const r =
              op.kind === 'book'
                ? (requests[requests.push({ user: op.user, session: op.session, visitors: op.visitors.map((i) => saved[op.user][i]), requestId: `rq-${++n}-abcdef` }) - 1])
                : requests[op.pick % requests.length]
            const res: any = await call('booking', 'book', { sessionId: SESSIONS[r.session], visitorIds: r.visitors, clientRequestId: r.requestId }, { openid: USERS[r.user], now: NOW })
            const answer = res.ok ? { ok: true, id: res.data.booking.id } : { ok: false, code: res.error.code }
            if (answer.code === 'IN_PROGRESS') return // a simultaneous retry of the same request: try again later
            // Once confirmed, a request id always answers with that same booking; a refused one
            // may be decided afresh (and then it is bound to what it got).
            if (r.first?.ok) {
              expect(answer).toEqual(r.first)
            } else if (answer.ok) {
              r.first = answer
              tickets.push({ user: r.user, id: res.data.booking.id, code: res.data.booking.ticketCode })
            }
            if (!res.ok) expect(['SESSION_FULL', 'ID_ALREADY_BOOKED']).toContain(res.error.code)
          } else if (op.kind === 'cancel' && tickets.length > 0) {
            const t = tickets[op.pick % tickets.length]
            await call('booking', 'cancel', { bookingId: t.id }, { openid: USERS[t.user], now: NOW })
          } else if (op.kind === 'checkIn' && tickets.length > 0) {
            const t = tickets[op.pick % tickets.length]
            await call('staff', 'checkIn', { code: t.code }, { openid: 'staff', role: 'staff', now: GATE })
          }
        }

        for (const step of steps) {
          await Promise.all(step.map(run))
          // Capacity: the session counter equals the places of valid bookings and never exceeds capacity.
          const valid = db.prepare("SELECT session_id, SUM(places) AS places FROM bookings WHERE status IN ('confirmed','checked_in') GROUP BY session_id").all() as { session_id: string; places: number }[]
          const counters = Object.fromEntries((db.prepare('SELECT id, booked FROM booking_sessions').all() as { id: string; booked: number }[]).map((r) => [r.id, r.booked]))
          for (const s of SESSIONS) {
            const places = valid.find((v) => v.session_id === s)?.places ?? 0
            expect(counters[s] ?? 0).toBe(places)
            expect(places).toBeLessThanOrEqual(CAPACITY)
          }
          // One valid booking per ID per day, and the claims are exactly those.
          const rows = db.prepare("SELECT id, day, doc FROM bookings WHERE status IN ('confirmed','checked_in')").all() as { id: string; day: string; doc: string }[]
          const held = new Map<string, string>()
          for (const row of rows) {
            for (const v of JSON.parse(row.doc).visitors) {
              const key = `${row.day}:${v.idHash}`
              expect(held.has(key)).toBe(false)
              held.set(key, row.id)
            }
          }
          const claims = db.prepare('SELECT id, booking_id FROM booking_claims').all() as { id: string; booking_id: string }[]
          expect(new Map(claims.map((c) => [c.id, c.booking_id]))).toEqual(held)
          expect(db.prepare("SELECT COUNT(*) AS n FROM bookings WHERE status = 'pending'").get().n).toBe(0)
        }
      } finally {
        await env.cleanup()
      }
    }),
    { numRuns: 60 },
  )
})
