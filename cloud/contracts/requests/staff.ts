import { z } from 'zod'
import { BookingErrors } from '../booking'
import { sessionIdField } from './fields'

/** Museum staff at the gate (role staff). */
export const StaffRequests = {
  /** The QR's signed code, or the 8-character short code typed at the gate. */
  checkIn: z.object({ code: z.string().max(200, BookingErrors.TICKET_INVALID) }).strict(),
  today: z.object({}).strict(),
  expected: z.object({ sessionId: sessionIdField(BookingErrors.SESSION_NOT_FOUND) }).strict(),
}
