// The console's actions: The day's roster: search it, print it, cancel one booking.
import { ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleRequests } from '../../contracts/requests/console'
import { loadBookingConfig } from '../../booking/config'
import { recordChange } from '../../ops/audit'
import { rosterRows, rosterWorkbook, searchRoster } from '../../ops/roster'
import { cancelOneBooking } from '../../ops/cancel-booking'
import { shortTicketCode } from '../../booking/keys'
import { defineAction, type CallContext } from '../types'

/** The day's roster rows, each with the ticket short code the visitor's ticket shows (when the server holds the ticket key). */
async function rosterOf(ctx: CallContext, day: string) {
  const keys = ctx.keys
  return rosterRows(await ctx.store.booking.listOnDay(day), await loadBookingConfig(ctx.store), keys ? (id) => shortTicketCode(keys.idKey, id) : undefined)
}

export const rosterActions = {
  /** `q`: a visitor's name (or part of it) or a ticket's short code. */
  roster: defineAction({
    schema: ConsoleRequests.roster,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ day, q }, ctx) => ok({ day, rows: searchRoster(await rosterOf(ctx, day), q) }),
  }),
  /** The museum cancels one booking: places and IDs given back, the booker told why (我的预约 shows the reason). */
  cancelBooking: defineAction({
    schema: ConsoleRequests.cancelBooking,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ bookingId, reason }, ctx) => {
      const done = await cancelOneBooking(ctx.store, bookingId, reason, ctx.now())
      if (!done.ok) return done
      const b = done.data.before
      const who = { name: b.visitors.map((v) => v.name).join('、'), sessionId: b.sessionId, places: b.places }
      await recordChange(ctx, 'console.cancelBooking', bookingId, { ...who, status: 'confirmed' }, { ...who, status: 'cancelled', reason })
      return ok({ bookingId, status: 'cancelled' as const, reason })
    },
  }),
  /** The same roster as an Excel file (base64), for printing at the gate. */
  rosterXlsx: defineAction({
    schema: ConsoleRequests.rosterXlsx,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ day }, ctx) => {
      const rows = await rosterOf(ctx, day)
      const file = await rosterWorkbook(day, rows)
      return ok({ day, fileName: `预约名单-${day}.xlsx`, data: file.toString('base64') })
    },
  }),
}
