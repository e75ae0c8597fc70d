// E-tickets kept on the phone: the gate is inside the museum, where the signal is weak. Every
// confirmed booking the app has seen (the ticket page, 我的预约) is written to storage with the
// moment it was saved; a booking that is no longer confirmed (cancelled, checked in, a no-show once
// its day has passed) is dropped when the app next hears of it. Not by the phone's own clock, which
// may be wrong: a ticket must not vanish at the gate. The ticket page and 我的预约 fall back to these
// when the network fails.
import type { BookingView } from '@cloud/contracts/booking'
import type { Saved } from '@/services/cache'
import { readJson, taroStorage, writeJson, type KeyValueStorage } from '@/services/storage'

export const TICKETS_KEY = 'gxq.tickets'

/** More than an account can hold at once (fair-use caps): only the latest saved are kept beyond it. */
const MAX_KEPT = 20

export interface TicketKeeper {
  /** Saves a confirmed booking with its ticket; forgets one that can no longer be used. */
  keep(booking: BookingView): void
  get(id: string): Saved<BookingView> | null
  /** Saved tickets, soonest visit first. */
  list(): Array<Saved<BookingView>>
}

export function createTicketKeeper(storage: KeyValueStorage = taroStorage, now: () => number = Date.now): TicketKeeper {
  const read = (): Record<string, Saved<BookingView>> => {
    const all = readJson<Record<string, Saved<BookingView>>>(storage, TICKETS_KEY)
    return all && typeof all === 'object' ? all : {}
  }
  return {
    keep(b) {
      const all = read()
      const usable = b.status === 'confirmed' && Boolean(b.ticketCode && b.shortCode)
      if (usable) all[b.id] = { value: b, savedAt: now() }
      else if (all[b.id]) delete all[b.id]
      else return
      const latest = Object.entries(all)
        .sort(([, a], [, b]) => b.savedAt - a.savedAt)
        .slice(0, MAX_KEPT)
      writeJson(storage, TICKETS_KEY, Object.fromEntries(latest))
    },
    get: (id) => read()[id] ?? null,
    list: () => Object.values(read()).sort((a, b) => (a.value.date + a.value.start).localeCompare(b.value.date + b.value.start)),
  }
}

export const ticketKeeper = createTicketKeeper()

/** Errors after which the saved ticket is better than nothing: the network or the server failed, not the request. */
export const OFFLINE_CODES: ReadonlySet<string> = new Set(['NETWORK', 'INTERNAL', 'RATE_LIMITED'])

const watched = new WeakSet<object>()

/** Keeps every booking a store learns about (a ticket opened, 我的预约 loaded, a booking made or cancelled). */
export function keepTicketsFrom<S extends { bookings: Record<string, BookingView> }>(store: { subscribe: (fn: (s: S, prev: S) => void) => () => void }, keeper: TicketKeeper = ticketKeeper): () => void {
  if (watched.has(store)) return () => undefined
  watched.add(store)
  return store.subscribe((s, prev) => {
    if (s.bookings === prev.bookings) return
    for (const [id, b] of Object.entries(s.bookings)) if (prev.bookings[id] !== b) keeper.keep(b)
  })
}

/** When a saved copy was made, as a visitor reads it: 12月6日 10:32 / 6 Dec, 10:32 (the phone's clock). */
export function savedTime(ms: number, lang: 'zh' | 'en'): string {
  const d = new Date(ms)
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
  const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  return lang === 'en' ? `${d.getDate()} ${MONTH_EN[d.getMonth()]}, ${hm}` : `${d.getMonth() + 1}月${d.getDate()}日 ${hm}`
}
