// The console's 候补 section: each session's line on a day, in order, with what the skip rule has
// counted and until when offers hold — read only (the line moves by itself: docs/booking-waitlist.md).
import { ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleWaitlistRequests } from '../../contracts/requests/console-waitlist'
import type { ConsoleWaitlistSession } from '../../contracts/waitlist'
import { templatesOn } from '../../booking/calendar'
import { loadBookingConfig } from '../../booking/config'
import { beijingText } from '../../booking/time'
import { defineAction } from '../types'

export const waitlistActions = {
  waitlist: defineAction({
    schema: ConsoleWaitlistRequests.waitlist,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ day }, ctx) => {
      const config = await loadBookingConfig(ctx.store)
      const templates = templatesOn(config, day)
      const ids = templates.map((t) => `${day}.${t.key}`)
      const booked = await ctx.store.booking.placesBooked(ids)
      const sessions: ConsoleWaitlistSession[] = []
      for (const t of templates) {
        const sessionId = `${day}.${t.key}`
        const line = await ctx.store.booking.listWaitlist(sessionId)
        let position = 0
        sessions.push({
          sessionId,
          name: t.name,
          start: t.start,
          end: t.end,
          capacity: t.capacity,
          booked: booked[sessionId] ?? 0,
          waitingPlaces: line.filter((e) => e.status === 'waiting').reduce((n, e) => n + e.places, 0),
          entries: line.map((e) => ({
            id: e.id,
            position: ++position,
            status: e.status as 'waiting' | 'offered',
            places: e.places,
            names: e.visitors.map((v) => v.name),
            joinedAt: beijingText(e.joinedAt),
            skips: e.skips,
            ...(e.offerExpiresAt && e.status === 'offered' ? { offerExpiresAt: beijingText(e.offerExpiresAt) } : {}),
          })),
        })
      }
      return ok({ day, sessions })
    },
  }),
}
