// `BookingStore.book` for a store without multi-document transactions (the WeChat cloud
// database): the guarded single steps of the port, composed, with compensation on refusal.
// Each step is atomic on its own; what a call that dies half-way leaves behind is settled by the
// sweep (booking/sweep.ts). The steps are called on `steps` (not captured), so a test can wrap
// them to pause or kill a call at any one of them.
import { CommonErrors } from '../contracts/errors'
import type { BookingRecord, BookingStore, BookOutcome, BookRefusalCode, BookRequest } from './port'

type Steps = Omit<BookingStore, 'book'>

const sameRequest = (a: BookingRecord, b: BookingRecord) =>
  a.sessionId === b.sessionId && a.visitors.map((v) => v.visitorId).join() === b.visitors.map((v) => v.visitorId).join()

export async function bookInSteps(steps: Steps, req: BookRequest): Promise<BookOutcome> {
  const record = req.record
  const { id: bookingId, day, sessionId, places } = record
  const at = record.createdAt

  // Begin: a new pending record, or a refused one with the same content taken back to pending.
  let begun = await steps.beginBooking(record)
  if (!begun.created) {
    const existing = begun.existing
    if (existing.status !== 'refused' || existing.sweptAt || !sameRequest(existing, record)) return { kind: 'existing', record: existing }
    begun = (await steps.reopenRefused(bookingId, at)) ? { created: true } : { created: false, existing: (await steps.getBooking(bookingId))! }
    if (!begun.created) return { kind: 'existing', record: begun.existing }
  }

  // Who gives the places back: this call while the record is pending and says placesHeld; once a
  // sweep has settled the record (this call took longer than the grace period), the sweep gives
  // back exactly what the record says, and this call what it took after that. Claims are keyed by
  // this booking, so giving them back twice is harmless.
  let reserved = false
  const claimed: string[] = []
  const releasePlacesIfOurs = async () => {
    if (!reserved) return
    reserved = false
    if (await steps.markPlacesHeld(bookingId, false)) return steps.releasePlaces(sessionId, places)
    // Not pending any more (or never marked): the record says whether a sweep owns them.
    if (!(await steps.getBooking(bookingId))?.placesHeld) await steps.releasePlaces(sessionId, places)
  }
  const lostToSweep = async (): Promise<BookOutcome> => {
    await steps.releaseIds(day, claimed, bookingId)
    await releasePlacesIfOurs()
    return { kind: 'existing', record: (await steps.getBooking(bookingId))! }
  }
  const settleRefused = async (code: BookRefusalCode, visitor?: BookingRecord['visitors'][number]): Promise<BookOutcome> => {
    await steps.releaseIds(day, claimed, bookingId)
    await releasePlacesIfOurs()
    const refusal = req.refusal(code, visitor)
    // Guarded on pending: if a sweep settled it meanwhile, the sweep's answer stands.
    if (!(await steps.transition(bookingId, 'pending', 'refused', { at, refusal }))) return { kind: 'existing', record: (await steps.getBooking(bookingId))! }
    return { kind: 'refused', code, refusal }
  }
  /** Claims the first free keys among `keys` for this booking, `n` of them; false when too few are free. */
  const claimSlots = async (keys: string[], n: number) => {
    let got = 0
    for (const key of keys) {
      if (got === n) break
      if (await steps.claimId(day, key, bookingId)) {
        claimed.push(key)
        got++
      }
    }
    return got === n
  }

  try {
    // Fair use first: an account over its day's cap is refused before it touches the places.
    if (!(await claimSlots(req.bookingSlots, 1))) return await settleRefused('ACCOUNT_DAY_LIMIT')
    if (!(await claimSlots(req.placeSlots, req.placeSlots.length > 0 ? places : 0))) return await settleRefused('ACCOUNT_PLACES_LIMIT')
    if (req.addressSlots?.length && !(await claimSlots(req.addressSlots, places))) return await settleRefused('ADDRESS_PLACES_LIMIT')
    if (!(await steps.reservePlaces(sessionId, req.capacity, places))) return await settleRefused('SESSION_FULL')
    reserved = true
    if (!(await steps.markPlacesHeld(bookingId, true))) return await lostToSweep()
    for (const v of record.visitors) {
      if (!(await steps.claimId(day, v.idHash, bookingId))) return await settleRefused('ID_ALREADY_BOOKED', v)
      claimed.push(v.idHash)
    }
    // Counted when booked (a cancel does not give it back): swapping people cannot reset it.
    if (!(await steps.noteBookedIds(record.openid, record.visitors.map((v) => v.idHash), at, req.distinctIds))) return await settleRefused('ACCOUNT_ID_LIMIT')
    // Guarded on pending: a sweep that settled the record first wins, and this call loses whole.
    if (!(await steps.transition(bookingId, 'pending', 'confirmed', { at }))) {
      if ((await steps.getBooking(bookingId))?.sweptAt) return await lostToSweep()
      throw new Error('pending booking vanished')
    }
  } catch (error) {
    // Give back what this attempt took, so a failure mid-way loses no places.
    await steps.releaseIds(day, claimed, bookingId).catch(() => undefined)
    await releasePlacesIfOurs().catch(() => undefined)
    await steps.transition(bookingId, 'pending', 'refused', { at, refusal: { code: 'INTERNAL', message: CommonErrors.INTERNAL } }).catch(() => undefined)
    throw error
  }
  return { kind: 'confirmed', record: { ...record, status: 'confirmed' } }
}
