// The crowd estimate (pure): people inside ≈ people who came through the gate within the last
// average stay. Check-ins are the only signal the museum has; leaving is not recorded, so this is
// what the home page marks 「估算」.
import type { CrowdLevel } from '../contracts/crowd'
import type { BookingConfig } from './config'
import type { BookingRecord } from '../store/port'

export type CrowdRules = BookingConfig['crowd']

/** Checked-in places within (now − averageStay, now]. A booking's people come in together. */
export function estimateInside(bookings: Array<Pick<BookingRecord, 'status' | 'checkedInAt' | 'places'>>, now: Date, averageStayMinutes: number): number {
  const from = now.getTime() - averageStayMinutes * 60_000
  let inside = 0
  for (const b of bookings) {
    if (b.status !== 'checked_in' || !b.checkedInAt) continue
    const at = Date.parse(b.checkedInAt)
    if (at > from && at <= now.getTime()) inside += b.places
  }
  return inside
}

/** 舒适 below `moderateFrom` of capacity, 拥挤 from `crowdedFrom`, 适中 between. */
export function crowdLevel(inside: number, capacity: number, rules: Pick<CrowdRules, 'moderateFrom' | 'crowdedFrom'>): CrowdLevel {
  if (capacity <= 0) return inside > 0 ? 'crowded' : 'comfortable'
  const share = inside / capacity
  return share >= rules.crowdedFrom ? 'crowded' : share >= rules.moderateFrom ? 'moderate' : 'comfortable'
}
