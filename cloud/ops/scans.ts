// An exhibit page opened: one counter per exhibit per Beijing day, nothing about who opened it.
// Counted where the exhibit is handed out — the app's exhibits.get and the H5 scan landing
// /e/<code>, which inlines the exhibit so the app does not ask again — so a printed code counts once.
import { COUNTERS } from '../contracts/ops'
import { dayOf } from '../booking/time'
import type { Store } from '../store/port'

/** A counter that cannot be written never costs the visitor the page: failures are only logged. */
export async function countExhibitOpen(store: Store, code: string, now: Date): Promise<void> {
  await store.ops.bump(COUNTERS.scan(code), dayOf(now)).catch((error) => console.error('scan counter failed', error))
}
