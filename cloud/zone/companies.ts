// Company search: one in-memory index per data version, ranked in tiers — exact name, short name
// or the start of the name, name substrings, pinyin, product/field, then names with one character
// missing. A Chinese query is also matched by its pinyin, so a homophone typo (荣科储能 for
// 融科储能) still finds the company, ranked after every exact text match.
import type { Company, CompanyQuery, CompanySummary, Page } from '../contracts/zone'
import { hasHan, normalize, pinyinKeys, pinyinKeysOf } from './text'

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 50

interface Entry {
  company: Company
  name: string
  short: string
  nameFull: string
  nameInitials: string
  shortFull: string
  shortInitials: string
  products: string[]
  fields: string[]
}

/**
 * All searchable text of all entries in one string, so a query finds its candidates with a few
 * native indexOf calls instead of testing every entry's keys one by one.
 */
interface Blob {
  text: string
  /** Offset where each entry's text starts, ascending (entry order). */
  starts: number[]
}

export interface CompanyIndex {
  entries: Entry[]
  byId: Map<string, Company>
  /** Every key of every entry (names, pinyin, products, fields). */
  all: Blob
  /** Names and short names only (for the missing-character fallback). */
  names: Blob
  /** Full pinyin of names and short names only (for a Chinese query looked up by how it sounds). */
  sounds: Blob
}

const SEP = '\u0001'
const END = '\u0002'

function blob(parts: string[][]): Blob {
  const starts: number[] = []
  let text = ''
  for (const p of parts) {
    starts.push(text.length)
    text += p.join(SEP) + END
  }
  return { text, starts }
}

/** Indexes of the entries whose text contains `q`, ascending, each once. */
function entriesContaining(b: Blob, q: string): number[] {
  const out: number[] = []
  let at = b.text.indexOf(q)
  let i = 0
  while (at >= 0) {
    // Advance to the entry holding this offset (offsets only grow).
    while (i + 1 < b.starts.length && b.starts[i + 1] <= at) i++
    out.push(i)
    const next = i + 1 < b.starts.length ? b.starts[i + 1] : b.text.length
    at = b.text.indexOf(q, next)
  }
  return out
}

/** Entries with a name that contains `q` with one character of the name left out. */
function entriesWithOneMissing(b: Blob, q: string): number[] {
  const found = new Set<number>()
  const isText = (c: string) => c !== '' && c !== SEP && c !== END
  const entryAt = (at: number) => {
    // Binary search: the last entry starting at or before `at`.
    let lo = 0
    let hi = b.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (b.starts[mid] <= at) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  for (let cut = 1; cut < q.length; cut++) {
    const head = q.slice(0, cut)
    const tail = q.slice(cut)
    // Look for the longer piece (fewer occurrences), then check the other one beside it.
    if (head.length >= tail.length) {
      for (let at = b.text.indexOf(head); at >= 0; at = b.text.indexOf(head, at + 1)) {
        if (isText(b.text.charAt(at + cut)) && b.text.startsWith(tail, at + cut + 1)) found.add(entryAt(at))
      }
    } else {
      for (let at = b.text.indexOf(tail); at >= 0; at = b.text.indexOf(tail, at + 1)) {
        const headAt = at - 1 - head.length
        if (headAt >= 0 && isText(b.text.charAt(at - 1)) && b.text.startsWith(head, headAt)) found.add(entryAt(headAt))
      }
    }
  }
  return [...found].sort((a, b) => a - b)
}

const collator = new Intl.Collator('zh-CN')

/** Ranking tiers, best first. */
export const Tier = { ExactName: 0, ShortName: 1, NameText: 2, Pinyin: 3, Product: 4, Fuzzy: 5 } as const
export type Tier = (typeof Tier)[keyof typeof Tier]

export function buildCompanyIndex(companies: Company[]): CompanyIndex {
  const entries = companies.map((company): Entry => {
    const normName = normalize(company.name)
    const normShort = company.shortName ? normalize(company.shortName) : ''
    const nameKeys = pinyinKeysOf(normName)
    const name = nameKeys.keys()
    // The short name's pinyin from the name's when it is part of it (one pinyin-pro call, not two).
    const at = normShort ? normName.indexOf(normShort) : -1
    const from = at >= 0 ? Array.from(normName.slice(0, at)).length : -1
    const short = !normShort ? { full: '', initials: '' } : from >= 0 ? nameKeys.keys(from, from + Array.from(normShort).length) : pinyinKeys(normShort)
    return {
      company,
      name: normName,
      short: normShort,
      nameFull: name.full,
      nameInitials: name.initials,
      shortFull: short.full,
      shortInitials: short.initials,
      products: company.products.map(normalize),
      fields: company.fields.map(normalize),
    }
  })
  entries.sort((a, b) => collator.compare(a.company.name, b.company.name))
  return {
    entries,
    byId: new Map(companies.map((c) => [c.id, c])),
    all: blob(entries.map((e) => [e.name, e.short, e.shortInitials, e.shortFull, e.nameInitials, e.nameFull, ...e.products, ...e.fields])),
    names: blob(entries.map((e) => [e.name, e.short])),
    sounds: blob(entries.map((e) => [e.shortFull, e.nameFull])),
  }
}

interface Hit {
  entry: Entry
  tier: Tier
  /** Position of the match: earlier is better within a tier. */
  at: number
  matched?: string
}

/** What people type for a company: the start of its name counts like its short name (融科 → 融科储能). */
function rank(entry: Entry, q: string, han: boolean, sound: string): Hit | null {
  const { name, short } = entry
  if (name === q) return { entry, tier: Tier.ExactName, at: 0 }
  if ((short && short === q) || name.startsWith(q)) return { entry, tier: Tier.ShortName, at: 0 }
  if (short && short.includes(q)) return { entry, tier: Tier.ShortName, at: short.indexOf(q) + 1 }
  if (name.includes(q)) return { entry, tier: Tier.NameText, at: name.indexOf(q) }
  if (!han && q.length >= 2) {
    let at = entry.shortInitials.indexOf(q)
    if (at < 0) at = entry.shortFull.indexOf(q)
    if (at < 0) at = entry.nameInitials.indexOf(q)
    if (at < 0) at = entry.nameFull.indexOf(q)
    if (at >= 0) return { entry, tier: Tier.Pinyin, at }
  }
  if (sound) {
    // The query's own characters are not in the name, but the name sounds the same.
    let at = entry.shortFull.indexOf(sound)
    if (at < 0) at = entry.nameFull.indexOf(sound)
    if (at >= 0) return { entry, tier: Tier.Pinyin, at, matched: '读音相近' }
  }
  const product = entry.products.findIndex((p) => p.includes(q))
  if (product >= 0) return { entry, tier: Tier.Product, at: product, matched: `产品：${entry.company.products[product]}` }
  const field = entry.fields.findIndex((f) => f.includes(q))
  if (field >= 0) return { entry, tier: Tier.Product, at: 10 + field, matched: `领域：${entry.company.fields[field]}` }
  return null
}

const summary = (c: Company, matched?: string): CompanySummary => ({
  id: c.id,
  name: c.name,
  shortName: c.shortName,
  industry: c.industry,
  qualifications: c.qualifications,
  products: c.products,
  source: c.source,
  ...(c.illustrative?.length ? { illustrative: c.illustrative } : {}),
  ...(matched ? { matched } : {}),
})

const AT_SLOTS = 64
const LENGTH_SLOTS = 64

/**
 * Orders hits by tier, then match position, then name length — a counting sort on a small integer
 * key, stable, so equal keys keep name order. A short pinyin query can hit every company; a
 * comparison sort of 10,000 hits would cost more than the search itself.
 */
function rankOrder(hits: Hit[]): Hit[] {
  const buckets = 6 * AT_SLOTS * LENGTH_SLOTS
  const keys = new Int32Array(hits.length)
  const counts = new Int32Array(buckets + 1)
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]
    const key = (h.tier * AT_SLOTS + Math.min(h.at, AT_SLOTS - 1)) * LENGTH_SLOTS + Math.min(h.entry.name.length, LENGTH_SLOTS - 1)
    keys[i] = key
    counts[key + 1]++
  }
  for (let k = 0; k < buckets; k++) counts[k + 1] += counts[k]
  const out = new Array<Hit>(hits.length)
  for (let i = 0; i < hits.length; i++) out[counts[keys[i]]++] = hits[i]
  return out
}

export function pageBounds(page = 1, pageSize = DEFAULT_PAGE_SIZE): { page: number; pageSize: number; start: number } {
  const size = Math.min(Math.max(1, Math.floor(pageSize)), MAX_PAGE_SIZE)
  const p = Math.max(1, Math.floor(page))
  return { page: p, pageSize: size, start: (p - 1) * size }
}

export function searchCompanies(index: CompanyIndex, query: CompanyQuery): Page<CompanySummary> {
  const q = normalize(query.q ?? '')
  const han = hasHan(q)
  const admits = (c: Company) =>
    (!query.industry || c.industry === query.industry) && (!query.qualification || c.qualifications.includes(query.qualification))
  const hits: Hit[] = []
  if (!q) {
    for (const entry of index.entries) if (admits(entry.company)) hits.push({ entry, tier: Tier.ExactName, at: 0 })
  } else {
    // Two or more Chinese characters are also looked up by how they sound (one character alone
    // would sound like half the zone).
    const sound = han && q.length >= 2 ? pinyinKeys(q).full : ''
    const candidates = entriesContaining(index.all, q)
    if (sound) {
      const seen = new Uint8Array(index.entries.length)
      for (const i of candidates) seen[i] = 1
      for (const i of entriesContaining(index.sounds, sound)) if (!seen[i]) candidates.push(i)
    }
    for (const i of candidates) {
      const entry = index.entries[i]
      if (!admits(entry.company)) continue
      const hit = rank(entry, q, han, sound)
      if (hit) hits.push(hit)
    }
    // A name with one character missing is a fallback, for when the query finds less than a page.
    if (hits.length < DEFAULT_PAGE_SIZE && q.length >= 3) {
      const seen = new Set(hits.map((h) => h.entry))
      for (const i of entriesWithOneMissing(index.names, q)) {
        const entry = index.entries[i]
        if (!seen.has(entry) && admits(entry.company)) hits.push({ entry, tier: Tier.Fuzzy, at: 0, matched: '相近名称' })
      }
    }
  }
  const ordered = q ? rankOrder(hits) : hits
  const { page, pageSize, start } = pageBounds(query.page, query.pageSize)
  return {
    items: ordered.slice(start, start + pageSize).map((h) => summary(h.entry.company, h.matched)),
    total: hits.length,
    page,
    pageSize,
  }
}
