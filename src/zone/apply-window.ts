// The policy page's 申报时间 line: the window (dates, or 常年受理) and the operator's note, without
// saying the same thing twice — a note such as 常年受理 or 常年受理，分批评审 already says the window,
// so it replaces it rather than following it in brackets (「常年受理（常年受理）」).
import type { GuideLang } from '@cloud/contracts/exhibit'
import type { Policy } from '@cloud/contracts/zone'

type Key = 'validRange' | 'fromNow' | 'yearRound' | 'yearRoundOpen'

const YEAR_ROUND_ZH = '常年受理'

const YEAR_ROUND_EN = /^year-round\b/i

/**
 * `lead` is interface text, `note` is the operator's content (shown as written, in brackets after a
 * lead). On an English page the note is its English (noteEn); without one, the Chinese note is shown
 * and `noteZhOnly` says so.
 */
export function applyWindowParts(
  window: Policy['window'],
  lang: GuideLang,
  s: (k: Key, v?: Record<string, string>) => string,
): { lead: string; note: string; noteZhOnly: boolean } {
  const dated = !!(window?.opens || window?.closes)
  const lead = dated ? s('validRange', { from: window?.opens ?? s('fromNow'), to: window?.closes ?? s('yearRound') }) : s('yearRoundOpen')
  const note = window?.note?.trim() ?? ''
  const noteEn = window?.noteEn?.trim() ?? ''
  if (lang === 'en' && noteEn) {
    if (!dated && YEAR_ROUND_EN.test(noteEn)) return { lead: '', note: noteEn, noteZhOnly: false }
    return { lead, note: ` (${noteEn})`, noteZhOnly: false }
  }
  if (!note) return { lead, note: '', noteZhOnly: false }
  if (!dated && note.startsWith(YEAR_ROUND_ZH)) {
    if (lang === 'zh') return { lead: '', note, noteZhOnly: false }
    const rest = note.slice(YEAR_ROUND_ZH.length).replace(/^[，,、；;\s]+/, '')
    return { lead, note: rest ? ` (${rest})` : '', noteZhOnly: !!rest }
  }
  return lang === 'en' ? { lead, note: ` (${note})`, noteZhOnly: true } : { lead, note: `（${note}）`, noteZhOnly: false }
}
