// The museum cancels one booking (a group takes the session, a visitor phones in): the same steps
// as a closure's cancel, for one booking, with the operator's reason kept on it so 我的预约 shows it.
//   1. transition confirmed → cancelled (guarded: of a double click, a visitor's own cancel, a
//      check-in at the gate, exactly one wins), recording the reason;
//   2. markOnce, then give back the places, the ID claims and the account's fair-use holds — once;
//   3. queue the booker's message under a deterministic id (a repeat is a no-op).
// Only the winner of step 1 runs 2 and 3, so no adapter needs more than the guarded transition
// and markOnce its contract suite already holds it to.
import { BOOKING_STATUS_LABEL } from '../contracts/booking'
import { fail, ok, type Result } from '../contracts/result'
import { BookingErrors } from '../contracts/booking'
import { loadBookingConfig } from '../booking/config'
import { sessionRef } from '../booking/calendar'
import { accountHoldKeys } from '../booking/fairuse'
import { releaseCancelled } from '../booking/waitlist'
import { beijingDateTimeText } from '../booking/time'
import type { BookingRecord, Store } from '../store/port'

/** The refusal code a museum-cancelled booking carries (not a closure's: reopening a day leaves it alone). */
export const MUSEUM_CANCELLED_CODE = 'MUSEUM_CANCELLED'

const notCancellable = (b: BookingRecord | null): Result<never> =>
  !b || b.status === 'pending' || b.status === 'refused'
    ? fail('BOOKING_NOT_FOUND', BookingErrors.BOOKING_NOT_FOUND)
    : fail('NOT_CANCELLABLE', BookingErrors.NOT_CANCELLABLE.replace('{status}', BOOKING_STATUS_LABEL[b.status as keyof typeof BOOKING_STATUS_LABEL] ?? b.status))

export async function cancelOneBooking(store: Store, bookingId: string, reason: string, now: Date): Promise<Result<{ before: BookingRecord }>> {
  const booking = await store.booking.getBooking(bookingId)
  if (!booking || booking.status !== 'confirmed') return notCancellable(booking)
  const at = now.toISOString()
  if (!(await store.booking.transition(bookingId, 'confirmed', 'cancelled', { at, refusal: { code: MUSEUM_CANCELLED_CODE, message: reason } }))) {
    return notCancellable(await store.booking.getBooking(bookingId))
  }
  const config = await loadBookingConfig(store)
  if (await store.ops.markOnce(`museum-cancel-release:${bookingId}`)) {
    // The record as it stands after the cancel (a 改签 may have moved it), then its line is offered the places.
    await releaseCancelled(store, bookingId, config, now, accountHoldKeys(booking.openid, config.fairUse))
  }
  await store.outbox.enqueue({
    id: `museum-cancel:${bookingId}`,
    // The closure notice's template says the same thing: cancelled by the museum, with the reason.
    kind: 'closure-notice',
    touser: booking.openid,
    templateId: process.env.CLOSURE_TEMPLATE_ID ?? '',
    page: `/booking/pages/ticket/index?id=${bookingId}`,
    data: {
      thing1: { value: (sessionRef(config, booking.sessionId)?.template.name ?? '参观场次').slice(0, 20) },
      time2: { value: beijingDateTimeText(booking.sessionStart) },
      phrase3: { value: BOOKING_STATUS_LABEL.cancelled },
      thing4: { value: reason.slice(0, 20) },
    },
    createdAt: at,
  })
  return ok({ before: booking })
}
