// 候补 (waitlist): the line's rules, pure where they can be, and the jobs that move it. The store
// decides each offer in one operation (BookingStore.offerWaitlist); this file says who is next
// (`walkLine`, the published skip rule), when offers stop (the cutoff), and gives freed places to
// the line after every event that frees them (a cancel, a 改签, an expired or left offer, the job's
// pass that also catches capacity raises and reopened sessions). docs/booking-waitlist.md.
import { weekdayOf } from '../contracts/booking'
import type { WaitlistEntryView } from '../contracts/waitlist'
import type { BookingRecord, OfferOutcome, Store, WaitlistEntry } from '../store/port'
import { availability, sessionRef, type SessionRef } from './calendar'
import { loadBookingConfig, type BookingConfig } from './config'
import { accountHoldKeys, addressPlaceSlotKeys, bookingSlotKeys, placeSlotKeys } from './fairuse'
import { addMinutes, beijingDateTimeText, beijingText } from './time'
import { walkInOffersOpen, walkInStillAhead } from './walkin-rules'

export { walkLine, type CandidateOutcome, type LinePass } from './line'

/** The instant from which no offers are made for a session. */
export const offerCutoff = (config: BookingConfig, session: SessionRef): Date => addMinutes(session.start, -config.waitlist.offerCutoffMinutes)

/** Until when an offer made at `now` holds its places: the claim window, never past the session's start. */
export const offerExpiry = (config: BookingConfig, session: SessionRef, now: Date): Date =>
  new Date(Math.min(addMinutes(now, config.waitlist.claimMinutes).getTime(), session.start.getTime()))

/** A walk-in offer (made after the session started) holds its places at most until the session ends. */
export const walkInOfferExpiry = (config: BookingConfig, session: SessionRef, now: Date): Date =>
  new Date(Math.min(addMinutes(now, config.waitlist.claimMinutes).getTime(), session.end.getTime()))

export const offerMessageId = (entryId: string) => `waitlist-offer:${entryId}`

/** The booking an accepted offer becomes (its id, places and claims were fixed by the offer). */
export function bookingFromEntry(entry: WaitlistEntry, at: string): BookingRecord {
  return {
    id: entry.bookingId,
    openid: entry.openid,
    clientRequestId: entry.clientRequestId,
    sessionId: entry.sessionId,
    day: entry.day,
    sessionStart: entry.sessionStart,
    sessionEnd: entry.sessionEnd,
    places: entry.places,
    visitors: entry.visitors,
    status: 'confirmed',
    createdAt: at,
    ...(entry.remind ? { remind: true } : {}),
    ...(entry.network ? { network: entry.network } : {}),
  }
}

/**
 * Offers the session's free places to its line (one store operation) and announces each offer by
 * one subscribe message (the outbox; a deterministic id, so a repeat never sends twice). Nothing is
 * offered for a session that is closed, over, or past its cutoff.
 */
export async function fillWaitlist(store: Store, sessionId: string, now: Date): Promise<OfferOutcome | null> {
  const config = await loadBookingConfig(store)
  const session = sessionRef(config, sessionId)
  if (!session || !availability(config, session, now).ok) return null
  // Past the cutoff only places a walk-in release gave to the line are offered (until the session ends).
  const walkIn = walkInOffersOpen(config, session, now)
  if (now.getTime() >= offerCutoff(config, session).getTime() && !walkIn) return null
  const outcome = await store.booking.offerWaitlist({
    sessionId,
    capacity: session.template.capacity,
    at: now.toISOString(),
    offerExpiresAt: (walkIn ? walkInOfferExpiry(config, session, now) : offerExpiry(config, session, now)).toISOString(),
    maxSkips: config.waitlist.maxSkips,
    slotsFor: (openid, _places, entry) => ({
      bookingSlots: bookingSlotKeys(openid, config.fairUse),
      placeSlots: placeSlotKeys(openid, config.fairUse),
      // The network it joined from holds the offer's places as it would hold a booking's (H5).
      ...(entry.network ? { addressSlots: addressPlaceSlotKeys(entry.network.key, session.template.key, entry.network.cap) } : {}),
    }),
  })
  for (const entry of outcome.offered) {
    await store.outbox.enqueue({
      id: offerMessageId(entry.id),
      kind: 'waitlist-offer',
      touser: entry.openid,
      templateId: process.env.WAITLIST_TEMPLATE_ID ?? '',
      page: `/booking/pages/waitlist/index?id=${entry.id}`,
      data: {
        thing1: { value: (session.template.name ?? '参观场次').slice(0, 20) },
        time2: { value: beijingDateTimeText(entry.sessionStart) },
        phrase3: { value: '候补成功' },
        // thing.DATA is at most 20 characters.
        thing4: { value: `${entry.places}人名额保留至${beijingText(entry.offerExpiresAt!).slice(-5)}` },
      },
      createdAt: now.toISOString(),
    })
  }
  return outcome
}

/** The address slots an entry's or booking's network may hold in its session (none without one). */
export function networkKeysOf(held: Pick<WaitlistEntry, 'network' | 'sessionId'>, config: BookingConfig): string[] {
  if (!held.network) return []
  // The session's template key; from the id itself when the template has since been removed.
  const templateKey = sessionRef(config, held.sessionId)?.template.key ?? held.sessionId.slice(held.sessionId.indexOf('.') + 1)
  return addressPlaceSlotKeys(held.network.key, templateKey, held.network.cap)
}

/** Gives back what an offer held (its places when held, its claims in any case: only the offer's own go). */
export async function releaseOffer(store: Store, entry: WaitlistEntry, config: BookingConfig): Promise<number> {
  if (entry.held) await store.booking.releasePlaces(entry.sessionId, entry.places)
  await store.booking.releaseIds(entry.day, [...entry.visitors.map((v) => v.idHash), ...accountHoldKeys(entry.openid, config.fairUse), ...networkKeysOf(entry, config)], entry.bookingId)
  return entry.held ? entry.places : 0
}

/**
 * After a confirmed booking was cancelled (by its visitor, a closure or the museum): gives back the
 * places, ID claims and fair-use keys of the record AS IT IS NOW — read after the cancel, so a 改签
 * that moved it in between is seen — then offers them to the line.
 */
export async function releaseCancelled(store: Store, bookingId: string, config: BookingConfig, now: Date, alsoRelease: string[] = []): Promise<BookingRecord | null> {
  const record = await store.booking.getBooking(bookingId)
  if (!record) return null
  await store.booking.releasePlaces(record.sessionId, record.places)
  await store.booking.releaseIds(record.day, [...record.visitors.map((v) => v.idHash), ...alsoRelease], bookingId)
  await fillWaitlist(store, record.sessionId, now)
  return record
}

export interface WaitlistJobReport {
  /** Offers not claimed in time, expired and passed on. */
  expiredOffers: number
  /** Places those offers gave back. */
  placesReturned: number
  /** Waiting entries ended because the cutoff passed or the session closed. */
  ended: number
  /** Offers made by this run. */
  offered: number
}

/**
 * The 候补 sweep (run with the no-show job): expires unclaimed offers and passes their places on;
 * ends entries that can no longer be offered (cutoff passed, session closed or over); and runs a
 * fill pass over every line, which is how places freed without an event here — a capacity raise,
 * a reopened session, a booking the no-show sweep settled — reach the line.
 */
export async function runWaitlistJob(store: Store, now: Date, batch = 200, budgetMs = Infinity): Promise<WaitlistJobReport> {
  // Wall-clock ms after which no new record is started: a timer function must not be cut off
  // between expiring an offer and giving back its places; the rest waits for the next run.
  const deadline = Date.now() + budgetMs
  const config = await loadBookingConfig(store)
  const at = now.toISOString()
  const report: WaitlistJobReport = { expiredOffers: 0, placesReturned: 0, ended: 0, offered: 0 }
  const touched = new Set<string>()
  for (const due of await store.booking.dueOffers(at, batch)) {
    if (Date.now() >= deadline) return report
    // Guarded: exactly one of this expiry and the visitor's accept wins.
    const expired = await store.booking.transitionEntry(due.id, 'offered', 'expired', { at, endReason: 'unclaimed' })
    if (!expired) continue
    report.expiredOffers++
    report.placesReturned += await releaseOffer(store, expired, config)
    touched.add(expired.sessionId)
  }
  for (const sessionId of new Set([...touched, ...(await store.booking.waitingSessions(batch))])) {
    if (Date.now() >= deadline) return report
    const session = sessionRef(config, sessionId)
    const open = session && availability(config, session, now)
    // With walk-in release to the line, waiting entries stay in line past the cutoff for it.
    const cutoffPassed = !session || (now.getTime() >= offerCutoff(config, session).getTime() && !walkInStillAhead(config, session, now))
    if (!open?.ok || cutoffPassed) {
      const endReason = open && !open.ok && open.code !== 'SESSION_OVER' ? 'closed' : 'cutoff'
      for (const entry of await store.booking.listWaitlist(sessionId)) {
        if (entry.status === 'waiting' && (await store.booking.transitionEntry(entry.id, 'waiting', 'expired', { at, endReason }))) report.ended++
      }
      continue
    }
    report.offered += (await fillWaitlist(store, sessionId, now))?.offered.length ?? 0
  }
  return report
}

/** What the visitor sees of an entry; `line` is the session's current line (for position). */
export function waitlistView(entry: WaitlistEntry, config: BookingConfig, line: WaitlistEntry[]): WaitlistEntryView {
  const ref = sessionRef(config, entry.sessionId)
  const view: WaitlistEntryView = {
    id: entry.id,
    sessionId: entry.sessionId,
    date: entry.day,
    weekday: weekdayOf(entry.day),
    sessionName: ref?.template.name ?? '参观场次',
    start: beijingText(entry.sessionStart).slice(-5),
    end: beijingText(entry.sessionEnd).slice(-5),
    status: entry.status,
    places: entry.places,
    visitors: entry.visitors.map((v) => ({ name: v.name, idType: v.idType, idMasked: v.idMasked })),
    joinedAt: entry.joinedAt,
  }
  if (entry.status === 'waiting') {
    const ahead = line.slice(0, Math.max(0, line.findIndex((e) => e.id === entry.id))).filter((e) => e.status === 'waiting')
    view.position = ahead.length + 1
    view.placesAhead = ahead.reduce((n, e) => n + e.places, 0)
  }
  if (entry.status === 'offered' && entry.offerExpiresAt) {
    view.offerExpiresAt = entry.offerExpiresAt
    view.offerExpiresText = beijingText(entry.offerExpiresAt)
  }
  if (entry.status === 'booked') view.bookingId = entry.bookingId
  if (entry.status === 'expired' && entry.endReason) view.endReason = entry.endReason
  return view
}
