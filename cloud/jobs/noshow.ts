// The no-show sweep as a timer-triggered cloud function: after a session ends, bookings never
// checked in become 未到场 and the suspension rule applies. Same job as the local runtime's
// interval and `npm run job:no-show` (cloud/booking/noshow.ts). The same run settles bookings whose
// call died half-way and gives back their places and ID claims (cloud/booking/sweep.ts).
import { runNoShowJob } from '../booking/noshow'
import type { CloudJob } from './types'

export const noShows: CloudJob = {
  description: '场次结束后将未签到的预约标记为未到场，并按规则暂停预约；收回中断未完成的预约占用的名额',
  // Every 30 minutes (at :05 and :35): a session's no-shows are marked within half an hour of its
  // end, whatever the session times are configured to. Each run is a few reads when nothing is due.
  trigger: { name: 'noShowSweep', config: '0 5,35 * * * * *' },
  openapi: [],
  async run({ store, now }) {
    // The function has 60 s (scripts/cloud/deploy.ts): the sweep starts no new record after 30 s,
    // so it is never cut off between settling a booking and giving back its places.
    const report = await runNoShowJob(store, now(), undefined, { budgetMs: 30_000 })
    return { marked: report.marked, suspended: report.suspended.length, swept: report.swept }
  },
}
