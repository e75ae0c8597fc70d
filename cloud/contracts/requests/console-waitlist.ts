// Request schemas of the console's 候补 actions (cloud/functions/console/waitlist.ts); the Api
// catalogue derives its request types from them (type-only import).
import { z } from 'zod'
import { DAY_FORMAT_MESSAGE, DAY_PATTERN } from '../day'

export const ConsoleWaitlistRequests = {
  /** Each session's line on one day. */
  waitlist: z.object({ day: z.string().regex(DAY_PATTERN, DAY_FORMAT_MESSAGE) }).strict(),
}
