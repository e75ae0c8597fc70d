// Text keys for search: normalized text, full pinyin and pinyin initials. Computed once per record
// when the index is built, so a query only does substring tests.
import { pinyin } from 'pinyin-pro'

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
  const norm = normalize(text)
  if (!hasHan(norm)) return { full: norm, initials: norm }
  // Runs of Latin letters and digits (Glink, 5G) stay whole in both keys.
  const parts = pinyin(norm, { toneType: 'none', type: 'all', nonZh: 'consecutive', v: true })
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
