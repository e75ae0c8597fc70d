// The local runtime's start-up recount of each upcoming session's place counters from the records
// that hold places (docs/booking-waitlist.md, "Residual window"). A cancel is a guarded status
// change, then the release of its places, then the 候补 fill: separate steps. A process killed
// exactly between the first two leaves places counted that nobody holds. Before the server takes
// its first request nothing is in flight, so the records are the whole truth and such places can
// be given back. SQLite only: the cloud database always has requests in flight (no such moment).
//
// What holds places in `booking_sessions.booked` (every path that reserves or releases them):
// - bookings confirmed or checked in (`places` counts every visitor, children without an ID too);
//   a pending one only while `places_held` (the cloud's step-wise `book`; SQLite never leaves one);
//   released (walk-in release gave them back; a gate check-in takes them back as it turns
//   checked_in), cancelled, refused, no-show (only after the session ended) hold none;
// - 候补 offers `offered` and held (an accepted offer's places are its confirmed booking's);
// - the console's holds while `held`.
// And in `group_quota.taken`: group requests pending or approved (rejected and cancelled give back).
import type { Db } from './database'

export interface CounterRecount {
  sessionId: string
  /** The counter as found. */
  counter: number
  /** The places its records hold. */
  records: number
}

export interface RecountReport {
  /** Counters above their records, lowered to them: places that nobody held, given back. */
  recovered: CounterRecount[]
  /** Counters below their records (more held than counted: an overbooking signal), left as they are. */
  below: CounterRecount[]
  /** The same two for each session's group quota. */
  groupRecovered: CounterRecount[]
  groupBelow: CounterRecount[]
}

/**
 * Recounts the counters of sessions on `fromDay` or later for which `upcoming` says yes, in one
 * transaction: a counter above its records is lowered to them, one below is reported and never
 * changed (raising it would hide an overbooking). On a consistent store it changes nothing.
 */
export function recountPlaces(db: Db, fromDay: string, upcoming: (sessionId: string) => boolean): RecountReport {
  const sum = (sql: string) => {
    const out = new Map<string, number>()
    for (const row of db.prepare(sql).all({ day: fromDay }) as Array<{ id: string; n: number }>) out.set(row.id, row.n)
    return out
  }
  return db.transaction((): RecountReport => {
    const bookingCounters = sum('SELECT id, booked AS n FROM booking_sessions WHERE id >= @day')
    const bookingRecords = sum(
      `SELECT id, SUM(n) AS n FROM (
         SELECT session_id AS id, places AS n FROM bookings
           WHERE day >= @day AND (status IN ('confirmed', 'checked_in') OR (status = 'pending' AND places_held = 1))
         UNION ALL
         SELECT session_id, json_extract(doc, '$.places') FROM booking_waitlist WHERE session_id >= @day AND status = 'offered' AND held = 1
         UNION ALL
         SELECT json_extract(doc, '$.sessionId'), json_extract(doc, '$.places') FROM ops_holds WHERE day >= @day AND status = 'held'
       ) GROUP BY id`,
    )
    const groupCounters = sum('SELECT id, taken AS n FROM group_quota WHERE id >= @day')
    const groupRecords = sum(
      `SELECT json_extract(doc, '$.sessionId') AS id, SUM(people) AS n FROM group_requests
         WHERE day >= @day AND status IN ('pending', 'approved') GROUP BY 1`,
    )
    const lowerBooked = db.prepare('UPDATE booking_sessions SET booked = ? WHERE id = ? AND booked > ?')
    const lowerTaken = db.prepare('UPDATE group_quota SET taken = ? WHERE id = ? AND taken > ?')
    const compare = (counters: Map<string, number>, records: Map<string, number>, lower: typeof lowerBooked) => {
      const recovered: CounterRecount[] = []
      const below: CounterRecount[] = []
      for (const sessionId of [...new Set([...counters.keys(), ...records.keys()])].sort()) {
        if (!upcoming(sessionId)) continue
        const found = { sessionId, counter: counters.get(sessionId) ?? 0, records: records.get(sessionId) ?? 0 }
        if (found.counter > found.records) {
          lower.run(found.records, sessionId, found.records)
          recovered.push(found)
        } else if (found.counter < found.records) below.push(found)
      }
      return { recovered, below }
    }
    const booking = compare(bookingCounters, bookingRecords, lowerBooked)
    const groups = compare(groupCounters, groupRecords, lowerTaken)
    return { ...booking, groupRecovered: groups.recovered, groupBelow: groups.below }
  }).immediate()
}
