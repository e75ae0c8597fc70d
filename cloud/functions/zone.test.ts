import type { Company, CompanySummary, MatchResult, Page, PolicySummary, PolicyWithStatus, ZoneChart } from '../contracts/zone'
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
    expect(company.exhibits).toEqual([{ code: 'vanadium', name: '全钒液流储能电池' }])
    const res = await dispatch(zone, { action: 'getCompany', id: 'nobody' }, contextFor(env.store, { openid: null }))
    expect(res).toMatchObject({ ok: false, error: { code: 'COMPANY_NOT_FOUND' } })
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

  it('lists up to 3 open policies behind a company, that its industry and qualifications fit', async () => {
    const { company } = await call<{ company: Company }>({ action: 'getCompany', id: 'rongke' })
    const { policies } = await call<{ policies: PolicySummary[] }>({ action: 'policiesFor', companyId: 'rongke' })
    expect(policies.length).toBeGreaterThan(0)
    expect(policies.length).toBeLessThanOrEqual(3)
    expect(policies.every((p) => p.status !== 'closed')).toBe(true)
    // The same policies the calculator names as fits for that company's profile.
    const matched = await call<MatchResult>({ action: 'match', profile: { inZone: true, financingNeed: false, talent: [], industry: company.industry, qualifications: company.qualifications } })
    const fitIds = matched.fits.map((f) => f.policy.id)
    expect(policies.every((p) => fitIds.includes(p.id))).toBe(true)
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
