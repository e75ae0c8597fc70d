// The visitor side of booking. Every rule that protects capacity, uniqueness or fair use is decided
// by ONE store operation, `store.booking.book` (see BookingStore in store/port.ts: one transaction on
// SQLite, guarded steps with compensation on the cloud database); the handler validates, applies
// the domain rules that need no lock (open for booking, suspension, own visitors), asks the store,
// and words the answer.
import { BOOKING_STATUS_LABEL, MAX_SAVED_VISITORS, maskIdNumber, normalizeIdNumber, shortDate } from '../contracts/booking'
import { BookingRequests } from '../contracts/requests/booking'
import type { CrowdView } from '../contracts/crowd'
import { fail, ok, type Result } from '../contracts/result'
import { buildCalendar, calendarSessionIds, cancelDeadline, nextRelease, sessionRef, templatesOn } from '../booking/calendar'
import { crowdLevel, estimateInside } from '../booking/crowd'
import { loadBookingConfig } from '../booking/config'
import { accountHoldKeys, bookingSlotKeys, placeSlotKeys } from '../booking/fairuse'
import { addressKey, bookingIdFor, idHash, visitorIdFor } from '../booking/keys'
import { bookingView } from '../booking/views'
import { childClaimHash, childIdentity, isAccompanyingAdult, visitorView } from '../booking/children'
import { birthDateOfResidentId, childBirthDateProblem, childMask } from '../contracts/children'
import { beijingText, dayOf } from '../booking/time'
import type { BookingRecord, BookRefusalCode } from '../store/port'
import { keysOf, refuse } from './shared'
import { waitlistActions } from './booking-waitlist'
import { networkOf, networkSlots, peopleOpening, sessionOpening } from './booking-opening'
import { releaseCancelled } from '../booking/waitlist'
import { defineAction, type CallContext, implement } from './types'

// What this instance last learned about full sessions: after a reserve was refused, the rush that
// follows is answered from memory for a moment instead of asking the store again. Only a hint for
// refusing early; a cancellation here forgets it at once, one elsewhere is seen within FULL_HINT_MS.
const FULL_HINT_MS = 250
const fullHints = new WeakMap<object, Map<string, { atLeast: number; until: number }>>()
function hintsFor(store: object) {
  let hints = fullHints.get(store)
  if (!hints) fullHints.set(store, (hints = new Map()))
  return hints
}
const hintFull = (store: object, sessionId: string, atLeast: number, now: number) => {
  const hints = hintsFor(store)
  if (hints.size > 1000) hints.clear()
  hints.set(sessionId, { atLeast, until: now + FULL_HINT_MS })
}
const forgetFull = (store: object, sessionId: string) => hintsFor(store).delete(sessionId)
function hintedBooked(store: object, sessionId: string, now: number): number | null {
  const hint = hintsFor(store).get(sessionId)
  return hint && hint.until > now ? hint.atLeast : null
}


const DAY_MS = 24 * 60 * 60_000

// The crowd estimate reads the day's bookings; anyone may ask (the home page), so one answer per
// instance serves everyone for a minute — the estimate moves slower than that anyway.
const CROWD_CACHE_MS = 60_000
const crowdCache = new WeakMap<object, { until: number; value: CrowdView }>()

/**
 * The answer a retry gets for a request that was already confirmed (or is still being decided).
 * Only a confirmed booking is bound to its request id for good: a refused request may be sent
 * again and is decided afresh, so a retry can never book twice but can take a place freed since.
 */
function replay(existing: BookingRecord, ctx: CallContext, config: Awaited<ReturnType<typeof loadBookingConfig>>): Result<{ booking: ReturnType<typeof bookingView> }> | null {
  if (existing.status === 'pending') return refuse('IN_PROGRESS')
  // Swept (the call that made it died half-way): final, so the visitor is told to submit again.
  if (existing.status === 'refused' && existing.sweptAt) return refuse('BOOKING_UNFINISHED')
  if (existing.status === 'refused') return null
  return ok({ booking: bookingView(existing, config, keysOf(ctx), ctx.now()) })
}

export const booking = implement('booking', {
  actions: {
    calendar: defineAction({
      schema: BookingRequests.calendar,
      anonymous: true,
      handle: async (_req, ctx) => {
        const config = await loadBookingConfig(ctx.store)
        const now = ctx.now()
        const booked = await ctx.store.booking.placesBooked(calendarSessionIds(config, now))
        return ok({ days: buildCalendar(config, now, booked), today: dayOf(now), nextRelease: nextRelease(config, now), timezone: config.timezone, sourceNote: config.sourceNote })
      },
    }),

    crowd: defineAction({
      schema: BookingRequests.crowd,
      anonymous: true,
      handle: async (_req, ctx) => {
        const now = ctx.now()
        const cached = crowdCache.get(ctx.store)
        if (cached && cached.until > now.getTime() && Date.parse(cached.value.at) <= now.getTime()) return ok({ crowd: cached.value })
        const config = await loadBookingConfig(ctx.store)
        const rules = config.crowd
        const day = dayOf(now)
        const capacity = rules.hallCapacity ?? Math.max(0, ...templatesOn(config, day).map((t) => t.capacity))
        const inside = estimateInside(await ctx.store.booking.listOnDay(day), now, rules.averageStayMinutes)
        const crowd: CrowdView = { level: crowdLevel(inside, capacity, rules), inside, capacity, averageStayMinutes: rules.averageStayMinutes, at: now.toISOString(), atText: beijingText(now).slice(-5) }
        crowdCache.set(ctx.store, { until: now.getTime() + CROWD_CACHE_MS, value: crowd })
        return ok({ crowd })
      },
    }),

    visitors: defineAction({
      schema: BookingRequests.visitors,
      handle: async (_req, ctx) => {
        const saved = await ctx.store.booking.listVisitors(ctx.openid!)
        const today = dayOf(ctx.now())
        return ok({ visitors: saved.map((v) => visitorView(v, today)) })
      },
    }),

    addVisitor: defineAction({
      schema: BookingRequests.addVisitor,
      handle: async (req, ctx) => {
        const keys = keysOf(ctx)
        const hash = idHash(keys.idKey, req.idType, req.idNumber)
        const visitor = {
          id: visitorIdFor(keys.idKey, ctx.openid!, hash),
          openid: ctx.openid!,
          name: req.name,
          idType: req.idType,
          idHash: hash,
          idMasked: maskIdNumber(normalizeIdNumber(req.idNumber)),
          // Kept so a booking can tell an adult from a child (docs/booking-children.md).
          ...(req.idType === 'resident' ? { birthDate: birthDateOfResidentId(req.idNumber) ?? undefined } : {}),
          createdAt: ctx.now().toISOString(),
        }
        // Per network (H5): new ID numbers saved from one address bucket in a day are capped, so
        // freshly minted identities cannot bring in ID numbers without end. Saving one already
        // saved costs nothing (answered below as it always was).
        const caps = ctx.origin?.caps
        if (ctx.origin && caps && caps.newIdsPerDay > 0 && (await ctx.store.booking.getVisitors(visitor.openid, [visitor.id])).length === 0) {
          const day = dayOf(ctx.now())
          const { count } = await ctx.store.limits.hit(`newids:${addressKey(keys.idKey, ctx.origin.bucket)}:${day}`, DAY_MS, ctx.now())
          if (count > caps.newIdsPerDay) return refuse('ADDRESS_ID_LIMIT', { limit: caps.newIdsPerDay })
        }
        const added = await ctx.store.booking.addVisitor(visitor, MAX_SAVED_VISITORS)
        if (added === 'exists') return refuse('VISITOR_EXISTS')
        if (added === 'cap') return refuse('VISITOR_LIMIT')
        return ok({ visitor: visitorView(visitor, dayOf(ctx.now())) })
      },
    }),

    addChild: defineAction({
      schema: BookingRequests.addChild,
      handle: async (req, ctx) => {
        const keys = keysOf(ctx)
        const openid = ctx.openid!
        const today = dayOf(ctx.now())
        const rules = (await loadBookingConfig(ctx.store)).children
        const problem = childBirthDateProblem(req.birthDate, today, rules.noIdBelowAge)
        if (problem) return fail('BAD_REQUEST', problem, { birthDate: problem })
        const [guardian] = await ctx.store.booking.getVisitors(openid, [req.guardianVisitorId])
        if (!guardian) return refuse('VISITOR_NOT_FOUND')
        if (!isAccompanyingAdult(guardian, today, rules)) return refuse('GUARDIAN_NOT_ADULT', { age: rules.adultAge })
        const visitor = {
          id: visitorIdFor(keys.idKey, openid, childIdentity(keys.idKey, req.name, req.birthDate)),
          openid,
          name: req.name,
          idType: 'child' as const,
          idHash: childClaimHash(keys.idKey, guardian.idHash, req.name, req.birthDate),
          idMasked: childMask(req.birthDate),
          birthDate: req.birthDate,
          createdAt: ctx.now().toISOString(),
        }
        // A new child costs what a new ID number costs on the per-network cap (H5), so invented
        // children cannot be saved without end from one network either.
        const caps = ctx.origin?.caps
        if (ctx.origin && caps && caps.newIdsPerDay > 0 && (await ctx.store.booking.getVisitors(openid, [visitor.id])).length === 0) {
          const { count } = await ctx.store.limits.hit(`newids:${addressKey(keys.idKey, ctx.origin.bucket)}:${today}`, DAY_MS, ctx.now())
          if (count > caps.newIdsPerDay) return refuse('ADDRESS_ID_LIMIT', { limit: caps.newIdsPerDay })
        }
        const added = await ctx.store.booking.addVisitor(visitor, MAX_SAVED_VISITORS)
        if (added === 'exists') return refuse('VISITOR_EXISTS')
        if (added === 'cap') return refuse('VISITOR_LIMIT')
        return ok({ visitor: visitorView(visitor, today) })
      },
    }),

    removeVisitor: defineAction({
      schema: BookingRequests.removeVisitor,
      handle: async ({ visitorId }, ctx) => {
        // A visitor in a live booking stays saved: removing and re-adding people must not free room.
        const removed = await ctx.store.booking.removeVisitor(ctx.openid!, visitorId)
        if (removed === 'removed') return ok({ removed: true as const })
        return removed === 'missing' ? refuse('VISITOR_NOT_FOUND') : refuse('VISITOR_IN_USE', { date: shortDate(removed.inUseOn) })
      },
    }),

    book: defineAction({
      schema: BookingRequests.book,
      handle: async (req, ctx) => {
        const keys = keysOf(ctx)
        const openid = ctx.openid!
        const now = ctx.now()
        const config = await loadBookingConfig(ctx.store)
        const session = sessionRef(config, req.sessionId)
        if (!session) return refuse('SESSION_NOT_FOUND')
        const bookingId = bookingIdFor(keys.idKey, openid, req.clientRequestId)

        // A retry of a request already confirmed gets that booking, whatever has changed since; a
        // request id reused for other content is a bad request. The store's `book` finds an earlier
        // record itself, so it is looked up here only when this request is refused before reaching
        // the store (a first attempt — nearly every booking — pays no extra read).
        const earlierAnswer = (earlier: BookingRecord) => {
          const replayed = replay(earlier, ctx, config)
          if (replayed) return replayed
          if (earlier.sessionId !== req.sessionId || earlier.visitors.map((v) => v.visitorId).join() !== req.visitorIds.join()) {
            return fail('BAD_REQUEST', '该请求编号已用于另一次预约，请刷新页面后重试')
          }
          return null
        }
        const refusedEarly = async (refusal: ReturnType<typeof refuse>) => {
          const earlier = await ctx.store.booking.getBooking(bookingId)
          return (earlier && earlierAnswer(earlier)) || refusal
        }

        const closed = sessionOpening(config, session, now)
        if (closed) return refusedEarly(closed)

        // A glance, not a decision: when the session is plainly full, say so without writing
        // anything (the rush after a sell-out costs reads only). Only the guarded reserve below
        // decides who gets a place.
        const hinted = hintedBooked(ctx.store, session.id, Date.now())
        const glance = hinted ?? (await ctx.store.booking.placesBooked([session.id]))[session.id] ?? 0
        if (glance + req.visitorIds.length > session.template.capacity) {
          if (hinted === null && glance >= session.template.capacity) hintFull(ctx.store, session.id, glance, Date.now())
          return refusedEarly(refuse('SESSION_FULL'))
        }

        const people = await peopleOpening(ctx, config, session, req.visitorIds)
        if ('refusal' in people) return refusedEarly(people.refusal)
        const { visitors } = people
        const network = networkOf(ctx)

        const refusalValues = (code: BookRefusalCode, visitor?: BookingRecord['visitors'][number]): Record<string, string | number> => {
          const fair = config.fairUse
          if (code === 'ACCOUNT_DAY_LIMIT') return { limit: fair.bookingsPerAccountPerDay, date: shortDate(session.date) }
          if (code === 'ACCOUNT_PLACES_LIMIT') return { limit: fair.placesPerAccountPerDay, date: shortDate(session.date) }
          if (code === 'ADDRESS_PLACES_LIMIT') return { limit: network?.cap ?? 0 }
          if (code === 'ACCOUNT_ID_LIMIT') return { days: fair.distinctIds.windowDays, limit: fair.distinctIds.limit }
          if (code === 'ID_ALREADY_BOOKED' && visitor) return { name: visitor.name, id: visitor.idMasked }
          return {}
        }
        const record: BookingRecord = {
          id: bookingId,
          openid,
          clientRequestId: req.clientRequestId,
          sessionId: session.id,
          day: session.date,
          sessionStart: session.start.toISOString(),
          sessionEnd: session.end.toISOString(),
          places: visitors.length,
          visitors,
          status: 'pending',
          createdAt: now.toISOString(),
          ...(req.remind ? { remind: true } : {}),
          ...(network ? { network } : {}),
        }
        const fair = config.fairUse
        const booked = await ctx.store.booking.book({
          record,
          capacity: session.template.capacity,
          bookingSlots: bookingSlotKeys(openid, fair),
          placeSlots: placeSlotKeys(openid, fair),
          // Per network (H5): what one address bucket's bookings hold in this session.
          ...(network ? { addressSlots: networkSlots(network, session) } : {}),
          distinctIds: fair.distinctIds,
          refusal: (code, visitor) => refuse(code, refusalValues(code, visitor)).error,
        })
        if (booked.kind === 'existing') return earlierAnswer(booked.record) ?? refuse('IN_PROGRESS')
        if (booked.kind === 'refused') {
          // Full: the rush that follows is answered from memory for a moment. Any other refusal
          // may have let places go (the cloud path gives back what it took): forget the hint.
          if (booked.code === 'SESSION_FULL') hintFull(ctx.store, session.id, session.template.capacity - visitors.length + 1, Date.now())
          else forgetFull(ctx.store, session.id)
          return { ok: false as const, error: booked.refusal as ReturnType<typeof refuse>['error'] }
        }
        return ok({ booking: bookingView(booked.record, config, keys, now) })
      },
    }),

    mine: defineAction({
      schema: BookingRequests.mine,
      handle: async (_req, ctx) => {
        const config = await loadBookingConfig(ctx.store)
        const records = await ctx.store.booking.listBookings(ctx.openid!, 100)
        return ok({ bookings: records.map((r) => bookingView(r, config, keysOf(ctx), ctx.now())) })
      },
    }),

    get: defineAction({
      schema: BookingRequests.get,
      handle: async ({ bookingId }, ctx) => {
        const record = await ctx.store.booking.getBooking(bookingId)
        // Someone else's booking is answered exactly like a missing one.
        if (!record || record.openid !== ctx.openid || record.status === 'pending' || record.status === 'refused') return refuse('BOOKING_NOT_FOUND')
        return ok({ booking: bookingView(record, await loadBookingConfig(ctx.store), keysOf(ctx), ctx.now()) })
      },
    }),

    cancel: defineAction({
      schema: BookingRequests.cancel,
      handle: async ({ bookingId }, ctx) => {
        const now = ctx.now()
        const config = await loadBookingConfig(ctx.store)
        const record = await ctx.store.booking.getBooking(bookingId)
        if (!record || record.openid !== ctx.openid || record.status === 'pending' || record.status === 'refused') return refuse('BOOKING_NOT_FOUND')
        if (record.status !== 'confirmed') return refuse('NOT_CANCELLABLE', { status: BOOKING_STATUS_LABEL[record.status] })
        const deadline = cancelDeadline(config, new Date(record.sessionStart))
        if (now.getTime() >= deadline.getTime()) return refuse('CANCEL_DEADLINE_PASSED', { deadline: beijingText(deadline) })
        // The guard (still confirmed, still theirs) makes a double cancel or a cancel racing a
        // check-in release the places exactly once.
        if (!(await ctx.store.booking.transition(bookingId, 'confirmed', 'cancelled', { at: now.toISOString() }, ctx.openid!))) {
          // Settled by someone else in between (checked in at the gate, swept, cancelled twice):
          // say what it became.
          const latest = await ctx.store.booking.getBooking(bookingId)
          if (!latest || latest.status === 'pending' || latest.status === 'refused') return refuse('BOOKING_NOT_FOUND')
          return refuse('NOT_CANCELLABLE', { status: BOOKING_STATUS_LABEL[latest.status] })
        }
        // Given back as the record stands after the cancel (a 改签 may have moved it meanwhile),
        // then offered to the session's 候补 line.
        const cancelled = (await releaseCancelled(ctx.store, bookingId, config, now, accountHoldKeys(record.openid, config.fairUse))) ?? record
        forgetFull(ctx.store, cancelled.sessionId)
        return ok({ booking: bookingView({ ...cancelled, status: 'cancelled', cancelledAt: now.toISOString() }, config, keysOf(ctx), now) })
      },
    }),

    ...waitlistActions,
  },
})
