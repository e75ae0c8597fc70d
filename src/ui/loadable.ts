// The one shape of "something the page asked the cloud for", used by every store, and the one
// helper every store loads it with.
import type { AppError, Result } from '@cloud/contracts/result'

export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  /** `savedAt` is set when this is a saved copy shown because a fresh one could not be fetched. */
  | { status: 'ready'; data: T; savedAt?: number }
  | { status: 'error'; error: AppError }

/**
 * How a slot is loaded:
 * - `refresh`: `loading` only while nothing is on screen yet; a refresh keeps the old data visible.
 * - `once`: nothing to do while it loads or once it is ready (unless forced) — details that do not change.
 * - `replace`: `loading` at once — a new query, whose old answer no longer fits.
 * - `background`: as `refresh`, and a failed answer leaves what is on screen (a screen polled for
 *   fresh numbers shows the last ones, not an error, when one poll fails).
 */
export type LoadMode = 'refresh' | 'once' | 'replace' | 'background'

/** Where a store keeps one Loadable: read it, write it. */
export interface Slot<T> {
  get: () => Loadable<T> | undefined
  set: (next: Loadable<T>) => void
}

type DataOf<L> = L extends Loadable<infer T> ? T : never

/** One Loadable field of a zustand store as a slot. */
export const slotOf = <S, K extends keyof S>(get: () => S, set: (partial: Partial<S>) => void, key: K): Slot<DataOf<S[K]>> => ({
  get: () => get()[key] as Loadable<DataOf<S[K]>>,
  set: (next) => set({ [key]: next } as Partial<S>),
})

/**
 * Loads into a slot, then puts the answer there mapped by `pick`. Answers the Loadable it set, or
 * undefined when `once` had nothing to do.
 */
export function loadInto<R, T>(
  slot: Slot<T>,
  call: () => Promise<Result<R>>,
  pick: (data: R) => T,
  { mode = 'refresh', force = false }: { mode?: LoadMode; force?: boolean } = {},
): Promise<Loadable<T> | undefined> {
  const current = slot.get()
  if (mode === 'once' && (current?.status === 'loading' || (current?.status === 'ready' && !force))) return Promise.resolve(undefined)
  const keepsShown = mode === 'refresh' || mode === 'background'
  if (!keepsShown || current?.status !== 'ready') slot.set({ status: 'loading' })
  // A promise chain, not async/await: this module is in the ES5 main package (see services/cloud.weapp.ts).
  return call().then((res) => {
    const shown = slot.get()
    if (!res.ok && mode === 'background' && shown?.status === 'ready') return shown
    const next: Loadable<T> = res.ok ? { status: 'ready', data: pick(res.data) } : { status: 'error', error: res.error }
    slot.set(next)
    return next
  })
}
