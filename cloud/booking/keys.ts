// Keyed derivations from the server secret. Each use gets its own sub-key, so a ticket signature
// can never be replayed as an ID hash or a booking id.
import crypto from 'node:crypto'
import { normalizeIdNumber, SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH, TICKET_CODE_PATTERN, type IdType } from '../contracts/booking'

const subKeys = new Map<string, Buffer>()

function subKey(secret: string, purpose: string): Buffer {
  const cacheKey = `${purpose}\u0000${secret}`
  let key = subKeys.get(cacheKey)
  if (!key) {
    key = crypto.createHmac('sha256', secret).update(`gxq-booking/${purpose}`).digest()
    subKeys.set(cacheKey, key)
  }
  return key
}

const mac = (secret: string, purpose: string, data: string) => crypto.createHmac('sha256', subKey(secret, purpose)).update(data).digest('base64url')

/**
 * The keyed hash of an ID number: what the store keeps for "one booking per ID per day" and
 * "no duplicate saved visitor". Without the server secret a stolen database cannot be matched
 * against a list of ID numbers. Passports and permits share one space with ID cards on purpose:
 * a person can hold both, but the numbering schemes do not collide in practice.
 */
export const idHash = (secret: string, type: IdType, idNumber: string): string =>
  mac(secret, 'id', `${type === 'resident' ? 'resident' : 'doc'}:${normalizeIdNumber(idNumber)}`).slice(0, 32)

/** The booking id for one client request: a retry with the same request id finds the same booking. */
export const bookingIdFor = (secret: string, openid: string, clientRequestId: string): string =>
  mac(secret, 'booking', `${openid}\u0000${clientRequestId}`).slice(0, 16)

/** A saved visitor's id: one per (account, ID), so saving the same ID twice is caught by the store. */
export const visitorIdFor = (secret: string, openid: string, hash: string): string => mac(secret, 'visitor', `${openid}\u0000${hash}`).slice(0, 16)

const ticketSignature = (secret: string, bookingId: string) => mac(secret, 'ticket', `T1.${bookingId}`).slice(0, 16)

/** The e-ticket code: the booking id and its signature. No name, no ID, nothing personal. */
export const ticketCode = (secret: string, bookingId: string): string => `T1.${bookingId}.${ticketSignature(secret, bookingId)}`

/** The booking id in a genuine ticket code; null for anything forged, altered or foreign. */
export function readTicketCode(secret: string, raw: string): string | null {
  const code = raw.trim()
  if (!TICKET_CODE_PATTERN.test(code)) return null
  const [, bookingId, signature] = code.split('.')
  const expected = Buffer.from(ticketSignature(secret, bookingId))
  const given = Buffer.from(signature)
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? bookingId : null
}

/**
 * The ticket's short code: 8 characters of a keyed hash of the booking id, so it cannot be made up
 * without the server secret. The gate finds it among the day's bookings (cloud/booking/shortCode.ts).
 */
export function shortTicketCode(secret: string, bookingId: string): string {
  const bytes = crypto.createHmac('sha256', subKey(secret, 'short-ticket')).update(bookingId).digest()
  let code = ''
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[bytes[i] % SHORT_CODE_ALPHABET.length]
  return code
}
