// After a session ends, bookings never checked in become 未到场; enough of them within the window
// suspends booking. Run by the local runtime's timer, the CLI (npm run job:no-show) and, in
// production, a timer-triggered cloud function.
import type { BookingAccount, Store } from '../store/port'
import { loadBookingConfig, type BookingConfig } from './config'
import { sweepAbandonedBookings, type SweepOptions, type SweepReport } from './sweep'
import { runWaitlistJob, type WaitlistJobReport } from './waitlist'
import { runWalkInRelease, type WalkInReport } from './walkin'

const DAY_MS = 86_400_000

/** The suspension a user earns after a new no-show, or null. Pure. */
export function suspensionFor(
  config: BookingConfig,
  account: BookingAccount | null,
  noShowsInWindow: number,
  now: Date,
): Required<BookingAccount> | null {
  if (noShowsInWindow < config.noShow.limit) return null
  if (account?.suspendedUntil && Date.parse(account.suspendedUntil) > now.getTime()) return null
  return {
    openid: account?.openid ?? '',
    suspendedUntil: new Date(now.getTime() + config.noShow.suspendDays * DAY_MS).toISOString(),
    countNoShowsAfter: now.toISOString(),
  }
}

/** Where the no-show window starts for a user: the window, or after their last suspension. */
export function noShowWindowStart(config: BookingConfig, account: BookingAccount | null, now: Date): string {
  const window = new Date(now.getTime() - config.noShow.windowDays * DAY_MS).toISOString()
  return account?.countNoShowsAfter && account.countNoShowsAfter > window ? account.countNoShowsAfter : window
}

export interface NoShowReport {
  marked: number
  suspended: string[]
  /** Bookings abandoned half-way (still pending past the grace period), settled in the same run. */
  swept: SweepReport
  /** The 候补 sweep of the same run: unclaimed offers expired and passed on, lines filled. */
  waitlist: WaitlistJobReport
  /** Walk-in release of the same run: bookings not checked in N minutes after their session started. */
  walkIn: WalkInReport
}

export async function runNoShowJob(store: Store, now: Date, batch = 500, sweep: SweepOptions = {}): Promise<NoShowReport> {
  const config = await loadBookingConfig(store)
  const swept = await sweepAbandonedBookings(store, now, sweep)
  const nowIso = now.toISOString()
  const touched = new Set<string>()
  let marked = 0
  for (;;) {
    const due = await store.booking.dueNoShows(nowIso, batch)
    for (const b of due) {
      // Guarded: a check-in racing the job wins or loses as a whole, never both.
      if (await store.booking.transition(b.id, 'confirmed', 'no_show', { at: nowIso })) {
        marked++
        touched.add(b.openid)
      }
    }
    if (due.length < batch) break
  }
  // Before the 候补 sweep, so the line sees the places released at the door this run.
  const walkIn = await runWalkInRelease(store, config, now)
  for (const openid of walkIn.noShowAccounts) touched.add(openid)
  marked += walkIn.noShows
  const suspended: string[] = []
  for (const openid of touched) {
    const account = await store.booking.getAccount(openid)
    const count = await store.booking.countNoShows(openid, noShowWindowStart(config, account, now))
    const suspension = suspensionFor(config, account, count, now)
    if (suspension) {
      await store.booking.suspend({ ...suspension, openid })
      suspended.push(openid)
    }
  }
  const waitlist = await runWaitlistJob(store, now)
  return { marked, suspended, swept, waitlist, walkIn }
}
