// `BookingStore.offerWaitlist` and `acceptOffer` for a store without multi-document transactions:
// the guarded single steps of the port, composed. Per offer, the entry's own guarded update
// (waiting → offered) comes first, so two fill passes racing over one line never offer one entry
// twice; then the account's keys, the places and the ID claims are taken under the entry's
// bookingId; `markOfferHeld` records that all are taken — only a held offer can be accepted, and
// an expired or left offer gives back places only when held. A refusal takes the entry back to
// waiting and gives back what it took. A process that dies between the reserve and markOfferHeld
// leaves those places taken (never given twice: never an overbooking), the residual window `book`
// documents too; its claims are given back when the offer expires.
import { walkLinePaged, type CandidateOutcome } from '../booking/line'
import type { BookingRecord, BookingStore, LineCursor, OfferOutcome, OfferRequest, WaitlistEntry } from './port'

type Steps = Omit<BookingStore, 'offerWaitlist' | 'acceptOffer'>

/** A candidate's outcome, and `id-taken` (ineligible for good: a visitor already holds that day). */
type OfferOneOutcome = CandidateOutcome | 'id-taken'

async function offerOne(steps: Steps, req: OfferRequest, e: WaitlistEntry): Promise<OfferOneOutcome> {
  if (!(await steps.transitionEntry(e.id, 'waiting', 'offered', { at: req.at, offerExpiresAt: req.offerExpiresAt }))) return 'ineligible'
  const claimed: string[] = []
  let reserved = false
  const undo = async (outcome: OfferOneOutcome) => {
    await steps.releaseIds(e.day, claimed, e.bookingId)
    if (reserved) await steps.releasePlaces(req.sessionId, e.places)
    // Back in line where it was (guarded: not held, still offered by this call).
    await steps.transitionEntry(e.id, 'offered', 'waiting', { at: req.at }, { held: false })
    return outcome
  }
  const slots = req.slotsFor(e.openid, e.places, e)
  const claimFirstFree = async (keys: string[], n: number) => {
    let got = 0
    for (const key of keys) {
      if (got === n) break
      if (await steps.claimId(e.day, key, e.bookingId)) {
        claimed.push(key)
        got++
      }
    }
    return got === n
  }
  try {
    if (!(await claimFirstFree(slots.bookingSlots, 1))) return await undo('ineligible')
    if (!(await claimFirstFree(slots.placeSlots, slots.placeSlots.length > 0 ? e.places : 0))) return await undo('ineligible')
    if (slots.addressSlots?.length && !(await claimFirstFree(slots.addressSlots, e.places))) return await undo('ineligible')
    if (!(await steps.reservePlaces(req.sessionId, req.capacity, e.places))) return await undo('stop')
    reserved = true
    for (const v of e.visitors) {
      if (!(await steps.claimId(e.day, v.idHash, e.bookingId))) return await undo('id-taken')
      claimed.push(v.idHash)
    }
    if (!(await steps.markOfferHeld(e.id))) return await undo('ineligible')
  } catch (error) {
    await undo('stop').catch(() => undefined)
    throw error
  }
  return 'offered'
}

/** Entries read per page by an offer pass (as on SQLite): each page is one query. */
export const LINE_PAGE = 32

/** A session's line, read page by page as the walk asks for it: a pass that fills a few places
 *  reads the head of a long line, not all of it (a whole-line read per offer made a cancel burst
 *  over a 1,000-entry line take seconds per offer: docs/booking-waitlist.md). */
async function* linePages(steps: Steps, sessionId: string): AsyncGenerator<WaitlistEntry> {
  let after: LineCursor | null = null
  for (;;) {
    const page = await steps.waitlistPage(sessionId, after, LINE_PAGE)
    yield* page
    if (page.length < LINE_PAGE) return
    const last = page[page.length - 1]
    after = { joinedAt: last.joinedAt, id: last.id }
  }
}

export async function offerWaitlistInSteps(steps: Steps, req: OfferRequest): Promise<OfferOutcome> {
  const booked = (await steps.placesBooked([req.sessionId]))[req.sessionId] ?? 0
  const walk = walkLinePaged(linePages(steps, req.sessionId), req.capacity - booked, req.maxSkips)
  const ended: string[] = []
  let step = await walk.next()
  while (!step.done) {
    const outcome = await offerOne(steps, req, step.value)
    // Its visitor holds that day elsewhere (a live claim: dead holders are taken over): the entry
    // ends visibly instead of being passed over at every turn (docs/booking-waitlist.md).
    if (outcome === 'id-taken' && (await steps.transitionEntry(step.value.id, 'waiting', 'expired', { at: req.at, endReason: 'id_booked' }))) ended.push(step.value.id)
    step = await walk.next(outcome === 'id-taken' ? 'ineligible' : outcome)
  }
  const pass = step.value
  for (const [id, n] of pass.skips) await steps.addSkips(Array(n).fill(id))
  const offered: WaitlistEntry[] = []
  for (const id of pass.offered) offered.push((await steps.getWaitlistEntry(id))!)
  return { offered, skipped: [...pass.skips.keys()], ...(pass.blockedBy ? { blockedBy: pass.blockedBy } : {}), ...(ended.length ? { ended } : {}) }
}

export async function acceptOfferInSteps(steps: Steps, entryId: string, owner: string, record: BookingRecord) {
  // The commit point: the guarded entry update (held, unexpired, theirs). The expiry sweep's own
  // guarded update (offered → expired) makes exactly one of the two win.
  const accepted = await steps.transitionEntry(entryId, 'offered', 'booked', { at: record.createdAt }, { owner, held: true, unexpiredAt: record.createdAt })
  const entry = accepted ?? (await steps.getWaitlistEntry(entryId))
  if (!entry || entry.openid !== owner || entry.status !== 'booked') return { kind: 'not-offered' as const, entry }
  // After success (or a call that died after the commit point): the booking under its deterministic id.
  await steps.putAcceptedBooking({ ...record, id: entry.bookingId, createdAt: accepted ? record.createdAt : (entry.endedAt ?? record.createdAt) })
  return { kind: 'booked' as const, record: (await steps.getBooking(entry.bookingId))! }
}
