// A museum closure (a day, or one session) cancels the groups booked then, as it cancels
// individuals' bookings (ops/close-day.ts): each pending or approved request goes to cancelled with
// the closure's reason, which the leader's page shows, and gives back its places and day claims.
// Each cancel is one guarded step, and only its winner gives back, so rerunning the closure job
// gives nothing back twice. No message is queued: group leaders grant no subscription (the request
// page shows the status).
import type { Store } from '../store/port'
import { releaseGroup } from './views'

export async function cancelGroupsOfClosure(store: Store, day: string, reason: string, now: Date, sessionId?: string): Promise<number> {
  let cancelled = 0
  for (const r of await store.groups.listOn(day)) {
    if (sessionId && r.sessionId !== sessionId) continue
    if (r.status !== 'pending' && r.status !== 'approved') continue
    const done = await store.groups.transition(r.id, r.status, 'cancelled', { at: now.toISOString(), by: 'closure', reason })
    if (!done) continue
    await releaseGroup(store, done)
    cancelled++
  }
  return cancelled
}
