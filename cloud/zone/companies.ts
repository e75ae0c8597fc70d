// Company search: one in-memory index per data version, ranked in tiers — exact name, short name
// (and name substrings), pinyin, product/field, then names with one character missing.
import type { Company, CompanyQuery, CompanySummary, Page } from '../contracts/zone'
import { containsWithOneMissing, hasHan, normalize, pinyinKeys } from './text'

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

export interface CompanyIndex {
  entries: Entry[]
  byId: Map<string, Company>
}

/** Ranking tiers, best first. */
export const Tier = { ExactName: 0, ShortName: 1, NameText: 2, Pinyin: 3, Product: 4, Fuzzy: 5 } as const
export type Tier = (typeof Tier)[keyof typeof Tier]

export function buildCompanyIndex(companies: Company[]): CompanyIndex {
  const entries = companies.map((company): Entry => {
    const name = pinyinKeys(company.name)
    const short = company.shortName ? pinyinKeys(company.shortName) : { full: '', initials: '' }
    return {
      company,
      name: normalize(company.name),
      short: company.shortName ? normalize(company.shortName) : '',
      nameFull: name.full,
      nameInitials: name.initials,
      shortFull: short.full,
      shortInitials: short.initials,
      products: company.products.map(normalize),
      fields: company.fields.map(normalize),
    }
  })
  entries.sort((a, b) => a.company.name.localeCompare(b.company.name, 'zh-CN'))
  return { entries, byId: new Map(companies.map((c) => [c.id, c])) }
}

interface Hit {
  entry: Entry
  tier: Tier
  /** Position of the match: earlier is better within a tier. */
  at: number
  matched?: string
}

function rank(entry: Entry, q: string, han: boolean): Hit | null {
  const { name, short } = entry
  if (name === q) return { entry, tier: Tier.ExactName, at: 0 }
  if (short && short === q) return { entry, tier: Tier.ShortName, at: 0 }
  if (short && short.includes(q)) return { entry, tier: Tier.ShortName, at: short.indexOf(q) + 1 }
  if (name.includes(q)) return { entry, tier: Tier.NameText, at: name.indexOf(q) }
  if (!han && q.length >= 2) {
    for (const key of [entry.shortInitials, entry.shortFull, entry.nameInitials, entry.nameFull]) {
      const at = key ? key.indexOf(q) : -1
      if (at >= 0) return { entry, tier: Tier.Pinyin, at }
    }
  }
  const product = entry.products.findIndex((p) => p.includes(q))
  if (product >= 0) return { entry, tier: Tier.Product, at: product, matched: `产品：${entry.company.products[product]}` }
  const field = entry.fields.findIndex((f) => f.includes(q))
  if (field >= 0) return { entry, tier: Tier.Product, at: 10 + field, matched: `领域：${entry.company.fields[field]}` }
  if (q.length >= 3 && (containsWithOneMissing(short, q) || containsWithOneMissing(name, q))) {
    return { entry, tier: Tier.Fuzzy, at: 0, matched: '相近名称' }
  }
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
  ...(matched ? { matched } : {}),
})

export function pageBounds(page = 1, pageSize = DEFAULT_PAGE_SIZE): { page: number; pageSize: number; start: number } {
  const size = Math.min(Math.max(1, Math.floor(pageSize)), MAX_PAGE_SIZE)
  const p = Math.max(1, Math.floor(page))
  return { page: p, pageSize: size, start: (p - 1) * size }
}

export function searchCompanies(index: CompanyIndex, query: CompanyQuery): Page<CompanySummary> {
  const q = normalize(query.q ?? '')
  const han = hasHan(q)
  const hits: Hit[] = []
  for (const entry of index.entries) {
    const c = entry.company
    if (query.industry && c.industry !== query.industry) continue
    if (query.qualification && !c.qualifications.includes(query.qualification)) continue
    if (!q) {
      hits.push({ entry, tier: Tier.ExactName, at: 0 })
      continue
    }
    const hit = rank(entry, q, han)
    if (hit) hits.push(hit)
  }
  // Entries are already in name order, and Array.prototype.sort is stable.
  if (q) hits.sort((a, b) => a.tier - b.tier || a.at - b.at || a.entry.name.length - b.entry.name.length)
  const { page, pageSize, start } = pageBounds(query.page, query.pageSize)
  return {
    items: hits.slice(start, start + pageSize).map((h) => summary(h.entry.company, h.matched)),
    total: hits.length,
    page,
    pageSize,
  }
}
