// What several cloud functions' handlers share: the booking refusal and the server keys. One
// home each, so a change is made once. (Request schemas and their field helpers: cloud/contracts/requests/.)
import { BookingErrors, fillMessage, type BookingErrorCode } from '../contracts/booking'
import { fail } from '../contracts/result'
import type { KeyRing } from '../booking/keys'
import { MissingSecretError, type CallContext } from './types'

/** A booking rule said no: the code and its Chinese message with the blanks filled in. */
export const refuse = (code: BookingErrorCode, values: Record<string, string | number> = {}) => fail(code, fillMessage(BookingErrors[code], values))

/** The server's keys (ID key and signing keys); without them, dispatch answers NOT_CONFIGURED. */
export function keysOf(ctx: CallContext): KeyRing {
  if (!ctx.keys) throw new MissingSecretError()
  return ctx.keys
}
