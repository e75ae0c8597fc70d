// The console's 预约设置 (session templates, a day's capacity, holidays) and each day's roster.
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleRequests } from '../../contracts/requests/console'
import { loadBookingConfig, saveBookingConfig } from '../../booking/config'
import { parseSessionId, sessionClosedReason, sessionRef, templatesOn } from '../../booking/calendar'
import { addDays, dayOf } from '../../booking/time'
import { recordChange } from '../../ops/audit'
import { describeHeld, droppedSessionIds, isLiveBooking, lastBookableDay } from '../../ops/template-change'
import { rosterRows, rosterWorkbook, searchRoster } from '../../ops/roster'
import { cancelOneBooking } from '../../ops/cancel-booking'
import { fillWaitlist } from '../../booking/waitlist'
import { shortTicketCode } from '../../booking/keys'
import { defineAction, type CallContext } from '../types'
import { ConsoleErrors } from './errors'

/** The places each of these sessions already holds (confirmed and pending bookings). */
async function bookedOn(ctx: CallContext, sessionIds: string[]): Promise<Record<string, number>> {
  return sessionIds.length ? ctx.store.booking.placesBooked(sessionIds) : {}
}

/** The day's roster rows, each with the ticket short code the visitor's ticket shows (when the server holds the ticket key). */
async function rosterOf(ctx: CallContext, day: string) {
  const keys = ctx.keys
  return rosterRows(await ctx.store.booking.listOnDay(day), await loadBookingConfig(ctx.store), keys ? (id) => shortTicketCode(keys.idKey, id) : undefined)
}

export const sessionsActions = {
  /** 预约设置: the settings the calendar and booking handlers read (stored in the store, over data/booking.json). */
  bookingConfig: defineAction({
    schema: ConsoleRequests.bookingConfig,
    roles: CONSOLE_ROLES.booking,
    handle: async (_req, ctx) => {
      const c = await loadBookingConfig(ctx.store)
      const today = dayOf(ctx.now())
      const dates = Array.from({ length: c.daysShown + 1 }, (_, i) => addDays(today, i))
      const booked = await bookedOn(ctx, dates.flatMap((date) => templatesOn(c, date).map((t) => `${date}.${t.key}`)))
      const days = dates.map((date) => ({
        date,
        sessions: templatesOn(c, date).map((t) => {
          const reason = sessionClosedReason(c, date, `${date}.${t.key}`)
          const withBooked = { ...t, booked: booked[`${date}.${t.key}`] ?? 0 }
          return reason ? { ...withBooked, closedReason: reason } : withBooked
        }),
      }))
      return ok({
        today,
        sessions: c.sessions,
        weekdaySessions: c.weekdaySessions,
        capacityOverrides: c.capacityOverrides,
        closedSessions: c.closedSessions,
        closedDays: c.closedDays,
        holidays: c.holidays,
        closedWeekdays: c.closedWeekdays,
        days,
      })
    },
  }),
  /** `weekday`: 'default' or '0' (Sunday) … '6'; `sessions: null` gives that weekday back the default. */
  saveSessionTemplates: defineAction({
    schema: ConsoleRequests.saveSessionTemplates,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ weekday, sessions }, ctx) => {
      if (sessions) {
        const keys = new Set(sessions.map((t) => t.key))
        const bad = keys.size !== sessions.length ? '场次代号不能重复' : sessions.find((t) => t.start >= t.end) ? '每个场次的开始时间须早于结束时间' : null
        if (bad) return fail('SESSION_TEMPLATES', `${ConsoleErrors.SESSION_TEMPLATES}：${bad}`, { sessions: bad })
      }
      if (weekday === 'default' && !sessions) return fail('SESSION_TEMPLATES', `${ConsoleErrors.SESSION_TEMPLATES}：默认场次不能清空`)
      const config = await loadBookingConfig(ctx.store)
      const before = weekday === 'default' ? config.sessions : (config.weekdaySessions[weekday] ?? null)
      const weekdaySessions = { ...config.weekdaySessions }
      if (weekday !== 'default') {
        if (sessions) weekdaySessions[weekday] = sessions
        else delete weekdaySessions[weekday]
      }
      const next = { ...config, ...(weekday === 'default' && sessions ? { sessions } : {}), weekdaySessions }
      // A session that disappears must not take live bookings with it (they would point at nothing).
      const today = dayOf(ctx.now())
      const dropped = new Set(droppedSessionIds(config, next, today, lastBookableDay(config, today)))
      if (dropped.size) {
        const days = [...new Set([...dropped].map((id) => parseSessionId(id)!.date))]
        const held = (await Promise.all(days.map((d) => ctx.store.booking.listOnDay(d)))).flat().filter((b) => dropped.has(b.sessionId) && isLiveBooking(b, ctx.now()))
        if (held.length) {
          const message = `${ConsoleErrors.SESSION_HAS_BOOKINGS}：${describeHeld(held).join('、')}。请先在该日期停场（会取消这些预约并通知观众）后再修改，或保留这个场次`
          return fail('SESSION_HAS_BOOKINGS', message)
        }
      }
      // A lower template capacity must not fall below what a coming day on it already holds.
      const below: string[] = []
      for (let day = today; day <= lastBookableDay(config, today); day = addDays(day, 1)) {
        const templates = templatesOn(next, day)
        const booked = await bookedOn(ctx, templates.map((t) => `${day}.${t.key}`))
        for (const t of templates) {
          const n = booked[`${day}.${t.key}`] ?? 0
          if (t.capacity < n) below.push(`${day} ${t.name}已预约 ${n} 人（新容量 ${t.capacity}）`)
        }
      }
      if (below.length) return fail('CAPACITY_BELOW_BOOKED', `${ConsoleErrors.CAPACITY_BELOW_BOOKED}：${below.join('、')}`)
      await saveBookingConfig(ctx.store, next)
      await recordChange(ctx, 'console.saveSessionTemplates', weekday, before, sessions)
      return ok({ saved: true as const })
    },
  }),
  /** One session's capacity on one day; `capacity: null` removes the override. */
  setCapacity: defineAction({
    schema: ConsoleRequests.setCapacity,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ sessionId, capacity }, ctx) => {
      const config = await loadBookingConfig(ctx.store)
      const { date, key } = parseSessionId(sessionId)!
      if (date < dayOf(ctx.now())) return fail('DAY_PAST', ConsoleErrors.DAY_PAST)
      if (!sessionRef(config, sessionId)) return fail('SESSION_NOT_FOUND', ConsoleErrors.SESSION_NOT_FOUND)
      const before = config.capacityOverrides.find((o) => o.date === date && o.key === key) ?? null
      const others = config.capacityOverrides.filter((o) => !(o.date === date && o.key === key))
      // Fewer places than people already booked would show the session full and promise seats that do
      // not exist: refused, naming the count (the operator stops the session to cancel bookings).
      const effective = capacity ?? templatesOn({ ...config, capacityOverrides: others }, date).find((t) => t.key === key)?.capacity ?? 0
      const booked = (await bookedOn(ctx, [sessionId]))[sessionId] ?? 0
      if (effective < booked) {
        const field = `不能少于已预约的 ${booked} 人`
        return fail('CAPACITY_BELOW_BOOKED', `${ConsoleErrors.CAPACITY_BELOW_BOOKED}：该场次已预约 ${booked} 人，容量至少为 ${booked}`, { capacity: field })
      }
      const capacityOverrides = capacity === null ? others : [...others, { date, key, capacity }].sort((a, b) => `${a.date}.${a.key}`.localeCompare(`${b.date}.${b.key}`))
      await saveBookingConfig(ctx.store, { ...config, capacityOverrides })
      await recordChange(ctx, 'console.setCapacity', sessionId, before, capacity === null ? null : { date, key, capacity })
      // A raise frees places: the session's 候补 line is offered them first.
      await fillWaitlist(ctx.store, sessionId, ctx.now())
      return ok({ saved: true as const })
    },
  }),
  saveHolidays: defineAction({
    schema: ConsoleRequests.saveHolidays,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ holidays }, ctx) => {
      const bad = holidays.findIndex((h) => h.to < h.from)
      if (bad >= 0) return fail('HOLIDAY_RANGE', `第${bad + 1}行：${ConsoleErrors.HOLIDAY_RANGE}`, { [`holidays.${bad}.to`]: ConsoleErrors.HOLIDAY_RANGE })
      const config = await loadBookingConfig(ctx.store)
      const sorted = [...holidays].sort((a, b) => a.from.localeCompare(b.from))
      await saveBookingConfig(ctx.store, { ...config, holidays: sorted })
      await recordChange(ctx, 'console.saveHolidays', 'holidays', config.holidays, sorted)
      return ok({ holidays: sorted })
    },
  }),
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
