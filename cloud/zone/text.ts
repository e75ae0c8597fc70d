// Text keys for search: normalized text, full pinyin and pinyin initials. Computed once per record
// when the index is built, so a query only does substring tests.
import type { pinyin as PinyinFn } from 'pinyin-pro'

let loaded: typeof PinyinFn | undefined
/**
 * pinyin-pro, loaded at the first use: its dictionaries cost the server tens of milliseconds at
 * every start, and only search needs them (a bundler still bundles the require).
 */
function pinyinPro(): typeof PinyinFn {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return (loaded ??= (require('pinyin-pro') as typeof import('pinyin-pro')).pinyin)
}

/** Lower case, full-width → half-width, without spaces and punctuation. */
export function normalize(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[\s\u3000·.,，。、:：;；!！?？'"“”‘’()（）【】[\]《》<>\-_/\\|]+/g, '')
}

export const hasHan = (text: string): boolean => /[\u3400-\u9fff]/.test(text)

export interface PinyinKeys {
  full: string
  initials: string
}

export function pinyinKeys(text: string): PinyinKeys {
  return pinyinKeysOf(normalize(text)).keys()
}

/**
 * Pinyin of a normalized text, one syllable per character (Latin letters and digits stay as
 * they are in both keys: Glink, 5G), from which the keys of the whole text or of any part of it
 * can be taken. Indexing takes a short name's keys from its company name this way: pinyin-pro is
 * almost all of the index build, and the short name is nearly always part of the name (海天兴业
 * in 大连海天兴业科技有限公司) — read in the name's context, which also settles polyphones.
 */
export function pinyinKeysOf(norm: string): { keys(from?: number, to?: number): PinyinKeys } {
  if (!hasHan(norm)) return { keys: (from = 0, to = norm.length) => ({ full: norm.slice(from, to), initials: norm.slice(from, to) }) }
  const chars = Array.from(norm)
  const syllables = pinyinPro()(norm, { toneType: 'none', type: 'array', nonZh: 'spaced', v: true })
  // One entry per character; anything else (a surrogate pair pinyin-pro splits) falls back to the plain reading.
  const aligned = syllables.length === chars.length
  return {
    keys(from = 0, to = chars.length) {
      if (!aligned) return fallbackKeys(chars.slice(from, to).join(''))
      let full = ''
      let initials = ''
      for (let i = from; i < to; i++) {
        const s = syllables[i].toLowerCase()
        full += s
        initials += hasHan(chars[i]) ? s.charAt(0) : s
      }
      return { full, initials }
    },
  }
}

function fallbackKeys(norm: string): PinyinKeys {
  const parts = pinyinPro()(norm, { toneType: 'none', type: 'all', nonZh: 'consecutive', v: true })
  return {
    full: parts.map((p) => (p.isZh ? p.pinyin : p.origin)).join('').toLowerCase(),
    initials: parts.map((p) => (p.isZh ? p.pinyin.charAt(0) : p.origin)).join('').toLowerCase(),
  }
}

/** Asia/Shanghai calendar date of an instant, YYYY-MM-DD, whatever the server's zone. */
export const shanghaiDate = (now: Date): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}
