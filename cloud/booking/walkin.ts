// Walk-in release (docs/booking-waitlist.md, 「现场释放」): `walkIn.releaseAfterMinutes` after a
// session starts, its bookings not yet checked in are released — each in one guarded step
// (confirmed → released: exactly one of the release and a check-in at the gate wins), then its
// places go back to the session — and offered to the 候补 line (offers held at most until the
// session ends) or left for people at the door (the gate's counter). A released booking keeps its
// ID claims and its ticket: its holder is still admitted while places allow (staff.checkIn takes
// the places back first), and is told the places were released when none are left. A released
// booking never checked in by the session's end becomes 未到场 like any other. Runs inside the
// no-show job (local timer, `npm run job:no-show`, the noShows cloud timer function).
import type { BookingRecord, Store } from '../store/port'
import { sessionRef } from './calendar'
import type { BookingConfig } from './config'
import { addDays, dayOf } from './time'
import { fillWaitlist } from './waitlist'
import { walkInReleaseAt } from './walkin-rules'

export interface WalkInReport {
  /** Bookings released (not checked in N minutes after their session started). */
  released: number
  /** Places they gave back. */
  places: number
  /** Offers made from those places (mode `waitlist`). */
  offered: number
  /** Released bookings whose session ended without them: now 未到场. */
  noShows: number
  /** Their accounts (the no-show rule counts them). */
  noShowAccounts: string[]
}

export async function runWalkInRelease(store: Store, config: BookingConfig, now: Date): Promise<WalkInReport> {
  const report: WalkInReport = { released: 0, places: 0, offered: 0, noShows: 0, noShowAccounts: [] }
  const at = now.toISOString()
  const today = dayOf(now)
  const freed = new Set<string>()
  if (config.walkIn.releaseAfterMinutes > 0) {
    for (const record of await store.booking.listConfirmedOn(today)) {
      const session = sessionRef(config, record.sessionId)
      const releaseAt = session && walkInReleaseAt(config, session)
      if (!session || !releaseAt || now.getTime() < releaseAt.getTime() || now.getTime() >= session.end.getTime()) continue
      // Guarded: a scan at the gate at the same moment wins or loses as a whole.
      if (!(await store.booking.transition(record.id, 'confirmed', 'released', { at }))) continue
      await store.booking.releasePlaces(record.sessionId, record.places)
      report.released++
      report.places += record.places
      freed.add(record.sessionId)
    }
  }
  if (config.walkIn.to === 'waitlist') for (const sessionId of freed) report.offered += (await fillWaitlist(store, sessionId, now))?.offered.length ?? 0
  // Released and never came (yesterday's late sessions too): 未到场, counted by the no-show rule.
  // Their places were given back at the release, so nothing is given back here.
  for (const day of [addDays(today, -1), today]) {
    const over = (await store.booking.listOnDay(day)).filter((b: BookingRecord) => b.status === 'released' && Date.parse(b.sessionEnd) <= now.getTime())
    for (const b of over) {
      if (!(await store.booking.transition(b.id, 'released', 'no_show', { at }))) continue
      report.noShows++
      report.noShowAccounts.push(b.openid)
    }
  }
  return report
}
