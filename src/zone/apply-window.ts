// The policy page's 申报时间 line: the window (dates, or 常年受理) and the operator's note, without
// saying the same thing twice — a note such as 常年受理 or 常年受理，分批评审 already says the window,
// so it replaces it rather than following it in brackets (「常年受理（常年受理）」).
import type { GuideLang } from '@cloud/contracts/exhibit'
import type { Policy } from '@cloud/contracts/zone'

type Key = 'validRange' | 'fromNow' | 'yearRound' | 'yearRoundOpen'

const YEAR_ROUND_ZH = '常年受理'

/** `lead` is interface text, `note` is the operator's content (shown as written, in brackets after a lead). */
export function applyWindowParts(window: Policy['window'], lang: GuideLang, s: (k: Key, v?: Record<string, string>) => string): { lead: string; note: string } {
  const dated = !!(window?.opens || window?.closes)
  const lead = dated ? s('validRange', { from: window?.opens ?? s('fromNow'), to: window?.closes ?? s('yearRound') }) : s('yearRoundOpen')
  const note = window?.note?.trim() ?? ''
  if (!note) return { lead, note: '' }
  if (!dated && note.startsWith(YEAR_ROUND_ZH)) {
    if (lang === 'zh') return { lead: '', note }
    const rest = note.slice(YEAR_ROUND_ZH.length).replace(/^[，,、；;\s]+/, '')
    return { lead, note: rest ? ` (${rest})` : '' }
  }
  return { lead, note: lang === 'en' ? ` (${note})` : `（${note}）` }
}
