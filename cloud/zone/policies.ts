// Policy status (open / closing within 30 days / closed / upcoming, by Asia/Shanghai date) and
// policy search: exact title first, then title text, pinyin, then any other text of the policy, then
// the same through the synonym list (data/search-synonyms.json: 人才补贴 finds a policy tagged 人才, 资金补贴).
import type { Page, Policy, PolicyQuery, PolicyStatus, PolicySummary, PolicyWithStatus } from '../contracts/zone'
import { pageBounds } from './companies'
import { expandQuery, partsMatched, SEARCH_SYNONYMS } from './synonyms'
import { daysBetween, hasHan, normalize, pinyinKeys } from './text'

export const CLOSING_DAYS = 30

/** The last day one can apply: the earlier of the window's close and the policy's validity. */
export function closesOn(policy: Policy): string | undefined {
  const dates = [policy.window?.closes, policy.validTo].filter((d): d is string => !!d).sort()
  return dates[0]
}

export function policyStatus(policy: Policy, today: string): PolicyStatus {
  const closes = closesOn(policy)
  if (closes && closes < today) return 'closed'
  const opens = [policy.window?.opens, policy.validFrom].filter((d): d is string => !!d).sort().pop()
  if (opens && opens > today) return 'upcoming'
  if (closes && daysBetween(today, closes) <= CLOSING_DAYS) return 'closing'
  return 'open'
}

/** Which statuses a status filter admits: "open" means one can apply today. */
export const STATUS_FILTER: Record<NonNullable<PolicyQuery['status']>, PolicyStatus[]> = {
  open: ['open', 'closing'],
  closing: ['closing'],
  closed: ['closed'],
}

const STATUS_ORDER: Record<PolicyStatus, number> = { closing: 0, open: 1, upcoming: 2, closed: 3 }

interface Entry {
  policy: Policy
  title: string
  short: string
  titleFull: string
  titleInitials: string
  shortInitials: string
  other: string
}

export interface PolicyIndex {
  entries: Entry[]
  byId: Map<string, Policy>
  /** Statuses of the entries for one day, computed once per day rather than per query. */
  statusCache?: { today: string; statuses: PolicyStatus[] }
}

export function statusesOn(index: PolicyIndex, today: string): PolicyStatus[] {
  if (index.statusCache?.today !== today) {
    index.statusCache = { today, statuses: index.entries.map((e) => policyStatus(e.policy, today)) }
  }
  return index.statusCache.statuses
}

export function buildPolicyIndex(policies: Policy[]): PolicyIndex {
  const entries = policies.map((policy): Entry => {
    const title = pinyinKeys(policy.title)
    return {
      policy,
      title: normalize(policy.title),
      short: normalize(policy.shortTitle ?? ''),
      titleFull: title.full,
      titleInitials: title.initials,
      shortInitials: policy.shortTitle ? pinyinKeys(policy.shortTitle).initials : '',
      other: normalize([policy.summary, policy.issuer, policy.docNumber ?? '', policy.kinds.join(' '), policy.audiences.join(' '), policy.conditions.join(' ')].join(' ')),
    }
  })
  entries.sort((a, b) => a.policy.id.localeCompare(b.policy.id))
  return { entries, byId: new Map(policies.map((p) => [p.id, p])) }
}

function tierOf(e: Entry, q: string, han: boolean): number {
  if (e.title === q || e.short === q) return 0
  if (e.title.includes(q) || (e.short && e.short.includes(q))) return 1
  if (!han && q.length >= 2 && (e.shortInitials.includes(q) || e.titleInitials.includes(q) || e.titleFull.includes(q))) return 2
  if (e.other.includes(q)) return 3
  return -1
}

export function toPolicySummary(p: Policy, status: PolicyStatus): PolicySummary {
  return {
    id: p.id,
    title: p.title,
    level: p.level,
    kinds: p.kinds,
    audiences: p.audiences,
    benefit: p.benefit,
    source: p.source,
    status,
    ...(closesOn(p) ? { closes: closesOn(p) } : {}),
    ...(p.illustrative?.length ? { illustrative: p.illustrative } : {}),
    ...(p.titleEn ? { titleEn: p.titleEn } : {}),
    ...(p.translationEn ? { translationEn: p.translationEn } : {}),
  }
}

export function withStatus(p: Policy, today: string): PolicyWithStatus {
  return { ...p, status: policyStatus(p, today) }
}

export function searchPolicies(index: PolicyIndex, query: PolicyQuery, today: string): Page<PolicySummary> {
  const q = normalize(query.q ?? '')
  const han = hasHan(q)
  const admitted = query.status ? STATUS_FILTER[query.status] : null
  const hits: Array<{ p: Policy; tier: number; titleParts: number; status: PolicyStatus }> = []
  const statuses = statusesOn(index, today)
  const admits = (p: Policy, status: PolicyStatus): boolean =>
    !(query.level && p.level !== query.level) &&
    !(query.kind && !p.kinds.includes(query.kind)) &&
    !(query.audience && !p.audiences.includes(query.audience) && !p.audiences.includes('各类企业')) &&
    !(admitted && !admitted.includes(status))
  for (let i = 0; i < index.entries.length; i++) {
    const e = index.entries[i]
    if (!admits(e.policy, statuses[i])) continue
    const tier = q ? tierOf(e, q, han) : 0
    if (tier < 0) continue
    hits.push({ p: e.policy, tier, titleParts: 0, status: statuses[i] })
  }
  // Only when the words as typed find nothing is the query widened through the synonym list (for
  // Chinese queries): 质押融资 keeps its one exact answer, 人才补贴 — written nowhere — finds the
  // policies tagged 人才 and 资金补贴. Those whose title carries more of the query's parts come first.
  const parts = hits.length === 0 && han ? expandQuery(SEARCH_SYNONYMS, q) : null
  if (parts) {
    for (let i = 0; i < index.entries.length; i++) {
      const e = index.entries[i]
      if (!admits(e.policy, statuses[i]) || partsMatched(parts, e.title + e.short + e.other) < parts.length) continue
      hits.push({ p: e.policy, tier: 4, titleParts: partsMatched(parts, e.title + e.short), status: statuses[i] })
    }
  }
  hits.sort((a, b) => a.tier - b.tier || b.titleParts - a.titleParts || STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
  const { page, pageSize, start } = pageBounds(query.page, query.pageSize)
  return {
    items: hits.slice(start, start + pageSize).map((h) => toPolicySummary(h.p, h.status)),
    total: hits.length,
    page,
    pageSize,
  }
}
