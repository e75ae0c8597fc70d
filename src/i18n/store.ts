import { useCallback } from 'react'
// The visitor's language: a plain zustand store, persisted in storage, and a thin hook.
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { GuideLang } from '@cloud/contracts/exhibit'
import { taroStorage, type KeyValueStorage } from '@/services/storage'
import { en, format, zh, type MessageKey } from './dict'

export const LANG_KEY = 'gxq.lang'

export interface LangState {
  lang: GuideLang
  setLang: (lang: GuideLang) => void
}

export function createLangStore(storage: KeyValueStorage = taroStorage, onChange: (lang: GuideLang) => void = () => {}) {
  const saved = storage.get(LANG_KEY)
  return createStore<LangState>()((set) => ({
    lang: saved === 'en' ? 'en' : 'zh',
    setLang(lang) {
      try {
        storage.set(LANG_KEY, lang)
      } catch {
        /* the choice still applies for this visit */
      }
      set({ lang })
      onChange(lang)
    },
  }))
}

export const translate = (lang: GuideLang, key: MessageKey, vars?: Record<string, string | number>) => format((lang === 'en' ? en : zh)[key], vars)

export const langStore = createLangStore()

export const useLang = (): GuideLang => useStore(langStore, (s) => s.lang)

/** The translate function for the current language; components re-render when it changes. */
export function useT() {
  const lang = useLang()
  // Stable per language, so effects that set titles can depend on it.
  return useCallback((key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars), [lang])
}
