// The other half of closing: what a closure would affect (asked before the confirm), and reopening a
// closed day or a stopped session. Reopening takes bookings again; the bookings the closure
// cancelled stay cancelled — their visitors were told, and their places were given back.
import { loadBookingConfig, saveBookingConfig } from '../booking/config'
import type { Store } from '../store/port'
import { CLOSED_CODE } from './close-day'

export interface ClosureImpactDay {
  day: string
  /** Confirmed bookings the closure would cancel, and the people they hold. */
  bookings: number
  people: number
}

/** What closing these days (or, with `sessionId`, that one session) would cancel now. */
export async function closureImpact(store: Store, days: string[], sessionId?: string): Promise<{ days: ClosureImpactDay[]; bookings: number; people: number }> {
  const out: ClosureImpactDay[] = []
  for (const day of days) {
    const live = (await store.booking.listOnDay(day)).filter((b) => b.status === 'confirmed' && (!sessionId || b.sessionId === sessionId))
    out.push({ day, bookings: live.length, people: live.reduce((n, b) => n + b.places, 0) })
  }
  return { days: out, bookings: out.reduce((n, d) => n + d.bookings, 0), people: out.reduce((n, d) => n + d.people, 0) }
}

/** How many bookings of the day (or session) a closure cancelled: they stay so after reopening. */
async function cancelledByClosure(store: Store, day: string, sessionId?: string): Promise<number> {
  return (await store.booking.listOnDay(day)).filter((b) => b.status === 'cancelled' && b.refusal?.code === CLOSED_CODE && (!sessionId || b.sessionId === sessionId)).length
}

/** Takes the day off the closed days; null when it was not closed. */
export async function reopenDay(store: Store, day: string): Promise<{ before: { date: string; reason: string }; stillCancelled: number } | null> {
  const config = await loadBookingConfig(store)
  const before = config.closedDays.find((c) => c.date === day)
  if (!before) return null
  await saveBookingConfig(store, { ...config, closedDays: config.closedDays.filter((c) => c.date !== day) })
  return { before, stillCancelled: await cancelledByClosure(store, day) }
}

/** Takes the session off the stopped sessions; null when it was not stopped. */
export async function reopenSession(store: Store, sessionId: string): Promise<{ before: { sessionId: string; reason: string }; stillCancelled: number } | null> {
  const config = await loadBookingConfig(store)
  const before = config.closedSessions.find((c) => c.sessionId === sessionId)
  if (!before) return null
  await saveBookingConfig(store, { ...config, closedSessions: config.closedSessions.filter((c) => c.sessionId !== sessionId) })
  return { before, stillCancelled: await cancelledByClosure(store, sessionId.slice(0, 10), sessionId) }
}
