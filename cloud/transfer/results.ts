// The 成果清单 as visitors browse it: filter by field, search words in title, owner, keywords and
// summary, one page at a time. Pure.
import type { ResultSummary, TransferField, TransferResult } from '../contracts/transfer'
import { ZONE_VALUE_EN } from '../contracts/zone-en'

export const RESULTS_PAGE_SIZE = 20

const norm = (s: string) => s.normalize('NFKC').toLowerCase()

export const toSummary = (r: TransferResult): ResultSummary => ({
  id: r.id,
  title: r.title,
  ...(r.titleEn ? { titleEn: r.titleEn } : {}),
  field: r.field,
  ...(ZONE_VALUE_EN[r.field] ? { fieldEn: ZONE_VALUE_EN[r.field] } : {}),
  ...(r.exhibitCode ? { exhibitCode: r.exhibitCode } : {}),
  ...(r.companyId ? { companyId: r.companyId } : {}),
  trl: r.trl,
  owner: r.owner,
  ...(r.ownerEn ? { ownerEn: r.ownerEn } : {}),
  modes: r.modes,
  priceMode: r.priceMode,
  source: r.source,
  ...(r.illustrative ? { illustrative: r.illustrative } : {}),
  hasDeal: !!r.deal,
})

/** Results from the article first (a visitor's real examples), then the rest, each by title. */
export function searchResults(results: TransferResult[], query: { q?: string; field?: TransferField; page?: number; exhibit?: string; company?: string }) {
  const words = norm(query.q ?? '').split(/\s+/).filter(Boolean)
  const hits = results.filter((r) => {
    if (query.field && r.field !== query.field) return false
    if (query.exhibit && r.exhibitCode !== query.exhibit) return false
    if (query.company && r.companyId !== query.company) return false
    const hay = norm([r.title, r.titleEn ?? '', r.owner, r.summary, ...r.keywords].join(' '))
    return words.every((w) => hay.includes(w))
  })
  hits.sort((a, b) => Number(b.source === 'article') - Number(a.source === 'article') || a.title.localeCompare(b.title, 'zh'))
  const page = query.page ?? 1
  const start = (page - 1) * RESULTS_PAGE_SIZE
  return { items: hits.slice(start, start + RESULTS_PAGE_SIZE).map(toSummary), total: hits.length, page, pageSize: RESULTS_PAGE_SIZE }
}
