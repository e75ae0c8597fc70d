// Company search: one in-memory index per data version, ranked in tiers — exact name, short name
// or the start of the name, name substrings, pinyin, product/field, then names with one character
// missing. A Chinese query is also matched by its pinyin, so a homophone typo (荣科储能 for
// 融科储能) still finds the company, ranked after every exact text match.
import { MAX_PAGE_SIZE, type Company, type CompanyQuery, type CompanySummary, type Page } from '../contracts/zone'
import { hasHan, normalize, pinyinKeys, pinyinKeysOf } from './text'

export const DEFAULT_PAGE_SIZE = 20

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
 * Where each character and each pair of adjacent characters occurs: for every one, the entries
 * whose text holds it, ascending. An entry containing a query holds every pair of the query, so
 * intersecting those few lists gives a small superset of the matches to check with `includes` —
 * instead of scanning the text of all entries for every query (1 ms on 10,000 companies).
 * Characters are UTF-16 code units, as in `includes`, so the superset holds for any text.
 */
type Grams = Map<number, number[]>

/** The pair of code units starting at `i` as one number, or the unit alone when it is the last. */
const gramOf = (s: string, i: number): number => (i + 1 < s.length ? 0x10000 + s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1) : s.charCodeAt(i))

function buildGrams(texts: string[]): Grams {
  const grams: Grams = new Map()
  const add = (gram: number, entry: number) => {
    const list = grams.get(gram)
    if (!list) grams.set(gram, [entry])
    else if (list[list.length - 1] !== entry) list.push(entry) // entries come in order: once each
  }
  for (let entry = 0; entry < texts.length; entry++) {
    const text = texts[entry]
    for (let i = 0; i < text.length; i++) {
      add(text.charCodeAt(i), entry)
      if (i + 1 < text.length) add(gramOf(text, i), entry)
    }
  }
  return grams
}

/** Entries whose text may contain every piece (pieces of one character by that character), ascending. */
function mayContain(grams: Grams, pieces: string[]): number[] {
  const lists: number[][] = []
  for (const piece of pieces) {
    const step = piece.length === 1 ? 1 : piece.length - 1
    for (let i = 0; i < step; i++) {
      const list = grams.get(gramOf(piece, i))
      if (!list) return []
      lists.push(list)
    }
  }
  if (!lists.length) return []
  lists.sort((a, b) => a.length - b.length)
  let out = lists[0]
  for (let l = 1; l < lists.length && out.length; l++) out = intersect(out, lists[l])
  return out
}

/** The members of ascending `a` also in ascending `b` (each looked up by binary search: `a` is the short one). */
function intersect(a: number[], b: number[]): number[] {
  const out: number[] = []
  let lo = 0
  for (const x of a) {
    let hi = b.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (b[mid] < x) lo = mid + 1
      else hi = mid
    }
    if (lo === b.length) break
    if (b[lo] === x) out.push(x)
  }
  return out
}

export interface CompanyIndex {
  entries: Entry[]
  byId: Map<string, Company>
  /** Every key of every entry (names, pinyin, products, fields), one text per entry. */
  texts: string[]
  grams: Grams
}

/** Joins an entry's keys: a character no company text holds, so a query never matches across two keys. */
const SEP = '\u0001'

/** `text` holds `head`, any one character, then `tail` (a name with one character left out). */
function holdsWithOneMissing(text: string, head: string, tail: string): boolean {
  for (let at = text.indexOf(head); at >= 0 && at + head.length < text.length; at = text.indexOf(head, at + 1)) {
    if (text.startsWith(tail, at + head.length + 1)) return true
  }
  return false
}

/** Entries with a name or short name that contains `q` with one character of the name left out, ascending. */
function entriesWithOneMissing(index: CompanyIndex, q: string): number[] {
  const found = new Set<number>()
  for (let cut = 1; cut < q.length; cut++) {
    const head = q.slice(0, cut)
    const tail = q.slice(cut)
    for (const i of mayContain(index.grams, [head, tail])) {
      if (found.has(i)) continue
      const { name, short } = index.entries[i]
      if (holdsWithOneMissing(name, head, tail) || (short && holdsWithOneMissing(short, head, tail))) found.add(i)
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
  const texts = entries.map((e) => [e.name, e.short, e.shortInitials, e.shortFull, e.nameInitials, e.nameFull, ...e.products, ...e.fields].join(SEP))
  return {
    entries,
    byId: new Map(companies.map((c) => [c.id, c])),
    texts,
    grams: buildGrams(texts),
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
  ...(c.nameEn ? { nameEn: c.nameEn } : {}),
  ...(c.productsEn?.length ? { productsEn: c.productsEn } : {}),
  ...(c.translationEn ? { translationEn: c.translationEn } : {}),
  ...(matched ? { matched } : {}),
})

const AT_SLOTS = 64
const LENGTH_SLOTS = 64
const BUCKETS = 6 * AT_SLOTS * LENGTH_SLOTS
/** The counting sort's counters, kept between searches: allocating 100 KB per search cost more than the sort. */
const counts = new Int32Array(BUCKETS + 1)

/**
 * Orders hits by tier, then match position, then name length — a counting sort on a small integer
 * key, stable, so equal keys keep name order. A short pinyin query can hit every company; a
 * comparison sort of 10,000 hits would cost more than the search itself.
 */
function rankOrder(hits: Hit[]): Hit[] {
  counts.fill(0)
  const keys = new Int32Array(hits.length)
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]
    const key = (h.tier * AT_SLOTS + Math.min(h.at, AT_SLOTS - 1)) * LENGTH_SLOTS + Math.min(h.entry.name.length, LENGTH_SLOTS - 1)
    keys[i] = key
    counts[key + 1]++
  }
  for (let k = 0; k < BUCKETS; k++) counts[k + 1] += counts[k]
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
  const { page, pageSize, start } = pageBounds(query.page, query.pageSize)
  if (!q) {
    // Everything, in name order: only the page's own summaries are made.
    const items: CompanySummary[] = []
    let total = 0
    for (const entry of index.entries) {
      if (!admits(entry.company)) continue
      if (total >= start && total < start + pageSize) items.push(summary(entry.company))
      total++
    }
    return { items, total, page, pageSize }
  }
  const hits: Hit[] = []
  // Two or more Chinese characters are also looked up by how they sound (one character alone
  // would sound like half the zone).
  const sound = han && q.length >= 2 ? pinyinKeys(q).full : ''
  const candidates = mayContain(index.grams, [q]).filter((i) => index.texts[i].includes(q))
  if (sound) {
    // Entries that only sound like the query come after those holding its text (both ascending).
    let t = 0
    const textCount = candidates.length
    for (const i of mayContain(index.grams, [sound])) {
      while (t < textCount && candidates[t] < i) t++
      if (t < textCount && candidates[t] === i) continue
      const { shortFull, nameFull } = index.entries[i]
      if (shortFull.includes(sound) || nameFull.includes(sound)) candidates.push(i)
    }
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
    for (const i of entriesWithOneMissing(index, q)) {
      const entry = index.entries[i]
      if (!seen.has(entry) && admits(entry.company)) hits.push({ entry, tier: Tier.Fuzzy, at: 0, matched: '相近名称' })
    }
  }
  return {
    items: rankOrder(hits).slice(start, start + pageSize).map((h) => summary(h.entry.company, h.matched)),
    total: hits.length,
    page,
    pageSize,
  }
}
