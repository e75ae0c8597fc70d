// What a session-template edit would take off the calendar. Bookings point at a session by id
// (`2026-11-27.pm`); a template edit that drops the key leaves them pointing at nothing — the
// visitor still holds a ticket, the roster and the gate no longer know the session. The console
// refuses such an edit and asks the operator to stop the session first (which cancels and tells).
import { templatesOn } from '../booking/calendar'
import type { BookingConfig } from '../booking/config'
import { addDays } from '../booking/time'
import type { BookingRecord } from '../store/port'

/** Session ids on the days [fromDay, toDay] that `before` runs and `after` no longer does. */
export function droppedSessionIds(before: BookingConfig, after: BookingConfig, fromDay: string, toDay: string): string[] {
  const dropped: string[] = []
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
    const kept = new Set(templatesOn(after, day).map((t) => t.key))
    for (const t of templatesOn(before, day)) if (!kept.has(t.key)) dropped.push(`${day}.${t.key}`)
  }
  return dropped
}

/** The last day a visitor can hold a booking for: the calendar's window or the release window. */
export const lastBookableDay = (config: BookingConfig, today: string) => addDays(today, Math.max(config.daysShown, config.release.daysAhead) + 1)

/** Bookings that still expect their visitors: confirmed (or being confirmed) and not yet over. */
export const isLiveBooking = (b: BookingRecord, now: Date) => (b.status === 'confirmed' || b.status === 'pending') && Date.parse(b.sessionEnd) > now.getTime()

/** `2026-11-27.pm（1 笔预约，2 人）` per session that still has live bookings. */
export function describeHeld(bookings: BookingRecord[]): string[] {
  const bySession = new Map<string, { count: number; places: number }>()
  for (const b of bookings) {
    const held = bySession.get(b.sessionId) ?? { count: 0, places: 0 }
    bySession.set(b.sessionId, { count: held.count + 1, places: held.places + b.places })
  }
  return [...bySession].sort(([a], [b]) => a.localeCompare(b)).map(([id, h]) => `${id}（${h.count} 笔预约，${h.places} 人）`)
}
