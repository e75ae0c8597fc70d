// Checking in by short code: the gate types the 8 characters printed on the ticket. A short code
// is a keyed hash of the booking id (keys.ts), so it is found among the bookings still confirmed
// for the day — a few hundred at most, one HMAC each. A code already used, cancelled or for
// another day is not among them: the short code, like the QR, lets one person in once.
import { normalizeShortCode } from '../contracts/booking'
import type { BookingStore } from '../store/port'
import { shortTicketCode } from './keys'

export type ShortCodeLookup = { kind: 'notShort' } | { kind: 'found'; bookingId: string } | { kind: 'notFound' }

export async function findByShortCode(store: Pick<BookingStore, 'listConfirmedOn'>, secret: string, raw: string, day: string): Promise<ShortCodeLookup> {
  const code = normalizeShortCode(raw)
  if (!code) return { kind: 'notShort' }
  const match = (await store.listConfirmedOn(day)).find((b) => shortTicketCode(secret, b.id) === code)
  return match ? { kind: 'found', bookingId: match.id } : { kind: 'notFound' }
}
