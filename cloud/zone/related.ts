// 相关政策 under an exhibit: the policies that follow its company, each with why it is shown. The
// calculator alone (matchPolicies on industry and qualifications) gave every exhibit the same few
// policies open to any company; here a policy is ranked by how specifically it concerns the company:
// it names the company, then it is meant for its industry, then it asks for (or is meant for) a
// qualification the company holds — the rarer the qualification, the higher — and last a policy open
// to every company. Tiers the company has passed (a 雏鹰 policy for a company already 雏鹰) are left out.
import { QUALIFICATIONS, type Company, type Policy, type Qualification, type RelatedPolicy, type RelatedWhy } from '../contracts/zone'
import { ZONE_VALUE_EN } from '../contracts/zone-en'
import type { PolicyDay } from './rules'

/** The names a policy text might use for the company: 铭云科技, or 融科储能 from 大连融科储能技术发展有限公司. */
export function companyNames(company: Pick<Company, 'name' | 'shortName'>): string[] {
  const core = company.name.replace(/^(大连市?|辽宁省?)/, '').replace(/(股份)?有限(责任)?公司$/, '')
  return [...new Set([company.shortName, core, core.slice(0, 4)])].filter((n): n is string => !!n && n.length >= 2)
}

/** Later in QUALIFICATIONS is rarer (科小 → 高企 → 雏鹰 → 瞪羚 → 独角兽, then 专精特新). */
const rarity = (q: Qualification): number => QUALIFICATIONS.indexOf(q)

/** The zone's growth tiers: a 瞪羚 company has passed 雏鹰 even if it never held that title. */
const TIERS: Qualification[] = ['雏鹰企业', '瞪羚企业', '潜在独角兽企业']
const passed = (q: Qualification, held: Qualification[]): boolean =>
  held.includes(q) || (TIERS.includes(q) && held.some((h) => TIERS.indexOf(h) > TIERS.indexOf(q)))

/** Which held qualifications a policy audience stands for (雏鹰瞪羚企业 covers both tiers). */
function audienceHeld(audience: string, held: Qualification[]): Qualification[] {
  return held.filter((q) => q === audience || (audience === '专精特新企业' && q.includes('专精特新')) || (audience === '雏鹰瞪羚企业' && (q === '雏鹰企业' || q === '瞪羚企业')))
}

function whyShown(policy: Policy, company: Company, names: string[]): { why: RelatedWhy; score: number } | null {
  const held = company.qualifications
  const rules = policy.rules ?? []
  // Not for this company: a tier it has passed, a qualification or an industry it lacks.
  if (rules.some((r) => r.type === 'lacksQualification' && r.anyOf.some((q) => passed(q, held)))) return null
  const asked = rules.find((r) => r.type === 'hasQualification')
  const heldAsked = asked?.type === 'hasQualification' ? asked.anyOf.filter((q) => held.includes(q)) : []
  if (asked && !heldAsked.length) return null
  const industry = rules.find((r) => r.type === 'industry')
  if (industry?.type === 'industry' && !industry.anyOf.includes(company.industry)) return null

  const text = [policy.title, policy.shortTitle ?? '', policy.summary].join(' ')
  const named = names.find((n) => text.includes(n))
  if (named) return { why: { kind: 'named', value: named }, score: 400 }
  if (industry) return { why: { kind: 'industry', value: company.industry }, score: 300 }
  // A qualification it asks for, or an audience it is meant for, that the company holds: the rarer
  // that qualification, the more the policy is about this company (专精特新 before 高企, which most hold).
  const reasons = [
    ...heldAsked.map((q) => ({ why: { kind: 'qualification' as const, value: q }, r: rarity(q) + 0.5 })),
    ...policy.audiences.flatMap((a) => audienceHeld(a, held).map((q) => ({ why: { kind: 'audience' as const, value: a }, r: rarity(q) }))),
  ].sort((x, y) => y.r - x.r)
  if (reasons.length) return { why: reasons[0].why, score: 200 + reasons[0].r * 10 }
  if (policy.audiences.includes('各类企业')) return { why: { kind: 'anyCompany', value: '各类企业' }, score: 100 }
  return null
}

export function relatedPolicies(company: Company, policies: Policy[], day: PolicyDay, limit = 3): RelatedPolicy[] {
  const names = companyNames(company)
  const found: Array<{ i: number; why: RelatedWhy; score: number }> = []
  for (let i = 0; i < policies.length; i++) {
    if (day.statuses[i] === 'closed') continue
    const shown = whyShown(policies[i], company, names)
    if (shown) found.push({ i, ...shown })
  }
  const amount = (i: number) => policies[i].benefit.maxAmount ?? -1
  found.sort((a, b) => b.score - a.score || amount(b.i) - amount(a.i) || day.titleRank[a.i] - day.titleRank[b.i])
  return found.slice(0, limit).map(({ i, why }) => ({ ...day.summaries[i], why: withEnglish(why, company) }))
}

/** The reason's value in English: the company's English name, or the label of a fixed value. */
function withEnglish(why: RelatedWhy, company: Company): RelatedWhy {
  const valueEn = why.kind === 'named' ? company.shortNameEn ?? company.nameEn : why.kind === 'anyCompany' ? undefined : ZONE_VALUE_EN[why.value]
  return valueEn ? { ...why, valueEn } : why
}
