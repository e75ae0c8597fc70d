// Exhibit content on the client: a plain zustand store (testable without React) and a thin hook.
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { Exhibit, HallWithExhibits } from '@cloud/contracts/exhibit'
import type { AppError } from '@cloud/contracts/result'
import { callCloud } from '@/services/cloud'

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: AppError }

export interface ExhibitsState {
  exhibits: Record<string, Loadable<Exhibit>>
  halls: Loadable<HallWithExhibits[]> | { status: 'idle' }
  /** Loads once; `force` reloads after an error (the retry button). */
  loadExhibit: (code: string, force?: boolean) => Promise<void>
  loadHalls: () => Promise<void>
}

export function createExhibitsStore(call: typeof callCloud = callCloud) {
  return createStore<ExhibitsState>()((set, get) => ({
    exhibits: {},
    halls: { status: 'idle' },
    async loadExhibit(code, force = false) {
      const current = get().exhibits[code]
      if (current?.status === 'loading' || (current?.status === 'ready' && !force)) return
      set((s) => ({ exhibits: { ...s.exhibits, [code]: { status: 'loading' } } }))
      const res = await call('exhibits', 'get', { code })
      set((s) => ({
        exhibits: {
          ...s.exhibits,
          [code]: res.ok ? { status: 'ready', data: res.data.exhibit } : { status: 'error', error: res.error },
        },
      }))
    },
    async loadHalls() {
      if (get().halls.status === 'loading') return
      set({ halls: { status: 'loading' } })
      const res = await call('exhibits', 'list', {})
      set({ halls: res.ok ? { status: 'ready', data: res.data.halls } : { status: 'error', error: res.error } })
    },
  }))
}

export const exhibitsStore = createExhibitsStore()

export const useExhibits = <T>(selector: (s: ExhibitsState) => T): T => useStore(exhibitsStore, selector)
