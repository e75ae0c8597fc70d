import type { Company, CompanySummary, MatchResult, Page, PolicySummary, PolicyWithStatus, RelatedPolicy, ZoneChart } from '../contracts/zone'
import { contextFor, tempSqliteStore } from '../testing/stores'
import { dispatch } from './dispatch'
import { zone } from './zone'

describe('zone function over a real SQLite file', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  beforeAll(async () => {
    env = await tempSqliteStore()
  })
  afterAll(() => env.cleanup())

  const now = new Date('2026-06-01T02:00:00Z')
  const call = async <T>(event: object): Promise<T> => {
    const res = await dispatch(zone, event, contextFor(env.store, { openid: null, now }))
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
    return res.data as T
  }

  it('searches companies without login: 融科 and rkcn find 融科储能 first', async () => {
    expect((await call<Page<CompanySummary>>({ action: 'searchCompanies', q: '融科' })).items[0].id).toBe('rongke')
    expect((await call<Page<CompanySummary>>({ action: 'searchCompanies', q: 'rkcn' })).items.map((c) => c.id)).toEqual(['rongke'])
  })

  it('filters companies by qualification and pages', async () => {
    const page = await call<Page<CompanySummary>>({ action: 'searchCompanies', qualification: '瞪羚企业', pageSize: 2 })
    expect(page.items).toHaveLength(2)
    expect(page.total).toBeGreaterThan(2)
    expect(page.items.every((c) => c.qualifications.includes('瞪羚企业'))).toBe(true)
  })

  it('opens a company with its exhibits in the museum', async () => {
    const { company } = await call<{ company: Company }>({ action: 'getCompany', id: 'rongke' })
    // The exhibit's English name comes from the exhibit itself, for the English company page.
    expect(company.exhibits).toEqual([{ code: 'vanadium', name: '全钒液流储能电池', nameEn: 'All-Vanadium Flow Battery for Energy Storage' }])
    expect(company).toMatchObject({ nameEn: 'Rongke Power', translationEn: 'machine' })
    const res = await dispatch(zone, { action: 'getCompany', id: 'nobody' }, contextFor(env.store, { openid: null }))
    expect(res).toMatchObject({ ok: false, error: { code: 'COMPANY_NOT_FOUND' } })
  })

  it('answers the English beside the Chinese: list rows, and the calculator\'s reasons index for index', async () => {
    const companies = await call<Page<CompanySummary>>({ action: 'searchCompanies', q: '融科' })
    expect(companies.items[0]).toMatchObject({ nameEn: 'Rongke Power', productsEn: ['All-vanadium flow batteries for energy storage', 'Energy storage systems'], translationEn: 'machine' })
    const policies = await call<Page<PolicySummary>>({ action: 'searchPolicies', q: '科技银行' })
    expect(policies.items[0]).toMatchObject({ titleEn: 'Credit from technology banks', benefit: { textEn: expect.stringContaining('technology banks') } })
    const match = await call<MatchResult>({ action: 'match', profile: { inZone: true, qualifications: ['高新技术企业'], talent: [], financingNeed: true } })
    const bank = match.fits.find((f) => f.policy.id === 'keji-bank')!
    expect(bank.reasonsEn).toEqual(['Registered in Dalian High-tech Zone', 'Already a tech SME or a high-tech enterprise', 'Looking for financing'])
    expect(bank.reasonsEn).toHaveLength(bank.reasons.length)
  })

  it('searches and opens a policy with its status', async () => {
    const page = await call<Page<PolicySummary>>({ action: 'searchPolicies', q: '科技银行' })
    expect(page.items[0].id).toBe('keji-bank')
    const { policy } = await call<{ policy: PolicyWithStatus }>({ action: 'getPolicy', id: 'kechuang-2025' })
    expect(policy.status).toBe('closed')
    const closed = await call<Page<PolicySummary>>({ action: 'searchPolicies', status: 'closed' })
    expect(closed.items.map((p) => p.id)).toContain('kechuang-2025')
  })

  it('matches a profile', async () => {
    const res = await call<MatchResult>({
      action: 'match',
      profile: { inZone: true, founded: '2023-01-01', qualifications: ['科技型中小企业'], talent: [], financingNeed: true, inventionPatents: 1, otherIp: 1, rdShare: 5 },
    })
    expect(res.fits.map((f) => f.policy.id)).toContain('kechuang')
    expect(res.nearMisses.map((f) => f.policy.id)).toContain('hte-tax')
  })

  it('lists up to 3 open policies behind a company, each with why it is shown, and they follow the company', async () => {
    const related = async (companyId: string) => (await call<{ policies: RelatedPolicy[] }>({ action: 'policiesFor', companyId })).policies
    const rongke = await related('rongke')
    expect(rongke.length).toBeGreaterThan(0)
    expect(rongke.length).toBeLessThanOrEqual(3)
    expect(rongke.every((p) => p.status !== 'closed' && p.why.value.length > 0)).toBe(true)
    // Each exhibit's company gets its own list, not the same two for every exhibit.
    const lists = await Promise.all(['rongke', 'mingyun', 'xinyuan', 'haitian', 'xinchangzheng', 'huabang'].map(related))
    expect(new Set(lists.map((l) => l.map((p) => p.id).join(','))).size).toBeGreaterThanOrEqual(4)
    // A policy that names the company comes first, and says so: 科创工程 names 铭云科技.
    const mingyun = await related('mingyun')
    expect(mingyun[0]).toMatchObject({ id: 'kechuang', why: { kind: 'named', value: '铭云科技' } })
    // A qualification the company holds is the reason given: 瞪羚企业 → the 潜在独角兽 tier.
    expect(mingyun).toContainEqual(expect.objectContaining({ id: 'tier-unicorn', why: { kind: 'qualification', value: '瞪羚企业', valueEn: 'Gazelle' } }))
    // A tier the company has already passed is not offered (海天兴业 is already 雏鹰).
    expect((await related('haitian')).map((p) => p.id)).not.toContain('tier-chuying')
    const res = await dispatch(zone, { action: 'policiesFor', companyId: 'nobody' }, contextFor(env.store, { openid: null, now }))
    expect(res).toMatchObject({ ok: false, error: { code: 'COMPANY_NOT_FOUND' } })
  })

  it('gives the figures with year and source', async () => {
    const { charts } = await call<{ charts: ZoneChart[] }>({ action: 'figures' })
    const values = charts.flatMap((c) => c.figures.map((f) => f.value))
    expect(values).toEqual(expect.arrayContaining([2193, 1290, 653, 75, 8, 28, 18, 63, 40, 11, 61, 13, 5.92, 300, 30, 230]))
    expect(charts.every((c) => c.year && c.source)).toBe(true)
  })

  it('refuses bad requests with Chinese field messages', async () => {
    const bad = await dispatch(zone, { action: 'searchCompanies', qualification: '超级企业' }, contextFor(env.store, { openid: null }))
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { qualification: '资质不在可选范围内' } } })
    const neg = await dispatch(zone, { action: 'match', profile: { inZone: true, qualifications: [], talent: [], financingNeed: false, employees: -1 } }, contextFor(env.store, { openid: null }))
    expect(neg).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { 'profile.employees': '职工人数不能为负数' } } })
  })

  it('rebuilds its index when the data changes, and only then', async () => {
    const before = await env.store.zone.version()
    await call({ action: 'searchCompanies', q: '融科' })
    expect(await env.store.zone.version()).toBe(before)
    const companies = await env.store.zone.listCompanies()
    await env.store.zone.replaceCompanies([...companies, { ...companies[0], id: 'newco', name: '新来的量子科技', shortName: undefined, exhibits: [] }])
    expect(await env.store.zone.version()).not.toBe(before)
    expect((await call<Page<CompanySummary>>({ action: 'searchCompanies', q: 'lzkj' })).items.map((c) => c.id)).toEqual(['newco'])
  })
})
