// The HTTP status the local runtime answers a result with. WeChat's cloud functions have no status:
// there the client reads `ok`; here the status is for logs, proxies and monitoring.
//
// Business refusals (the session is full, the ticket was used, no such company) are answers, not
// failures: 200 with ok:false. They are listed explicitly — every code of the features' error
// catalogues. A code in neither list is a bug or an unplanned failure and answers 500, so it
// shows up in monitoring instead of passing as a normal answer.
// Adding a feature with its own error catalogue: spread it into REFUSAL_CODES.
import { AccountErrors } from '../contracts/accounts'
import { BookingErrors } from '../contracts/booking'
import { CommonErrors } from '../contracts/errors'
import type { Result } from '../contracts/result'
import { AdminErrors } from '../functions/admin'
import { ConsoleErrors } from '../functions/console'
import { ExhibitErrors } from '../functions/exhibits'
import { ZoneErrors } from '../functions/zone'
import { STATUS_BY_CODE } from './failure-status'

/** Refusals a person reads and acts on: 200. */
export const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'NOT_FOUND' satisfies keyof typeof CommonErrors,
  ...Object.keys(BookingErrors),
  ...Object.keys(ZoneErrors),
  ...Object.keys(ExhibitErrors),
  ...Object.keys(AdminErrors),
  ...Object.keys(AccountErrors),
  ...Object.keys(ConsoleErrors),
])

export function statusFor(result: Result<unknown>): number {
  if (result.ok) return 200
  const code = result.error.code
  return STATUS_BY_CODE[code] ?? (REFUSAL_CODES.has(code) ? 200 : 500)
}
