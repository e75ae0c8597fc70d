// Matching results with needs and companies, explained like the policy calculator: each match says
// why (same field, shared words, maturity) and what does not fit. Pure: plain records in, ranked
// matches out. A match with a gap (TRL below what the need asks, another field) never ranks above
// one without, whatever its score.
import type { Company } from '../contracts/zone'
import { trlText, type TransferMatch, type TransferNeed, type TransferResult } from '../contracts/transfer'

/** Lower-case, full-width folded, so 「ＧＰＵ」 and "gpu" meet. */
const norm = (s: string) => s.normalize('NFKC').toLowerCase()

/** The keywords of `words` found in the other record's text. */
function sharedWords(words: string[], text: string): string[] {
  const hay = norm(text)
  return [...new Set(words.filter((w) => w.trim() && hay.includes(norm(w.trim()))))]
}

const resultText = (r: TransferResult) => [r.title, r.summary, ...r.keywords, ...r.indicators].join(' ')
const needText = (n: Pick<TransferNeed, 'title' | 'problem' | 'keywords'>) => [n.title, n.problem, ...n.keywords].join(' ')

const byRank = (a: TransferMatch, b: TransferMatch) => a.gaps.length - b.gaps.length || b.score - a.score || a.title.localeCompare(b.title, 'zh')

/** How a result fits a need: field, shared words both ways, and the result's TRL against the need's target. */
export function scoreResultForNeed(result: TransferResult, need: Pick<TransferNeed, 'title' | 'problem' | 'keywords' | 'field' | 'targetTrl'>): { score: number; reasons: string[]; gaps: string[]; relevant: boolean } {
  const reasons: string[] = []
  const gaps: string[] = []
  let score = 0
  const sameField = result.field === need.field
  if (sameField) {
    score += 3
    reasons.push(`同属领域：${result.field}`)
  } else gaps.push(`领域不同：成果属${result.field}，需求属${need.field}`)
  const words = [...new Set([...sharedWords(result.keywords, needText(need)), ...sharedWords(need.keywords, resultText(result))])]
  if (words.length) {
    score += Math.min(words.length, 5) * 2
    reasons.push(`关键词：${words.slice(0, 5).join('、')}`)
  }
  if (result.trl >= need.targetTrl) {
    score += 2
    reasons.push(`成熟度 TRL ${result.trl} 达到需求的 TRL ${need.targetTrl}`)
  } else gaps.push(`成熟度不足：${trlText(result.trl)}，需求要 TRL ${need.targetTrl}`)
  // Relevant at all only through content: the same field or shared words (a TRL alone says nothing).
  return { score, reasons, gaps, relevant: sameField || words.length > 0 }
}

/** The needs a result could answer, best first; only relevant ones, at most `limit`. */
export function needsForResult(result: TransferResult, needs: TransferNeed[], limit = 5): TransferMatch[] {
  return needs
    .map((n) => ({ n, s: scoreResultForNeed(result, n) }))
    .filter(({ s }) => s.relevant)
    .map(({ n, s }) => ({ id: n.id, title: n.title, score: s.score, reasons: s.reasons, gaps: s.gaps }))
    .sort(byRank)
    .slice(0, limit)
}

/** The results that could answer a need, best first; only relevant ones, at most `limit`. */
export function resultsForNeed(need: Pick<TransferNeed, 'title' | 'problem' | 'keywords' | 'field' | 'targetTrl'>, results: TransferResult[], limit = 5): TransferMatch[] {
  return results
    .map((r) => ({ r, s: scoreResultForNeed(r, need) }))
    .filter(({ s }) => s.relevant)
    .map(({ r, s }) => ({ id: r.id, title: r.title, score: s.score, reasons: s.reasons, gaps: s.gaps }))
    .sort(byRank)
    .slice(0, limit)
}

/** Zone companies that could take a result up: the one that did first, then by industry and shared words. */
export function companiesForResult(result: TransferResult, companies: Company[], limit = 5): TransferMatch[] {
  const out: TransferMatch[] = []
  for (const c of companies) {
    const reasons: string[] = []
    const gaps: string[] = []
    let score = 0
    if (c.id === result.companyId) {
      score += 100
      reasons.push('已通过技术交易引入该成果')
    }
    const sameField = c.industry === result.field
    if (sameField) {
      score += 3
      reasons.push(`同属行业：${c.industry}`)
    } else gaps.push(`行业不同：企业属${c.industry}`)
    const words = sharedWords(result.keywords, [c.name, c.profile, ...c.fields, ...c.products].join(' '))
    if (words.length) {
      score += Math.min(words.length, 5) * 2
      reasons.push(`关键词：${words.slice(0, 5).join('、')}`)
    }
    if (c.id !== result.companyId && !sameField && words.length === 0) continue
    // The company that took the result up is a fact, not a guess: it leads even across industries.
    out.push({ id: c.id, title: c.shortName ?? c.name, score, reasons, gaps: c.id === result.companyId ? [] : gaps })
  }
  return out.sort(byRank).slice(0, limit)
}
