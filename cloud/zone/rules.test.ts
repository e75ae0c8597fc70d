import type { MatchProfile, Policy, Rule } from '../contracts/zone'
import { evaluateRule, matchPolicies } from './rules'
import { policyStatus } from './policies'
import { readPolicies } from './seed'
import { buildCatalog } from './catalog'
import { syntheticPolicies } from '../../bench/synthetic'

const today = '2026-06-01'
const empty: MatchProfile = { inZone: false, qualifications: [], talent: [], financingNeed: false }
const w = { label: '满足', missing: '缺少' }

describe('each rule type', () => {
  const holds = (rule: Rule, profile: Partial<MatchProfile>) => evaluateRule(rule, { ...empty, ...profile }, today)

  it('inZone', () => {
    expect(holds({ type: 'inZone', ...w }, { inZone: true })).toBe(true)
    expect(holds({ type: 'inZone', ...w }, {})).toBe(false)
  })
  it('min: at or above the value; unknown does not hold', () => {
    const rule: Rule = { type: 'min', field: 'rdShare', value: 3, ...w }
    expect(holds(rule, { rdShare: 3 })).toBe(true)
    expect(holds(rule, { rdShare: 2.99 })).toBe(false)
    expect(holds(rule, {})).toBe(false)
  })
  it('max: at or below the value; unknown does not hold', () => {
    const rule: Rule = { type: 'max', field: 'employees', value: 500, ...w }
    expect(holds(rule, { employees: 500 })).toBe(true)
    expect(holds(rule, { employees: 501 })).toBe(false)
    expect(holds(rule, {})).toBe(false)
  })
  it('ageYearsMax / ageYearsMin from the founding date', () => {
    expect(holds({ type: 'ageYearsMax', value: 5, ...w }, { founded: '2021-06-02' })).toBe(true)
    expect(holds({ type: 'ageYearsMax', value: 5, ...w }, { founded: '2020-06-01' })).toBe(false)
    expect(holds({ type: 'ageYearsMax', value: 5, ...w }, { founded: '2027-01-01' })).toBe(false)
    expect(holds({ type: 'ageYearsMax', value: 5, ...w }, {})).toBe(false)
    expect(holds({ type: 'ageYearsMin', value: 2, ...w }, { founded: '2024-05-01' })).toBe(true)
    expect(holds({ type: 'ageYearsMin', value: 2, ...w }, { founded: '2025-01-01' })).toBe(false)
  })
  it('hasQualification / lacksQualification: any of the list', () => {
    const has: Rule = { type: 'hasQualification', anyOf: ['科技型中小企业', '高新技术企业'], ...w }
    expect(holds(has, { qualifications: ['高新技术企业'] })).toBe(true)
    expect(holds(has, { qualifications: ['雏鹰企业'] })).toBe(false)
    const lacks: Rule = { type: 'lacksQualification', anyOf: ['瞪羚企业'], ...w }
    expect(holds(lacks, { qualifications: ['高新技术企业'] })).toBe(true)
    expect(holds(lacks, { qualifications: ['瞪羚企业'] })).toBe(false)
  })
  it('hasTalent, financingNeed, industry', () => {
    expect(holds({ type: 'hasTalent', anyOf: ['海外高层次人才'], ...w }, { talent: ['海外高层次人才'] })).toBe(true)
    expect(holds({ type: 'hasTalent', anyOf: ['海外高层次人才'], ...w }, { talent: ['博士'] })).toBe(false)
    expect(holds({ type: 'financingNeed', ...w }, { financingNeed: true })).toBe(true)
    expect(holds({ type: 'financingNeed', ...w }, {})).toBe(false)
    expect(holds({ type: 'industry', anyOf: ['洁净能源'], ...w }, { industry: '洁净能源' })).toBe(true)
    expect(holds({ type: 'industry', anyOf: ['洁净能源'], ...w }, { industry: '信息技术' })).toBe(false)
    expect(holds({ type: 'industry', anyOf: ['洁净能源'], ...w }, {})).toBe(false)
  })
})

/** The smallest profile that satisfies every rule of a policy (a test-side solver). */
function satisfying(rules: Rule[]): MatchProfile {
  const p: MatchProfile = { ...empty, qualifications: [], talent: [] }
  for (const r of rules) {
    switch (r.type) {
      case 'inZone': p.inZone = true; break
      case 'min': p[r.field] = Math.max(p[r.field] ?? 0, r.value); break
      case 'max': p[r.field] = Math.min(p[r.field] ?? r.value, r.value); break
      case 'ageYearsMax': p.founded = '2025-06-01'; break
      case 'ageYearsMin': p.founded = `${2026 - Math.ceil(r.value) - 1}-01-01`; break
      case 'hasQualification': if (!r.anyOf.some((q) => p.qualifications.includes(q))) p.qualifications.push(r.anyOf[0]); break
      case 'hasTalent': p.talent.push(r.anyOf[0]); break
      case 'financingNeed': p.financingNeed = true; break
      case 'industry': p.industry = r.anyOf[0]; break
      case 'lacksQualification': break
    }
  }
  // min/max on the same field: keep the max's bound when both exist (e.g. revenue ≥ x and ≤ y).
  return p
}

/** The same profile with exactly this one rule broken. */
function breaking(profile: MatchProfile, rule: Rule): MatchProfile {
  const p: MatchProfile = { ...profile, qualifications: [...profile.qualifications], talent: [...profile.talent] }
  switch (rule.type) {
    case 'inZone': p.inZone = false; break
    case 'min': p[rule.field] = rule.value - 0.5; break
    case 'max': p[rule.field] = rule.value + 1; break
    case 'ageYearsMax': p.founded = `${2026 - Math.ceil(rule.value) - 1}-01-01`; break
    case 'ageYearsMin': p.founded = '2026-05-01'; break
    case 'hasQualification': p.qualifications = p.qualifications.filter((q) => !rule.anyOf.includes(q)); break
    case 'lacksQualification': p.qualifications.push(rule.anyOf[0]); break
    case 'hasTalent': p.talent = []; break
    case 'financingNeed': p.financingNeed = false; break
    case 'industry': p.industry = p.industry === '其他' ? '信息技术' : '其他'; break
  }
  return p
}

describe('every rule of every seed policy', () => {
  const policies = readPolicies()
  const withRules = policies.filter((p) => p.rules?.length && policyStatus(p, today) !== 'closed')
  const cases = withRules.flatMap((p) => (p.rules ?? []).map((r, i) => [p.id, i, r.type, p, r] as [string, number, string, Policy, Rule]))

  it('has rules for the calculator', () => {
    expect(withRules.length).toBeGreaterThanOrEqual(10)
  })

  it.each(withRules.map((p) => [p.id, p] as const))('%s fits a profile that meets all of its rules, with every reason', (_id: string, policy: Policy) => {
    const res = matchPolicies([policy], satisfying(policy.rules!), today)
    expect(res.fits).toHaveLength(1)
    expect(res.fits[0].reasons).toEqual(policy.rules!.map((r: Rule) => r.label))
  })

  it.each(cases)('%s rule %i (%s) alone decides: broken, the policy no longer fits and says what is missing', (_id: string, _i: number, _type: string, policy: Policy, rule: Rule) => {
    const profile = breaking(satisfying(policy.rules!), rule)
    expect(evaluateRule(rule, profile, today)).toBe(false)
    const res = matchPolicies([policy], profile, today)
    expect(res.fits).toHaveLength(0)
    const attainable = !['ageYearsMax', 'lacksQualification', 'industry', 'max'].includes(rule.type)
    if (attainable) expect(res.nearMisses).toEqual([expect.objectContaining({ missing: [rule.missing] })])
    else expect(res.nearMisses).toEqual([])
  })
})

describe('matching the seed policies', () => {
  const policies = readPolicies()

  it('a young zone company with a 科技型中小企业 record fits 科创工程 and sees 高企 policies as near misses', () => {
    const res = matchPolicies(
      policies,
      { ...empty, inZone: true, founded: '2023-03-01', employees: 30, revenue: 800, rdShare: 8, qualifications: ['科技型中小企业'], inventionPatents: 2, otherIp: 3, financingNeed: true },
      today,
    )
    const fit = res.fits.map((f) => f.policy.id)
    expect(fit).toEqual(expect.arrayContaining(['kechuang', 'keji-bank', 'ip-pledge', 'rd-deduction', 'zjtx-ln']))
    const hte = res.nearMisses.find((n) => n.policy.id === 'hte-tax')
    expect(hte?.missing).toEqual(['取得高新技术企业认定后可申请'])
    expect(res.estimatedTotal).toBe(res.fits.reduce((s, f) => s + (f.policy.benefit.maxAmount ?? 0), 0))
    expect(res.estimatedTotal).toBeGreaterThan(0)
    expect(res.totalIllustrative).toBe(true)
    expect(res.withoutAmount).toBe(res.fits.filter((f) => f.policy.benefit.maxAmount === undefined).length)
  })

  it('closed policies are neither fits nor near misses', () => {
    const res = matchPolicies(policies, { ...empty, inZone: true }, today)
    const all = [...res.fits, ...res.nearMisses].map((f) => f.policy.id)
    expect(all).not.toContain('kechuang-2025')
  })

  it('an empty profile fits nothing that needs anything, and sorts near misses by what is missing', () => {
    const res = matchPolicies(policies, empty, today)
    expect(res.fits).toEqual([])
    const counts = res.nearMisses.map((n) => n.missing.length)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
  })
})

describe('the prepared day view gives the same answer as the plain call', () => {
  it('on the synthetic set', () => {
    const policies = syntheticPolicies(300, 3, today)
    const catalog = buildCatalog('t', [], policies)
    const profile: MatchProfile = { ...empty, inZone: true, founded: '2022-01-01', revenue: 5000, rdShare: 4, qualifications: ['科技型中小企业', '高新技术企业'], inventionPatents: 2 }
    const plain = matchPolicies(policies, profile, today)
    expect(plain.fits.length).toBeGreaterThan(3)
    expect(matchPolicies(policies, profile, today, catalog.dayView(today))).toEqual(plain)
  })
})
