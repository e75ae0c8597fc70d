// Places held on a session for a named group (a VIP morning, a school class booked by phone).
// A hold takes its places with the same guarded step as a visitor's booking
// (BookingStore.reservePlaces: `booked + n ≤ capacity` in one atomic update on either adapter), so
// visitors see fewer places at once and a hold racing the last bookings never overbooks: whichever
// comes second is refused. Releasing gives them back exactly once (the hold's guarded held →
// released step decides who gives them back).
//
// Order of steps, and what a crash between them leaves: places reserved → hold recorded. A process
// that dies between the two leaves those places taken with no hold to release them (never given
// twice, so never an overbooking) — the same window the cloud booking path accepts; the sessions
// table then shows more taken than booked + held, which is how an operator would notice.
import crypto from 'node:crypto'
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { HOLD_STATUS_LABEL, type HoldSessionView, type SessionHold } from '../../contracts/holds'
import { ConsoleHoldsRequests, MAX_REPORT_DAYS } from '../../contracts/requests/console-holds'
import { loadBookingConfig, type BookingConfig } from '../../booking/config'
import { fillWaitlist } from '../../booking/waitlist'
import { parseSessionId, sessionClosedReason, sessionRef, templatesOn } from '../../booking/calendar'
import { addDays, dayOf } from '../../booking/time'
import { recordChange } from '../../ops/audit'
import type { Store } from '../../store/port'
import { defineAction, type CallContext } from '../types'

export const HoldErrors = {
  RANGE_INVALID: `结束日期不能早于开始日期，一次最多 ${MAX_REPORT_DAYS} 天`,
  SESSION_NOT_FOUND: '这一天没有这个场次',
  SESSION_OVER: '这个场次已经开始或结束，不能再保留名额',
  SESSION_CLOSED: '这个场次已闭馆或停场，不能保留名额；请先重新开放',
  HOLD_FULL: '名额不足，未保留',
  HOLD_NOT_FOUND: '这项保留已释放或不存在，请刷新后再看',
} as const

/** The days from `from` to `to` inclusive (to defaults to from), or null when backwards or too long. */
export function dayRange(from: string, to = from): string[] | null {
  if (to < from) return null
  const days: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) if (days.push(d) > MAX_REPORT_DAYS) return null
  return days
}

/** A day's holds still in force, per session: places held. */
export const heldBySession = (holds: SessionHold[]): Record<string, number> =>
  holds.reduce<Record<string, number>>((acc, h) => (h.status === 'held' ? { ...acc, [h.sessionId]: (acc[h.sessionId] ?? 0) + h.places } : acc), {})

/** Every session of these days with its capacity, places taken (bookings and holds) and held. */
export async function sessionsWithHolds(store: Store, config: BookingConfig, days: string[]): Promise<{ sessions: HoldSessionView[]; holds: SessionHold[] }> {
  const holds = (await Promise.all(days.map((d) => store.ops.listHolds(d)))).flat()
  const held = heldBySession(holds)
  const ids = days.flatMap((day) => templatesOn(config, day).map((t) => `${day}.${t.key}`))
  const taken = ids.length ? await store.booking.placesBooked(ids) : {}
  const sessions = days.flatMap((day) =>
    templatesOn(config, day).map((t) => {
      const sessionId = `${day}.${t.key}`
      const closedReason = sessionClosedReason(config, day, sessionId)
      const view: HoldSessionView = { sessionId, day, name: t.name, start: t.start, end: t.end, capacity: t.capacity, taken: taken[sessionId] ?? 0, held: held[sessionId] ?? 0 }
      return closedReason ? { ...view, closedReason } : view
    }),
  )
  return { sessions, holds }
}

/** The audit's picture of a hold: who for, where, how many, in the words the log shows. */
const auditView = (h: SessionHold) => ({ name: h.name, sessionId: h.sessionId, places: h.places, ...(h.note ? { note: h.note } : {}), status: HOLD_STATUS_LABEL[h.status] })

export const holdsActions = {
  holds: defineAction({
    schema: ConsoleHoldsRequests.holds,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ from, to }, ctx) => {
      const days = dayRange(from, to)
      if (!days) return fail('RANGE_INVALID', HoldErrors.RANGE_INVALID, { to: HoldErrors.RANGE_INVALID })
      const { sessions, holds } = await sessionsWithHolds(ctx.store, await loadBookingConfig(ctx.store), days)
      return ok({ from, to: days[days.length - 1], today: dayOf(ctx.now()), holds, sessions })
    },
  }),

  holdPlaces: defineAction({
    schema: ConsoleHoldsRequests.holdPlaces,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ sessionId, places, name, note }, ctx: CallContext) => {
      const config = await loadBookingConfig(ctx.store)
      const ref = sessionRef(config, sessionId)
      if (!ref) return fail('SESSION_NOT_FOUND', HoldErrors.SESSION_NOT_FOUND)
      if (ref.start.getTime() <= ctx.now().getTime()) return fail('SESSION_OVER', HoldErrors.SESSION_OVER)
      if (sessionClosedReason(config, ref.date, sessionId)) return fail('SESSION_CLOSED', HoldErrors.SESSION_CLOSED)
      const capacity = ref.template.capacity
      // The one atomic step against live bookings: the same guard a visitor's booking passes.
      if (!(await ctx.store.booking.reservePlaces(sessionId, capacity, places))) {
        const left = Math.max(0, capacity - ((await ctx.store.booking.placesBooked([sessionId]))[sessionId] ?? 0))
        const field = `该场次只剩 ${left} 个名额`
        return fail('HOLD_FULL', `${HoldErrors.HOLD_FULL}：${ref.date} ${ref.template.name}只剩 ${left} 个名额，不能保留 ${places} 个`, { places: field })
      }
      const hold: SessionHold = {
        id: `hold-${crypto.randomBytes(8).toString('hex')}`,
        sessionId,
        day: parseSessionId(sessionId)!.date,
        places,
        name,
        ...(note ? { note } : {}),
        status: 'held',
        createdAt: ctx.now().toISOString(),
        createdBy: ctx.account ?? ctx.openid ?? 'unknown',
      }
      try {
        await ctx.store.ops.addHold(hold)
      } catch (error) {
        // Not recorded: the places go back, so a failed hold takes nothing.
        await ctx.store.booking.releasePlaces(sessionId, places)
        throw error
      }
      await recordChange(ctx, 'console.holdPlaces', sessionId, null, auditView(hold))
      const taken = (await ctx.store.booking.placesBooked([sessionId]))[sessionId] ?? 0
      return ok({ hold, left: Math.max(0, capacity - taken) })
    },
  }),

  releaseHold: defineAction({
    schema: ConsoleHoldsRequests.releaseHold,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ holdId }, ctx) => {
      const released = await ctx.store.ops.releaseHold(holdId, { at: ctx.now().toISOString(), by: ctx.account ?? ctx.openid ?? 'unknown' })
      if (!released) return fail('HOLD_NOT_FOUND', HoldErrors.HOLD_NOT_FOUND)
      // Only the winner of the guarded release gives the places back: once.
      await ctx.store.booking.releasePlaces(released.sessionId, released.places)
      // Places a group no longer needs go to the session's 候补 line first.
      await fillWaitlist(ctx.store, released.sessionId, ctx.now())
      await recordChange(ctx, 'console.releaseHold', released.sessionId, auditView({ ...released, status: 'held' }), auditView(released))
      return ok({ hold: released })
    },
  }),
}
