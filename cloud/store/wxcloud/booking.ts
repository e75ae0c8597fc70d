// Booking section on the cloud database, following the per-method mapping above `BookingStore` in
// store/port.ts: every method is one guarded update, one add under a deterministic `_id`, or a
// query. No multi-document transaction is needed: `book` composes the steps and compensates
// (store/book-in-steps.ts).
import { bookInSteps } from '../book-in-steps'
import { rescheduleInSteps } from '../reschedule-in-steps'
import { acceptOfferInSteps, offerWaitlistInSteps } from '../waitlist-in-steps'
import type { BookingAccount, BookingRecord, BookingStore, SavedVisitor, TransitionPatch, WaitlistEntry } from '../port'
import { MAX_GET, type Doc, type WxDatabase } from './db'
import { createIfAbsent, fetchAll, findById, guardedIncrement, guardedUpdate, stripDoc } from './helpers'

type Names = { booking_visitors: string; bookings: string; booking_sessions: string; booking_claims: string; booking_accounts: string; booking_account_ids: string; booking_waitlist: string }

/** Statuses that still hold places (what the staff's day counts show). */
const HOLDING = ['confirmed', 'checked_in']

/** The cloud database rejects `undefined` values: drop them before writing. */
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

const toVisitor = (d: Doc): SavedVisitor => ({ ...stripDoc<Omit<SavedVisitor, 'id'>>(d), id: d._id })
/** `pendingSince` is the adapter's own bookkeeping; `placesHeld` shows only while true (as on SQLite). */
const toRecord = (d: Doc): BookingRecord => {
  const { pendingSince: _since, placesHeld, ...rest } = stripDoc<Omit<BookingRecord, 'id'> & { pendingSince?: string }>(d)
  return { ...rest, ...(placesHeld === true ? { placesHeld: true } : {}), id: d._id }
}
const claimKey = (day: string, idHash: string) => `${day}:${idHash}`
const toEntry = (d: Doc): WaitlistEntry => {
  const { held, ...rest } = stripDoc<Omit<WaitlistEntry, 'id'>>(d)
  return { ...rest, ...(held === true ? { held: true } : {}), id: d._id }
}
const ACTIVE = ['waiting', 'offered']

/** Which timestamp a status change records (as the SQLite adapter does). */
const STAMP: Partial<Record<BookingRecord['status'], 'checkedInAt' | 'cancelledAt' | 'noShowAt'>> = {
  checked_in: 'checkedInAt',
  cancelled: 'cancelledAt',
  no_show: 'noShowAt',
}

export function wxBooking(db: WxDatabase, names: Names): BookingStore {
  const _ = db.command
  const visitors = () => db.collection(names.booking_visitors)
  const bookings = () => db.collection(names.bookings)
  const sessions = () => db.collection(names.booking_sessions)
  const claims = () => db.collection(names.booking_claims)
  const accounts = () => db.collection(names.booking_accounts)
  const recentIds = () => db.collection(names.booking_account_ids)
  const waitlist = () => db.collection(names.booking_waitlist)

  /** Pending since before `before`; the second arm covers records begun before pendingSince was written. */
  const stale = (before: string) =>
    _.or([
      { status: 'pending', pendingSince: _.lt(before) },
      { status: 'pending', pendingSince: _.exists(false), createdAt: _.lt(before) },
    ])

  const guarded = (sessionId: string, capacity: number, n: number) =>
    guardedIncrement(db, sessions(), sessionId, 'booked', n, { max: capacity })

  const linePage: BookingStore['waitlistPage'] = async (sessionId, after, limit) => {
    // Keyset paging on the line order (joinedAt, _id), not skip(): an offer pass changes entries'
    // statuses while it reads (waiting → offered → booked/expired leaves the line), which would
    // shift a skip offset and miss or repeat entries; the cursor does not move. orderBy may be
    // called once per field, the first call sorting first (Collection.orderBy:
    // https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/collection/Collection.orderBy.html);
    // limit is at most 1000 in a cloud function (Collection.limit: "在云函数端默认及最大上限为 1000",
    // https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/collection/Collection.limit.html),
    // so the whole line (listWaitlist) is read with these pages too: one get stopped at 1,000 entries.
    const line = { sessionId, status: _.in(ACTIVE) }
    const where = after ? _.and([line, _.or([{ joinedAt: _.gt(after.joinedAt) }, { joinedAt: after.joinedAt, _id: _.gt(after.id) }])]) : line
    const { data } = await waitlist().where(where).orderBy('joinedAt', 'asc').orderBy('_id', 'asc').limit(Math.min(limit, MAX_GET)).get()
    return data.map(toEntry)
  }

  return {
    // No multi-document transaction in the cloud database: the guarded steps below, composed.
    book(request) {
      return bookInSteps(this, request)
    },
    reschedule(request) {
      return rescheduleInSteps(this, request)
    },
    offerWaitlist(request) {
      return offerWaitlistInSteps(this, request)
    },
    acceptOffer(entryId, owner, record) {
      return acceptOfferInSteps(this, entryId, owner, record)
    },

    async moveBooking(id, owner, fromSessionId, to) {
      return guardedUpdate(bookings(), id, { openid: owner, status: 'confirmed', sessionId: fromSessionId }, { sessionId: to.sessionId, day: to.day, sessionStart: to.sessionStart, sessionEnd: to.sessionEnd, ...(to.network ? { network: to.network } : {}) })
    },

    async joinWaitlist(entry, maxActive) {
      const existing = await findById(waitlist(), entry.id)
      if (existing) return { existing: toEntry(existing) }
      // Soft caps (read, then add), like the saved-visitor cap: the offer's claims keep the rules.
      const { data } = await waitlist().where({ openid: entry.openid, status: _.in(ACTIVE) }).limit(100).get()
      if (data.some((d) => d.sessionId === entry.sessionId)) return 'duplicate'
      if (data.length >= maxActive) return 'cap'
      const { id, ...rest } = entry
      if (await createIfAbsent(waitlist(), id, defined({ ...rest, status: 'waiting', skips: 0, held: false }))) return 'joined'
      return { existing: toEntry((await findById(waitlist(), id))!) }
    },

    async getWaitlistEntry(id) {
      const doc = await findById(waitlist(), id)
      return doc ? toEntry(doc) : null
    },

    async listWaitlist(sessionId) {
      // Page by page (one get answers at most 1,000 documents): the whole line, however long.
      const line: WaitlistEntry[] = []
      for (;;) {
        const last = line[line.length - 1]
        const page = await linePage(sessionId, last ? { joinedAt: last.joinedAt, id: last.id } : null, MAX_GET)
        line.push(...page)
        if (page.length < MAX_GET) return line
      }
    },

    waitlistPage: linePage,

    async myWaitlist(openid, limit) {
      const { data } = await waitlist().where({ openid }).orderBy('joinedAt', 'desc').orderBy('_id', 'desc').limit(Math.min(limit, MAX_GET)).get()
      return data.map(toEntry)
    },

    async waitingSessions(limit) {
      const { data } = await waitlist().where({ status: 'waiting' }).orderBy('sessionId', 'asc').limit(MAX_GET).get()
      return [...new Set(data.map((d) => d.sessionId as string))].slice(0, limit)
    },

    async dueOffers(nowIso, limit) {
      const { data } = await waitlist().where({ status: 'offered', offerExpiresAt: _.lte(nowIso) }).orderBy('offerExpiresAt', 'asc').limit(Math.min(limit, MAX_GET)).get()
      return data.map(toEntry)
    },

    async transitionEntry(id, from, to, patch, guard) {
      const where: Record<string, unknown> = { status: from }
      if (guard?.owner !== undefined) where.openid = guard.owner
      if (guard?.held !== undefined) where.held = guard.held ? true : _.neq(true)
      if (guard?.unexpiredAt !== undefined) where.offerExpiresAt = _.gt(guard.unexpiredAt)
      const data: Record<string, unknown> = { status: to }
      if (to === 'offered') Object.assign(data, { offeredAt: patch.at, offerExpiresAt: patch.offerExpiresAt })
      if (to === 'waiting') data.held = false
      if (to === 'booked' || to === 'expired' || to === 'left') data.endedAt = patch.at
      if (to === 'expired' && patch.endReason) data.endReason = patch.endReason
      if (!(await guardedUpdate(waitlist(), id, where, defined(data)))) return null
      const doc = await findById(waitlist(), id)
      return doc ? toEntry(doc) : null
    },

    async markOfferHeld(id) {
      return guardedUpdate(waitlist(), id, { status: 'offered', held: _.neq(true) }, { held: true })
    },

    async addSkips(ids) {
      for (const id of ids) await waitlist().where({ _id: id }).update({ data: { skips: _.inc(1) } })
    },

    async putAcceptedBooking(record) {
      const { id, ...rest } = record
      await createIfAbsent(bookings(), id, defined({ ...rest, status: 'confirmed' }))
    },
    async addVisitor(visitor, cap) {
      // A soft cap (count, then add): a race past it is harmless; uniqueness is the _id's job.
      if ((await visitors().where({ openid: visitor.openid }).count()).total >= cap) return 'cap'
      const { id, ...rest } = visitor
      return (await createIfAbsent(visitors(), id, defined(rest))) ? 'added' : 'exists'
    },

    async listVisitors(openid) {
      const { data } = await visitors().where({ openid }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(100).get()
      return data.map(toVisitor)
    },

    async getVisitors(openid, ids) {
      if (ids.length === 0) return []
      const { data } = await visitors().where({ _id: _.in(ids), openid }).limit(100).get()
      return data.map(toVisitor)
    },

    async removeVisitor(openid, id) {
      const live = await fetchAll(db, bookings(), { openid, status: 'confirmed' })
      const holder = live.filter((b) => (b.visitors as Array<{ visitorId: string }>).some((v) => v.visitorId === id)).sort((a, b) => String(a.day).localeCompare(String(b.day)))[0]
      if (holder) return { inUseOn: holder.day as string }
      const res = await visitors().where({ _id: id, openid }).remove()
      return (res.stats.removed ?? 0) === 1 ? 'removed' : 'missing'
    },

    async noteBookedIds(openid, idHashes, atIso, policy) {
      const since = new Date(Date.parse(atIso) - policy.windowDays * 86_400_000).toISOString()
      // Optimistic: read the account's set, write the new one guarded on the revision read.
      for (let attempt = 0; attempt < 8; attempt++) {
        const doc = await findById(recentIds(), openid)
        const ids: Record<string, string> = {}
        for (const [h, at] of Object.entries((doc?.ids as Record<string, string> | undefined) ?? {})) if (at > since) ids[h] = at
        for (const h of idHashes) ids[h] = atIso
        if (Object.keys(ids).length > policy.limit) return false
        if (!doc) {
          if (await createIfAbsent(recentIds(), openid, { ids, rev: 1 })) return true
          continue
        }
        if (await guardedUpdate(recentIds(), openid, { rev: doc.rev }, { ids: _.set(ids), rev: (doc.rev as number) + 1 })) return true
      }
      throw new Error(`noteBookedIds: ${openid} kept changing`)
    },

    async beginBooking(record) {
      const { id, ...rest } = record
      if (await createIfAbsent(bookings(), id, defined({ ...rest, pendingSince: record.createdAt }))) return { created: true }
      const existing = await findById(bookings(), id)
      if (!existing) throw new Error(`booking ${id}: duplicate key but no document`)
      return { created: false, existing: toRecord(existing) }
    },

    async reopenRefused(id, at) {
      // A swept booking is final: the sweep may still be giving back claims keyed by this id.
      const res = await bookings()
        .where({ _id: id, status: 'refused', sweptAt: _.exists(false) })
        .update({ data: { status: 'pending', pendingSince: at, placesHeld: false } })
      return (res.stats.updated ?? 0) === 1
    },

    async markPlacesHeld(id, held) {
      // The guard always changes the field, so stats.updated counts a real change.
      const res = await bookings()
        .where({ _id: id, status: 'pending', placesHeld: held ? _.neq(true) : true })
        .update({ data: { placesHeld: held } })
      return (res.stats.updated ?? 0) === 1
    },

    async stalePending(beforeIso, limit) {
      const { data } = await bookings().where(stale(beforeIso)).orderBy('createdAt', 'asc').limit(Math.min(limit, MAX_GET)).get()
      return data.map(toRecord)
    },

    async expirePending(id, beforeIso, patch) {
      const res = await bookings()
        .where(_.and([{ _id: id }, stale(beforeIso)]))
        .update({ data: { status: 'refused', refusal: _.set(patch.refusal), sweptAt: patch.at } })
      if ((res.stats.updated ?? 0) !== 1) return null
      const doc = await findById(bookings(), id)
      return doc ? toRecord(doc) : null
    },

    async reservePlaces(sessionId, capacity, n) {
      if (n <= 0 || n > capacity) return n === 0
      // The guarded increment decides: booked ≤ capacity − n and booked += n in one server step.
      if (await guarded(sessionId, capacity, n)) return true
      // Nothing updated: full, or no counter yet. The first booker creates it holding its n places;
      // if another caller created it first (duplicate key), the guarded update decides once more.
      if (await createIfAbsent(sessions(), sessionId, { booked: n })) return true
      return guarded(sessionId, capacity, n)
    },

    async releasePlaces(sessionId, n) {
      // booked ≥ n, then booked −= n: never below zero.
      await guardedIncrement(db, sessions(), sessionId, 'booked', -n, { min: 0 })
    },

    async placesBooked(sessionIds) {
      if (sessionIds.length === 0) return {}
      const { data } = await sessions().where({ _id: _.in(sessionIds) }).limit(MAX_GET).get()
      return Object.fromEntries(data.map((d) => [d._id, d.booked as number]))
    },

    async claimId(day, idHash, bookingId) {
      const key = claimKey(day, idHash)
      // A few rounds: the holder may release its claim between our add and our read.
      for (let round = 0; round < 3; round++) {
        if (await createIfAbsent(claims(), key, { bookingId, day })) return true
        const holder = await findById(claims(), key)
        if (!holder) continue
        if (holder.bookingId === bookingId) return true
        // A claim left by a booking that can never hold it again (swept, or cancelled: both final,
        // so this read cannot go stale) is taken over by a guarded update; any other holder wins.
        const owner = await findById(bookings(), holder.bookingId as string)
        const stale = owner && ((owner.status === 'refused' && owner.sweptAt) || owner.status === 'cancelled')
        if (!stale) return false
        if (await guardedUpdate(claims(), key, { bookingId: holder.bookingId }, { bookingId })) return true
      }
      return false
    },

    async releaseIds(day, idHashes, bookingId) {
      if (idHashes.length === 0) return
      // Only this booking's claims go: the bookingId guard is part of the same query.
      await claims()
        .where({ _id: _.in(idHashes.map((h) => claimKey(day, h))), bookingId })
        .remove()
    },

    async getBooking(id) {
      const doc = await findById(bookings(), id)
      return doc ? toRecord(doc) : null
    },

    async listBookings(openid, limit) {
      const { data } = await bookings()
        .where({ openid, status: _.nin(['pending', 'refused']) })
        .orderBy('day', 'desc')
        .orderBy('sessionEnd', 'desc')
        .orderBy('createdAt', 'desc')
        .limit(Math.min(limit, MAX_GET))
        .get()
      return data.map(toRecord)
    },

    async transition(id, from, to, patch: TransitionPatch, owner) {
      const data: Record<string, unknown> = { status: to }
      const stamp = STAMP[to]
      if (stamp) data[stamp] = patch.at
      if (to === 'checked_in' && patch.by) data.checkedInBy = patch.by
      if (patch.refusal) data.refusal = _.set(patch.refusal)
      // The status guard makes "accepted once" / "cancel once" hold under any interleaving.
      const guard: Record<string, unknown> = { _id: id, status: from }
      if (owner !== undefined) guard.openid = owner
      const res = await bookings().where(guard).update({ data })
      return (res.stats.updated ?? 0) === 1
    },

    async dueNoShows(nowIso, limit) {
      const { data } = await bookings()
        .where({ status: 'confirmed', sessionEnd: _.lte(nowIso) })
        .orderBy('sessionEnd', 'asc')
        .limit(Math.min(limit, MAX_GET))
        .get()
      return data.map(toRecord)
    },

    async dayCounts(day) {
      // The port's mapping names aggregate().match().group(); the adapter's database surface (db.ts)
      // and the stand-in have no aggregate, so this reads the day's holding bookings in pages of
      // ≤ 1000 and sums here. A day has at most a few thousand bookings, so that is a few reads.
      const docs = await fetchAll(db, bookings(), { day, status: _.in(HOLDING) })
      const out: Record<string, { booked: number; checkedIn: number }> = {}
      for (const d of docs) {
        const c = (out[d.sessionId as string] ??= { booked: 0, checkedIn: 0 })
        c.booked += d.places as number
        if (d.status === 'checked_in') c.checkedIn += d.places as number
      }
      return out
    },

    async countNoShows(openid, sinceIso) {
      return (await bookings().where({ openid, status: 'no_show', sessionEnd: _.gt(sinceIso) }).count()).total
    },

    async listConfirmedOn(day) {
      const docs = await fetchAll(db, bookings(), { day, status: 'confirmed' })
      return docs.map(toRecord)
    },

    async listOnDay(day) {
      const docs = await fetchAll(db, bookings(), { day, status: db.command.neq('pending') })
      return docs.map(toRecord).sort((a, b) => a.sessionId.localeCompare(b.sessionId) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    },

    async getAccount(openid) {
      const doc = await findById(accounts(), openid)
      return doc ? { ...stripDoc<BookingAccount>(doc), openid } : null
    },

    async suspend(account) {
      await accounts()
        .doc(account.openid)
        .set({ data: defined({ openid: account.openid, suspendedUntil: account.suspendedUntil, countNoShowsAfter: account.countNoShowsAfter }) })
    },
  }
}
