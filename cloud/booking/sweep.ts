// Bookings whose call died half-way (crash, cloud-function timeout) stay pending and keep the
// places and ID claims they took. Only the cloud database's `book` (guarded steps,
// store/book-in-steps.ts) can leave one; SQLite's is one transaction, rolled back by a crash, so
// there the sweep finds nothing (it runs all the same: one cheap query). A booking call takes milliseconds, so a record still pending
// after the grace period (config.pendingGraceMinutes) is abandoned: the sweep settles it refused
// in one guarded step — exactly one of the sweep and a late confirm wins — and then gives back what
// the record says it holds: its places if `placesHeld`, and the claims keyed by its id (a claim
// this misses — the call claimed after the sweep, then died — is taken over by the next claim of
// that ID, see claimId in store/port.ts). Runs inside
// the no-show job (local timer, `npm run job:no-show`, the noShows cloud timer function).
import { BookingErrors } from '../contracts/booking'
import type { Store } from '../store/port'
import { loadBookingConfig } from './config'
import { accountHoldKeys } from './fairuse'

export interface SweepReport {
  /** Abandoned bookings settled as refused. */
  settled: number
  /** Places given back to their sessions. */
  placesReleased: number
  /** ID-per-day claims given back. */
  claimsReleased: number
}

const MAX_ROUNDS = 50

export interface SweepOptions {
  batch?: number
  /** Wall-clock ms after which no new record is started (a timer function must not be killed
   *  between settling a record and giving back its places); the rest waits for the next run. */
  budgetMs?: number
}

export async function sweepAbandonedBookings(store: Store, now: Date, { batch = 200, budgetMs = Infinity }: SweepOptions = {}): Promise<SweepReport> {
  const deadline = Date.now() + budgetMs
  const config = await loadBookingConfig(store)
  const before = new Date(now.getTime() - config.pendingGraceMinutes * 60_000).toISOString()
  const patch = { at: now.toISOString(), refusal: { code: 'BOOKING_UNFINISHED', message: BookingErrors.BOOKING_UNFINISHED } }
  const report: SweepReport = { settled: 0, placesReleased: 0, claimsReleased: 0 }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const stale = await store.booking.stalePending(before, batch)
    for (const candidate of stale) {
      if (Date.now() >= deadline) return report
      // Guarded on "still pending since before the cut-off": a booking confirmed, refused or
      // decided afresh since the read is left alone.
      const settled = await store.booking.expirePending(candidate.id, before, patch)
      if (!settled) continue
      report.settled++
      // The record is final now (nothing moves placesHeld off a refused record), so what it says is what it holds.
      if (settled.placesHeld) {
        await store.booking.releasePlaces(settled.sessionId, settled.places)
        report.placesReleased += settled.places
      }
      // Only this booking's claims go (the claim's bookingId is part of the guard); absent ones are a no-op.
      await store.booking.releaseIds(settled.day, [...settled.visitors.map((v) => v.idHash), ...accountHoldKeys(settled.openid, config.fairUse)], settled.id)
      report.claimsReleased += settled.visitors.length
    }
    if (stale.length < batch) break
  }
  return report
}
