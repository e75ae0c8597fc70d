// The storage port: what the handlers need from storage, in the domain's words. Two adapters
// implement it: embedded SQLite (local runtime, tests, H5 site) and the WeChat cloud database
// (production). Every method is a single atomic step in both, so that guarded updates and
// single-document transactions are enough on the cloud side — except `BookingStore.book`, one
// operation that SQLite does in one transaction and the cloud adapter composes from those steps.
import type { IdType } from '../contracts/booking'
import type { Exhibit, Hall } from '../contracts/exhibit'
import type { Company, MatchProfile, Policy, ZoneChart } from '../contracts/zone'
import type { AuditEntry, AuditQuery, CounterRow, Notice } from '../contracts/ops'
import type { Role } from '../contracts/accounts'
import type { SessionHold } from '../contracts/holds'
import type { GroupHeadCount, GroupStatus, RosterCounts, RosterKind } from '../contracts/groups'
import type { TransferNeed, TransferPlatform, TransferRequestRecord, TransferResult } from '../contracts/transfer'

/**
 * The console's edit of one record of an operator-kept list (transfer results and platforms, zone
 * companies and policies): writes `next` iff the stored record's rev is still `rev` (a stored one
 * without a rev is at 0), or, with rev null, iff no record has its id; the caller sets next.rev to
 * rev + 1 (1 when new). False otherwise: two editors from the same revision cannot both win, and an
 * edit of one record never rewrites another.
 */
export type SaveListed<T> = (next: T, rev: number | null) => Promise<boolean>
/** Removes the list record iff its stored rev is still `rev` (as SaveListed). */
export type RemoveListed = (id: string, rev: number) => Promise<boolean>

export interface ContentStore {
  listHalls(): Promise<Hall[]>
  /** All exhibits, ordered by hall then `sort`. The set is small (tens), so no paging. */
  listExhibits(): Promise<Exhibit[]>
  getExhibit(code: string): Promise<Exhibit | null>
  /** Replaces the content wholesale, in one transaction (seeding and operator imports). */
  replaceExhibits(halls: Hall[], exhibits: Exhibit[]): Promise<void>
  /** Writes one exhibit (an operator's edit), creating it if its code is new. */
  putExhibit(exhibit: Exhibit): Promise<void>
  /** Writes one hall at position `sort` in the list (an operator's edit), creating it if its id is
   *  new. `listHalls` orders by `sort` (then id). Cloud database: halls.doc(id).set({ ..., sort }). */
  putHall(hall: Hall, sort: number): Promise<void>
}

/**
 * Companies, policies and the zone's figures. Reads are whole lists (thousands of small records)
 * because search and matching run in memory over plain records; `version` lets a handler keep its
 * index and rebuild it only when the data changed.
 * Cloud database: records carry a `gen` field and `version` is one small document naming the
 * current generation. A replace writes the new generation (batches), then flips that one document
 * (a single-document update, the atomic step), then deletes the old generation; readers list the
 * current generation in pages of ≤ 1000 documents ordered by _id.
 */
export interface ZoneStore {
  /** Changes whenever companies, policies or figures are replaced. One small read. */
  version(): Promise<string>
  /** Every company, ordered by id. */
  listCompanies(): Promise<Company[]>
  /** Every policy, ordered by id. */
  listPolicies(): Promise<Policy[]>
  getCompany(id: string): Promise<Company | null>
  getPolicy(id: string): Promise<Policy | null>
  /** The zone-in-figures charts, in display order. */
  listCharts(): Promise<ZoneChart[]>
  /** Replaces all companies at once (seeding and operator imports): all or nothing. Returns the new version. */
  replaceCompanies(companies: Company[]): Promise<string>
  replacePolicies(policies: Policy[]): Promise<string>
  replaceCharts(charts: ZoneChart[]): Promise<string>
  /** The console's one-record edits (SaveListed); each one that writes also changes `version`.
   *  Cloud: under the current generation's `_id` (`${gen}:${id}`), add({ _id, … }) for a new one
   *  (duplicate = false), where({ _id, rev }).update(…) / .remove() for an edit (rev 0 also matches a
   *  record without a rev field), stats === 1; then the pointer's version is updated. */
  saveCompany: SaveListed<Company>
  removeCompany: RemoveListed
  savePolicy: SaveListed<Policy>
  removePolicy: RemoveListed

  // 政策提醒 (cloud/zone/alerts.ts): one saved profile per identity. Cloud: [zone_profiles] _id = openid.
  /** Writes the profile and its baseline; keeps the subscriptions granted and used, and what was
   *  already notified. Cloud: where({ _id }).update(…), and add({ _id, … }) when none was updated. */
  saveProfile(saved: Pick<SavedZoneProfile, 'openid' | 'profile' | 'savedAt' | 'known'>): Promise<void>
  getProfile(openid: string): Promise<SavedZoneProfile | null>
  /** Saved profiles ordered by openid, after `after` (exclusive), at most `limit` (≤ 1000). */
  listProfiles(after: string | null, limit: number): Promise<SavedZoneProfile[]>
  /** Records one more one-time subscription unless `maxUnused` are already unused; false then, or
   *  when there is no saved profile. Cloud: where({ _id, granted: _.lt(used + maxUnused) }) is not
   *  expressible across fields, so the adapter reads, then guards on the read `granted`. */
  grantProfileNotice(openid: string, maxUnused: number): Promise<boolean>
  /** Spends one subscription: iff the stored `used` is still `used` and `granted > used`, sets
   *  used + 1 and `notified`; false otherwise (someone else spent it, or none is left).
   *  Cloud: where({ _id, used, granted: _.gt(used) }).update(…), stats.updated === 1. */
  useProfileNotice(openid: string, used: number, notified: string[]): Promise<boolean>
}

/** A visitor's saved calculator profile (政策提醒). */
export interface SavedZoneProfile {
  openid: string
  profile: MatchProfile
  savedAt: string
  /** Each policy's fingerprint when the profile was saved: what counts as new or changed since. */
  known: Record<string, string>
  /** One-time subscriptions granted, and how many a queued message has used. */
  granted: number
  used: number
  /** Alert keys already put in a message, so one alert is never sent twice. */
  notified: string[]
}

export interface MetaStore {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
}

/** A message waiting to go out (visit reminders). Locally `npm run outbox` prints and settles them;
 *  in the cloud the timer function sends them with subscribeMessage.send. */
export interface OutboxMessage {
  /** Deterministic, e.g. `remind:<bookingId>`: queuing the same message twice is a no-op. */
  id: string
  kind: 'visit-reminder' | 'closure-notice' | 'transfer-status' | 'waitlist-offer' | 'policy-alert'
  /** The recipient's OPENID. */
  touser: string
  templateId: string
  /** The mini-program page the message opens. */
  page: string
  data: Record<string, { value: string }>
  /** ISO time it was queued (domain clock). */
  createdAt: string
  status: 'pending' | 'sent' | 'failed'
  settledAt?: string
  error?: string
}

export interface OutboxStore {
  /** Queues the message under its id; false if that id was queued before (retries do not double-send). */
  enqueue(message: Omit<OutboxMessage, 'status' | 'settledAt' | 'error'>): Promise<boolean>
  /** Pending messages, oldest first, at most `limit` (≤ 1000). */
  pending(limit: number): Promise<OutboxMessage[]>
  /** Marks a pending message sent or failed; false if it was no longer pending (someone else settled it). */
  settle(id: string, outcome: { status: 'sent' | 'failed'; at: string; error?: string }): Promise<boolean>
  /** Where each of these messages stands (any status), keyed by id; ids never queued are absent.
   *  At most 1000 ids. Cloud: where({ _id: _.in(ids) }) in pages of 100. */
  statusOf(ids: string[]): Promise<Record<string, Pick<OutboxMessage, 'status' | 'settledAt' | 'error'>>>
}

// ----- booking -----

/** A saved visitor (常用参观人). The ID number itself is never stored: only its keyed hash and a mask. */
export interface SavedVisitor {
  id: string
  openid: string
  name: string
  idType: IdType
  idHash: string
  idMasked: string
  /** YYYY-MM-DD: read from a resident ID when it is saved, or entered for a child without an ID
   *  (idType `child`), so the booking can tell adults from children. Absent for other documents. */
  birthDate?: string
  createdAt: string
}

/** `pending` lives only while the booking call runs; `refused` keeps the answer for retries. */
export type BookingRecordStatus = 'pending' | 'confirmed' | 'refused' | 'cancelled' | 'checked_in' | 'no_show' | 'released'

export interface BookingRecord {
  id: string
  openid: string
  clientRequestId: string
  sessionId: string
  /** YYYY-MM-DD (Beijing). */
  day: string
  sessionStart: string
  sessionEnd: string
  places: number
  visitors: Array<{ visitorId: string; name: string; idType: IdType; idHash: string; idMasked: string }>
  status: BookingRecordStatus
  createdAt: string
  refusal?: { code: string; message: string }
  checkedInAt?: string
  /** Who checked the ticket in: the staff account's username (local runtime) or OPENID (cloud). */
  checkedInBy?: string
  cancelledAt?: string
  noShowAt?: string
  /** The booker accepted the visit-reminder subscription when booking (weapp only). */
  remind?: boolean
  /** Set while pending, after the places were reserved (and cleared before they are given back by
   *  the booking call itself): tells a sweep whether this booking holds places to give back. */
  placesHeld?: boolean
  /** When a sweep settled this booking (abandoned while pending). A swept booking is final: its
   *  request id is never decided afresh. */
  sweptAt?: string
  /** The network (H5 address bucket, keyed) it was booked from and that network's per-session
   *  place cap then: which address slots it holds, so a 改签 gives back the right ones. */
  network?: NetworkHold
}

/** A network's share of a session (booking/fairuse.ts addressPlaceSlotKeys): its key and cap. */
export interface NetworkHold {
  key: string
  cap: number
}

export interface BookingAccount {
  openid: string
  /** Booking is refused until this instant (ISO). */
  suspendedUntil?: string
  /** No-shows that ended before this instant have been paid for by a suspension and no longer count. */
  countNoShowsAfter?: string
}

/** Why the store refused a booking, each a guard of `book`; the handler words it (see BookRequest.refusal). */
export type BookRefusalCode = 'SESSION_FULL' | 'ID_ALREADY_BOOKED' | 'ACCOUNT_DAY_LIMIT' | 'ACCOUNT_PLACES_LIMIT' | 'ADDRESS_PLACES_LIMIT' | 'ACCOUNT_ID_LIMIT'

/** "Book this, with these guards": everything `BookingStore.book` needs to decide a request. */
export interface BookRequest {
  /** The booking as it would be confirmed (status `pending`; id = H(openid, clientRequestId), so a
   *  retry of the same request names the same record; createdAt = the decision's instant). */
  record: BookingRecord
  /** The session's capacity: the places guard is `booked ≤ capacity − places`. */
  capacity: number
  /** Fair use: the account's booking-slot claim keys for the day (one must be free). */
  bookingSlots: string[]
  /** Fair use: the account's place-slot keys (`places` of them must be free); empty when the
   *  booking slots already cap the places (see booking/fairuse.ts). */
  placeSlots: string[]
  /** Per address bucket (H5 only): the network's place-slot keys for this session (`places` of
   *  them must be free, claimed like placeSlots); empty when the caller's address is not known. */
  addressSlots?: string[]
  /** Fair use: distinct ID numbers one account may book within a window (noteBookedIds). */
  distinctIds: { limit: number; windowDays: number }
  /** The answer a refusal stores on the record (and a retry of it is given). Pure and synchronous:
   *  SQLite calls it inside its transaction. `visitor` is set for ID_ALREADY_BOOKED. */
  refusal(code: BookRefusalCode, visitor?: BookingRecord['visitors'][number]): { code: string; message: string }
}

export type BookOutcome =
  | { kind: 'confirmed'; record: BookingRecord }
  | { kind: 'refused'; code: BookRefusalCode; refusal: { code: string; message: string } }
  /** The request id was already decided for good (confirmed or later, swept), is still being
   *  decided (pending), or names another booking's content: the record as it stands. */
  | { kind: 'existing'; record: BookingRecord }

/** A 候补 entry's life: waiting in line → offered (places and ID claims held for it) → booked
 *  (the booking made from the offer), or expired (offer unclaimed, or no offer before the cutoff,
 *  or the session closed), or left (the visitor left the line). */
export type WaitlistStatus = 'waiting' | 'offered' | 'booked' | 'expired' | 'left'

export interface WaitlistEntry {
  /** H(openid, clientRequestId): a retry of the same join names the same entry. */
  id: string
  openid: string
  clientRequestId: string
  sessionId: string
  day: string
  sessionStart: string
  sessionEnd: string
  places: number
  /** Fixed at joining: the offer and the booking carry exactly these people. */
  visitors: BookingRecord['visitors']
  status: WaitlistStatus
  /** The line's order: earlier first (then id). */
  joinedAt: string
  /** How many times an entry behind this one was offered places while this one did not fit. */
  skips: number
  /** The booking this entry's offer holds places and claims under, and becomes when accepted. */
  bookingId: string
  /** True once the offer's places and claims are all taken (the cloud composes the offer in steps;
   *  only a held offer can be accepted, and only a held one gives places back). */
  held?: boolean
  offeredAt?: string
  offerExpiresAt?: string
  /** When it reached its final status (booked, expired, left). */
  endedAt?: string
  /** Why it expired: the offer was not claimed in time, the cutoff passed, the session closed. */
  endReason?: WaitlistEndReason
  /** The joiner accepted the offer subscription message (weapp). */
  remind?: boolean
  /** The network it joined from (H5): its offer holds that network's address slots, as a booking does. */
  network?: NetworkHold
}

/** Why an entry expired: the offer was not claimed in time, the cutoff passed, the session closed,
 *  or one of its visitors was booked (or offered) elsewhere that day when its turn came. */
export type WaitlistEndReason = 'unclaimed' | 'cutoff' | 'closed' | 'id_booked'

export interface WaitlistPatch {
  at: string
  offerExpiresAt?: string
  endReason?: WaitlistEndReason
}

/** Where a page of a 候补 line ends: the line order is (joinedAt, id), both fixed at joining, so a
 *  page read after it neither repeats nor misses an entry while others change status. */
export interface LineCursor {
  joinedAt: string
  id: string
}

/** "Offer this session's freed places to its line": what `offerWaitlist` needs. */
export interface OfferRequest {
  sessionId: string
  capacity: number
  at: string
  offerExpiresAt: string
  /** The published skip rule's K: an entry passed over this many times blocks the line. */
  maxSkips: number
  /** The account's fair-use keys for the day (as for a booking), held by the offer. */
  slotsFor(openid: string, places: number, entry: WaitlistEntry): { bookingSlots: string[]; placeSlots: string[]; addressSlots?: string[] }
}

export interface OfferOutcome {
  /** Entries offered places, in line order (each now `offered`, holding them). */
  offered: WaitlistEntry[]
  /** Entries passed over by this pass (their skips went up). */
  skipped: string[]
  /** The entry that blocks the line (passed over K times and still does not fit), if any. */
  blockedBy?: string
  /** Entries ended by this pass (expired, `id_booked`): a visitor of theirs already holds that day. */
  ended?: string[]
}

/** "Move this confirmed booking to that session": what `reschedule` needs. */
export interface RescheduleRequest {
  bookingId: string
  openid: string
  from: { sessionId: string; day: string }
  /** `network`: the caller's (H5), recorded on the moved booking. */
  to: { sessionId: string; day: string; sessionStart: string; sessionEnd: string; capacity: number; network?: NetworkHold }
  /** Fair-use keys for the new day (claimed there unless the day is the same). */
  bookingSlots: string[]
  placeSlots: string[]
  /** The old day's account keys, given back when the day changes. */
  releaseOnOldDay: string[]
  /** Per network (H5): the caller's address slots in the new session (`places` of them must be
   *  free, claimed whatever the day), the old session's ones the booking holds (given back after
   *  the move). */
  addressSlots?: string[]
  releaseOnOldSession?: string[]
  at: string
}

export type RescheduleOutcome =
  | { kind: 'moved'; record: BookingRecord }
  | { kind: 'refused'; code: 'SESSION_FULL' | 'ID_ALREADY_BOOKED' | 'ACCOUNT_DAY_LIMIT' | 'ACCOUNT_PLACES_LIMIT' | 'ADDRESS_PLACES_LIMIT'; visitor?: BookingRecord['visitors'][number] }
  /** No longer a confirmed booking of this owner in the `from` session (cancelled, checked in, moved). */
  | { kind: 'gone'; record: BookingRecord | null }

/** What a status change records beside the new status. */
export interface TransitionPatch {
  at: string
  /** Who made the change (recorded for check-ins: `checkedInBy`). */
  by?: string
  refusal?: { code: string; message: string }
}

/**
 * Booking storage. `book` decides a booking request with all its guards as ONE operation, which
 * each adapter does its own way:
 * - SQLite: one IMMEDIATE transaction, at most one WAL commit per booking (group commit: the
 *   requests that reach `book` within one event-loop turn share one transaction, each decided in
 *   its own savepoint, in arrival order, and answered after the commit). Inside it: the record with
 *   this id is looked up (a confirmed, pending or swept one is answered as it stands; a refused one
 *   with the same content is decided afresh); then the account's day slot and place slots are
 *   claimed (fair use), the places reserved (`booked + n ≤ capacity`), each ID claimed for the day,
 *   the distinct-ID window noted — all in a savepoint that a refusal rolls back whole — and the
 *   record is written once, confirmed or refused with its answer (kept for retries). A crash
 *   rolls the transaction back: SQLite bookings are never left pending, so the sweep finds none
 *   of them (it still runs, harmlessly, and settles records of the cloud path only).
 * - Cloud database (no multi-document transaction): `book` composes the single-step methods below
 *   (store/book-in-steps.ts): begin (or reopenRefused) → claim the account's day (fair use) →
 *   reserve places → markPlacesHeld → claim each ID → noteBookedIds → confirm; a refusal releases
 *   what was taken and stores the answer. A call that dies half-way (crash, cloud-function
 *   timeout) leaves a pending record holding places and claims: the no-show job sweeps records
 *   pending longer than `pendingGraceMinutes` (stalePending → expirePending, then releases the
 *   places if `placesHeld` and the claims keyed by the booking id). Every step after begin that
 *   records progress, and the confirm, is guarded on `pending`, so a sweep and a late call end in
 *   exactly one outcome. What stays open (places and their record live in two documents): a
 *   process that dies exactly between reservePlaces and markPlacesHeld, between
 *   markPlacesHeld(false) and releasePlaces, or a sweep cut off between expirePending and
 *   releasePlaces, leaves that booking's places taken — never given back twice, so never an
 *   overbooking. Claims left the same way heal: claimId takes over a claim whose holder is swept
 *   or cancelled.
 * Every other method is ONE atomic step in both adapters (one transaction on SQLite; a single
 * guarded update, a single-document write with a deterministic `_id`, or a query in the cloud).
 * A cancel is `transition`, then `releasePlaces`, then the line's fill: separate steps in both
 * adapters, so a kill between the first two leaves its places counted and held by nobody (never an
 * overbooking). The local runtime gives them back on start, before any request, by recounting each
 * upcoming session's counters from their records (store/sqlite/recount.ts); the cloud database has
 * no such moment (requests are always in flight), so there they stay lost (docs/booking-waitlist.md).
 *
 * How each maps onto the cloud database (collections in brackets):
 * - book            composed of the steps below (store/book-in-steps.ts), as described above.
 * - addVisitor      [booking_visitors] add({ _id: visitor.id, … }) where _id = H(openid, idHash);
 *                   a duplicate-key error = 'exists'. The ≤ 20 cap is a count() first: a soft cap,
 *                   not a safety property, so a race past it is harmless.
 * - listVisitors / getVisitors  where({ openid }) / where({ _id: _.in(ids), openid }), ≤ 20 docs.
 * - removeVisitor   where({ openid, status: 'confirmed' }) (an account's live bookings, a few) checked for the
 *                   visitor, then where({ _id, openid }).remove(), stats.removed === 1. A booking racing the
 *                   removal keeps its own copy of the visitor; the saved list can only shrink, never grow.
 * - noteBookedIds   [booking_account_ids] doc(openid): { ids: { idHash: at }, rev }; the new set (entries
 *                   older than the window dropped) is written by where({ _id, rev }).update({ ids: _.set(…),
 *                   rev: rev + 1 }) — an optimistic, single-document guarded update, retried on a race —
 *                   or add({ _id: openid, … }) the first time. Refused when it would exceed the limit.
 * - account-day caps use claimId with keys `acct:<account key>#b<k>` (bookings) and `#p<k>` (places):
 *                   the same unique, healing, releasable claims as ID numbers.
 * - beginBooking    [bookings] add({ _id: booking.id, status: 'pending', pendingSince: createdAt, … })
 *                   where _id = H(openid, clientRequestId); on duplicate key, doc(_id).get() answers with
 *                   the existing record (the retry sees the first attempt's result).
 * - reopenRefused   where({ _id, status: 'refused', sweptAt: _.exists(false) })
 *                   .update({ status: 'pending', pendingSince: at, placesHeld: false }), stats.updated === 1.
 * - markPlacesHeld  where({ _id, status: 'pending', placesHeld: held ? _.neq(true) : true })
 *                   .update({ placesHeld: held }), stats.updated === 1 (false: swept, or already so).
 * - stalePending    where(_.or([{ status: 'pending', pendingSince: _.lt(before) }, { status: 'pending',
 *                   pendingSince: _.exists(false), createdAt: _.lt(before) }]))  (the second arm: records
 *                   begun before pendingSince existed) .orderBy('createdAt', 'asc').limit(limit) (≤ 1000).
 * - expirePending   where(_.and([{ _id }, <the stalePending condition>])).update({ status: 'refused',
 *                   refusal: _.set(…), sweptAt: at }), stats.updated === 1, then doc(_id).get().
 * - reservePlaces   [booking_sessions] where({ _id: sessionId, booked: _.lte(capacity - n) })
 *                   .update({ booked: _.inc(n) }), success iff stats.updated === 1; when the doc does not
 *                   exist yet, add({ _id: sessionId, booked: n }) (n ≤ capacity), and on a duplicate-key
 *                   race repeat the guarded update once.
 * - releasePlaces   where({ _id: sessionId, booked: _.gte(n) }).update({ booked: _.inc(-n) }).
 * - placesBooked    where({ _id: _.in(sessionIds) }).get() (≤ 2 × 8 docs).
 * - claimId         [booking_claims] add({ _id: `${day}:${idHash}`, bookingId }); on duplicate key,
 *                   doc(_id).get(): claimed iff its bookingId is this booking (a retry of the same step),
 *                   or its holder is final and can never hold it again (bookings doc(holder).get():
 *                   refused with sweptAt, or cancelled) and where({ _id, bookingId: holder })
 *                   .update({ bookingId }) has stats.updated === 1 — a claim a dead call or a cut-off
 *                   sweep left behind heals on the next claim.
 * - releaseIds      where({ _id: _.in(ids), bookingId }).remove(): only this booking's claims go.
 * - getBooking      doc(_id).get().
 * - listBookings    where({ openid, status: _.nin(['pending', 'refused']) }).orderBy('day', 'desc')
 *                   .orderBy('sessionEnd', 'desc').orderBy('createdAt', 'desc').limit(limit) (limit ≤ 100).
 * - transition      where({ _id, status: from [, openid] }).update({ status: to, … }),
 *                   success iff stats.updated === 1 — the guard makes "accepted once" and
 *                   "cancel once" hold under any interleaving.
 * - dueNoShows      where({ status: 'confirmed', sessionEnd: _.lte(now) }).limit(limit) (≤ 1000).
 * - dayCounts       (implemented as a paged where({ day, status: _.in([...]) }) sum: no aggregate in the
 *                   adapter's surface or the stand-in) aggregate().match({ day, status: _.in(['confirmed','checked_in']) })
 *                   .group({ _id: { s: '$sessionId', st: '$status' }, places: $.sum('$places') }).
 * - countNoShows    where({ openid, status: 'no_show', sessionEnd: _.gt(since) }).count().
 * - listConfirmedOn where({ day, status: 'confirmed' }) paged by _id, ≤ 1000 per get (reminders).
 * - getAccount      [booking_accounts] doc(openid).get().
 * - suspend         doc(openid).set({ suspendedUntil, countNoShowsAfter }) — one document.
 */
export interface BookingStore {
  /** Decides a booking request with every guard at once (see above); a refusal leaves nothing
   *  taken and stores its answer on the record. */
  book(request: BookRequest): Promise<BookOutcome>
  addVisitor(visitor: SavedVisitor, cap: number): Promise<'added' | 'exists' | 'cap'>
  listVisitors(openid: string): Promise<SavedVisitor[]>
  getVisitors(openid: string, ids: string[]): Promise<SavedVisitor[]>
  /** Removes one's own saved visitor unless a live (confirmed) booking of theirs includes it. */
  removeVisitor(openid: string, id: string): Promise<'removed' | 'missing' | { inUseOn: string }>
  /** Records that this account booked for these IDs at `atIso`, unless that makes more than
   *  `policy.limit` distinct IDs booked within `policy.windowDays` (then false, nothing recorded). */
  noteBookedIds(openid: string, idHashes: string[], atIso: string, policy: { limit: number; windowDays: number }): Promise<boolean>

  /** Creates the pending record, or returns the record already made for this request id. */
  beginBooking(record: BookingRecord): Promise<{ created: true } | { created: false; existing: BookingRecord }>
  /** Takes a refused (not swept) booking back to pending so its request is decided afresh; its
   *  pending clock restarts at `at` and it holds no places. False if it was not refused or was swept. */
  reopenRefused(id: string, at: string): Promise<boolean>
  /** Records on a still-pending booking whether it holds its places; false if it is no longer pending
   *  (a sweep settled it: then the sweep owns what was recorded) or already said so. */
  markPlacesHeld(id: string, held: boolean): Promise<boolean>
  /** Bookings pending since before `beforeIso` (calls that died half-way), oldest first, ≤ limit (≤ 1000). */
  stalePending(beforeIso: string, limit: number): Promise<BookingRecord[]>
  /** Settles a booking pending since before `beforeIso` as refused and swept (final), in one guarded
   *  step; returns the settled record, or null if it was no longer pending that long (confirmed,
   *  refused, or reopened since). Exactly one of a sweep and a late confirm wins. */
  expirePending(id: string, beforeIso: string, patch: Required<Omit<TransitionPatch, 'by'>>): Promise<BookingRecord | null>
  /** Takes n places if capacity allows; false = not enough left. Never exceeds capacity. */
  reservePlaces(sessionId: string, capacity: number, n: number): Promise<boolean>
  releasePlaces(sessionId: string, n: number): Promise<void>
  placesBooked(sessionIds: string[]): Promise<Record<string, number>>
  /** Claims an ID for a day for this booking; false = another live booking holds it. Idempotent per
   *  booking. A claim left by a swept or cancelled booking is stale and taken over. */
  claimId(day: string, idHash: string, bookingId: string): Promise<boolean>
  releaseIds(day: string, idHashes: string[], bookingId: string): Promise<void>

  getBooking(id: string): Promise<BookingRecord | null>
  listBookings(openid: string, limit: number): Promise<BookingRecord[]>
  /** Moves a booking from one status to another iff it is still in `from` (and owned by `owner`). */
  transition(id: string, from: BookingRecordStatus, to: BookingRecordStatus, patch: TransitionPatch, owner?: string): Promise<boolean>
  dueNoShows(nowIso: string, limit: number): Promise<BookingRecord[]>
  /** Places per session on a day: still valid (confirmed + checked in) and checked in. */
  dayCounts(day: string): Promise<Record<string, { booked: number; checkedIn: number }>>
  countNoShows(openid: string, sinceIso: string): Promise<number>
  /** Every booking still confirmed (not cancelled, not yet checked in) on a Beijing day: the visit reminders' source. */
  listConfirmedOn(day: string): Promise<BookingRecord[]>
  /** Every booking on a Beijing day except the in-flight ones (pending): rosters, closures, counts. */
  listOnDay(day: string): Promise<BookingRecord[]>

  getAccount(openid: string): Promise<BookingAccount | null>
  suspend(account: Required<BookingAccount>): Promise<void>

  // ----- 改签 -----
  /** Moves a confirmed booking to another session, keeping its id and visitors: the new places,
   *  ID claims (another day) and fair-use keys are taken before the old are given back — both or
   *  neither. SQLite: one transaction. Cloud: store/reschedule-in-steps.ts (reserve → claims →
   *  guarded move of the booking document, the commit point → give back the old). */
  reschedule(request: RescheduleRequest): Promise<RescheduleOutcome>
  /** Changes the booking's session fields iff it is still confirmed, this owner's, in `fromSessionId`
   *  (the commit step of the cloud's reschedule). */
  moveBooking(id: string, owner: string, fromSessionId: string, to: RescheduleRequest['to']): Promise<boolean>

  // ----- 候补 -----
  /** Adds the entry unless its id exists (then answers that one); 'duplicate' when the account
   *  already waits (waiting/offered) for this session; 'cap' when it has `maxActive` active entries.
   *  The caps are soft on the cloud (count first), like the saved-visitor cap: no safety rests on them. */
  joinWaitlist(entry: WaitlistEntry, maxActive: number): Promise<'joined' | 'duplicate' | 'cap' | { existing: WaitlistEntry }>
  getWaitlistEntry(id: string): Promise<WaitlistEntry | null>
  /** A session's line: waiting and offered entries, in line order. */
  listWaitlist(sessionId: string): Promise<WaitlistEntry[]>
  /** One page of that line, in line order (joinedAt, then id), of the entries after `after`
   *  (exclusive; null = from the head), at most `limit`: an offer pass reads the head of a long
   *  line page by page as its walk asks, not the whole line. */
  waitlistPage(sessionId: string, after: LineCursor | null, limit: number): Promise<WaitlistEntry[]>
  /** One account's entries, newest first, at most `limit`. */
  myWaitlist(openid: string, limit: number): Promise<WaitlistEntry[]>
  /** Sessions with someone waiting (the job's fill pass), at most `limit`. */
  waitingSessions(limit: number): Promise<string[]>
  /** Offers held past their expiry at `nowIso` (the sweep), oldest first. */
  dueOffers(nowIso: string, limit: number): Promise<WaitlistEntry[]>
  /** Moves an entry from one status to another iff it is still in `from` (and, when given, `held`
   *  is as said, the owner matches, the offer has not expired at `unexpiredAt`); answers the entry as it is after the change, or null. */
  transitionEntry(id: string, from: WaitlistStatus, to: WaitlistStatus, patch: WaitlistPatch, guard?: { owner?: string; held?: boolean; unexpiredAt?: string }): Promise<WaitlistEntry | null>
  /** Records that an offer's places and claims are all taken (guarded: still offered, not yet held). */
  markOfferHeld(id: string): Promise<boolean>
  /** Adds one to each entry's skip count. */
  addSkips(ids: string[]): Promise<void>
  /** One fill pass over a session's line with the skip rule (booking/waitlist.ts `walkLine`):
   *  each offer takes its places, its visitors' ID claims and its account's keys for the day under
   *  the entry's bookingId, and marks the entry offered and held — all or nothing per entry.
   *  SQLite: one transaction. Cloud: store/waitlist-in-steps.ts. */
  offerWaitlist(request: OfferRequest): Promise<OfferOutcome>
  /** Turns a held, unexpired offer of this owner into its confirmed booking (id = entry.bookingId,
   *  the places and claims it already holds). Retried after success, answers the same booking.
   *  SQLite: one transaction. Cloud: guarded entry update (the commit point), then the booking
   *  document under its deterministic id (a retry completes it). */
  acceptOffer(entryId: string, owner: string, record: BookingRecord): Promise<{ kind: 'booked'; record: BookingRecord } | { kind: 'not-offered'; entry: WaitlistEntry | null }>
  /** Writes the booking a held offer became (cloud step of acceptOffer; a no-op when it exists). */
  putAcceptedBooking(record: BookingRecord): Promise<void>
}

/**
 * The operator console's own records: notices, the audit log, aggregated counters and once-markers.
 * Cloud database: [ops_notices] _id = notice id; [ops_audit] add() only, never updated or removed;
 * [ops_counters] _id = `${counter}|${day}`, guarded `_.inc` then add on first use (duplicate-key race:
 * the update is repeated); [ops_once] add({ _id: key }), a duplicate key = already marked.
 */
export interface OpsStore {
  putNotice(notice: Notice): Promise<void>
  getNotice(id: string): Promise<Notice | null>
  removeNotice(id: string): Promise<boolean>
  /** Every notice, newest first (tens at most). */
  listNotices(): Promise<Notice[]>
  /** Appends one audit entry; there is no method to change or remove one. */
  appendAudit(entry: AuditEntry): Promise<void>
  /** Newest first, filtered, at most `limit` (≤ 500). */
  listAudit(query: AuditQuery): Promise<AuditEntry[]>
  /** Adds `by` to a counter of a Beijing day (created at `by` on first use). */
  bump(counter: string, day: string, by?: number): Promise<void>
  /** Counters whose name starts with `prefix`, on days from..to inclusive. */
  counters(prefix: string, fromDay: string, toDay: string): Promise<CounterRow[]>
  /** True the first time a key is marked, false ever after: one step of a job done exactly once. */
  markOnce(key: string): Promise<boolean>
  /** Records a hold of places once per id (false: that id exists). The places themselves are taken
   *  with BookingStore.reservePlaces first (console/holds.ts). Cloud: [ops_holds] add({ _id: id }). */
  addHold(hold: SessionHold): Promise<boolean>
  /** Every hold on a Beijing day (held and released), oldest first. Cloud: where({ day }), ≤ 1000. */
  listHolds(day: string): Promise<SessionHold[]>
  /** Releases a hold iff it is still held, in one guarded step; answers the released hold, or null
   *  when it was not held (already released, unknown). Of two racing releases exactly one wins.
   *  Cloud: where({ _id, status: 'held' }).update(…), stats.updated === 1, then doc get. */
  releaseHold(id: string, patch: { at: string; by: string }): Promise<SessionHold | null>
}

// ----- accounts -----

/** Every role but visitor: a named account is staff or an operator. */
export type AccountRole = Exclude<Role, 'visitor'>

/**
 * A named staff or operator account of the local runtime (the WeChat cloud build identifies staff
 * by OPENID instead). The password is stored only as a scrypt hash (`scrypt$N$r$p$salt$hash`).
 */
export interface StaffAccount {
  /** Lower-case login name, unique; never changes. */
  username: string
  /** The person's name, shown in the console and recorded beside check-ins. */
  name: string
  role: AccountRole
  passwordHash: string
  /** Wrong passwords since the last success or lockout. */
  failedAttempts: number
  /** Sign-in is refused until this instant (ISO) after too many wrong passwords. */
  lockedUntil?: string
  disabled: boolean
  createdAt: string
  updatedAt?: string
}

export interface AccountPatch {
  name?: string
  role?: AccountRole
  disabled?: boolean
  /** A new password hash also clears the failure counter and any lockout. */
  passwordHash?: string
  at: string
}

/**
 * Accounts, each ONE atomic step (cloud: collection `staff_accounts`, `_id` = username):
 * - create          add({ _id: username, … }); duplicate key = false.
 * - get / list      doc(_id) / paged where({}) by _id.
 * - update          where({ _id }).update(patch), then doc(_id).get().
 */
export interface AccountStore {
  /** False when the username is taken. */
  create(account: StaffAccount): Promise<boolean>
  get(username: string): Promise<StaffAccount | null>
  /** Every account, by username (tens at most). */
  list(): Promise<StaffAccount[]>
  /** Changes what the patch names; null when there is no such account. */
  update(username: string, patch: AccountPatch): Promise<StaffAccount | null>
}

// ----- rate limits -----

/**
 * Fixed-window counters for rate limits that must hold across processes (cloud-function instances
 * share nothing but the database). A key's window opens at its first hit and lasts `windowMs`
 * (as @fastify/rate-limit's on the local server); the first hit after it ended opens the next.
 * Cloud: collection `rate_counters`, `_id` = hash(key), { count, resetAt (epoch ms) }:
 * - hit    where({ _id, resetAt: _.gt(now) }).update({ count: _.inc(1) }), then doc get for the count;
 *          none → where({ _id, resetAt: _.lte(now) }).update({ count: 1, resetAt }) (the window
 *          ended: one racer restarts it, the others find it open and increment); none → add({ _id,
 *          count: 1, resetAt }) (a racing add loses on the `_id` and starts over). Racing hits each
 *          count once; a read may include a later hit too (refuses early, never late).
 * - sweep  where({ resetAt: _.lte(now) }).remove().
 * - peek   doc(_id).get(), counted only while resetAt > now.
 * - clear  where({ _id: _.in(ids) }).remove().
 */
export interface RateLimitStore {
  /** Counts one hit on `key` in its current window (opening one if none is open); answers the
   *  count in that window, this hit included, and when the window ends. A hit that opens a window
   *  also sweeps ended ones, so old counters do not pile up. */
  hit(key: string, windowMs: number, at: Date): Promise<{ count: number; resetAt: Date }>
  /** Removes counters whose window ended at or before `at`; answers how many. */
  sweep(at: Date): Promise<number>
  /** `key`'s open window (its count and end), without counting a hit; null when none is open. */
  peek(key: string, at: Date): Promise<{ count: number; resetAt: Date } | null>
  /** Forgets these counters (a success that ends a run of failures). */
  clear(keys: string[]): Promise<void>
}

// ----- 成果转化 -----

/**
 * Results, platforms, needs and 对接 requests. Results and platforms are small operator-kept lists
 * (tens to hundreds), read whole; needs and requests are written by visitors and changed by the
 * transfer officer, each change ONE guarded step on the record's `rev` (optimistic concurrency), so
 * two officers acting at once cannot both win and a retried step is refused, not repeated.
 * Cloud database (collections in brackets):
 * - replaceResults / replacePlatforms  [transfer_results] [transfer_platforms] the old ids read first,
 *   then one transaction of single-document writes (remove the dropped, set each new), as the exhibit
 *   content's replace: readers see the old list or the new one. The seed's step, never the console's.
 * - saveResult / savePlatform  the console's edits, one record each: a new one add({ _id, … }) (a
 *   duplicate `_id` = false; a new platform's sort is the last one's + 1); an edit
 *   where({ _id, rev }).update({ …, rev: rev + 1 }), stats.updated === 1, where rev 0 also matches a
 *   seeded record that has no rev field (_.exists(false)). Two officers cannot both win, and an edit
 *   of one record never rewrites another.
 * - removeResult / removePlatform  where({ _id, rev }).remove(), stats.removed === 1.
 * - putNeed / createRequest   add({ _id, … }): a duplicate `_id` = false.
 * - updateNeed / updateRequest where({ _id, rev }).update({ …, rev: rev + 1 }), stats.updated === 1.
 * - listRequestsBy            where({ openid }).orderBy('createdAt', 'desc').limit(100).
 * - listRequests / listNeeds  where({ status? }).orderBy('createdAt', 'desc').limit(500).
 */
export interface TransferStore {
  /** Every result, by id. */
  listResults(): Promise<TransferResult[]>
  getResult(id: string): Promise<TransferResult | null>
  replaceResults(results: TransferResult[]): Promise<void>
  /** Every platform, in the order last replaced. */
  listPlatforms(): Promise<TransferPlatform[]>
  replacePlatforms(platforms: TransferPlatform[]): Promise<void>
  saveResult: SaveListed<TransferResult>
  removeResult: RemoveListed
  /** A new platform goes last in the directory, an edited one keeps its place. */
  savePlatform: SaveListed<TransferPlatform>
  removePlatform: RemoveListed
  /** Creates a need under its id; false when the id exists. */
  putNeed(need: TransferNeed): Promise<boolean>
  getNeed(id: string): Promise<TransferNeed | null>
  /** Every need, newest first, at most 500. */
  listNeeds(): Promise<TransferNeed[]>
  /** Writes `next` iff the stored need's rev is still `rev` (next.rev is rev + 1); false otherwise. */
  updateNeed(next: TransferNeed, rev: number): Promise<boolean>
  /** Creates a request under its id; false when the id exists. */
  createRequest(record: TransferRequestRecord): Promise<boolean>
  getRequest(id: string): Promise<TransferRequestRecord | null>
  /** One sender's requests, newest first, at most 100. */
  listRequestsBy(openid: string): Promise<TransferRequestRecord[]>
  /** Every request (in one status when given), newest first, at most 500. */
  listRequests(status?: TransferRequestRecord['status']): Promise<TransferRequestRecord[]>
  /** Writes `next` iff the stored request's rev is still `rev` (next.rev is rev + 1); false otherwise. */
  updateRequest(next: TransferRequestRecord, rev: number): Promise<boolean>
}

// ----- groups and schools -----

/** A group's request (团体预约). The roster's ID numbers are kept only as keyed hashes and masks,
 *  like a booking's visitors; each one's day claim is held under the request id. */
export interface GroupRequestRecord {
  /** H(openid, clientRequestId): a retried submit names the same request. */
  id: string
  openid: string
  clientRequestId: string
  sessionId: string
  day: string
  sessionStart: string
  sessionEnd: string
  organisation: string
  creditCode: string
  leaderName: string
  leaderPhone: string
  /** Places held in the session's group quota: the roster's head count. */
  people: number
  counts: RosterCounts
  roster: Array<{ name: string; kind: RosterKind; idHash: string; idMasked: string }>
  status: GroupStatus
  createdAt: string
  decidedAt?: string
  /** The operator who approved or rejected it. */
  decidedBy?: string
  reason?: string
  cancelledAt?: string
  /** Heads counted in at the gate so far (never above `people`), and each count. */
  checkedIn: number
  headCounts: GroupHeadCount[]
}

export interface GroupTransitionPatch {
  at: string
  by?: string
  reason?: string
}

/** Extra premises of a group status change, checked in the same step as the status. */
export interface GroupTransitionGuard {
  /** Only while nobody of the group has been counted in (checkedIn still 0). */
  noneCheckedIn?: boolean
}

/**
 * Group requests and each session's group quota, every method ONE atomic step:
 * - reservePlaces  a counter per session kept apart from the individuals' (`booking_sessions`), so
 *                  neither can take the other's places. SQLite: group_quota, one guarded upsert.
 *                  Cloud: [group_quota] where({ _id: sessionId, taken: _.lte(quota - n) })
 *                  .update({ taken: _.inc(n) }), stats.updated === 1; add({ _id, taken: n }) the first
 *                  time, and on a duplicate-key race the guarded update once more (as reservePlaces).
 * - releasePlaces  where({ _id, taken: _.gte(n) }).update({ taken: _.inc(-n) }): never below zero.
 * - create         [group_requests] add({ _id: id, … }); a duplicate key = false.
 * - transition     where({ _id, status: from [, openid] [, checkedIn: 0] }).update({ status: to, … }),
 *                  stats.updated === 1, then doc get: of two racing decisions exactly one wins; of a
 *                  guarded cancel and a head count (guarded on status: 'approved') exactly one wins.
 * - countIn        read, then where({ _id, status: 'approved', checkedIn: <as read> })
 *                  .update({ checkedIn: read + n, headCounts: _.set([...]) }) (optimistic, retried on a
 *                  race): two gates counting at once never add up past `people`.
 * - listBy / listOn where({ openid }) / where({ day }) ordered by createdAt, ≤ 100 / ≤ 1000.
 */
export interface GroupStore {
  /** Takes n places of the session's group quota if it allows; false = not enough left. */
  reservePlaces(sessionId: string, quota: number, n: number): Promise<boolean>
  releasePlaces(sessionId: string, n: number): Promise<void>
  /** Group places taken per session (sessions never reserved are absent). */
  placesTaken(sessionIds: string[]): Promise<Record<string, number>>
  /** Creates the request under its id; false when the id exists. */
  create(record: GroupRequestRecord): Promise<boolean>
  get(id: string): Promise<GroupRequestRecord | null>
  /** One leader's requests, newest first, at most `limit` (≤ 100). */
  listBy(openid: string, limit: number): Promise<GroupRequestRecord[]>
  /** Every request for a Beijing day, oldest first (≤ 1000). */
  listOn(day: string): Promise<GroupRequestRecord[]>
  /** Moves a request from `from` to `to` iff it is still in `from` (and the owner's, when given;
   *  and nobody counted in yet, with `guard.noneCheckedIn`: a cancel that gives the places back,
   *  which a head count landing after the caller's read must make fail, as the cancel then makes
   *  the count fail); answers the request as it is after the change, or null. Approval records
   *  decidedAt/By, rejection also the reason, cancellation cancelledAt. */
  transition(id: string, from: GroupStatus, to: GroupStatus, patch: GroupTransitionPatch, owner?: string, guard?: GroupTransitionGuard): Promise<GroupRequestRecord | null>
  /** Adds a head count iff the request is approved and the total stays ≤ people; the request after, or null. */
  countIn(id: string, count: GroupHeadCount): Promise<GroupRequestRecord | null>
}

export interface Store {
  accounts: AccountStore
  transfer: TransferStore
  limits: RateLimitStore
  ops: OpsStore
  content: ContentStore
  meta: MetaStore
  outbox: OutboxStore
  zone: ZoneStore
  booking: BookingStore
  groups: GroupStore
  /** Answers whether the store can serve requests (health checks). */
  ping(): Promise<boolean>
  close(): Promise<void>
}
