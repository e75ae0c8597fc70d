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

/** What the walk asks its driver for: the next entry of the line, or an answer about a candidate. */
type WalkAsk = { kind: 'next' } | { kind: 'candidate'; entry: WaitlistEntry }

/**
 * The published skip rule, as a walk both adapters drive (a generator, so SQLite runs it inside one
 * transaction and the cloud adapter between awaited steps). Waiting entries are taken in line order
 * while places are free: an entry that fits is proposed (yielded) and the store answers whether it
 * was offered, could not be (its IDs or account already hold that day: `ineligible`, it keeps its
 * place and is not counted), or the places went meanwhile (`stop`). An entry that needs more than
 * is free keeps its place while smaller entries behind it are served; each offer made behind it
 * counts one skip, and an entry skipped `maxSkips` times blocks the line: nobody behind it is
 * served until enough places have freed for it.
 *
 * The rule itself asks for the line one entry at a time (`next`, answered with the entry or null at
 * the end), so the line can be read lazily: synchronously (`walkLine`, SQLite in its transaction) or
 * page by page with awaits between (`walkLinePaged`, the cloud adapter). One rule, two drivers.
 */
function* skipRule(free: number, maxSkips: number): Generator<WalkAsk, LinePass, WaitlistEntry | null | CandidateOutcome> {
  const passedOver: WaitlistEntry[] = []
  const skips = new Map<string, number>()
  const offered: string[] = []
  const skipsOf = (e: WaitlistEntry) => e.skips + (skips.get(e.id) ?? 0)
  while (free > 0) {
    const entry = (yield { kind: 'next' }) as WaitlistEntry | null
    if (!entry) break
    if (entry.status !== 'waiting') continue
    if (entry.places > free) {
      if (skipsOf(entry) >= maxSkips) return { offered, skips, blockedBy: entry.id }
      passedOver.push(entry)
      continue
    }
    const outcome = (yield { kind: 'candidate', entry }) as CandidateOutcome
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

/** The skip rule over a line read synchronously (an array, or SQLite's pages inside its transaction). */
export function* walkLine(line: Iterable<WaitlistEntry>, free: number, maxSkips: number): Generator<WaitlistEntry, LinePass, CandidateOutcome> {
  const entries = line[Symbol.iterator]()
  const rule = skipRule(free, maxSkips)
  try {
    let ask = rule.next()
    while (!ask.done) {
      if (ask.value.kind === 'next') {
        const got = entries.next()
        ask = rule.next(got.done ? null : got.value)
      } else {
        ask = rule.next(yield ask.value.entry)
      }
    }
    return ask.value
  } finally {
    // A walk that stops early closes the reader (as for-of did).
    entries.return?.()
  }
}

/** The skip rule over a line read with awaits (the cloud adapter reads it page by page as the walk asks). */
export async function* walkLinePaged(line: AsyncIterable<WaitlistEntry>, free: number, maxSkips: number): AsyncGenerator<WaitlistEntry, LinePass, CandidateOutcome> {
  const entries = line[Symbol.asyncIterator]()
  const rule = skipRule(free, maxSkips)
  try {
    let ask = rule.next()
    while (!ask.done) {
      if (ask.value.kind === 'next') {
        const got = await entries.next()
        ask = rule.next(got.done ? null : got.value)
      } else {
        ask = rule.next(yield ask.value.entry)
      }
    }
    return ask.value
  } finally {
    await entries.return?.()
  }
}
