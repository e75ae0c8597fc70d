// Which days and sessions can be booked at a given instant: pure, so the rules are testable and
// both stores see the same answers.
import { parseSessionId, sessionIdOf, weekdayOf, shortDate, type CalendarDay, type CalendarSession } from '../contracts/booking'
import type { BookingConfig, SessionTemplate } from './config'
import { addDays, addMinutes, beijingText, dayOf, instantAt } from './time'

/** The session-id format is a contract (cloud/contracts/booking.ts); re-exported for the handlers. */
export { SESSION_ID_PATTERN, sessionIdOf, parseSessionId } from '../contracts/booking'

export interface SessionRef {
  id: string
  date: string
  template: SessionTemplate
  start: Date
  end: Date
}

const refs = new WeakMap<BookingConfig, Map<string, SessionRef | null>>()

/** The session an id names under this config, or null. Remembered per config (ids are few). */
export function sessionRef(config: BookingConfig, id: string): SessionRef | null {
  let known = refs.get(config)
  if (!known) refs.set(config, (known = new Map()))
  if (known.has(id)) return known.get(id)!
  const ref = makeSessionRef(config, id)
  if (known.size > 5000) known.clear()
  known.set(id, ref)
  return ref
}

const weekdayNumber = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay()

/** The sessions of a date: that weekday's own templates when the operator set them, else the
 *  default ones, each with the day's capacity override applied. */
export function templatesOn(config: BookingConfig, date: string): SessionTemplate[] {
  const base = config.weekdaySessions[String(weekdayNumber(date)) as keyof BookingConfig['weekdaySessions']] ?? config.sessions
  if (!config.capacityOverrides.some((o) => o.date === date)) return base
  return base.map((t) => {
    const override = config.capacityOverrides.find((o) => o.date === date && o.key === t.key)
    return override ? { ...t, capacity: override.capacity } : t
  })
}

/** Why one session is closed (its day closed, or the session alone), or null. */
export function sessionClosedReason(config: BookingConfig, date: string, id: string): string | null {
  return closedReason(config, date) ?? config.closedSessions.find((c) => c.sessionId === id)?.reason ?? null
}

function makeSessionRef(config: BookingConfig, id: string): SessionRef | null {
  const parsed = parseSessionId(id)
  if (!parsed) return null
  const { date, key } = parsed
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return null
  const template = templatesOn(config, date).find((s) => s.key === key)
  if (!template || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) return null
  return { id, date, template, start: instantAt(date, template.start), end: instantAt(date, template.end) }
}

export const holidayOn = (config: BookingConfig, date: string): string | undefined =>
  config.holidays.find((h) => h.from <= date && date <= h.to)?.name

/** Whether the day's closure was written for the app (data/booking.json) rather than announced by the museum. */
const closureIsIllustrative = (config: BookingConfig, date: string): boolean => config.closedDays.some((c) => c.date === date && c.illustrative === true)

/** Why the museum is closed on a date, or null when it is open. */
export function closedReason(config: BookingConfig, date: string): string | null {
  const operator = config.closedDays.find((c) => c.date === date)
  if (operator) return operator.reason
  const weekday = weekdayNumber(date)
  if (config.closedWeekdays.includes(weekday) && !holidayOn(config, date)) return `每${weekdayOf(date)}闭馆（法定节假日除外）`
  return null
}

export const releaseAt = (config: BookingConfig, date: string): Date => instantAt(addDays(date, -config.release.daysAhead), config.release.time)

export const cancelDeadline = (config: BookingConfig, start: Date): Date => addMinutes(start, -config.cancelMinutesBeforeStart)

export type Availability =
  | { ok: true }
  | { ok: false; code: 'DAY_CLOSED' | 'SESSION_CLOSED' | 'NOT_RELEASED' | 'SESSION_OVER'; values: Record<string, string> }

/** Whether a session can take bookings now (capacity aside). */
export function availability(config: BookingConfig, session: SessionRef, now: Date): Availability {
  const dayReason = closedReason(config, session.date)
  // A refusal is text only: a closure written for the app says so in words (the pages show the 示意 mark).
  if (dayReason) return { ok: false, code: 'DAY_CLOSED', values: { date: shortDate(session.date), reason: closureIsIllustrative(config, session.date) ? `${dayReason}（示意）` : dayReason } }
  // The operator stopped this session alone: the day stays open, so say which one and why.
  const sessionReason = config.closedSessions.find((c) => c.sessionId === session.id)?.reason
  if (sessionReason) return { ok: false, code: 'SESSION_CLOSED', values: { reason: sessionReason } }
  if (now.getTime() >= session.end.getTime()) return { ok: false, code: 'SESSION_OVER', values: {} }
  const release = releaseAt(config, session.date)
  if (now.getTime() < release.getTime()) return { ok: false, code: 'NOT_RELEASED', values: { date: shortDate(session.date), release: beijingText(release) } }
  return { ok: true }
}

/** The ids of the sessions the calendar shows at this instant (to fetch their counters in one read). */
export function calendarSessionIds(config: BookingConfig, now: Date): string[] {
  const today = dayOf(now)
  const ids: string[] = []
  for (let i = 0; i <= config.daysShown; i++) {
    const date = addDays(today, i)
    for (const t of templatesOn(config, date)) ids.push(sessionIdOf(date, t.key))
  }
  return ids
}

/** How far ahead to look for a day that opens for booking (a long closure is still found). */
const NEXT_RELEASE_HORIZON_DAYS = 60

/**
 * The next day whose places are not out yet and on which the museum is open: what the home page
 * announces. A closed day is skipped (its places are never released), so the page never says a
 * closed day's booking opens. Null when nothing opens within the horizon.
 */
export function nextRelease(config: BookingConfig, now: Date): { date: string; weekday: string; releaseAt: string } | null {
  const today = dayOf(now)
  for (let i = 0; i <= NEXT_RELEASE_HORIZON_DAYS; i++) {
    const date = addDays(today, i)
    const release = releaseAt(config, date)
    if (release.getTime() <= now.getTime() || closedReason(config, date) || templatesOn(config, date).length === 0) continue
    return { date, weekday: weekdayOf(date), releaseAt: release.toISOString() }
  }
  return null
}

/** The days a visitor sees: today and the following `daysShown` days, with places left. */
export function buildCalendar(config: BookingConfig, now: Date, booked: Record<string, number>): CalendarDay[] {
  const today = dayOf(now)
  const days: CalendarDay[] = []
  for (let i = 0; i <= config.daysShown; i++) {
    const date = addDays(today, i)
    const reason = closedReason(config, date)
    const release = releaseAt(config, date)
    const released = now.getTime() >= release.getTime()
    const sessions: CalendarSession[] = templatesOn(config, date).map((t) => {
      const ref = sessionRef(config, sessionIdOf(date, t.key))!
      const left = Math.max(0, t.capacity - (booked[ref.id] ?? 0))
      const sessionReason = reason ? null : sessionClosedReason(config, date, ref.id)
      const status: CalendarSession['status'] = reason || sessionReason
        ? 'closed'
        : !released
          ? 'notReleased'
          : now.getTime() >= ref.end.getTime()
            ? 'over'
            : left === 0
              ? 'full'
              : 'open'
      return { id: ref.id, key: t.key, name: t.name, start: t.start, end: t.end, capacity: t.capacity, left, status, ...(sessionReason ? { closedReason: sessionReason } : {}) }
    })
    const status: CalendarDay['status'] = reason ? 'closed' : !released ? 'notReleased' : sessions.every((s) => s.status === 'over') ? 'over' : 'open'
    const illustrative = reason !== null && closureIsIllustrative(config, date)
    days.push({
      date,
      weekday: weekdayOf(date),
      status,
      ...(reason ? { closedReason: reason } : {}),
      ...(illustrative ? { closedIllustrative: true } : {}),
      ...(holidayOn(config, date) ? { holiday: holidayOn(config, date) } : {}),
      releaseAt: release.toISOString(),
      releaseText: beijingText(release),
      sessions,
    })
  }
  return days
}

