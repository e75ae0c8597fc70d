// The 候补 sweep as its own timer function: an offer lasts the claim window (30 minutes by
// default), so unclaimed offers are expired and passed on every 5 minutes rather than with the
// half-hourly no-show run (which runs the same sweep too). cloud/booking/waitlist.ts.
import { runWaitlistJob } from '../booking/waitlist'
import type { CloudJob } from './types'

export const waitlistSweep: CloudJob = {
  description: '候补：过期未确认的候补名额顺延给下一位；截止后结束候补；有空余名额时发出候补邀请',
  trigger: { name: 'waitlistSweep', config: '0 */5 * * * * *' },
  openapi: [],
  async run({ store, now }) {
    // The function has the default 10 s (runtime/wxcloud/manifest.ts): no new record after 6 s.
    return { ...(await runWaitlistJob(store, now(), undefined, 6_000)) }
  },
}
