// The console's dashboard: per-day booking outcomes, today's occupancy, and the aggregated
// counters (scans per exhibit, zone searches that found nothing, policy-match runs).
import { COUNTERS, type Dashboard, type DashboardDay } from '../contracts/ops'
import { loadBookingConfig } from '../booking/config'
import { closedReason, sessionClosedReason, sessionRef, templatesOn } from '../booking/calendar'
import { addDays } from '../booking/time'
import type { Store } from '../store/port'

export async function buildDashboard(store: Store, fromDay: string, toDay: string, today: string): Promise<Dashboard> {
  const config = await loadBookingConfig(store)
  const days: DashboardDay[] = []
  for (let d = fromDay; d <= toDay; d = addDays(d, 1)) {
    const row: DashboardDay = { day: d, booked: 0, checkedIn: 0, noShow: 0, cancelled: 0 }
    // A closed day is said to be closed (its places are not on offer), not shown as an empty open day.
    const reason = closedReason(config, d)
    if (reason) row.closedReason = reason
    for (const b of await store.booking.listOnDay(d)) {
      if (b.status === 'confirmed' || b.status === 'checked_in' || b.status === 'no_show') row.booked += b.places
      if (b.status === 'checked_in') row.checkedIn += b.places
      if (b.status === 'no_show') row.noShow += b.places
      if (b.status === 'cancelled') row.cancelled += b.places
    }
    days.push(row)
  }
  const counts = await store.booking.dayCounts(today)
  const sessions = templatesOn(config, today).map((t) => {
    const id = sessionRef(config, `${today}.${t.key}`)?.id ?? `${today}.${t.key}`
    const reason = sessionClosedReason(config, today, id)
    return { sessionId: id, name: t.name, capacity: t.capacity, booked: counts[id]?.booked ?? 0, checkedIn: counts[id]?.checkedIn ?? 0, ...(reason ? { closedReason: reason } : {}) }
  })
  const [scans, zoneNoHits, policyMatches] = await Promise.all([
    store.ops.counters('scan:', fromDay, toDay),
    store.ops.counters('zone.nohit:', fromDay, toDay),
    store.ops.counters(COUNTERS.policyMatch, fromDay, toDay),
  ])
  return { fromDay, toDay, today, days, sessions, scans, zoneNoHits, policyMatches }
}
