import type { Store } from '../store/port'
import type { VisitSource } from './reminder'

/**
 * Where the job reads tomorrow's visits: the booking section's `listVisitsOn(day)`. The booking
 * section lands on another branch; until it does this answers null and the job says so.
 * When it lands, replace this with `store.booking` (typed) — see docs/wechat-cloud.md.
 */
export function visitSourceFor(store: Store): VisitSource | null {
  const booking = (store as unknown as { booking?: Partial<VisitSource> }).booking
  if (!booking || typeof booking.listVisitsOn !== 'function') return null
  return { listVisitsOn: (day) => booking.listVisitsOn!(day) }
}
