// The policy calculator: each policy's conditions are data (data/policies.json, `rules`), read
// by this one evaluator. A policy fits when every rule holds; it is a near miss when at most two
// rules fail and each of them is something the company can still achieve.
import type { MatchProfile, MatchResult, MatchedPolicy, Policy, PolicyStatus, PolicySummary, Rule, RuleType } from '../contracts/zone'
import { policyStatus, toPolicySummary } from './policies'
import { daysBetween } from './text'

export const NEAR_MISS_MAX_FAILURES = 2
/** Near misses shown: the closest ones (fewest missing, then the largest amount). */
export const NEAR_MISS_LIMIT = 30

/** Rules a company cannot change by acting (age, having outgrown a tier, industry, being too big). */
const UNATTAINABLE: ReadonlySet<RuleType> = new Set<RuleType>(['ageYearsMax', 'lacksQualification', 'industry', 'max'])

function ageYears(founded: string | undefined, today: string): number | undefined {
  if (!founded) return undefined
  return daysBetween(founded, today) / 365.25
}

const collator = new Intl.Collator('zh-CN')

/** Whether one rule holds for the profile; unknown numbers do not hold (the person is asked to fill them). */
export function evaluateRule(rule: Rule, profile: MatchProfile, today: string, age = ageYears(profile.founded, today)): boolean {
  switch (rule.type) {
    case 'inZone':
      return profile.inZone
    case 'min': {
      const v = profile[rule.field]
      return v !== undefined && v >= rule.value
    }
    case 'max': {
      const v = profile[rule.field]
      return v !== undefined && v <= rule.value
    }
    case 'ageYearsMax': {
      return age !== undefined && age >= 0 && age <= rule.value
    }
    case 'ageYearsMin': {
      return age !== undefined && age >= rule.value
    }
    case 'hasQualification':
      return rule.anyOf.some((q) => profile.qualifications.includes(q))
    case 'lacksQualification':
      return !rule.anyOf.some((q) => profile.qualifications.includes(q))
    case 'hasTalent':
      return rule.anyOf.some((t) => profile.talent.includes(t))
    case 'financingNeed':
      return profile.financingNeed
    case 'industry':
      return profile.industry !== undefined && rule.anyOf.includes(profile.industry)
  }
}

const APPLICABLE: ReadonlySet<PolicyStatus> = new Set(['open', 'closing', 'upcoming'])

/** What a caller can prepare once per day for all policies (same order as `policies`). */
export interface PolicyDay {
  statuses: PolicyStatus[]
  summaries: PolicySummary[]
  /** Each policy's position in title order, so sorting the fits needs no string collation. */
  titleRank: number[]
}

/** Positions of the policies in Chinese title order. */
export function titleRanks(policies: Policy[]): number[] {
  const order = policies.map((p, i) => i).sort((a, b) => collator.compare(policies[a].title, policies[b].title))
  const rank = new Array<number>(policies.length)
  order.forEach((policyIndex, position) => (rank[policyIndex] = position))
  return rank
}

export function matchPolicies(policies: Policy[], profile: MatchProfile, today: string, day?: PolicyDay): MatchResult {
  const age = ageYears(profile.founded, today)
  // First only indexes: most policies are neither fits nor near misses, and only the closest near
  // misses are shown, so the answer's objects are built at the end for what is returned.
  const fitIdx: number[] = []
  const near: Array<{ i: number; failures: number }> = []
  for (let i = 0; i < policies.length; i++) {
    const policy = policies[i]
    const rules = policy.rules
    if (!rules?.length) continue
    const status = day ? day.statuses[i] : policyStatus(policy, today)
    if (!APPLICABLE.has(status)) continue
    let failures = 0
    let hopeless = false
    for (const rule of rules) {
      if (evaluateRule(rule, profile, today, age)) continue
      failures++
      if (failures > NEAR_MISS_MAX_FAILURES || UNATTAINABLE.has(rule.type)) {
        hopeless = true
        break
      }
    }
    if (hopeless) continue
    if (failures === 0) fitIdx.push(i)
    else near.push({ i, failures })
  }
  const amount = (i: number) => policies[i].benefit.maxAmount ?? -1
  fitIdx.sort((a, b) => amount(b) - amount(a) || (day ? day.titleRank[a] - day.titleRank[b] : collator.compare(policies[a].title, policies[b].title)))
  near.sort((a, b) => a.failures - b.failures || amount(b.i) - amount(a.i))

  const build = (i: number): MatchedPolicy => {
    const policy = policies[i]
    const reasons: string[] = []
    const missing: string[] = []
    const reasonsEn: string[] = []
    const missingEn: string[] = []
    for (const rule of policy.rules!) {
      if (evaluateRule(rule, profile, today, age)) {
        reasons.push(rule.label)
        reasonsEn.push(rule.labelEn ?? '')
      } else {
        missing.push(rule.missing)
        missingEn.push(rule.missingEn ?? '')
      }
    }
    return { policy: day ? day.summaries[i] : toPolicySummary(policy, policyStatus(policy, today)), reasons, missing, reasonsEn, missingEn }
  }
  const fits = fitIdx.map(build)
  const known = fits.filter((f) => f.policy.benefit.maxAmount !== undefined)
  return {
    fits,
    nearMisses: near.slice(0, NEAR_MISS_LIMIT).map((n) => build(n.i)),
    estimatedTotal: known.reduce((sum, f) => sum + (f.policy.benefit.maxAmount ?? 0), 0),
    withoutAmount: fits.length - known.length,
    totalIllustrative: known.some((f) => f.policy.source === 'illustrative' || (f.policy.illustrative ?? []).includes('benefit')),
  }
}
