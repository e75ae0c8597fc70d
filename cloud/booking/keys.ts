// Keyed derivations from the server keys. Each use gets its own sub-key, so a ticket signature
// can never be replayed as an ID hash or a booking id.
// Two kinds of key (see cloud/runtime/keyring.ts):
//  - the ID key (`idKey`): ID hashes, saved-visitor ids and booking ids. What the store keeps
//    depends on it (uniqueness of ID claims, retries finding their booking), so it is never rotated
//    with the signing keys.
//  - the signing keys (`signing`, newest first): e-tickets (and, in the runtime, tokens). The newest
//    signs; every key in the ring verifies, so rotating keeps every issued ticket valid until the old
//    key is retired.
import crypto from 'node:crypto'
import { normalizeIdNumber, SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH, TICKET_CODE_PATTERN, type IdType } from '../contracts/booking'

export interface SigningKey {
  /** Short id written into every token and ticket (`k1`, `k2`, …). */
  id: string
  secret: string
}

export interface KeyRing {
  idKey: string
  /** Newest first: signing[0] signs, all verify. */
  signing: SigningKey[]
}

/** A ring from one legacy secret (APP_SECRET): it is both the ID key and the signing key `k0`, so
 *  everything made before key rings existed keeps working. */
export const ringFromSecret = (secret: string): KeyRing => ({ idKey: secret, signing: [{ id: 'k0', secret }] })

// Sub-keys per secret, then per purpose: a booking derives three MACs, and looking a sub-key up
// this way builds (and hashes) no new string from the secret on every call.
const subKeys = new Map<string, Map<string, Buffer>>()

function subKey(secret: string, purpose: string): Buffer {
  let bySecret = subKeys.get(secret)
  if (!bySecret) subKeys.set(secret, (bySecret = new Map()))
  let key = bySecret.get(purpose)
  if (!key) {
    key = crypto.createHmac('sha256', secret).update(`gxq-booking/${purpose}`).digest()
    bySecret.set(purpose, key)
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

// The address keys made lately: a phone saves its visitors and then books from the same address,
// and in a rush every booking asks for its key. Bounded: emptied when full.
const ADDRESS_KEYS_KEPT = 20_000
const addressKeys = new Map<string, Map<string, string>>()

/** A client address bucket as the store keeps it for the per-address caps: keyed, because an
 *  address is personal information and IPv4 has few enough values to try them all. */
export function addressKey(secret: string, bucket: string): string {
  let bySecret = addressKeys.get(secret)
  if (!bySecret) addressKeys.set(secret, (bySecret = new Map()))
  let key = bySecret.get(bucket)
  if (key === undefined) {
    key = mac(secret, 'address', bucket).slice(0, 16)
    if (bySecret.size >= ADDRESS_KEYS_KEPT) bySecret.clear()
    bySecret.set(bucket, key)
  }
  return key
}

/** A saved visitor's id: one per (account, ID), so saving the same ID twice is caught by the store. */
export const visitorIdFor = (secret: string, openid: string, hash: string): string => mac(secret, 'visitor', `${openid}\u0000${hash}`).slice(0, 16)

/** `T1.<booking>.<sig>` (before key rings: signed with the legacy secret) and `T2.<key id>.<booking>.<sig>`. */
const ticketSignature = (secret: string, signed: string) => mac(secret, 'ticket', signed).slice(0, 16)

/** The e-ticket code: the signing key's id, the booking id and its signature. No name, no ID, nothing personal. */
export function ticketCode(ring: KeyRing, bookingId: string): string {
  const key = ring.signing[0]
  const signed = `T2.${key.id}.${bookingId}`
  return `${signed}.${ticketSignature(key.secret, signed)}`
}

const sameText = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b))

/** The booking id in a genuine ticket code; null for anything forged, altered, foreign, or signed by a retired key. */
export function readTicketCode(ring: KeyRing, raw: string): string | null {
  const code = raw.trim()
  if (!TICKET_CODE_PATTERN.test(code)) return null
  const parts = code.split('.')
  if (parts[0] === 'T1') {
    const [, bookingId, signature] = parts
    // Legacy tickets carry no key id: any key of the ring may have signed them.
    return ring.signing.some((k) => sameText(ticketSignature(k.secret, `T1.${bookingId}`), signature)) ? bookingId : null
  }
  const [, keyId, bookingId, signature] = parts
  const key = ring.signing.find((k) => k.id === keyId)
  return key && sameText(ticketSignature(key.secret, `T2.${keyId}.${bookingId}`), signature) ? bookingId : null
}

/**
 * The ticket's short code: 8 characters of a keyed hash of the booking id, so it cannot be made up
 * without the ID key (never rotated, so a saved code stays valid). The gate finds it among the day's bookings (short-code.ts).
 */
export function shortTicketCode(secret: string, bookingId: string): string {
  const bytes = crypto.createHmac('sha256', subKey(secret, 'short-ticket')).update(bookingId).digest()
  let code = ''
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[bytes[i] % SHORT_CODE_ALPHABET.length]
  return code
}
