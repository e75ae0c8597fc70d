// Exhibit content on the client: a plain zustand store (testable without React) and a thin hook.
// What the visitor has opened is also kept in the offline cache, and every published exhibit in the
// offline pack (./pack.ts): when a fresh copy cannot be fetched, the newer of the two saved copies
// is shown and marked as such (`savedAt`).
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { Exhibit, HallWithExhibits } from '@cloud/contracts/exhibit'
import type { AppError } from '@cloud/contracts/result'
import { createLruCache, type LruCache, type Saved } from '@/services/cache'
import { callCloud } from '@/services/cloud'
import { mediaUrl } from '@/services/media'
import { keepForOffline } from '@/services/offline-shell'
import { taroStorage } from '@/services/storage'
import { takeInlinedExhibit } from './landing'
import { createOfflinePack, type OfflinePack } from './pack'

import type { Loadable } from '@/ui/loadable'

export interface ExhibitsState {
  exhibits: Record<string, Loadable<Exhibit>>
  halls: Loadable<HallWithExhibits[]>
  /** Loads once; `force` reloads (the retry button, or a saved copy asking for a fresh one). */
  loadExhibit: (code: string, force?: boolean) => Promise<void>
  loadHalls: () => Promise<void>
}

/** Whether a page showing this should ask for it (again): never loaded, failed, or only a saved copy. */
export const needsFresh = (l: { status: string; savedAt?: number }): boolean => l.status === 'idle' || l.status === 'error' || (l.status === 'ready' && Boolean(l.savedAt))

/** Errors after which a saved copy is better than nothing: the network or the server failed, not the request. */
const OFFLINE_CODES = new Set(['NETWORK', 'INTERNAL', 'RATE_LIMITED'])

/** 2 MB of WeChat's 10 MB: tens of exhibits at a few KB each, leaving room for the other features. */
export const OFFLINE_CACHE_BYTES = 2 * 1024 * 1024

/**
 * `inlined`: an exhibit that came with the page (the H5 scan landing), ready without a call and
 * saved for offline use like one that was fetched.
 */
export function createExhibitsStore(
  call: typeof callCloud = callCloud,
  cache: LruCache = createLruCache(taroStorage, { prefix: 'gxq.offline', maxBytes: OFFLINE_CACHE_BYTES }),
  inlined: Exhibit | null = null,
  pack: OfflinePack | null = null,
) {
  function fromCacheOr<T>(key: string, error: AppError, packed: () => Saved<T> | null): Loadable<T> {
    if (!OFFLINE_CODES.has(error.code)) return { status: 'error', error }
    const opened = cache.get<T>(key)
    const kept = packed()
    const saved = opened && kept ? (kept.savedAt > opened.savedAt ? kept : opened) : (opened ?? kept)
    return saved ? { status: 'ready', data: saved.value, savedAt: saved.savedAt } : { status: 'error', error }
  }

  if (inlined) cache.set(`exhibit:${inlined.code}`, inlined)
  return createStore<ExhibitsState>()((set, get) => ({
    exhibits: inlined ? { [inlined.code]: { status: 'ready', data: inlined } } : {},
    halls: { status: 'idle' },
    // Promise chains, not async/await: the scan's exhibit page (main package) loads through these,
    // and the ES5 build would add a generator state machine each and the regenerator runtime.
    loadExhibit(code, force = false) {
      const current = get().exhibits[code]
      if (current?.status === 'loading' || (current?.status === 'ready' && !current.savedAt && !force)) return Promise.resolve()
      if (!current || current.status !== 'ready') set((s) => ({ exhibits: { ...s.exhibits, [code]: { status: 'loading' } } }))
      return call('exhibits', 'get', { code }).then((res) => {
        let next: Loadable<Exhibit>
        if (res.ok) {
          cache.set(`exhibit:${code}`, res.data.exhibit)
          next = { status: 'ready', data: res.data.exhibit }
        } else {
          next = fromCacheOr<Exhibit>(`exhibit:${code}`, res.error, () => pack?.exhibit(code) ?? null)
          // A saved copy on screen stays there when a refresh fails.
          if (next.status === 'error' && current?.status === 'ready') return
        }
        set((s) => ({ exhibits: { ...s.exhibits, [code]: next } }))
      })
    },
    loadHalls() {
      const current = get().halls
      if (current.status === 'loading') return Promise.resolve()
      // A saved copy stays on screen while a fresh one is fetched.
      if (current.status !== 'ready') set({ halls: { status: 'loading' } })
      return call('exhibits', 'list', {}).then((res) => {
        if (res.ok) {
          cache.set('halls', res.data.halls)
          set({ halls: { status: 'ready', data: res.data.halls } })
          return
        }
        const next = fromCacheOr<HallWithExhibits[]>('halls', res.error, () => pack?.halls() ?? null)
        if (next.status === 'error' && current.status === 'ready') return
        set({ halls: next })
      })
    },
  }))
}

/** H5: the pack's pictures go to the service worker's cache, so an exhibit never opened shows its picture offline too. */
export const offlinePack = createOfflinePack(callCloud, taroStorage, Date.now, (p) => keepForOffline(p.exhibits.map((e) => mediaUrl(e.image))))

export const exhibitsStore = createExhibitsStore(callCloud, undefined, takeInlinedExhibit(), offlinePack)

export const useExhibits = <T>(selector: (s: ExhibitsState) => T): T => useStore(exhibitsStore, selector)
