// The booking function's 改签 and 候补 actions (spread into `booking`'s actions). Each validates with
// its schema from contracts/requests/booking-waitlist.ts, applies the rules that need no lock, and
// leaves every guard on places, ID claims and fair-use keys to ONE store operation
// (reschedule, offerWaitlist, acceptOffer: store/port.ts). docs/booking-waitlist.md.
import { BOOKING_STATUS_LABEL, shortDate, type BookingStatus } from '../contracts/booking'
import { fail, ok } from '../contracts/result'
import { WAITLIST_STATUS_LABEL } from '../contracts/waitlist'
import { BookingWaitlistRequests } from '../contracts/requests/booking-waitlist'
import { cancelDeadline, sessionRef } from '../booking/calendar'
import { loadBookingConfig, type BookingConfig } from '../booking/config'
import { accountHoldKeys, bookingSlotKeys, placeSlotKeys } from '../booking/fairuse'
import { bookingIdFor } from '../booking/keys'
import { noShowWindowStart } from '../booking/noshow'
import { beijingText, dayOf } from '../booking/time'
import { bookingView } from '../booking/views'
import { bookingFromEntry, fillWaitlist, networkKeysOf, offerCutoff, releaseOffer, waitlistView } from '../booking/waitlist'
import { accountOpening, networkOf, networkRefusal, networkSlots, peopleOpening, sessionOpening } from './booking-opening'
import type { BookingRecord, Store, WaitlistEntry } from '../store/port'
import { keysOf, refuse } from './shared'
import { defineAction, type CallContext } from './types'

const DAY_MS = 86_400_000

/** Views of entries, each with its session's current line (read once per session). */
async function viewsOf(store: Store, config: BookingConfig, entries: WaitlistEntry[]) {
  const lines = new Map<string, WaitlistEntry[]>()
  const out = []
  for (const entry of entries) {
    let line = lines.get(entry.sessionId)
    if (!line && entry.status === 'waiting') lines.set(entry.sessionId, (line = await store.booking.listWaitlist(entry.sessionId)))
    out.push(waitlistView(entry, config, line ?? []))
  }
  return out
}

const ownEntry = async (ctx: CallContext, entryId: string) => {
  const entry = await ctx.store.booking.getWaitlistEntry(entryId)
  // Someone else's entry is answered exactly like a missing one.
  return entry && entry.openid === ctx.openid ? entry : null
}

const statusLabel = (record: BookingRecord) => BOOKING_STATUS_LABEL[record.status as BookingStatus] ?? record.status

export const waitlistActions = {
  reschedule: defineAction({
    schema: BookingWaitlistRequests.reschedule,
    handle: async ({ bookingId, sessionId }, ctx) => {
      const now = ctx.now()
      const openid = ctx.openid!
      const config = await loadBookingConfig(ctx.store)
      const record = await ctx.store.booking.getBooking(bookingId)
      if (!record || record.openid !== openid || record.status === 'pending' || record.status === 'refused') return refuse('BOOKING_NOT_FOUND')
      if (record.status !== 'confirmed') return refuse('NOT_RESCHEDULABLE', { status: statusLabel(record) })
      // 改签 is a cancel and a booking at once: it closes when cancelling does.
      const deadline = cancelDeadline(config, new Date(record.sessionStart))
      if (now.getTime() >= deadline.getTime()) return refuse('RESCHEDULE_DEADLINE_PASSED', { deadline: beijingText(deadline) })
      const target = sessionRef(config, sessionId)
      if (!target) return refuse('SESSION_NOT_FOUND')
      if (target.id === record.sessionId) return refuse('RESCHEDULE_SAME_SESSION')
      const closed = sessionOpening(config, target, now)
      if (closed) return closed
      const fair = config.fairUse
      // Per network (H5): the new session's share is claimed as `book` claims it; the old one's is
      // given back (the network recorded on the booking; the caller's for bookings made before).
      const network = networkOf(ctx)
      const moved = await ctx.store.booking.reschedule({
        bookingId,
        openid,
        from: { sessionId: record.sessionId, day: record.day },
        to: { sessionId: target.id, day: target.date, sessionStart: target.start.toISOString(), sessionEnd: target.end.toISOString(), capacity: target.template.capacity, ...(network ? { network } : {}) },
        bookingSlots: bookingSlotKeys(openid, fair),
        placeSlots: placeSlotKeys(openid, fair),
        releaseOnOldDay: accountHoldKeys(openid, fair),
        ...(network ? { addressSlots: networkSlots(network, target) } : {}),
        releaseOnOldSession: networkKeysOf({ network: record.network ?? network, sessionId: record.sessionId }, config),
        at: now.toISOString(),
      })
      if (moved.kind === 'refused') {
        if (moved.code === 'ID_ALREADY_BOOKED' && moved.visitor) return refuse('ID_ALREADY_BOOKED', { name: moved.visitor.name, id: moved.visitor.idMasked })
        if (moved.code === 'ACCOUNT_DAY_LIMIT') return refuse('ACCOUNT_DAY_LIMIT', { limit: fair.bookingsPerAccountPerDay, date: shortDate(target.date) })
        if (moved.code === 'ACCOUNT_PLACES_LIMIT') return refuse('ACCOUNT_PLACES_LIMIT', { limit: fair.placesPerAccountPerDay, date: shortDate(target.date) })
        if (moved.code === 'ADDRESS_PLACES_LIMIT') return networkRefusal(network)
        return refuse('SESSION_FULL')
      }
      if (moved.kind === 'gone') {
        const latest = moved.record
        if (!latest || latest.openid !== openid || latest.status === 'pending' || latest.status === 'refused') return refuse('BOOKING_NOT_FOUND')
        return refuse('NOT_RESCHEDULABLE', { status: latest.status === 'confirmed' ? '已改签到其他场次' : statusLabel(latest) })
      }
      // The old session's places are free again: its line is offered them.
      await fillWaitlist(ctx.store, record.sessionId, now)
      return ok({ booking: bookingView(moved.record, config, keysOf(ctx), now) })
    },
  }),

  joinWaitlist: defineAction({
    schema: BookingWaitlistRequests.joinWaitlist,
    handle: async (req, ctx) => {
      const keys = keysOf(ctx)
      const openid = ctx.openid!
      const now = ctx.now()
      const config = await loadBookingConfig(ctx.store)
      const session = sessionRef(config, req.sessionId)
      if (!session) return refuse('SESSION_NOT_FOUND')
      const id = bookingIdFor(keys.idKey, openid, `waitlist/${req.clientRequestId}`)
      // A retry of a join answers the entry it made, whatever has changed since.
      const earlier = await ctx.store.booking.getWaitlistEntry(id)
      if (earlier) {
        if (earlier.sessionId !== req.sessionId || earlier.visitors.map((v) => v.visitorId).join() !== req.visitorIds.join()) return fail('BAD_REQUEST', '该请求编号已用于另一次候补，请刷新页面后重试')
        return ok({ entry: (await viewsOf(ctx.store, config, [earlier]))[0] })
      }
      const closed = sessionOpening(config, session, now)
      if (closed) return closed
      if (now.getTime() >= offerCutoff(config, session).getTime()) return refuse('WAITLIST_CUTOFF', { minutes: config.waitlist.offerCutoffMinutes })
      // The same people rules as a booking (suspension, own visitors, children with their adults).
      const people = await peopleOpening(ctx, config, session, req.visitorIds)
      if ('refusal' in people) return people.refusal
      const { visitors } = people
      // The line is for a session that cannot take these people now; otherwise, book.
      const left = session.template.capacity - ((await ctx.store.booking.placesBooked([session.id]))[session.id] ?? 0)
      if (left >= req.visitorIds.length) return refuse('WAITLIST_NOT_NEEDED', { left })
      const network = networkOf(ctx)
      // Fair use: the IDs count toward the account's distinct-ID window when they join (fixed from
      // here on), so a line cannot be used to cycle people past the cap.
      if (!(await ctx.store.booking.noteBookedIds(openid, visitors.map((v) => v.idHash), now.toISOString(), config.fairUse.distinctIds))) {
        return refuse('ACCOUNT_ID_LIMIT', { days: config.fairUse.distinctIds.windowDays, limit: config.fairUse.distinctIds.limit })
      }
      const entry: WaitlistEntry = {
        id,
        openid,
        clientRequestId: req.clientRequestId,
        sessionId: session.id,
        day: session.date,
        sessionStart: session.start.toISOString(),
        sessionEnd: session.end.toISOString(),
        places: visitors.length,
        visitors,
        status: 'waiting',
        joinedAt: now.toISOString(),
        skips: 0,
        bookingId: bookingIdFor(keys.idKey, openid, `waitlist-booking/${req.clientRequestId}`),
        ...(req.remind ? { remind: true } : {}),
        // Its offer will hold this network's share of the session, as a booking from here would.
        ...(network ? { network } : {}),
      }
      const joined = await ctx.store.booking.joinWaitlist(entry, config.waitlist.entriesPerAccount)
      if (joined === 'duplicate') return refuse('WAITLIST_DUPLICATE')
      if (joined === 'cap') return refuse('WAITLIST_LIMIT', { limit: config.waitlist.entriesPerAccount })
      // Places may have freed between the glance and the join (a cancel that found no line yet).
      await fillWaitlist(ctx.store, session.id, now)
      const stored = joined === 'joined' ? await ctx.store.booking.getWaitlistEntry(id) : joined.existing
      return ok({ entry: (await viewsOf(ctx.store, config, [stored!]))[0] })
    },
  }),

  waitlist: defineAction({
    schema: BookingWaitlistRequests.waitlist,
    handle: async (_req, ctx) => {
      const config = await loadBookingConfig(ctx.store)
      const entries = await ctx.store.booking.myWaitlist(ctx.openid!, 50)
      return ok({ entries: await viewsOf(ctx.store, config, entries) })
    },
  }),

  leaveWaitlist: defineAction({
    schema: BookingWaitlistRequests.leaveWaitlist,
    handle: async ({ entryId }, ctx) => {
      const now = ctx.now()
      const at = now.toISOString()
      const config = await loadBookingConfig(ctx.store)
      const entry = await ownEntry(ctx, entryId)
      if (!entry) return refuse('WAITLIST_NOT_FOUND')
      // Waiting, or offered (then its held places go to the next in line). Each step guarded, so a
      // leave racing an offer or an expiry ends in exactly one outcome.
      const owner = { owner: ctx.openid! }
      let left = entry.status === 'waiting' ? await ctx.store.booking.transitionEntry(entryId, 'waiting', 'left', { at }, owner) : null
      if (!left) {
        left = await ctx.store.booking.transitionEntry(entryId, 'offered', 'left', { at }, owner)
        if (left) await releaseOffer(ctx.store, left, config)
      }
      // Its held places go to the next in line; and an entry that blocked the line (the skip
      // rule) no longer does, so those behind it may be served now.
      if (left) await fillWaitlist(ctx.store, left.sessionId, now)
      if (!left) {
        const latest = (await ownEntry(ctx, entryId))!
        return refuse('WAITLIST_NOT_LEAVABLE', { status: WAITLIST_STATUS_LABEL[latest.status] })
      }
      return ok({ entry: (await viewsOf(ctx.store, config, [left]))[0] })
    },
  }),

  acceptOffer: defineAction({
    schema: BookingWaitlistRequests.acceptOffer,
    handle: async ({ entryId }, ctx) => {
      const now = ctx.now()
      const config = await loadBookingConfig(ctx.store)
      const entry = await ownEntry(ctx, entryId)
      if (!entry) return refuse('WAITLIST_NOT_FOUND')
      const refusal = (e: WaitlistEntry) =>
        e.status === 'offered' || (e.status === 'expired' && e.endReason === 'unclaimed')
          ? refuse('OFFER_EXPIRED', { time: beijingText(e.offerExpiresAt ?? now) })
          : refuse('WAITLIST_NOT_OFFERED', { status: WAITLIST_STATUS_LABEL[e.status] })
      if (entry.status !== 'offered' && entry.status !== 'booked') return refusal(entry)
      const session = sessionRef(config, entry.sessionId)
      if (entry.status === 'offered' && session) {
        // The offer already holds the places, the claims and the network's share (fillWaitlist);
        // the session must still be open and the account not suspended since.
        const closed = sessionOpening(config, session, now) ?? (await accountOpening(ctx, config))
        if (closed) return closed
      }
      const accepted = await ctx.store.booking.acceptOffer(entryId, ctx.openid!, bookingFromEntry(entry, now.toISOString()))
      if (accepted.kind === 'not-offered') return refusal(accepted.entry ?? entry)
      return ok({ booking: bookingView(accepted.record, config, keysOf(ctx), now) })
    },
  }),

  noShowStanding: defineAction({
    schema: BookingWaitlistRequests.noShowStanding,
    handle: async (_req, ctx) => {
      const now = ctx.now()
      const config = await loadBookingConfig(ctx.store)
      const account = await ctx.store.booking.getAccount(ctx.openid!)
      const since = noShowWindowStart(config, account, now)
      // The same count the suspension rule uses (countNoShows), and its dates from 我的预约's list.
      const count = await ctx.store.booking.countNoShows(ctx.openid!, since)
      const counted = (await ctx.store.booking.listBookings(ctx.openid!, 100)).filter((b) => b.status === 'no_show' && b.sessionEnd > since)
      const newest = counted.reduce((max, b) => (b.sessionEnd > max ? b.sessionEnd : max), '')
      const suspended = account?.suspendedUntil && Date.parse(account.suspendedUntil) > now.getTime()
      return ok({
        noShows: {
          count,
          limit: config.noShow.limit,
          windowDays: config.noShow.windowDays,
          // The count is back to 0 once the newest no-show leaves the window.
          clearsOn: count > 0 && newest ? dayOf(new Date(Date.parse(newest) + config.noShow.windowDays * DAY_MS)) : null,
          ...(suspended ? { suspendedUntil: beijingText(account!.suspendedUntil!) } : {}),
        },
      })
    },
  }),
}
