// Museum staff at the gate: check a visitor's e-ticket in (once), and today's counts.
import { shortDate, type ExpectedVisitor } from '../contracts/booking'
import { StaffRequests } from '../contracts/requests/staff'
import { ok } from '../contracts/result'
import { addDays, addMinutes, beijingText, dayOf } from '../booking/time'
import { sessionIdOf, sessionRef, templatesOn } from '../booking/calendar'
import { loadBookingConfig, type BookingConfig } from '../booking/config'
import { walkInReleaseAt } from '../booking/walkin-rules'
import type { BookingRecord } from '../store/port'
import { readTicketCode } from '../booking/keys'
import { findByShortCode } from '../booking/short-code'
import { keysOf, refuse } from './shared'
import { defineAction, implement, type CallContext } from './types'

/**
 * Admits a released booking's holder if the session still has their places: the places are taken
 * back (guarded against the capacity) before the guarded released → checked_in, and given back if
 * another scan won. Answers the refusal, or null when admitted.
 */
async function admitReleased(ctx: CallContext, config: BookingConfig, record: BookingRecord, now: Date) {
  const session = sessionRef(config, record.sessionId)
  const releasedAt = session && walkInReleaseAt(config, session)
  const time = beijingText(releasedAt ?? now).slice(-5)
  if (!session || !(await ctx.store.booking.reservePlaces(record.sessionId, session.template.capacity, record.places))) return refuse('TICKET_RELEASED', { time })
  if (await ctx.store.booking.transition(record.id, 'released', 'checked_in', { at: now.toISOString(), by: ctx.account ?? ctx.openid ?? undefined })) return null
  await ctx.store.booking.releasePlaces(record.sessionId, record.places)
  const latest = (await ctx.store.booking.getBooking(record.id))!
  if (latest.status === 'checked_in') return refuse('TICKET_USED', { time: beijingText(latest.checkedInAt ?? now), by: await checkerName(ctx, latest.checkedInBy) })
  return refuse('TICKET_NO_SHOW')
}

/** Who checked a ticket in, as the gate reads it: the account's name, 本账号, or 其他工作人员 (WeChat staff are known by OPENID only). */
async function checkerName(ctx: CallContext, by: string | undefined): Promise<string> {
  if (!by) return '工作人员'
  const account = await ctx.store.accounts.get(by).catch(() => null)
  if (account) return account.name
  return by === (ctx.account ?? ctx.openid) ? '本账号' : '其他工作人员'
}

export const staff = implement('staff', {
  actions: {
    checkIn: defineAction({
      roles: ['staff'],
      schema: StaffRequests.checkIn,
      handle: async ({ code }, ctx) => {
        const now = ctx.now()
        const config = await loadBookingConfig(ctx.store)
        // The QR's signed code, or the 8-character short code typed at the gate (today's bookings).
        let bookingId = readTicketCode(keysOf(ctx), code)
        if (!bookingId) {
          // Today first; then the days a ticket in circulation can be for (yesterday to the last bookable day).
          const today = dayOf(now)
          const others = [-1, ...Array.from({ length: config.daysShown }, (_, i) => i + 1)].map((d) => addDays(today, d))
          const short = await findByShortCode(ctx.store.booking, keysOf(ctx).idKey, code, [today, ...others])
          if (short.kind === 'notFound') return refuse('SHORT_CODE_NOT_FOUND')
          if (short.kind === 'notShort') return refuse('TICKET_INVALID')
          bookingId = short.bookingId
        }
        const record = await ctx.store.booking.getBooking(bookingId)
        if (!record || record.status === 'pending' || record.status === 'refused') return refuse('TICKET_INVALID')
        const template = templatesOn(config, record.day).find((s) => sessionIdOf(record.day, s.key) === record.sessionId)
        const session = `${shortDate(record.day)}${template?.name ?? ''}（${template ? `${template.start}–${template.end}` : ''}）`
        if (record.status === 'checked_in') return refuse('TICKET_USED', { time: beijingText(record.checkedInAt ?? now), by: await checkerName(ctx, record.checkedInBy) })
        if (record.status === 'cancelled') return refuse('TICKET_CANCELLED')
        if (record.status === 'no_show') return refuse('TICKET_NO_SHOW')
        if (record.day !== dayOf(now)) return refuse('TICKET_WRONG_DAY', { date: shortDate(record.day) })
        const opens = addMinutes(new Date(record.sessionStart), -config.checkInOpensMinutesBefore)
        if (now.getTime() < opens.getTime()) return refuse('TICKET_TOO_EARLY', { session, opens: beijingText(opens).slice(-5) })
        if (now.getTime() >= Date.parse(record.sessionEnd)) return refuse('TICKET_SESSION_OVER', { session })
        // Released at the door (walk-in release): admitted while places allow — the places are taken
        // back first (guarded against the capacity), then the one guarded move to checked_in.
        if (record.status === 'released') {
          const refusal = await admitReleased(ctx, config, record, now)
          if (refusal) return refusal
        } else if (!(await ctx.store.booking.transition(bookingId, 'confirmed', 'checked_in', { at: now.toISOString(), by: ctx.account ?? ctx.openid ?? undefined }))) {
          // Accepted once: only the first of any number of simultaneous scans moves it on.
          const latest = (await ctx.store.booking.getBooking(bookingId))!
          if (latest.status === 'checked_in') return refuse('TICKET_USED', { time: beijingText(latest.checkedInAt ?? now), by: await checkerName(ctx, latest.checkedInBy) })
          // Released by the walk-in job between the read and the scan: admitted as a released one.
          if (latest.status === 'released') {
            const refusal = await admitReleased(ctx, config, latest, now)
            if (refusal) return refusal
          } else return refuse(latest.status === 'cancelled' ? 'TICKET_CANCELLED' : 'TICKET_NO_SHOW')
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

    // The gate's list for one session: names and masked IDs (as the printed roster), not yet in first.
    expected: defineAction({
      roles: ['staff'],
      schema: StaffRequests.expected,
      handle: async ({ sessionId }, ctx) => {
        const ref = sessionRef(await loadBookingConfig(ctx.store), sessionId)
        if (!ref) return refuse('SESSION_NOT_FOUND')
        const visitors: ExpectedVisitor[] = (await ctx.store.booking.listOnDay(ref.date))
          .filter((b) => b.sessionId === sessionId && (b.status === 'confirmed' || b.status === 'checked_in'))
          .flatMap((b) =>
            b.visitors.map((v) => ({
              name: v.name,
              idType: v.idType,
              idMasked: v.idMasked,
              status: b.status as ExpectedVisitor['status'],
              ...(b.checkedInAt ? { checkedInAt: b.checkedInAt } : {}),
            })),
          )
          .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name, 'zh-CN') : a.status === 'confirmed' ? -1 : 1))
        return ok({ sessionId, visitors })
      },
    }),

    today: defineAction({
      roles: ['staff'],
      schema: StaffRequests.today,
      handle: async (_req, ctx) => {
        const config = await loadBookingConfig(ctx.store)
        const date = dayOf(ctx.now())
        const counts = await ctx.store.booking.dayCounts(date)
        // Approved groups are counted in by heads at the gate (functions/groups.ts): shown apart.
        const groups: Record<string, { expected: number; checkedIn: number }> = {}
        for (const g of await ctx.store.groups.listOn(date)) {
          if (g.status !== 'approved') continue
          const sum = (groups[g.sessionId] ??= { expected: 0, checkedIn: 0 })
          sum.expected += g.people
          sum.checkedIn += g.checkedIn
        }
        const templates = templatesOn(config, date)
        // Walk-in release to the door: from a session's release moment to its end, the gate sees how
        // many people at the door it may let in (the session's free places).
        const now = ctx.now()
        const doorOpen = new Set(
          config.walkIn.to === 'onsite'
            ? templates.flatMap((t) => {
                const ref = sessionRef(config, sessionIdOf(date, t.key))
                const at = ref && walkInReleaseAt(config, ref)
                return ref && at && at.getTime() <= now.getTime() && now.getTime() < ref.end.getTime() ? [ref.id] : []
              })
            : [],
        )
        const counters = doorOpen.size ? await ctx.store.booking.placesBooked([...doorOpen]) : {}
        return ok({
          date,
          sessions: templates.map((t) => {
            const id = sessionIdOf(date, t.key)
            return {
              sessionId: id,
              name: t.name,
              start: t.start,
              end: t.end,
              capacity: t.capacity,
              booked: counts[id]?.booked ?? 0,
              checkedIn: counts[id]?.checkedIn ?? 0,
              ...(groups[id] ? { groups: groups[id] } : {}),
              ...(doorOpen.has(id) ? { walkIn: Math.max(0, t.capacity - (counters[id] ?? 0)) } : {}),
            }
          }),
        })
      },
    }),
  },
})
