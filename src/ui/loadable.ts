// The one shape of "something the page asked the cloud for", used by every store, and the one
// helper that turns a cloud Result into it.
import type { AppError, Result } from '@cloud/contracts/result'

export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  /** `savedAt` is set when this is a saved copy shown because a fresh one could not be fetched. */
  | { status: 'ready'; data: T; savedAt?: number }
  | { status: 'error'; error: AppError }

/** A cloud answer as a Loadable: ready with its data or an error with its code and message. */
export const loaded = <T>(res: Result<T>): Loadable<T> => (res.ok ? { status: 'ready', data: res.data } : { status: 'error', error: res.error })

/**
 * Loads into a slot: shows `loading` only when nothing is on screen yet (a refresh keeps the old
 * data visible), then the answer mapped by `pick`.
 */
export async function loadInto<R, T>(current: Loadable<T>, set: (l: Loadable<T>) => void, call: () => Promise<Result<R>>, pick: (data: R) => T): Promise<Loadable<T>> {
  if (current.status !== 'ready') set({ status: 'loading' })
  const res = await call()
  const next: Loadable<T> = res.ok ? { status: 'ready', data: pick(res.data) } : { status: 'error', error: res.error }
  set(next)
  return next
}
