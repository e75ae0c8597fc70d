// A rush with a 候补 line, through the real handlers over each storage adapter (a real SQLite file;
// the cloud adapter over the wx-server-sdk stand-in, whose steps interleave like the cloud's):
//   npm run bench:waitlist -- [--families 1000] [--bookings 150] [--cancels 120] [--adapter sqlite|standin|cloud|both]
// A session of C places is filled by `bookings` bookings of 1–4 people; `families` families of 1–4
// join its line. Then `cancels` of those bookings are cancelled AT ONCE (all in flight together),
// each cancel offering the freed places to the line in one store step (offerWaitlist) while the
// others run. Reported: offers made per second over the cancel burst, p50/p99 of the offer step
// (each offerWaitlist call, timed around the store), and the checks:
//   - offered places == freed places, except places no waiting family can use (each is named);
//   - the counter never above capacity, and equal to confirmed places + places held by offers;
//   - no ID held twice that day (bookings and held offers).
// PASS/FAIL per adapter; exit code 1 on any FAIL. No timing is asserted (figures only).
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../cloud/booking/config'
import { walkLine } from '../cloud/booking/line'
import { bj, caller, personName, residentId } from '../cloud/testing/booking'
import { tempSqliteStore } from '../cloud/testing/stores'
import { standinCloudStore } from '../cloud/testing/wxstandin'
import type { Store } from '../cloud/store/port'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const FAMILIES = arg('families', 1000)
const BOOKINGS = arg('bookings', 150)
const CANCELS = Math.min(arg('cancels', 120), BOOKINGS)
// `cloud` names the cloud adapter over the stand-in too (the only cloud this machine has).
const ADAPTER = process.argv.includes('--adapter') ? process.argv[process.argv.indexOf('--adapter') + 1].replace(/^cloud$/, 'standin') : 'both'
const NOW = bj('2026-11-26 10:00')
const SESSION = '2026-11-27.am'
const DAY = '2026-11-27'

const size = (n: number) => 1 + ((n * 7919) % 4) // 1–4 people, deterministic

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

async function run(name: string, open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>): Promise<boolean> {
  const env = await open()
  try {
    // Each person's ID is unique in the run; capacity = exactly what the bookings take.
    let serial = 0
    const sizes = Array.from({ length: BOOKINGS }, (_, i) => size(i))
    const capacity = sizes.reduce((a, b) => a + b, 0)
    await saveBookingConfig(env.store, {
      ...DEFAULT_BOOKING_CONFIG,
      sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity })),
      fairUse: { ...DEFAULT_BOOKING_CONFIG.fairUse, distinctIds: { limit: 100, windowDays: 30 } },
      waitlist: { ...DEFAULT_BOOKING_CONFIG.waitlist, entriesPerAccount: 3 },
    })
    // Timed around the store: the offer step each cancel runs (SQLite: one transaction, done before
    // the call returns — `work`; cloud: awaited steps). `latency` is call → answer in the burst, so
    // it includes waiting behind the other cancels' work.
    const offerTimes: number[] = []
    const workTimes: number[] = []
    const offerWaitlist = env.store.booking.offerWaitlist.bind(env.store.booking)
    const timed: Store = {
      ...env.store,
      booking: {
        ...env.store.booking,
        offerWaitlist: async (req) => {
          const t = process.hrtime.bigint()
          try {
            const answer = offerWaitlist(req)
            workTimes.push(Number(process.hrtime.bigint() - t) / 1e6)
            return await answer
          } finally {
            offerTimes.push(Number(process.hrtime.bigint() - t) / 1e6)
          }
        },
      },
    }
    // Line entries the offer passes read from the store (whole-line reads or pages): what each pass
    // transfers from the database, counted on the adapter itself (the cloud's steps call it directly).
    let lineDocsRead = 0
    const adapter = env.store.booking
    const listWaitlist = adapter.listWaitlist.bind(adapter)
    const waitlistPage = adapter.waitlistPage.bind(adapter)
    adapter.listWaitlist = async (sessionId) => {
      const line = await listWaitlist(sessionId)
      lineDocsRead += line.length
      return line
    }
    adapter.waitlistPage = async (sessionId, after, limit) => {
      const page = await waitlistPage(sessionId, after, limit)
      lineDocsRead += page.length
      return page
    }
    const call = caller(timed)
    const people = async (openid: string, n: number) => {
      const ids: string[] = []
      for (let k = 0; k < n; k++) {
        const s = ++serial
        const res = await call('booking', 'addVisitor', { name: personName(s), idType: 'resident', idNumber: residentId(s, `19${String(50 + (Math.floor(s / 1000) % 50)).padStart(2, '0')}0101`) }, { openid, now: NOW })
        if (!res.ok) throw new Error(`addVisitor: ${res.error.message}`)
        ids.push(res.data.visitor.id)
      }
      return ids
    }
    const booked: Array<{ openid: string; id: string; places: number }> = []
    for (let i = 0; i < BOOKINGS; i++) {
      const openid = `booker-${i}`
      const res = await call('booking', 'book', { sessionId: SESSION, visitorIds: await people(openid, sizes[i]), clientRequestId: `bench-book-${i}` }, { openid, now: NOW })
      if (!res.ok) throw new Error(`book: ${res.error.message}`)
      booked.push({ openid, id: res.data.booking.id, places: sizes[i] })
    }
    let joinedPlaces = 0
    for (let i = 0; i < FAMILIES; i++) {
      const openid = `family-${i}`
      const n = size(i + 3)
      const res = await call('booking', 'joinWaitlist', { sessionId: SESSION, visitorIds: await people(openid, n), clientRequestId: `bench-wait-${i}` }, { openid, now: NOW })
      if (!res.ok) throw new Error(`joinWaitlist: ${res.error.message}`)
      joinedPlaces += n
    }

    // The burst: every cancel in flight at once, each offering what it freed.
    const cancelled = booked.slice(0, CANCELS)
    const freed = cancelled.reduce((a, b) => a + b.places, 0)
    // Only the burst's offer steps (each join ran one too).
    offerTimes.length = 0
    workTimes.length = 0
    lineDocsRead = 0
    const t0 = process.hrtime.bigint()
    const answers = await Promise.all(cancelled.map((b) => call('booking', 'cancel', { bookingId: b.id }, { openid: b.openid, now: NOW })))
    const burstMs = Number(process.hrtime.bigint() - t0) / 1e6
    const burstLineDocs = lineDocsRead
    const refused = answers.filter((a) => !a.ok)

    // What the store says now.
    const line = await env.store.booking.listWaitlist(SESSION)
    const offers = line.filter((e) => e.status === 'offered')
    const held = offers.filter((e) => e.held)
    const offeredPlaces = held.reduce((a, e) => a + e.places, 0)
    const counter = (await env.store.booking.placesBooked([SESSION]))[SESSION] ?? 0
    const confirmed = (await env.store.booking.listOnDay(DAY)).filter((r) => r.sessionId === SESSION && (r.status === 'confirmed' || r.status === 'checked_in'))
    const confirmedPlaces = confirmed.reduce((a, r) => a + r.places, 0)
    const leftover = capacity - counter
    // Leftover places are fine only when nobody waiting could take them (the walk proposes nobody).
    const walk = walkLine(line, leftover, DEFAULT_BOOKING_CONFIG.waitlist.maxSkips)
    const couldServe = walk.next()
    const ids = new Set<string>()
    let twice = 0
    for (const v of [...confirmed.flatMap((r) => r.visitors), ...held.flatMap((e) => e.visitors)]) {
      if (ids.has(v.idHash)) twice++
      ids.add(v.idHash)
    }

    const sorted = [...offerTimes].sort((a, b) => a - b)
    const work = [...workTimes].sort((a, b) => a - b)
    const checks: Array<[string, boolean]> = [
      ['every cancel answered ok', refused.length === 0],
      [`offered places (${offeredPlaces}) == freed places (${freed})${leftover ? ` − ${leftover} no waiting family can use` : ''}`, offeredPlaces + leftover === freed && couldServe.done === true],
      [`counter ${counter} ≤ capacity ${capacity}`, counter <= capacity],
      [`counter ${counter} == confirmed ${confirmedPlaces} + held offers ${offeredPlaces}`, counter === confirmedPlaces + offeredPlaces],
      [`no ID held twice that day (${twice})`, twice === 0],
      ['every offer holds its places (none offered unheld)', offers.length === held.length],
    ]
    console.log(`\n[${name}] capacity ${capacity} in ${BOOKINGS} bookings; ${FAMILIES} families waiting (${joinedPlaces} places); ${CANCELS} cancels at once free ${freed} places`)
    console.log(`  offers made: ${held.length} in ${burstMs.toFixed(0)} ms = ${((held.length / burstMs) * 1000).toFixed(0)} offers/s (${((freed / burstMs) * 1000).toFixed(0)} freed places/s)`)
    console.log(`  offer step latency in the burst (offerWaitlist call → answer, ${sorted.length} calls): p50 ${pct(sorted, 50).toFixed(2)} ms, p99 ${pct(sorted, 99).toFixed(2)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(2)} ms`)
    if (!name.startsWith('SQLite')) console.log(`  line entries read by the burst's offer passes: ${burstLineDocs} (${(burstLineDocs / Math.max(1, sorted.length)).toFixed(0)} per pass)`)
    if (name.startsWith('SQLite')) console.log(`  offer step transaction (work done in the call): p50 ${pct(work, 50).toFixed(2)} ms, p99 ${pct(work, 99).toFixed(2)} ms`)
    for (const [text, passed] of checks) console.log(`  ${passed ? 'PASS' : 'FAIL'}  ${text}`)
    return checks.every(([, passed]) => passed)
  } finally {
    await env.cleanup()
  }
}

async function main() {
  const results: boolean[] = []
  if (ADAPTER === 'sqlite' || ADAPTER === 'both') results.push(await run('SQLite (real file)', () => tempSqliteStore({ seed: false })))
  if (ADAPTER === 'standin' || ADAPTER === 'both') results.push(await run('cloud adapter over the wx-server-sdk stand-in (not the real cloud)', () => standinCloudStore({ seed: false })))
  const ok = results.every(Boolean)
  console.log(`\n${ok ? 'PASS' : 'FAIL'}: 候补 under a cancel burst`)
  process.exitCode = ok ? 0 : 1
}

void main()
