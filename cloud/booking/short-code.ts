// Checking in by short code: the gate types the 8 characters printed on the ticket. A short code
// is a keyed hash of the booking id (keys.ts), so it is found among the day's bookings — a few
// hundred at most, one HMAC each — whatever their state, so that the gate can say why a code is
// refused (already used, and when; cancelled), and then among the other days a ticket can be for
// (another day). The check-in itself is still a guarded transition: one entry per ticket.
import { normalizeShortCode } from '../contracts/booking'
import type { BookingStore } from '../store/port'
import { shortTicketCode } from './keys'

export type ShortCodeLookup = { kind: 'notShort' } | { kind: 'found'; bookingId: string } | { kind: 'notFound' }

/** `days`: today first, then the other days a ticket in circulation can be for. */
export async function findByShortCode(store: Pick<BookingStore, 'listOnDay'>, secret: string, raw: string, days: string[]): Promise<ShortCodeLookup> {
  const code = normalizeShortCode(raw)
  if (!code) return { kind: 'notShort' }
  for (const day of days) {
    const match = (await store.listOnDay(day)).find((b) => shortTicketCode(secret, b.id) === code)
    if (match) return { kind: 'found', bookingId: match.id }
  }
  return { kind: 'notFound' }
}
