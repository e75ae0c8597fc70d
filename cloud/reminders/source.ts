import type { BookingRecord, Store } from '../store/port'
import type { Visit, VisitSource } from './reminder'

/** 'HH:MM' of an instant in Asia/Shanghai (no daylight saving time there). */
const shanghaiClock = (iso: string) => new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(11, 16)

/** A confirmed booking in the reminder's words. */
export function visitOf(record: BookingRecord): Visit {
  return {
    bookingId: record.id,
    openid: record.openid,
    day: record.day,
    session: `${shanghaiClock(record.sessionStart)}–${shanghaiClock(record.sessionEnd)}`,
    visitors: record.places,
    remind: record.remind === true,
  }
}

/** Where the job reads tomorrow's visits: the booking section's confirmed bookings on that day. */
export function visitSourceFor(store: Store): VisitSource {
  return { listVisitsOn: async (day) => (await store.booking.listConfirmedOn(day)).map(visitOf) }
}
