// The one way the app translates: a feature defines its strings as a Chinese table and an English
// table with the same keys (`defineStrings`), and a component reads them for the current language
// (`useStrings`). The main package's table is src/i18n/dict.ts; subpackages keep theirs beside
// their pages, so the main package stays small. English text uses English punctuation.
import { useCallback } from 'react'
import type { GuideLang } from '@cloud/contracts/exhibit'
import { format } from './dict'
import { useLang } from './store'

export type Strings<K extends string> = { zh: Record<K, string>; en: Record<K, string> }

export const defineStrings = <K extends string>(zh: Record<K, string>, en: Record<K, string>): Strings<K> => ({ zh, en })

export const pick = <K extends string>(table: Strings<K>, lang: GuideLang, key: K, vars?: Record<string, string | number>) => format(table[lang][key], vars)

/** The translate function of a table for the current language; re-renders when it changes. */
export function useStrings<K extends string>(table: Strings<K>) {
  const lang = useLang()
  // Stable per language, so effects that set titles can depend on it.
  return useCallback((key: K, vars?: Record<string, string | number>) => pick(table, lang, key, vars), [table, lang])
}
