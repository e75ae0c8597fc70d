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
}

export function matchPolicies(policies: Policy[], profile: MatchProfile, today: string, day?: PolicyDay): MatchResult {
  const age = ageYears(profile.founded, today)
  const fits: Array<MatchedPolicy & { amount?: number }> = []
  const nearMisses: MatchedPolicy[] = []
  for (let i = 0; i < policies.length; i++) {
    const policy = policies[i]
    const rules = policy.rules
    if (!rules?.length) continue
    const status = day ? day.statuses[i] : policyStatus(policy, today)
    if (!APPLICABLE.has(status)) continue
    // Most policies fail early: stop as soon as the policy can be neither a fit nor a near miss.
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
    const held: Rule[] = []
    const failed: Rule[] = []
    for (const rule of rules) (evaluateRule(rule, profile, today, age) ? held : failed).push(rule)
    const matched: MatchedPolicy = {
      policy: day ? day.summaries[i] : toPolicySummary(policy, status),
      reasons: held.map((r) => r.label),
      missing: failed.map((r) => r.missing),
    }
    if (failed.length === 0) fits.push({ ...matched, amount: policy.benefit.maxAmount })
    else nearMisses.push(matched)
  }
  fits.sort((a, b) => (b.amount ?? -1) - (a.amount ?? -1) || collator.compare(a.policy.title, b.policy.title))
  nearMisses.sort((a, b) => a.missing.length - b.missing.length || (b.policy.benefit.maxAmount ?? -1) - (a.policy.benefit.maxAmount ?? -1))
  const known = fits.filter((f) => f.amount !== undefined)
  return {
    fits: fits.map(({ amount: _amount, ...f }) => f),
    nearMisses: nearMisses.slice(0, NEAR_MISS_LIMIT),
    estimatedTotal: known.reduce((sum, f) => sum + (f.amount ?? 0), 0),
    withoutAmount: fits.length - known.length,
    totalIllustrative: known.some((f) => f.policy.source === 'illustrative' || (f.policy.illustrative ?? []).includes('benefit')),
  }
}
