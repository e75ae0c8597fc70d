// Zone content in the visitor's language. A record keeps its English beside its Chinese (nameEn,
// summaryEn, …); on an English page each text is the English when the zone office gave it, else
// the Chinese, flagged `zhOnly` so the page marks it and says, in English, that it is shown in
// Chinese. On a Chinese page nothing changes.
import type { GuideLang } from '@cloud/contracts/exhibit'
import type { EnglishSource, ZoneFigure } from '@cloud/contracts/zone'

export interface Shown {
  text: string
  /** An English page showing the Chinese because the English was left empty. */
  zhOnly: boolean
}

export function inLang(lang: GuideLang, zh: string, en: string | undefined): Shown {
  if (lang === 'en' && en?.trim()) return { text: en, zhOnly: false }
  return { text: zh, zhOnly: lang === 'en' }
}

/** A list and its English, item for item; items past the end of a shorter English list stay Chinese. */
export const listInLang = (lang: GuideLang, zh: readonly string[], en: readonly string[] | undefined): Shown[] =>
  zh.map((item, i) => inLang(lang, item, en?.[i]))

/**
 * What an English page says about a record's English: none at all (shown in Chinese), some parts
 * missing, and whether it was written for the app without the zone office's review.
 */
export interface EnglishNote {
  missing: 'all' | 'some' | null
  unreviewed: boolean
}

export function englishNote(lang: GuideLang, translation: EnglishSource | undefined, shown: readonly Shown[]): EnglishNote | null {
  if (lang !== 'en') return null
  const zhOnly = shown.filter((s) => s.zhOnly).length
  const missing = zhOnly === 0 ? null : zhOnly === shown.length ? 'all' : 'some'
  const unreviewed = translation === 'machine' && missing !== 'all'
  return missing || unreviewed ? { missing, unreviewed } : null
}

// Units and qualifiers of the zone's figures are a short, fixed vocabulary: the interface words them
// when the record does not (an operator's own unit without English stays Chinese, marked). Counts of
// companies or projects read as bare numbers under their label ("Gazelle companies 75"); 亿 and 万
// become the English reader's billion and yuan.
const UNIT_EN: Record<string, { unit: string; times?: number }> = {
  家: { unit: '' },
  个: { unit: '' },
  项: { unit: '' },
  件: { unit: '' },
  人: { unit: 'people' },
  亿元: { unit: 'billion yuan', times: 0.1 },
  万元: { unit: 'yuan', times: 10000 },
  元: { unit: 'yuan' },
  '%': { unit: '%' },
}
const QUALIFIER_EN: Record<string, string> = { 余: 'over', 近: 'nearly', 约: 'about', 超: 'over' }

export interface FigureParts {
  /** The number with its qualifier: 近40, 300余 / nearly 40, over 300. */
  number: string
  unit: string
  zhOnly: boolean
}

/** A figure's value and unit in the visitor's language. */
export function figureParts(f: ZoneFigure, lang: GuideLang): FigureParts {
  const zh = { number: `${f.qualifier === '近' ? '近' : ''}${f.value}${f.qualifier === '余' ? '余' : ''}`, unit: f.unit }
  if (lang === 'zh') return { ...zh, zhOnly: false }
  const known = UNIT_EN[f.unit]
  const unit = f.unitEn ?? known?.unit
  const qualifier = f.qualifier ? f.qualifierEn ?? QUALIFIER_EN[f.qualifier] : undefined
  if (unit === undefined || (f.qualifier && qualifier === undefined)) return { ...zh, zhOnly: true }
  // The record's own English unit goes with the number as stored; the interface's own converts it.
  const value = f.unitEn === undefined && known?.times ? +(f.value * known.times).toPrecision(12) : f.value
  return { number: `${qualifier ? `${qualifier} ` : ''}${value.toLocaleString('en')}`, unit, zhOnly: false }
}

/** Number and unit as one line: 近40家 / nearly 40, 6.1 billion yuan, 5.92%. */
export function figureText(f: ZoneFigure, lang: GuideLang): Shown {
  const p = figureParts(f, lang)
  const spaced = lang === 'en' && p.unit && p.unit !== '%' && !p.zhOnly
  return { text: `${p.number}${spaced ? ' ' : ''}${p.unit}`, zhOnly: p.zhOnly }
}
