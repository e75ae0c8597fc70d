// The 候补 line's published skip rule, pure (no I/O, no config): both storage adapters drive this
// one walk, so they offer the same entries in the same order. docs/booking-waitlist.md.
import type { WaitlistEntry } from '../store/port'

/** What the store reports back for a candidate the walk proposed. */
export type CandidateOutcome = 'offered' | 'ineligible' | 'stop'

export interface LinePass {
  offered: string[]
  /** Skips to add, per entry passed over (once per offer made to an entry behind it). */
  skips: Map<string, number>
  blockedBy?: string
}

/**
 * The published skip rule, as a walk both adapters drive (a generator, so SQLite runs it inside one
 * transaction and the cloud adapter between awaited steps). Waiting entries are taken in line order
 * while places are free: an entry that fits is proposed (yielded) and the store answers whether it
 * was offered, could not be (its IDs or account already hold that day: `ineligible`, it keeps its
 * place and is not counted), or the places went meanwhile (`stop`). An entry that needs more than
 * is free keeps its place while smaller entries behind it are served; each offer made behind it
 * counts one skip, and an entry skipped `maxSkips` times blocks the line: nobody behind it is
 * served until enough places have freed for it.
 */
export function* walkLine(line: Iterable<WaitlistEntry>, free: number, maxSkips: number): Generator<WaitlistEntry, LinePass, CandidateOutcome> {
  const passedOver: WaitlistEntry[] = []
  const skips = new Map<string, number>()
  const offered: string[] = []
  const skipsOf = (e: WaitlistEntry) => e.skips + (skips.get(e.id) ?? 0)
  for (const entry of line) {
    if (free <= 0) break
    if (entry.status !== 'waiting') continue
    if (entry.places > free) {
      if (skipsOf(entry) >= maxSkips) return { offered, skips, blockedBy: entry.id }
      passedOver.push(entry)
      continue
    }
    const outcome: CandidateOutcome = yield entry
    if (outcome === 'stop') break
    if (outcome === 'ineligible') continue
    offered.push(entry.id)
    free -= entry.places
    for (const p of passedOver) skips.set(p.id, (skips.get(p.id) ?? 0) + 1)
    const blocker = passedOver.find((p) => skipsOf(p) >= maxSkips)
    if (blocker) return { offered, skips, blockedBy: blocker.id }
  }
  return { offered, skips }
}
