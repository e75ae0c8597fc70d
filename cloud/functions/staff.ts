// Museum staff at the gate: check a visitor's e-ticket in (once), and today's counts.
import { z } from 'zod'
import { BookingErrors, shortDate } from '../contracts/booking'
import { ok } from '../contracts/result'
import { addMinutes, beijingText, dayOf } from '../booking/time'
import { sessionIdOf, templatesOn } from '../booking/calendar'
import { loadBookingConfig } from '../booking/config'
import { readTicketCode } from '../booking/keys'
import { findByShortCode } from '../booking/short-code'
import { keysOf, refuse } from './shared'
import { defineAction, implement } from './types'

export const staff = implement('staff', {
  actions: {
    checkIn: defineAction({
      roles: ['staff'],
      schema: z.object({ code: z.string().max(200, BookingErrors.TICKET_INVALID) }).strict(),
      handle: async ({ code }, ctx) => {
        const now = ctx.now()
        // The QR's signed code, or the 8-character short code typed at the gate (today's bookings).
        let bookingId = readTicketCode(keysOf(ctx), code)
        if (!bookingId) {
          const short = await findByShortCode(ctx.store.booking, keysOf(ctx).idKey, code, dayOf(now))
          if (short.kind === 'notFound') return refuse('SHORT_CODE_NOT_FOUND')
          if (short.kind === 'notShort') return refuse('TICKET_INVALID')
          bookingId = short.bookingId
        }
        const record = await ctx.store.booking.getBooking(bookingId)
        if (!record || record.status === 'pending' || record.status === 'refused') return refuse('TICKET_INVALID')
        const config = await loadBookingConfig(ctx.store)
        const template = templatesOn(config, record.day).find((s) => sessionIdOf(record.day, s.key) === record.sessionId)
        const session = `${shortDate(record.day)}${template?.name ?? ''}（${template ? `${template.start}–${template.end}` : ''}）`
        const usedRefusal = () => refuse('TICKET_USED', { time: beijingText(record.checkedInAt ?? now) })
        if (record.status === 'checked_in') return usedRefusal()
        if (record.status === 'cancelled') return refuse('TICKET_CANCELLED')
        if (record.status === 'no_show') return refuse('TICKET_NO_SHOW')
        if (record.day !== dayOf(now)) return refuse('TICKET_WRONG_DAY', { date: shortDate(record.day) })
        const opens = addMinutes(new Date(record.sessionStart), -config.checkInOpensMinutesBefore)
        if (now.getTime() < opens.getTime()) return refuse('TICKET_TOO_EARLY', { session, opens: beijingText(opens).slice(-5) })
        if (now.getTime() >= Date.parse(record.sessionEnd)) return refuse('TICKET_SESSION_OVER', { session })
        // Accepted once: only the first of any number of simultaneous scans moves it on.
        if (!(await ctx.store.booking.transition(bookingId, 'confirmed', 'checked_in', { at: now.toISOString(), by: ctx.account ?? ctx.openid ?? undefined }))) {
          const latest = (await ctx.store.booking.getBooking(bookingId))!
          if (latest.status === 'checked_in') return refuse('TICKET_USED', { time: beijingText(latest.checkedInAt ?? now) })
          return refuse(latest.status === 'cancelled' ? 'TICKET_CANCELLED' : 'TICKET_NO_SHOW')
        }
        return ok({
          result: {
            bookingId,
            date: record.day,
            sessionName: template?.name ?? '',
            start: template?.start ?? '',
            end: template?.end ?? '',
            visitors: record.visitors.map((v) => ({ name: v.name, idType: v.idType, idMasked: v.idMasked })),
            checkedInAt: now.toISOString(),
          },
        })
      },
    }),

    today: defineAction({
      roles: ['staff'],
      schema: z.object({}).strict(),
      handle: async (_req, ctx) => {
        const config = await loadBookingConfig(ctx.store)
        const date = dayOf(ctx.now())
        const counts = await ctx.store.booking.dayCounts(date)
        return ok({
          date,
          sessions: templatesOn(config, date).map((t) => {
            const id = sessionIdOf(date, t.key)
            return { sessionId: id, name: t.name, start: t.start, end: t.end, capacity: t.capacity, booked: counts[id]?.booked ?? 0, checkedIn: counts[id]?.checkedIn ?? 0 }
          }),
        })
      },
    }),
  },
})
