// Fair use per account (data/booking.json `fairUse`): the keys under which an account's bookings
// and places for a visit day are claimed. They reuse the store's per-day claims (claimId), so they
// are unique, released with the booking (refusal, cancel, sweep) and healed like ID claims.
// The account key is a plain digest of the OPENID, not keyed by a secret: rotating keys never
// changes it (see cloud/runtime/keys.ts).
import crypto from 'node:crypto'
import { MAX_VISITORS_PER_BOOKING } from '../contracts/booking'
import type { BookingConfig } from './config'

export type FairUse = BookingConfig['fairUse']

const accountKey = (openid: string) => crypto.createHash('sha256').update(`gxq-fair-use/${openid}`).digest('base64url').slice(0, 24)

/** The account's booking slots for a day: one claim per live booking. */
export const bookingSlotKeys = (openid: string, fairUse: FairUse): string[] =>
  Array.from({ length: fairUse.bookingsPerAccountPerDay }, (_, k) => `acct:${accountKey(openid)}#b${k}`)

/** Place slots are claimed only when the place cap is tighter than slots × the per-booking maximum
 *  (with the defaults, 1 booking × 5 people, the booking slot alone caps places at 5). */
export const placesBind = (fairUse: FairUse): boolean => fairUse.placesPerAccountPerDay < fairUse.bookingsPerAccountPerDay * MAX_VISITORS_PER_BOOKING

export const placeSlotKeys = (openid: string, fairUse: FairUse): string[] =>
  placesBind(fairUse) ? Array.from({ length: fairUse.placesPerAccountPerDay }, (_, k) => `acct:${accountKey(openid)}#p${k}`) : []

/** Every key a booking of this account may hold for its day (released only where it holds them). */
export const accountHoldKeys = (openid: string, fairUse: FairUse): string[] => [...bookingSlotKeys(openid, fairUse), ...placeSlotKeys(openid, fairUse)]

/**
 * Per address bucket (H5, where identities are free): the place slots one network's bookings may
 * hold in one session, `cap` of them — the same claims as the account's, keyed by the session, so a
 * booking takes `places` of them and a cancelled or swept booking's are taken over by the next.
 */
export function addressPlaceSlotKeys(address: string, sessionKey: string, cap: number): string[] {
  // Made for every booking of a rush (30 by default): a plain loop over one prefix, not Array.from's generic walk.
  const prefix = `addr:${address}.${sessionKey}#p`
  const keys = new Array<string>(cap)
  for (let k = 0; k < cap; k++) keys[k] = prefix + k
  return keys
}
