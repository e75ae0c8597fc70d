// The console's closing and reopening days and sessions; a closure cancels the bookings it covers and tells the bookers.
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleRequests, MAX_CLOSE_DAYS } from '../../contracts/requests/console'
import { loadBookingConfig } from '../../booking/config'
import { parseSessionId, sessionRef, templatesOn } from '../../booking/calendar'
import { fillWaitlist } from '../../booking/waitlist'
import { addDays, dayOf } from '../../booking/time'
import { recordChange } from '../../ops/audit'
import { closeDay, closeSession } from '../../ops/close-day'
import { closureImpact, reopenDay, reopenSession } from '../../ops/reopen'
import type { CloseDayResult } from '../../contracts/ops'
import { defineAction } from '../types'
import { ConsoleErrors } from './errors'

/** The days from `from` to `to` inclusive, or null when backwards or too long. */
function closureRange(from: string, to: string): string[] | null {
  if (to < from) return null
  const days: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) if (days.push(d) > MAX_CLOSE_DAYS) return null
  return days
}

export const closuresActions = {
  closures: defineAction({
    schema: ConsoleRequests.closures,
    roles: CONSOLE_ROLES.booking,
    handle: async (_req, ctx) => {
      const config = await loadBookingConfig(ctx.store)
      return ok({ closedDays: config.closedDays, sessions: config.sessions, today: dayOf(ctx.now()) })
    },
  }),
  /** What a closure would cancel, asked before the confirm: a range of days, or one session. */
  closureImpact: defineAction({
    schema: ConsoleRequests.closureImpact,
    roles: CONSOLE_ROLES.booking,
    handle: async (req, ctx) => {
      if ('sessionId' in req) return ok(await closureImpact(ctx.store, [req.sessionId.slice(0, 10)], req.sessionId))
      const days = closureRange(req.from, req.to)
      if (!days) return fail('RANGE_INVALID', ConsoleErrors.RANGE_INVALID, { to: ConsoleErrors.RANGE_INVALID })
      return ok(await closureImpact(ctx.store, days))
    },
  }),
  closeDay: defineAction({
    schema: ConsoleRequests.closeDay,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ day, reason }, ctx) => {
      if (day < dayOf(ctx.now())) return fail('DAY_PAST', ConsoleErrors.DAY_PAST, { day: ConsoleErrors.DAY_PAST })
      const before = (await loadBookingConfig(ctx.store)).closedDays.find((c) => c.date === day) ?? null
      const result = await closeDay(ctx.store, day, reason, ctx.now())
      await recordChange(ctx, 'console.closeDay', day, before, result)
      return ok(result)
    },
  }),
  /** Closing several days with one reason (a typhoon): the day job for each, in order. */
  closeDays: defineAction({
    schema: ConsoleRequests.closeDays,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ from, to, reason }, ctx) => {
      if (from < dayOf(ctx.now())) return fail('DAY_PAST', ConsoleErrors.DAY_PAST, { from: ConsoleErrors.DAY_PAST })
      const days = closureRange(from, to)
      if (!days) return fail('RANGE_INVALID', ConsoleErrors.RANGE_INVALID, { to: ConsoleErrors.RANGE_INVALID })
      const config = await loadBookingConfig(ctx.store)
      const results: CloseDayResult[] = []
      for (const day of days) {
        const before = config.closedDays.find((c) => c.date === day) ?? null
        const result = await closeDay(ctx.store, day, reason, ctx.now())
        await recordChange(ctx, 'console.closeDay', day, before, result)
        results.push(result)
      }
      return ok({ days: results, cancelled: results.reduce((n, r) => n + r.cancelled, 0), total: results.reduce((n, r) => n + r.total, 0) })
    },
  }),
  /** Closing one session: the same idempotent job as a day, cancelling only that session's bookings. */
  closeSession: defineAction({
    schema: ConsoleRequests.closeSession,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ sessionId, reason }, ctx) => {
      if (parseSessionId(sessionId)!.date < dayOf(ctx.now())) return fail('DAY_PAST', ConsoleErrors.DAY_PAST)
      const config = await loadBookingConfig(ctx.store)
      if (!sessionRef(config, sessionId)) return fail('SESSION_NOT_FOUND', ConsoleErrors.SESSION_NOT_FOUND)
      const before = config.closedSessions.find((c) => c.sessionId === sessionId) ?? null
      const result = await closeSession(ctx.store, sessionId, reason, ctx.now())
      await recordChange(ctx, 'console.closeSession', sessionId, before, result)
      return ok(result)
    },
  }),
  /** Opens a closed day for booking again; what the closure cancelled stays cancelled. */
  reopenDay: defineAction({
    schema: ConsoleRequests.reopenDay,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ day }, ctx) => {
      if (day < dayOf(ctx.now())) return fail('DAY_PAST', ConsoleErrors.DAY_PAST, { day: ConsoleErrors.DAY_PAST })
      const done = await reopenDay(ctx.store, day)
      if (!done) return fail('NOT_CLOSED', ConsoleErrors.NOT_CLOSED)
      await recordChange(ctx, 'console.reopenDay', day, done.before, null)
      // Places the closure gave back go to the 候补 lines first.
      for (const t of templatesOn(await loadBookingConfig(ctx.store), day)) await fillWaitlist(ctx.store, `${day}.${t.key}`, ctx.now())
      return ok({ day, stillCancelled: done.stillCancelled })
    },
  }),
  reopenSession: defineAction({
    schema: ConsoleRequests.reopenSession,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ sessionId }, ctx) => {
      if (sessionId.slice(0, 10) < dayOf(ctx.now())) return fail('DAY_PAST', ConsoleErrors.DAY_PAST)
      const done = await reopenSession(ctx.store, sessionId)
      if (!done) return fail('NOT_CLOSED', ConsoleErrors.NOT_CLOSED)
      await recordChange(ctx, 'console.reopenSession', sessionId, done.before, null)
      await fillWaitlist(ctx.store, sessionId, ctx.now())
      return ok({ sessionId, stillCancelled: done.stillCancelled })
    },
  }),
}
