// Closing a day: the museum cannot open (typhoon, maintenance). The day goes into the booking
// config's closed days (no new bookings), and ONE job cancels every booking of that day, gives back
// its places and ID claims and queues a message to its booker, the reason kept on the booking so
// 我的预约 shows it. The job is idempotent: killed half-way and run again, it finishes the rest.
//
// Per booking, in this order, each step safe to repeat:
//   1. transition confirmed → cancelled (guarded: exactly one run wins), recording the reason;
//   2. markOnce(`closure-release:<id>`) then give back places and claims — the marker makes the
//      give-back happen at most once; a crash between the marker and the release loses those
//      places for that session (never gives them twice), the window the booking path accepts too;
//   3. enqueue the message under a deterministic id (a repeat is a no-op).
// A booking is this closure's when it was cancelled with the CLOSED_CODE refusal: a rerun finds
// the ones an earlier run cancelled and finishes their steps 2 and 3.
import { BOOKING_STATUS_LABEL, parseSessionId } from '../contracts/booking'
import type { CloseDayResult } from '../contracts/ops'
import { loadBookingConfig, saveBookingConfig } from '../booking/config'
import { sessionRef } from '../booking/calendar'
import { beijingDateTimeText } from '../booking/time'
import type { BookingRecord, Store } from '../store/port'
import { cancelGroupsOfClosure } from '../groups/closure'

export const CLOSED_CODE = 'MUSEUM_CLOSED'

export const closureMessageId = (bookingId: string) => `closure:${bookingId}`

/** Adds (or re-words) the day in the config's closed days, so the calendar refuses new bookings. */
export async function markDayClosed(store: Store, day: string, reason: string): Promise<void> {
  const config = await loadBookingConfig(store)
  if (config.closedDays.some((c) => c.date === day && c.reason === reason)) return
  const others = config.closedDays.filter((c) => c.date !== day)
  await saveBookingConfig(store, { ...config, closedDays: [...others, { date: day, reason }].sort((a, b) => a.date.localeCompare(b.date)) })
}

const isThisClosure = (b: BookingRecord) => b.status === 'cancelled' && b.refusal?.code === CLOSED_CODE

/** Adds (or re-words) one session in the config's closed sessions; the rest of the day stays open. */
export async function markSessionClosed(store: Store, sessionId: string, reason: string): Promise<void> {
  const config = await loadBookingConfig(store)
  if (config.closedSessions.some((c) => c.sessionId === sessionId && c.reason === reason)) return
  const others = config.closedSessions.filter((c) => c.sessionId !== sessionId)
  await saveBookingConfig(store, { ...config, closedSessions: [...others, { sessionId, reason }].sort((a, b) => a.sessionId.localeCompare(b.sessionId)) })
}

/** The one cancel job, for a whole day or (`sessionId`) for one session of it. */
export async function cancelBookingsOfClosedDay(store: Store, day: string, reason: string, now: Date, sessionId?: string): Promise<CloseDayResult> {
  const config = await loadBookingConfig(store)
  const at = now.toISOString()
  let cancelled = 0
  let released = 0
  let total = 0
  for (const booking of await store.booking.listOnDay(day)) {
    if (sessionId && booking.sessionId !== sessionId) continue
    let mine = isThisClosure(booking)
    if (booking.status === 'confirmed') {
      mine = await store.booking.transition(booking.id, 'confirmed', 'cancelled', { at, refusal: { code: CLOSED_CODE, message: reason } })
      if (mine) cancelled++
    }
    if (!mine) continue
    total++
    if (await store.ops.markOnce(`closure-release:${booking.id}`)) {
      // The record as it stands after the cancel: a 改签 may have moved it since the list was read.
      const settled = (await store.booking.getBooking(booking.id)) ?? booking
      await store.booking.releasePlaces(settled.sessionId, settled.places)
      await store.booking.releaseIds(settled.day, settled.visitors.map((v) => v.idHash), booking.id)
      released++
    }
    const ref = sessionRef(config, booking.sessionId)
    await store.outbox.enqueue({
      id: closureMessageId(booking.id),
      kind: 'closure-notice',
      touser: booking.openid,
      templateId: process.env.CLOSURE_TEMPLATE_ID ?? '',
      page: `/booking/pages/ticket/index?id=${booking.id}`,
      data: {
        thing1: { value: (ref?.template.name ?? '参观场次').slice(0, 20) },
        // `time` values carry the year (subscribeMessage.send's documented format, e.g. 2019年10月1日 15:01).
        time2: { value: beijingDateTimeText(booking.sessionStart) },
        phrase3: { value: BOOKING_STATUS_LABEL.cancelled },
        thing4: { value: reason.slice(0, 20) },
      },
      createdAt: at,
    })
  }
  // The day's groups too (cloud/groups/closure.ts).
  await cancelGroupsOfClosure(store, day, reason, now, sessionId)
  return { day, reason, cancelled, released, total, ...(sessionId ? { sessionId } : {}) }
}

/** The operator's action: close, then cancel. Safe to call again with the same day (a rerun). */
export async function closeDay(store: Store, day: string, reason: string, now: Date): Promise<CloseDayResult> {
  await markDayClosed(store, day, reason)
  return cancelBookingsOfClosedDay(store, day, reason, now)
}

/** Closing one session: the same job, limited to that session's bookings. Safe to call again. */
export async function closeSession(store: Store, sessionId: string, reason: string, now: Date): Promise<CloseDayResult> {
  await markSessionClosed(store, sessionId, reason)
  return cancelBookingsOfClosedDay(store, parseSessionId(sessionId)?.date ?? '', reason, now, sessionId)
}
