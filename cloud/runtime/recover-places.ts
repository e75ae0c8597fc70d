// On start, before the first request and before any job runs (so nothing is in flight): each
// upcoming session's counters are recounted from their records (store/sqlite/recount.ts) and the
// places a killed cancel left counted but held by nobody go back to the session and its 候补 line.
import { sessionRef } from '../booking/calendar'
import { loadBookingConfig } from '../booking/config'
import { dayOf } from '../booking/time'
import { fillWaitlist } from '../booking/waitlist'
import { parseSessionId } from '../contracts/booking'
import type { Store } from '../store/port'
import type { Db } from '../store/sqlite/database'
import { recountPlaces, type RecountReport } from '../store/sqlite/recount'

export interface RecoverLog {
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface RecoverReport extends RecountReport {
  /** Offers made from the places given back. */
  offered: number
}

/** Recounts, logs what changed (and, loudly, any counter below its records), then fills the lines that got places back. */
export async function recoverPlacesOnStart(store: Store & { db: Db }, now: Date, log: RecoverLog): Promise<RecoverReport> {
  const config = await loadBookingConfig(store)
  const today = dayOf(now)
  // A session not over yet; one whose template was since removed counts from tomorrow on.
  const upcoming = (sessionId: string) => {
    const ref = sessionRef(config, sessionId)
    if (ref) return ref.end.getTime() > now.getTime()
    const day = parseSessionId(sessionId)?.date
    return !!day && day > today
  }
  const report = recountPlaces(store.db, today, upcoming)
  for (const r of report.recovered) log.warn({ ...r, places: r.counter - r.records }, '名额计数高于记录（取消中断留下的名额），已归还')
  for (const r of report.groupRecovered) log.warn({ ...r, places: r.counter - r.records }, '团体名额计数高于记录，已归还')
  // More held than counted: never corrected here (that would hide an overbooking), only reported.
  for (const r of report.below) log.error({ ...r, places: r.records - r.counter }, '名额计数低于记录：可能超约，请人工核对（未改动）')
  for (const r of report.groupBelow) log.error({ ...r, places: r.records - r.counter }, '团体名额计数低于记录：可能超约，请人工核对（未改动）')
  let offered = 0
  for (const r of report.recovered) offered += (await fillWaitlist(store, r.sessionId, now))?.offered.length ?? 0
  return { ...report, offered }
}
