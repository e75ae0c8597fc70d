// Search quality: 30 queries a visitor might type, each labelled with the company they mean,
// against the real companies plus the 10,000-company synthetic set (names built from the same
// characters as the real ones, so they compete for every query). The bar: at least 28 ranked
// first, all 30 in the top 3.
import { syntheticCompanies, syntheticPolicies } from '../../bench/synthetic'
import { buildCompanyIndex, searchCompanies } from './companies'
import { buildPolicyIndex, searchPolicies } from './policies'
import { readCompanies, readPolicies } from './seed'

const LABELLED: Array<[kind: string, query: string, id: string]> = [
  ['name', '融科储能', 'rongke'],
  ['name', '新源动力', 'xinyuan'],
  ['name', '大连铭云科技有限公司', 'mingyun'],
  ['name', '海天兴业', 'haitian'],
  ['name', '厚仁教育', 'houren'],
  ['partial name', '融科', 'rongke'],
  ['partial name', '新源', 'xinyuan'],
  ['partial name', '铭云', 'mingyun'],
  ['partial name', '润新', 'runxin'],
  ['partial name', '英特', 'yingte'],
  ['full pinyin', 'rongkechuneng', 'rongke'],
  ['full pinyin', 'xin yuan dong li', 'xinyuan'],
  ['full pinyin', 'mingyunkeji', 'mingyun'],
  ['full pinyin', 'aohaikeji', 'aohai'],
  ['initials', 'rkcn', 'rongke'],
  ['initials', 'xydl', 'xinyuan'],
  ['initials', 'hbhx', 'huabang'],
  ['initials', 'ytfz', 'yingte'],
  ['product', '全钒液流', 'rongke'],
  ['product', '水下机器人', 'aohai'],
  ['product', '功率半导体', 'runxin'],
  ['product', '膜电极', 'xinyuan'],
  ['one missing character', '融科能', 'rongke'],
  ['one missing character', '海天业', 'haitian'],
  ['one missing character', '润微电子', 'runxin'],
  ['homophone', '荣科储能', 'rongke'],
  ['homophone', '新元动力', 'xinyuan'],
  ['homophone', '名云科技', 'mingyun'],
  ['mixed case', 'RKCN', 'rongke'],
  ['mixed case', 'GLink', 'xinchangzheng'],
]

describe('company search quality on real + 10,000 synthetic companies', () => {
  const index = buildCompanyIndex([...readCompanies(), ...syntheticCompanies(10_000)])
  const results = LABELLED.map(([kind, q, id]) => {
    const ids = searchCompanies(index, { q, pageSize: 10 }).items.map((c) => c.id)
    return { kind, q, id, rank: ids.indexOf(id) + 1, top: ids.slice(0, 3) }
  })

  it('ranks the meant company first for at least 28 of 30 queries, and in the top 3 for all', () => {
    const notFirst = results.filter((r) => r.rank !== 1)
    const notTop3 = results.filter((r) => r.rank < 1 || r.rank > 3)
    expect({ notFirst: notFirst.length <= 2 ? [] : notFirst, notTop3 }).toEqual({ notFirst: [], notTop3: [] })
  })

  it('finds a real company by its name prefix ahead of synthetic short names (融科 → 融科储能)', () => {
    expect(searchCompanies(index, { q: '融科' }).items[0].name).toBe('融科储能')
  })

  it('finds homophone typos by their pinyin', () => {
    expect(searchCompanies(index, { q: '荣科储能' }).items[0].name).toBe('融科储能')
    expect(searchCompanies(index, { q: 'xin yuan dong li' }).items[0].name).toBe('新源动力')
  })
})

// Policy search by what a visitor wants rather than the words a policy uses: categories (补贴 is
// written 资金补贴, 奖励, 资助…) and audiences (人才 is written 海外人才, 引才, 海创…), through the
// synonym list in data/search-synonyms.json. Each query is labelled with a policy it must find (in
// the top 5), against the real policies plus 2,000 synthetic ones.
const POLICY_LABELLED: Array<[kind: string, query: string, id: string]> = [
  ['category + audience', '人才补贴', 'haichuang'],
  ['audience synonym', '引才', 'haichuang'],
  ['audience synonym', '海外高层次人才', 'haichuang'],
  ['category synonym', '创业补助', 'kechuang'],
  ['category synonym', '减税', 'hte-tax'],
  ['category synonym', '专利贷款', 'ip-pledge'],
  ['category synonym', '高企奖励', 'hte-award'],
  ['category synonym', '研发减税', 'rd-deduction'],
  ['literal', '海创工程', 'haichuang'],
  ['literal', '科技银行', 'keji-bank'],
]

describe('policy search understands categories and audiences (real + 2,000 synthetic policies)', () => {
  const TODAY = '2026-06-01'
  const index = buildPolicyIndex([...readPolicies(), ...syntheticPolicies(2_000, 7, TODAY)])
  const results = POLICY_LABELLED.map(([kind, q, id]) => {
    const ids = searchPolicies(index, { q, pageSize: 50 }, TODAY).items.map((p) => p.id)
    return { kind, q, id, rank: ids.indexOf(id) + 1 }
  })

  it('finds the meant policy in the top 5 for every labelled query', () => {
    expect(results.filter((r) => r.rank < 1 || r.rank > 5)).toEqual([])
  })

  it('人才补贴 finds 海创工程 (tagged 人才 and 资金补贴), first among the real policies', () => {
    const real = new Set(readPolicies().map((p) => p.id))
    const ids = searchPolicies(index, { q: '人才补贴', pageSize: 50 }, TODAY).items.map((p) => p.id).filter((id) => real.has(id))
    expect(ids[0]).toBe('haichuang')
  })

  it('ranks a literal match ahead of a synonym match, and a query of unknown words still finds nothing', () => {
    const small = buildPolicyIndex(readPolicies())
    expect(searchPolicies(small, { q: '海创工程' }, TODAY).items[0].id).toBe('haichuang')
    expect(searchPolicies(small, { q: '火星移民补贴' }, TODAY).total).toBe(0)
  })
})
