// `BookingStore.reschedule` (改签) for a store without multi-document transactions: the new
// session's places, the new day's claims and fair-use keys are taken first; the guarded move of the
// booking document (still confirmed, still theirs, still in the old session) is the commit point;
// only then is the old session's share given back. A refusal or a lost race gives back what this
// call took, so the booking ends wholly in one session. A process that dies after taking the new
// places and before the move leaves them taken (never given twice, so never an overbooking) — the
// same residual window as `book` (store/port.ts); claims left that way are keyed by the booking
// and are given back by its cancel or taken over once it is cancelled.
import type { BookingStore, RescheduleOutcome, RescheduleRequest } from './port'

type Steps = Omit<BookingStore, 'reschedule'>

export async function rescheduleInSteps(steps: Steps, req: RescheduleRequest): Promise<RescheduleOutcome> {
  const record = await steps.getBooking(req.bookingId)
  if (!record || record.openid !== req.openid || record.status !== 'confirmed' || record.sessionId !== req.from.sessionId) return { kind: 'gone', record }
  const sameDay = req.to.day === record.day
  const claimed: string[] = []
  let reserved = false
  const giveBack = async () => {
    await steps.releaseIds(req.to.day, claimed, record.id)
    if (reserved) await steps.releasePlaces(req.to.sessionId, record.places)
    reserved = false
  }
  const claimFirstFree = async (keys: string[], n: number) => {
    let got = 0
    for (const key of keys) {
      if (got === n) break
      if (await steps.claimId(req.to.day, key, record.id)) {
        claimed.push(key)
        got++
      }
    }
    return got === n
  }
  const refused = async (outcome: Extract<RescheduleOutcome, { kind: 'refused' }>) => {
    await giveBack()
    return outcome
  }
  try {
    if (!sameDay && !(await claimFirstFree(req.bookingSlots, 1))) return await refused({ kind: 'refused', code: 'ACCOUNT_DAY_LIMIT' })
    if (!sameDay && !(await claimFirstFree(req.placeSlots, req.placeSlots.length > 0 ? record.places : 0))) return await refused({ kind: 'refused', code: 'ACCOUNT_PLACES_LIMIT' })
    // The network's share of the new session is per session, so it is claimed on the same day too.
    if (req.addressSlots?.length && !(await claimFirstFree(req.addressSlots, record.places))) return await refused({ kind: 'refused', code: 'ADDRESS_PLACES_LIMIT' })
    if (!(await steps.reservePlaces(req.to.sessionId, req.to.capacity, record.places))) return await refused({ kind: 'refused', code: 'SESSION_FULL' })
    reserved = true
    if (!sameDay) {
      for (const v of record.visitors) {
        if (!(await steps.claimId(req.to.day, v.idHash, record.id))) return await refused({ kind: 'refused', code: 'ID_ALREADY_BOOKED', visitor: v })
        claimed.push(v.idHash)
      }
    }
    // The commit point: from here the booking is in the new session.
    if (!(await steps.moveBooking(record.id, req.openid, req.from.sessionId, req.to))) {
      await giveBack()
      return { kind: 'gone', record: await steps.getBooking(record.id) }
    }
  } catch (error) {
    await giveBack().catch(() => undefined)
    throw error
  }
  await steps.releasePlaces(record.sessionId, record.places)
  const oldKeys = [...(sameDay ? [] : [...record.visitors.map((v) => v.idHash), ...req.releaseOnOldDay]), ...(req.releaseOnOldSession ?? [])]
  // A same-day move may claim one of the keys it gives back here only if it is the new session's:
  // the address keys name their session, so the two lists never share a key.
  if (oldKeys.length) await steps.releaseIds(record.day, oldKeys, record.id)
  const { capacity: _c, network, ...to } = req.to
  return { kind: 'moved', record: { ...record, ...to, ...(network ? { network } : {}) } }
}
