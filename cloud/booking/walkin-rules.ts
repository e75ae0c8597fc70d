// Walk-in release's timing rules, pure (cloud/booking/walkin.ts runs the release; the 候补 line
// asks these to know when its cutoff gives way to a walk-in release). docs/booking-waitlist.md.
import type { SessionRef } from './calendar'
import type { BookingConfig } from './config'
import { addMinutes } from './time'

/** The instant a session's bookings not checked in are released, or null when release is off. */
export function walkInReleaseAt(config: BookingConfig, session: Pick<SessionRef, 'start'>): Date | null {
  return config.walkIn.releaseAfterMinutes > 0 ? addMinutes(session.start, config.walkIn.releaseAfterMinutes) : null
}

/** Whether freed places of this session go to its line now although its cutoff passed: walk-in
 *  release to the line is on and the session is between its release moment and its end. */
export function walkInOffersOpen(config: BookingConfig, session: SessionRef, now: Date): boolean {
  const at = walkInReleaseAt(config, session)
  return config.walkIn.to === 'waitlist' && at !== null && now.getTime() >= at.getTime() && now.getTime() < session.end.getTime()
}

/** Whether a waiting entry may still be served later by a walk-in release (so the cutoff does not end it). */
export function walkInStillAhead(config: BookingConfig, session: SessionRef, now: Date): boolean {
  const at = walkInReleaseAt(config, session)
  return config.walkIn.to === 'waitlist' && at !== null && at.getTime() < session.end.getTime() && now.getTime() < session.end.getTime()
}

