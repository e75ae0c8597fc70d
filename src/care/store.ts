// Care mode (关怀模式): large text and high contrast. The visitor's own choice wins; without one it
// follows WeChat's font-size setting. A plain zustand store and a thin hook.
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import { taroStorage, type KeyValueStorage } from '@/services/storage'
import { applyCareMode } from './apply'
import { systemPrefersLargeText } from './system-font'

export const CARE_KEY = 'gxq.care'

export interface CareState {
  on: boolean
  /** True when care mode is on because of the system font setting, not a choice made here. */
  fromSystem: boolean
  setCare: (on: boolean) => void
}

export function createCareStore(storage: KeyValueStorage = taroStorage, system: () => boolean = systemPrefersLargeText, apply: (on: boolean) => void = applyCareMode) {
  const saved = storage.get(CARE_KEY)
  const fromSystem = saved === null && system()
  const on = saved === 'on' || fromSystem
  apply(on)
  return createStore<CareState>()((set) => ({
    on,
    fromSystem,
    setCare(next) {
      try {
        storage.set(CARE_KEY, next ? 'on' : 'off')
      } catch {
        /* applies for this visit */
      }
      apply(next)
      set({ on: next, fromSystem: false })
    },
  }))
}

export const careStore = createCareStore()

export const useCare = <T>(selector: (s: CareState) => T): T => useStore(careStore, selector)
