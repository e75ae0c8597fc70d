import type { BookingAccount, BookingRecord, BookingStore, BookOutcome, BookRefusalCode, BookRequest, OfferOutcome, OfferRequest, RescheduleOutcome, RescheduleRequest, SavedVisitor, WaitlistEntry } from '../port'
import { walkLine, type CandidateOutcome } from '../../booking/line'
import type { Db } from './database'

interface BookingRow {
  doc: string
  status: BookingRecord['status']
  refusal: string | null
  checked_in_at: string | null
  checked_in_by: string | null
  cancelled_at: string | null
  no_show_at: string | null
  places_held: number
  swept_at: string | null
}

// The immutable part of a booking lives in `doc`; what changes (status and its timestamps) has
// its own columns, so a transition is one guarded UPDATE.
function toRecord(row: BookingRow): BookingRecord {
  const record = JSON.parse(row.doc) as BookingRecord
  record.status = row.status
  if (row.refusal) record.refusal = JSON.parse(row.refusal)
  if (row.checked_in_at) record.checkedInAt = row.checked_in_at
  if (row.checked_in_by) record.checkedInBy = row.checked_in_by
  if (row.cancelled_at) record.cancelledAt = row.cancelled_at
  if (row.no_show_at) record.noShowAt = row.no_show_at
  if (row.places_held) record.placesHeld = true
  if (row.swept_at) record.sweptAt = row.swept_at
  return record
}

/** A guard of `book` said no: thrown inside its savepoint so everything taken so far rolls back. */
class Refused extends Error {
  constructor(
    readonly code: BookRefusalCode,
    readonly visitor?: BookingRecord['visitors'][number],
  ) {
    super(code)
  }
}

const sameRequest = (a: BookingRecord, b: BookingRecord) =>
  a.sessionId === b.sessionId && a.visitors.map((v) => v.visitorId).join() === b.visitors.map((v) => v.visitorId).join()

const BOOKING_COLUMNS = 'doc, status, refusal, checked_in_at, checked_in_by, cancelled_at, no_show_at, places_held, swept_at'

interface EntryRow {
  doc: string
  status: WaitlistEntry['status']
  skips: number
  held: number
  offered_at: string | null
  offer_expires_at: string | null
  ended_at: string | null
  end_reason: WaitlistEntry['endReason'] | null
}

/** Entries read at a time by an offer pass. */
const LINE_PAGE = 32

const ENTRY_COLUMNS = 'doc, status, skips, held, offered_at, offer_expires_at, ended_at, end_reason'

function toEntry(row: EntryRow): WaitlistEntry {
  const entry = JSON.parse(row.doc) as WaitlistEntry
  entry.status = row.status
  entry.skips = row.skips
  if (row.held) entry.held = true
  else delete entry.held
  if (row.offered_at) entry.offeredAt = row.offered_at
  if (row.offer_expires_at) entry.offerExpiresAt = row.offer_expires_at
  if (row.ended_at) entry.endedAt = row.ended_at
  if (row.end_reason) entry.endReason = row.end_reason
  return entry
}

/** Thrown inside a savepoint so what a step took rolls back whole. */
class Undo extends Error {}

export function sqliteBooking(db: Db): BookingStore {
  const q = {
    countVisitors: db.prepare('SELECT COUNT(*) AS n FROM booking_visitors WHERE openid = ?'),
    insertVisitor: db.prepare('INSERT INTO booking_visitors (id, openid, id_hash, created_at, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
    listVisitors: db.prepare('SELECT doc FROM booking_visitors WHERE openid = ? ORDER BY created_at, id'),
    removeVisitor: db.prepare('DELETE FROM booking_visitors WHERE id = ? AND openid = ?'),
    liveWithVisitor: db.prepare(`SELECT day FROM bookings WHERE openid = ? AND status = 'confirmed' AND instr(doc, ?) > 0 ORDER BY day LIMIT 1`),
    // All of the account's rows (a handful): the recent ones count, and an old one says a clean-up is due.
    accountIds: db.prepare('SELECT id_hash, last_at FROM booking_account_ids WHERE openid = ?'),
    noteId: db.prepare('INSERT INTO booking_account_ids (openid, id_hash, last_at) VALUES (?, ?, ?) ON CONFLICT (openid, id_hash) DO UPDATE SET last_at = excluded.last_at'),
    forgetOldIds: db.prepare('DELETE FROM booking_account_ids WHERE openid = ? AND last_at <= ?'),
    insertBooking: db.prepare(
      `INSERT INTO bookings (id, openid, session_id, day, session_end, places, status, created_at, pending_since, doc)
       VALUES (@id, @openid, @sessionId, @day, @sessionEnd, @places, @status, @createdAt, @createdAt, @doc) ON CONFLICT (id) DO NOTHING`,
    ),
    // `book` writes its record once, already decided (never pending).
    insertDecided: db.prepare(
      `INSERT INTO bookings (id, openid, session_id, day, session_end, places, status, created_at, pending_since, refusal, doc)
       VALUES (@id, @openid, @sessionId, @day, @sessionEnd, @places, @status, @createdAt, @createdAt, @refusal, @doc)`,
    ),
    redecide: db.prepare(
      `UPDATE bookings SET status = @status, refusal = @refusal, pending_since = @at, places_held = 0
       WHERE id = @id AND status = 'refused' AND swept_at IS NULL`,
    ),
    reopen: db.prepare(
      `UPDATE bookings SET status = 'pending', pending_since = @at, places_held = 0
       WHERE id = @id AND status = 'refused' AND swept_at IS NULL`,
    ),
    markHeld: db.prepare(`UPDATE bookings SET places_held = @held WHERE id = @id AND status = 'pending' AND places_held != @held`),
    stale: db.prepare(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE status = 'pending' AND pending_since < ? ORDER BY pending_since, id LIMIT ?`),
    expire: db.prepare(
      `UPDATE bookings SET status = 'refused', refusal = @refusal, swept_at = @at
       WHERE id = @id AND status = 'pending' AND pending_since < @before`,
    ),
    getBooking: db.prepare(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE id = ?`),
    listBookings: db.prepare(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE openid = ? AND status NOT IN ('pending', 'refused') ORDER BY day DESC, session_end DESC, created_at DESC LIMIT ?`),
    // The first reserve of a session makes its counter; later ones add to it while it stays within
    // capacity. One statement: a change count of 1 is a reserve, 0 a refusal.
    reserveOrCreate: db.prepare(
      `INSERT INTO booking_sessions (id, booked) SELECT @id, @n WHERE @n <= @capacity
       ON CONFLICT (id) DO UPDATE SET booked = booked + @n WHERE booked + @n <= @capacity`,
    ),
    sessionBooked: db.prepare('SELECT booked FROM booking_sessions WHERE id = ?'),
    release: db.prepare('UPDATE booking_sessions SET booked = booked - @n WHERE id = @id AND booked >= @n'),
    claim: db.prepare('INSERT INTO booking_claims (id, booking_id) VALUES (?, ?) ON CONFLICT (id) DO NOTHING'),
    claimOwner: db.prepare('SELECT booking_id FROM booking_claims WHERE id = ?'),
    releaseClaim: db.prepare('DELETE FROM booking_claims WHERE id = ? AND booking_id = ?'),
    // A claim left by a booking that can never hold it again (swept, or cancelled) is taken over.
    takeOverClaim: db.prepare(
      `UPDATE booking_claims SET booking_id = @mine WHERE id = @key AND booking_id = @holder
         AND EXISTS (SELECT 1 FROM bookings WHERE id = @holder AND ((status = 'refused' AND swept_at IS NOT NULL) OR status = 'cancelled'))`,
    ),
    transition: db.prepare(
      `UPDATE bookings SET status = @to,
         refusal = COALESCE(@refusal, refusal),
         checked_in_at = CASE WHEN @to = 'checked_in' THEN @at ELSE checked_in_at END,
         checked_in_by = CASE WHEN @to = 'checked_in' THEN @by ELSE checked_in_by END,
         cancelled_at = CASE WHEN @to = 'cancelled' THEN @at ELSE cancelled_at END,
         no_show_at = CASE WHEN @to = 'no_show' THEN @at ELSE no_show_at END
       WHERE id = @id AND status = @from AND (@owner IS NULL OR openid = @owner)`,
    ),
    due: db.prepare(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE status = 'confirmed' AND session_end <= ? ORDER BY session_end LIMIT ?`),
    dayCounts: db.prepare(
      `SELECT session_id, status, SUM(places) AS places FROM bookings
       WHERE day = ? AND status IN ('confirmed', 'checked_in') GROUP BY session_id, status`,
    ),
    countNoShows: db.prepare(`SELECT COUNT(*) AS n FROM bookings WHERE openid = ? AND status = 'no_show' AND session_end > ?`),
    confirmedOn: db.prepare(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE day = ? AND status = 'confirmed' ORDER BY id`),
    onDay: db.prepare(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE day = ? AND status != 'pending' ORDER BY session_id, created_at, id`),
    moveBooking: db.prepare(
      `UPDATE bookings SET session_id = @sessionId, day = @day, session_end = @sessionEnd, doc = @doc
       WHERE id = @id AND openid = @owner AND status = 'confirmed' AND session_id = @from`,
    ),
    insertEntry: db.prepare(
      `INSERT INTO booking_waitlist (id, openid, session_id, status, joined_at, skips, held, doc)
       VALUES (@id, @openid, @sessionId, @status, @joinedAt, 0, 0, @doc) ON CONFLICT (id) DO NOTHING`,
    ),
    getEntry: db.prepare(`SELECT ${ENTRY_COLUMNS} FROM booking_waitlist WHERE id = ?`),
    activeOfAccount: db.prepare(`SELECT session_id FROM booking_waitlist WHERE openid = ? AND status IN ('waiting', 'offered')`),
    line: db.prepare(`SELECT ${ENTRY_COLUMNS} FROM booking_waitlist WHERE session_id = ? AND status IN ('waiting', 'offered') ORDER BY joined_at, id`),
    linePage: db.prepare(
      `SELECT ${ENTRY_COLUMNS} FROM booking_waitlist WHERE session_id = @sessionId AND status IN ('waiting', 'offered')
         AND (joined_at > @joinedAt OR (joined_at = @joinedAt AND id > @id)) ORDER BY joined_at, id LIMIT @limit`,
    ),
    mine: db.prepare(`SELECT ${ENTRY_COLUMNS} FROM booking_waitlist WHERE openid = ? ORDER BY joined_at DESC, id DESC LIMIT ?`),
    waitingSessions: db.prepare(`SELECT DISTINCT session_id FROM booking_waitlist WHERE status = 'waiting' ORDER BY session_id LIMIT ?`),
    dueOffers: db.prepare(`SELECT ${ENTRY_COLUMNS} FROM booking_waitlist WHERE status = 'offered' AND offer_expires_at <= ? ORDER BY offer_expires_at, id LIMIT ?`),
    transitionEntry: db.prepare(
      `UPDATE booking_waitlist SET status = @to,
         offered_at = CASE WHEN @to = 'offered' THEN @at ELSE offered_at END,
         offer_expires_at = CASE WHEN @to = 'offered' THEN @expires ELSE offer_expires_at END,
         held = CASE WHEN @to = 'waiting' THEN 0 ELSE held END,
         ended_at = CASE WHEN @to IN ('booked', 'expired', 'left') THEN @at ELSE ended_at END,
         end_reason = CASE WHEN @to = 'expired' THEN @reason ELSE end_reason END
       WHERE id = @id AND status = @from AND (@owner IS NULL OR openid = @owner) AND (@held IS NULL OR held = @held)
         AND (@unexpired IS NULL OR offer_expires_at > @unexpired)`,
    ),
    markOfferHeld: db.prepare(`UPDATE booking_waitlist SET held = 1 WHERE id = ? AND status = 'offered' AND held = 0`),
    addSkip: db.prepare('UPDATE booking_waitlist SET skips = skips + @n WHERE id = @id'),
    acceptEntry: db.prepare(
      `UPDATE booking_waitlist SET status = 'booked', ended_at = @at
       WHERE id = @id AND openid = @owner AND status = 'offered' AND held = 1 AND offer_expires_at > @at`,
    ),
    insertAccepted: db.prepare(
      `INSERT INTO bookings (id, openid, session_id, day, session_end, places, status, created_at, pending_since, doc)
       VALUES (@id, @openid, @sessionId, @day, @sessionEnd, @places, 'confirmed', @createdAt, @createdAt, @doc) ON CONFLICT (id) DO NOTHING`,
    ),
    getAccount: db.prepare('SELECT doc FROM booking_accounts WHERE openid = ?'),
    setAccount: db.prepare('INSERT INTO booking_accounts (openid, doc) VALUES (?, ?) ON CONFLICT (openid) DO UPDATE SET doc = excluded.doc'),
  }

  // One prepared statement per list length (1–5 visitors, 1–16 sessions), not one per call.
  const byCount = new Map<string, ReturnType<Db['prepare']>>()
  const withList = (sql: (marks: string) => string, n: number) => {
    const key = `${sql('#')}|${n}`
    let stmt = byCount.get(key)
    if (!stmt) byCount.set(key, (stmt = db.prepare(sql(Array(n).fill('?').join(',')))))
    return stmt
  }
  const visitorsByIds = (n: number) => withList((marks) => `SELECT doc FROM booking_visitors WHERE openid = ? AND id IN (${marks})`, n)
  const sessionsByIds = (n: number) => withList((marks) => `SELECT id, booked FROM booking_sessions WHERE id IN (${marks})`, n)

  const addVisitor = db.transaction((v: SavedVisitor, cap: number): 'added' | 'exists' | 'cap' => {
    if ((q.countVisitors.get(v.openid) as { n: number }).n >= cap) return 'cap'
    return q.insertVisitor.run(v.id, v.openid, v.idHash, v.createdAt, JSON.stringify(v)).changes === 1 ? 'added' : 'exists'
  })
  // Step bodies, shared by the single-step methods (each its own transaction) and `book` (all in one).
  const reserveIn = (id: string, capacity: number, n: number) => q.reserveOrCreate.run({ id, n, capacity }).changes === 1
  const claimIn = (key: string, bookingId: string) => {
    if (q.claim.run(key, bookingId).changes === 1) return true
    const holder = (q.claimOwner.get(key) as { booking_id: string } | undefined)?.booking_id
    if (holder === bookingId) return true
    return holder !== undefined && q.takeOverClaim.run({ key, mine: bookingId, holder }).changes === 1
  }
  const noteBookedIdsIn = (openid: string, hashes: string[], at: string, policy: { limit: number; windowDays: number }) => {
    const since = new Date(Date.parse(at) - policy.windowDays * 86_400_000).toISOString()
    const recent = new Set(hashes)
    let old = false
    for (const row of q.accountIds.all(openid) as { id_hash: string; last_at: string }[]) {
      if (row.last_at > since) recent.add(row.id_hash)
      else old = true
    }
    if (recent.size > policy.limit) return false
    // Rows past the window no longer count; deleted when there are any (most bookings have none).
    if (old) q.forgetOldIds.run(openid, since)
    for (const h of hashes) q.noteId.run(openid, h, at)
    return true
  }
  const reserve = db.transaction(reserveIn)
  const claim = db.transaction(claimIn)
  const releaseIds = db.transaction((day: string, hashes: string[], bookingId: string) => {
    for (const h of hashes) q.releaseClaim.run(`${day}:${h}`, bookingId)
  })
  const removeVisitor = db.transaction((openid: string, id: string): 'removed' | 'missing' | { inUseOn: string } => {
    const live = q.liveWithVisitor.get(openid, `"visitorId":"${id}"`) as { day: string } | undefined
    if (live) return { inUseOn: live.day }
    return q.removeVisitor.run(id, openid).changes === 1 ? 'removed' : 'missing'
  })
  const noteBookedIds = db.transaction(noteBookedIdsIn)
  const begin = db.transaction((r: BookingRecord) => {
    const inserted = q.insertBooking.run({ ...r, doc: JSON.stringify(r) }).changes === 1
    return inserted ? null : toRecord(q.getBooking.get(r.id) as BookingRow)
  })

  // Every guard of a booking and its confirmed record, in one savepoint: a refusal (thrown) rolls
  // back all of it.
  const confirm = db.transaction((req: BookRequest, existing: boolean) => {
    const r = req.record
    const claimFirstFree = (keys: string[], n: number) => {
      let got = 0
      for (const key of keys) {
        if (got === n) break
        if (claimIn(`${r.day}:${key}`, r.id)) got++
      }
      return got === n
    }
    // The same order as the cloud's steps, so both refuse a request for the same reason.
    if (!claimFirstFree(req.bookingSlots, 1)) throw new Refused('ACCOUNT_DAY_LIMIT')
    if (!claimFirstFree(req.placeSlots, req.placeSlots.length > 0 ? r.places : 0)) throw new Refused('ACCOUNT_PLACES_LIMIT')
    if (req.addressSlots?.length && !claimFirstFree(req.addressSlots, r.places)) throw new Refused('ADDRESS_PLACES_LIMIT')
    if (!reserveIn(r.sessionId, req.capacity, r.places)) throw new Refused('SESSION_FULL')
    for (const v of r.visitors) if (!claimIn(`${r.day}:${v.idHash}`, r.id)) throw new Refused('ID_ALREADY_BOOKED', v)
    if (!noteBookedIdsIn(r.openid, r.visitors.map((v) => v.idHash), r.createdAt, req.distinctIds)) throw new Refused('ACCOUNT_ID_LIMIT')
    writeDecided(r, existing, 'confirmed', null)
  })
  const writeDecided = (r: BookingRecord, existing: boolean, status: 'confirmed' | 'refused', refusal: string | null) => {
    if (existing) q.redecide.run({ id: r.id, status, refusal, at: r.createdAt })
    else q.insertDecided.run({ ...r, status, refusal, doc: JSON.stringify(r) })
  }
  // One booking, decided whole inside the group's transaction (below): the record is written once,
  // confirmed or refused. Everything it changes in more than one statement is in `confirm`'s
  // savepoint; a refusal's record is one statement, so a request that throws leaves nothing behind.
  const book = (req: BookRequest): BookOutcome => {
    const r = req.record
    const row = q.getBooking.get(r.id) as BookingRow | undefined
    const existing = row && toRecord(row)
    if (existing && (existing.status !== 'refused' || existing.sweptAt || !sameRequest(existing, r))) return { kind: 'existing', record: existing }
    try {
      confirm(req, !!existing)
      return { kind: 'confirmed', record: { ...r, status: 'confirmed' } }
    } catch (error) {
      if (!(error instanceof Refused)) throw error
      const refusal = req.refusal(error.code, error.visitor)
      writeDecided(r, !!existing, 'refused', JSON.stringify(refusal))
      return { kind: 'refused', code: error.code, refusal }
    }
  }

  // Group commit: the requests that reach `book` within one turn of the event loop (a rush) are
  // decided one after another in ONE transaction, each in its own savepoint, and answered after its
  // commit — the same answers as one transaction each, fewer WAL commits. A request that throws
  // rolls back only its own savepoint.
  type Waiting = { request: BookRequest; resolve: (o: BookOutcome) => void; reject: (e: unknown) => void }
  let waiting: Waiting[] = []
  const decideAll = db.transaction((batch: Waiting[]) =>
    batch.map((w) => {
      try {
        return { outcome: book(w.request) }
      } catch (error) {
        return { error }
      }
    }),
  )
  const flush = () => {
    const batch = waiting
    waiting = []
    let results: Array<{ outcome?: BookOutcome; error?: unknown }>
    try {
      results = decideAll.immediate(batch)
    } catch (error) {
      for (const w of batch) w.reject(error)
      return
    }
    batch.forEach((w, i) => (results[i].outcome ? w.resolve(results[i].outcome!) : w.reject(results[i].error)))
  }

  // ----- 改签: everything in one transaction; a refusal (thrown) rolls the whole move back -----
  class RescheduleRefused extends Error {
    constructor(readonly outcome: Extract<RescheduleOutcome, { kind: 'refused' }>) {
      super(outcome.code)
    }
  }
  const rescheduleTx = db.transaction((req: RescheduleRequest): RescheduleOutcome => {
    const row = q.getBooking.get(req.bookingId) as BookingRow | undefined
    const record = row && toRecord(row)
    if (!record || record.openid !== req.openid || record.status !== 'confirmed' || record.sessionId !== req.from.sessionId) return { kind: 'gone', record: record ?? null }
    const sameDay = req.to.day === record.day
    const claimFirstFree = (keys: string[], n: number) => {
      let got = 0
      for (const key of keys) {
        if (got === n) break
        if (claimIn(`${req.to.day}:${key}`, record.id)) got++
      }
      return got === n
    }
    // The same order as the cloud's steps, so both refuse a move for the same reason.
    if (!sameDay && !claimFirstFree(req.bookingSlots, 1)) throw new RescheduleRefused({ kind: 'refused', code: 'ACCOUNT_DAY_LIMIT' })
    if (!sameDay && !claimFirstFree(req.placeSlots, req.placeSlots.length > 0 ? record.places : 0)) throw new RescheduleRefused({ kind: 'refused', code: 'ACCOUNT_PLACES_LIMIT' })
    // The network's share of the new session is per session, so it is claimed on the same day too.
    if (req.addressSlots?.length && !claimFirstFree(req.addressSlots, record.places)) throw new RescheduleRefused({ kind: 'refused', code: 'ADDRESS_PLACES_LIMIT' })
    if (!reserveIn(req.to.sessionId, req.to.capacity, record.places)) throw new RescheduleRefused({ kind: 'refused', code: 'SESSION_FULL' })
    if (!sameDay) for (const v of record.visitors) if (!claimIn(`${req.to.day}:${v.idHash}`, record.id)) throw new RescheduleRefused({ kind: 'refused', code: 'ID_ALREADY_BOOKED', visitor: v })
    const moved: BookingRecord = { ...record, sessionId: req.to.sessionId, day: req.to.day, sessionStart: req.to.sessionStart, sessionEnd: req.to.sessionEnd, ...(req.to.network ? { network: req.to.network } : {}) }
    const { status: _s, refusal: _r, checkedInAt: _c, checkedInBy: _b, cancelledAt: _x, noShowAt: _n, placesHeld: _p, sweptAt: _w, ...doc } = moved
    q.moveBooking.run({ id: record.id, owner: req.openid, from: req.from.sessionId, sessionId: req.to.sessionId, day: req.to.day, sessionEnd: req.to.sessionEnd, doc: JSON.stringify({ ...doc, status: 'pending' }) })
    q.release.run({ id: record.sessionId, n: record.places })
    if (!sameDay) for (const key of [...record.visitors.map((v) => v.idHash), ...req.releaseOnOldDay]) q.releaseClaim.run(`${record.day}:${key}`, record.id)
    for (const key of req.releaseOnOldSession ?? []) q.releaseClaim.run(`${record.day}:${key}`, record.id)
    return { kind: 'moved', record: moved }
  })

  // ----- 候补 -----
  const joinTx = db.transaction((entry: WaitlistEntry, maxActive: number) => {
    const existing = q.getEntry.get(entry.id) as EntryRow | undefined
    if (existing) return { existing: toEntry(existing) }
    const active = (q.activeOfAccount.all(entry.openid) as { session_id: string }[]).map((r) => r.session_id)
    if (active.includes(entry.sessionId)) return 'duplicate' as const
    if (active.length >= maxActive) return 'cap' as const
    const { status: _s, skips: _k, held: _h, offeredAt: _o, offerExpiresAt: _e, endedAt: _d, endReason: _r, ...doc } = entry
    q.insertEntry.run({ id: entry.id, openid: entry.openid, sessionId: entry.sessionId, status: 'waiting', joinedAt: entry.joinedAt, doc: JSON.stringify({ ...doc, skips: 0, status: 'waiting' }) })
    return 'joined' as const
  })
  // One offer: account keys, places, ID claims and the entry's status, in a savepoint.
  const offerOne = db.transaction((req: OfferRequest, e: WaitlistEntry) => {
    const slots = req.slotsFor(e.openid, e.places, e)
    const claimFirstFree = (keys: string[], n: number) => {
      let got = 0
      for (const key of keys) {
        if (got === n) break
        if (claimIn(`${e.day}:${key}`, e.bookingId)) got++
      }
      return got === n
    }
    if (!claimFirstFree(slots.bookingSlots, 1) || !claimFirstFree(slots.placeSlots, slots.placeSlots.length > 0 ? e.places : 0)) throw new Undo('ineligible')
    if (slots.addressSlots?.length && !claimFirstFree(slots.addressSlots, e.places)) throw new Undo('ineligible')
    if (!reserveIn(req.sessionId, req.capacity, e.places)) throw new Undo('stop')
    for (const v of e.visitors) if (!claimIn(`${e.day}:${v.idHash}`, e.bookingId)) throw new Undo('id-taken')
    const changed = q.transitionEntry.run({ id: e.id, from: 'waiting', to: 'offered', at: req.at, expires: req.offerExpiresAt, reason: null, owner: null, held: null, unexpired: null }).changes === 1
    if (!changed) throw new Undo('ineligible')
    q.markOfferHeld.run(e.id)
  })
  const offerTx = db.transaction((req: OfferRequest): OfferOutcome => {
    // The line read page by page as the walk asks for it: a pass that fills a few places reads the
    // head of a long line, not all of it (each page is read whole before the walk writes).
    const line = (function* () {
      let after = { joinedAt: '', id: '' }
      for (;;) {
        const page = (q.linePage.all({ sessionId: req.sessionId, ...after, limit: LINE_PAGE }) as EntryRow[]).map(toEntry)
        yield* page
        if (page.length < LINE_PAGE) return
        after = { joinedAt: page[page.length - 1].joinedAt, id: page[page.length - 1].id }
      }
    })()
    const booked = (q.sessionBooked.get(req.sessionId) as { booked: number } | undefined)?.booked ?? 0
    const walk = walkLine(line, req.capacity - booked, req.maxSkips)
    const ended: string[] = []
    let step = walk.next()
    while (!step.done) {
      let outcome: CandidateOutcome = 'offered'
      try {
        offerOne(req, step.value)
      } catch (error) {
        if (!(error instanceof Undo)) throw error
        outcome = error.message === 'id-taken' ? 'ineligible' : (error.message as CandidateOutcome)
        // Its visitor holds that day elsewhere (a live claim: dead holders are taken over): the
        // entry ends visibly instead of being passed over at every turn (docs/booking-waitlist.md).
        if (error.message === 'id-taken' && q.transitionEntry.run({ id: step.value.id, from: 'waiting', to: 'expired', at: req.at, expires: null, reason: 'id_booked', owner: null, held: null, unexpired: null }).changes === 1) ended.push(step.value.id)
      }
      step = walk.next(outcome)
    }
    const pass = step.value
    for (const [id, n] of pass.skips) q.addSkip.run({ id, n })
    const offered = pass.offered.map((id) => toEntry(q.getEntry.get(id) as EntryRow))
    return { offered, skipped: [...pass.skips.keys()], ...(pass.blockedBy ? { blockedBy: pass.blockedBy } : {}), ...(ended.length ? { ended } : {}) }
  })
  const acceptTx = db.transaction((entryId: string, owner: string, record: BookingRecord) => {
    if (q.acceptEntry.run({ id: entryId, owner, at: record.createdAt }).changes !== 1) {
      const row = q.getEntry.get(entryId) as EntryRow | undefined
      const entry = row ? toEntry(row) : null
      // A retry after success answers the booking it made.
      if (entry && entry.status === 'booked' && entry.openid === owner) {
        const booking = q.getBooking.get(entry.bookingId) as BookingRow | undefined
        if (booking) return { kind: 'booked' as const, record: toRecord(booking) }
      }
      return { kind: 'not-offered' as const, entry }
    }
    q.insertAccepted.run({ ...record, doc: JSON.stringify({ ...record, status: 'pending' }) })
    return { kind: 'booked' as const, record: toRecord(q.getBooking.get(record.id) as BookingRow) }
  })

  return {
    async reschedule(request) {
      try {
        return rescheduleTx.immediate(request)
      } catch (error) {
        if (error instanceof RescheduleRefused) return error.outcome
        throw error
      }
    },
    async moveBooking(id, owner, fromSessionId, to) {
      const row = q.getBooking.get(id) as BookingRow | undefined
      if (!row) return false
      const record = JSON.parse(row.doc) as BookingRecord
      const doc = { ...record, sessionId: to.sessionId, day: to.day, sessionStart: to.sessionStart, sessionEnd: to.sessionEnd, ...(to.network ? { network: to.network } : {}) }
      return q.moveBooking.run({ id, owner, from: fromSessionId, sessionId: to.sessionId, day: to.day, sessionEnd: to.sessionEnd, doc: JSON.stringify(doc) }).changes === 1
    },
    async joinWaitlist(entry, maxActive) {
      return joinTx.immediate(entry, maxActive)
    },
    async getWaitlistEntry(id) {
      const row = q.getEntry.get(id) as EntryRow | undefined
      return row ? toEntry(row) : null
    },
    async listWaitlist(sessionId) {
      return (q.line.all(sessionId) as EntryRow[]).map(toEntry)
    },
    async waitlistPage(sessionId, after, limit) {
      return (q.linePage.all({ sessionId, joinedAt: after?.joinedAt ?? '', id: after?.id ?? '', limit }) as EntryRow[]).map(toEntry)
    },
    async myWaitlist(openid, limit) {
      return (q.mine.all(openid, limit) as EntryRow[]).map(toEntry)
    },
    async waitingSessions(limit) {
      return (q.waitingSessions.all(limit) as { session_id: string }[]).map((r) => r.session_id)
    },
    async dueOffers(nowIso, limit) {
      return (q.dueOffers.all(nowIso, limit) as EntryRow[]).map(toEntry)
    },
    async transitionEntry(id, from, to, patch, guard) {
      const held = guard?.held === undefined ? null : guard.held ? 1 : 0
      const changed = q.transitionEntry.run({ id, from, to, at: patch.at, expires: patch.offerExpiresAt ?? null, reason: patch.endReason ?? null, owner: guard?.owner ?? null, held, unexpired: guard?.unexpiredAt ?? null }).changes === 1
      return changed ? toEntry(q.getEntry.get(id) as EntryRow) : null
    },
    async markOfferHeld(id) {
      return q.markOfferHeld.run(id).changes === 1
    },
    async addSkips(ids) {
      for (const id of ids) q.addSkip.run({ id, n: 1 })
    },
    async offerWaitlist(request) {
      return offerTx.immediate(request)
    },
    async acceptOffer(entryId, owner, record) {
      return acceptTx.immediate(entryId, owner, record)
    },
    async putAcceptedBooking(record) {
      q.insertAccepted.run({ ...record, doc: JSON.stringify({ ...record, status: 'pending' }) })
    },
    book(request) {
      return new Promise<BookOutcome>((resolve, reject) => {
        if (waiting.push({ request, resolve, reject }) === 1) setImmediate(flush)
      })
    },
    async addVisitor(visitor, cap) {
      return addVisitor(visitor, cap)
    },
    async listVisitors(openid) {
      return (q.listVisitors.all(openid) as { doc: string }[]).map((r) => JSON.parse(r.doc) as SavedVisitor)
    },
    async getVisitors(openid, ids) {
      if (ids.length === 0) return []
      const rows = visitorsByIds(ids.length).all([openid, ...ids]) as { doc: string }[]
      return rows.map((r) => JSON.parse(r.doc) as SavedVisitor)
    },
    async removeVisitor(openid, id) {
      return removeVisitor(openid, id)
    },
    async noteBookedIds(openid, idHashes, atIso, policy) {
      return noteBookedIds(openid, idHashes, atIso, policy)
    },
    async beginBooking(record) {
      const existing = begin(record)
      return existing ? { created: false, existing } : { created: true }
    },
    async reopenRefused(id, at) {
      return q.reopen.run({ id, at }).changes === 1
    },
    async markPlacesHeld(id, held) {
      return q.markHeld.run({ id, held: held ? 1 : 0 }).changes === 1
    },
    async stalePending(beforeIso, limit) {
      return (q.stale.all(beforeIso, limit) as BookingRow[]).map(toRecord)
    },
    async expirePending(id, beforeIso, patch) {
      const settled = q.expire.run({ id, before: beforeIso, at: patch.at, refusal: JSON.stringify(patch.refusal) }).changes === 1
      return settled ? toRecord(q.getBooking.get(id) as BookingRow) : null
    },
    async reservePlaces(sessionId, capacity, n) {
      return reserve(sessionId, capacity, n)
    },
    async releasePlaces(sessionId, n) {
      q.release.run({ id: sessionId, n })
    },
    async placesBooked(sessionIds) {
      if (sessionIds.length === 0) return {}
      if (sessionIds.length === 1) {
        // The booking path asks about one session; the calendar about a page of them.
        const row = q.sessionBooked.get(sessionIds[0]) as { booked: number } | undefined
        return row ? { [sessionIds[0]]: row.booked } : {}
      }
      const rows = sessionsByIds(sessionIds.length).all(sessionIds) as { id: string; booked: number }[]
      return Object.fromEntries(rows.map((r) => [r.id, r.booked]))
    },
    async claimId(day, idHash, bookingId) {
      return claim(`${day}:${idHash}`, bookingId)
    },
    async releaseIds(day, idHashes, bookingId) {
      releaseIds(day, idHashes, bookingId)
    },
    async getBooking(id) {
      const row = q.getBooking.get(id) as BookingRow | undefined
      return row ? toRecord(row) : null
    },
    async listBookings(openid, limit) {
      return (q.listBookings.all(openid, limit) as BookingRow[]).map(toRecord)
    },
    async transition(id, from, to, patch, owner) {
      const refusal = patch.refusal ? JSON.stringify(patch.refusal) : null
      return q.transition.run({ id, from, to, at: patch.at, by: patch.by ?? null, refusal, owner: owner ?? null }).changes === 1
    },
    async dueNoShows(nowIso, limit) {
      return (q.due.all(nowIso, limit) as BookingRow[]).map(toRecord)
    },
    async dayCounts(day) {
      const out: Record<string, { booked: number; checkedIn: number }> = {}
      for (const r of q.dayCounts.all(day) as { session_id: string; status: string; places: number }[]) {
        const c = (out[r.session_id] ??= { booked: 0, checkedIn: 0 })
        c.booked += r.places
        if (r.status === 'checked_in') c.checkedIn += r.places
      }
      return out
    },
    async countNoShows(openid, sinceIso) {
      return (q.countNoShows.get(openid, sinceIso) as { n: number }).n
    },
    async listConfirmedOn(day) {
      return (q.confirmedOn.all(day) as BookingRow[]).map(toRecord)
    },
    async listOnDay(day) {
      return (q.onDay.all(day) as BookingRow[]).map(toRecord)
    },
    async getAccount(openid) {
      const row = q.getAccount.get(openid) as { doc: string } | undefined
      return row ? (JSON.parse(row.doc) as BookingAccount) : null
    },
    async suspend(account) {
      q.setAccount.run(account.openid, JSON.stringify(account))
    },
  }
}
