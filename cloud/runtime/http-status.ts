// The HTTP status the local runtime answers a result with. WeChat's cloud functions have no status:
// there the client reads `ok`; here the status is for logs, proxies and monitoring.
//
// Business refusals (the session is full, the ticket was used, no such company) are answers, not
// failures: 200 with ok:false. They are listed explicitly — every code of the features' error
// catalogues. A code in neither list is a bug or an unplanned failure and answers 500, so it
// shows up in monitoring instead of passing as a normal answer.
// Adding a feature with its own error catalogue: spread it into refusalCodes().
import { AccountErrors } from '../contracts/accounts'
import { BookingErrors } from '../contracts/booking'
import { CommonErrors } from '../contracts/errors'
import type { Result } from '../contracts/result'
import { STATUS_BY_CODE } from './failure-status'

let refusals: ReadonlySet<string> | undefined

/**
 * Refusals a person reads and acts on: 200. Made at the first answer: the catalogues kept in the
 * functions' modules are required then, so the server starts without evaluating those modules
 * (cloud/runtime/functions.ts).
 */
function refusalCodes(): ReadonlySet<string> {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
  return (refusals ??= new Set([
    'NOT_FOUND' satisfies keyof typeof CommonErrors,
    ...Object.keys(BookingErrors),
    ...Object.keys((require('../functions/zone') as typeof import('../functions/zone')).ZoneErrors),
    ...Object.keys((require('../functions/exhibits') as typeof import('../functions/exhibits')).ExhibitErrors),
    ...Object.keys((require('../functions/admin') as typeof import('../functions/admin')).AdminErrors),
    ...Object.keys(AccountErrors),
    ...Object.keys((require('../functions/console') as typeof import('../functions/console')).ConsoleErrors),
    ...Object.keys((require('../functions/console/uploads') as typeof import('../functions/console/uploads')).UploadErrors),
  ]))
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export function statusFor(result: Result<unknown>): number {
  if (result.ok) return 200
  const code = result.error.code
  return STATUS_BY_CODE[code] ?? (refusalCodes().has(code) ? 200 : 500)
}
