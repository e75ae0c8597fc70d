import type { Company, Policy } from '../contracts/zone'
import { buildCatalog } from './catalog'
import { companyNames, relatedPolicies } from './related'

const company = (extra: Partial<Company> = {}): Company => ({
  id: 'c', name: '大连测试储能技术有限公司', industry: '洁净能源', fields: [], products: [], qualifications: [], profile: '', exhibits: [], source: 'article', ...extra,
})
const policy = (id: string, extra: Partial<Policy> = {}): Policy => ({
  id, title: `政策${id}`, level: '区', kinds: ['资金补贴'], audiences: ['各类企业'], summary: '摘要', conditions: [], benefit: { text: '支持' },
  materials: [], howToApply: '线上', where: '政务中心', issuer: '管委会', sourceNote: '测试', source: 'illustrative', ...extra,
})
const related = (c: Company, policies: Policy[]) => {
  const catalog = buildCatalog('t', [c], policies)
  return relatedPolicies(c, catalog.policyList, catalog.dayView('2026-06-01')).map((p) => [p.id, p.why.kind, p.why.value])
}

describe('related policies follow the company and say why', () => {
  it('reads the names a policy text may use for a company', () => {
    expect(companyNames({ name: '大连融科储能技术发展有限公司' })).toEqual(['融科储能技术发展', '融科储能'])
    expect(companyNames({ name: '大连铭云科技有限公司', shortName: '铭云科技' })).toContain('铭云科技')
  })

  it('ranks a policy naming the company first, then its industry, then the rarest qualification it holds, then any company', () => {
    const c = company({ qualifications: ['高新技术企业', '专精特新小巨人'] })
    const list = related(c, [
      policy('any'),
      policy('hte', { rules: [{ type: 'hasQualification', anyOf: ['高新技术企业'], label: '高企', missing: '' }] }),
      policy('zjtx', { audiences: ['专精特新企业'] }),
      policy('energy', { rules: [{ type: 'industry', anyOf: ['洁净能源'], label: '能源', missing: '' }] }),
      policy('named', { summary: '已支持测试储能等企业' }),
    ])
    expect(list).toEqual([
      ['named', 'named', '测试储能'],
      ['energy', 'industry', '洁净能源'],
      ['zjtx', 'audience', '专精特新企业'],
    ])
  })

  it('leaves out what the company cannot apply for: another industry, a qualification it lacks, a tier it has passed', () => {
    const c = company({ qualifications: ['瞪羚企业'] })
    const list = related(c, [
      policy('ict', { rules: [{ type: 'industry', anyOf: ['信息技术'], label: '', missing: '' }] }),
      policy('hte', { rules: [{ type: 'hasQualification', anyOf: ['高新技术企业'], label: '', missing: '' }] }),
      policy('chuying', { rules: [{ type: 'lacksQualification', anyOf: ['雏鹰企业'], label: '', missing: '' }] }),
      policy('closed', { validTo: '2026-01-01' }),
      policy('any'),
    ])
    expect(list).toEqual([['any', 'anyCompany', '各类企业']])
  })

  it('gives each reason\'s value in English when there is one: the company\'s English name, a qualification\'s label', () => {
    const c = company({ name: '大连铭云科技有限公司', shortName: '铭云科技', shortNameEn: 'Mingyun', qualifications: ['瞪羚企业'] })
    const catalog = buildCatalog('t', [c], [policy('named', { summary: '支持铭云科技' }), policy('gazelle', { rules: [{ type: 'hasQualification', anyOf: ['瞪羚企业'], label: '瞪羚', missing: '' }] }), policy('any')])
    const whys = relatedPolicies(c, catalog.policyList, catalog.dayView('2026-06-01')).map((p) => p.why)
    expect(whys).toEqual([
      { kind: 'named', value: '铭云科技', valueEn: 'Mingyun' },
      { kind: 'qualification', value: '瞪羚企业', valueEn: 'Gazelle' },
      { kind: 'anyCompany', value: '各类企业' },
    ])
  })
})
