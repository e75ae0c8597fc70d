// The policy calculator: each policy's conditions are data (data/policies.json, `rules`), read
// by this one evaluator. A policy fits when every rule holds; it is a near miss when at most two
// rules fail and each of them is something the company can still achieve.
import type { MatchProfile, MatchResult, MatchedPolicy, Policy, PolicyStatus, Rule, RuleType } from '../contracts/zone'
import { policyStatus, toPolicySummary } from './policies'
import { daysBetween } from './text'

export const NEAR_MISS_MAX_FAILURES = 2

/** Rules a company cannot change by acting (age, having outgrown a tier, industry, being too big). */
const UNATTAINABLE: ReadonlySet<RuleType> = new Set<RuleType>(['ageYearsMax', 'lacksQualification', 'industry', 'max'])

function ageYears(founded: string | undefined, today: string): number | undefined {
  if (!founded) return undefined
  return daysBetween(founded, today) / 365.25
}

/** Whether one rule holds for the profile; unknown numbers do not hold (the person is asked to fill them). */
export function evaluateRule(rule: Rule, profile: MatchProfile, today: string): boolean {
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
      const age = ageYears(profile.founded, today)
      return age !== undefined && age >= 0 && age <= rule.value
    }
    case 'ageYearsMin': {
      const age = ageYears(profile.founded, today)
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

export function matchPolicies(policies: Policy[], profile: MatchProfile, today: string): MatchResult {
  const fits: Array<MatchedPolicy & { amount?: number }> = []
  const nearMisses: MatchedPolicy[] = []
  for (const policy of policies) {
    if (!policy.rules?.length) continue
    const status = policyStatus(policy, today)
    if (!APPLICABLE.has(status)) continue
    const held: Rule[] = []
    const failed: Rule[] = []
    for (const rule of policy.rules) (evaluateRule(rule, profile, today) ? held : failed).push(rule)
    const matched: MatchedPolicy = {
      policy: toPolicySummary(policy, status),
      reasons: held.map((r) => r.label),
      missing: failed.map((r) => r.missing),
    }
    if (failed.length === 0) fits.push({ ...matched, amount: policy.benefit.maxAmount })
    else if (failed.length <= NEAR_MISS_MAX_FAILURES && failed.every((r) => !UNATTAINABLE.has(r.type))) nearMisses.push(matched)
  }
  fits.sort((a, b) => (b.amount ?? -1) - (a.amount ?? -1) || a.policy.title.localeCompare(b.policy.title, 'zh-CN'))
  nearMisses.sort((a, b) => a.missing.length - b.missing.length || (b.policy.benefit.maxAmount ?? -1) - (a.policy.benefit.maxAmount ?? -1))
  const known = fits.filter((f) => f.amount !== undefined)
  return {
    fits: fits.map(({ amount: _amount, ...f }) => f),
    nearMisses,
    estimatedTotal: known.reduce((sum, f) => sum + (f.amount ?? 0), 0),
    withoutAmount: fits.length - known.length,
    totalIllustrative: known.some((f) => f.policy.source === 'illustrative' || (f.policy.illustrative ?? []).includes('benefit')),
  }
}
