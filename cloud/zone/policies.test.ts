import type { Policy } from '../contracts/zone'
import { buildPolicyIndex, closesOn, policyStatus, searchPolicies } from './policies'
import { readPolicies } from './seed'
import { shanghaiDate } from './text'

const policy = (id: string, extra: Partial<Policy> = {}): Policy => ({
  id,
  title: `政策${id}`,
  level: '区',
  kinds: ['资金补贴'],
  audiences: ['初创企业'],
  summary: '摘要',
  conditions: [],
  benefit: { text: '支持' },
  materials: [],
  howToApply: '线上',
  where: '政务中心',
  issuer: '管委会',
  sourceNote: '测试',
  source: 'illustrative',
  ...extra,
})

describe('policy status by Asia/Shanghai date', () => {
  const today = '2026-06-01'
  it('is open with no dates (常年受理)', () => expect(policyStatus(policy('a'), today)).toBe('open'))
  it('is closing when the window closes within 30 days, including today', () => {
    expect(policyStatus(policy('a', { window: { closes: '2026-07-01' } }), today)).toBe('closing')
    expect(policyStatus(policy('a', { window: { closes: '2026-06-01' } }), today)).toBe('closing')
    expect(policyStatus(policy('a', { window: { closes: '2026-07-02' } }), today)).toBe('open')
  })
  it('is closed after the window or the validity ends', () => {
    expect(policyStatus(policy('a', { window: { closes: '2026-05-31' } }), today)).toBe('closed')
    expect(policyStatus(policy('a', { validTo: '2026-05-31' }), today)).toBe('closed')
  })
  it('is upcoming before the window opens or the policy takes effect', () => {
    expect(policyStatus(policy('a', { window: { opens: '2026-06-02' } }), today)).toBe('upcoming')
    expect(policyStatus(policy('a', { validFrom: '2026-06-02' }), today)).toBe('upcoming')
  })
  it('closes on the earlier of window close and validity end', () => {
    expect(closesOn(policy('a', { validTo: '2026-08-01', window: { closes: '2026-09-01' } }))).toBe('2026-08-01')
  })
  it('counts days in Shanghai whatever the server zone', () => {
    expect(shanghaiDate(new Date('2026-05-31T16:30:00Z'))).toBe('2026-06-01')
    expect(shanghaiDate(new Date('2026-05-31T15:59:00Z'))).toBe('2026-05-31')
  })
})

describe('policy search and filters', () => {
  const today = '2026-06-01'
  const index = buildPolicyIndex([
    policy('p1', { title: '科技银行授信', level: '区', kinds: ['融资'], audiences: ['高新技术企业'] }),
    policy('p2', { title: '专利质押贷款贴息', shortTitle: '知识产权质押融资', level: '市', kinds: ['融资', '知识产权'], window: { closes: '2026-06-10' } }),
    policy('p3', { title: '研发补助', level: '省', summary: '对科技银行贷款企业的研发补助', window: { closes: '2026-01-01' } }),
    policy('p4', { title: '普惠政策', audiences: ['各类企业'], window: { opens: '2026-09-01' } }),
  ])
  const ids = (q: Parameters<typeof searchPolicies>[1]) => searchPolicies(index, q, today).items.map((p) => p.id)

  it('ranks title matches before matches in other text', () => {
    expect(ids({ q: '科技银行' })).toEqual(['p1', 'p3'])
  })
  it('matches short titles and pinyin initials', () => {
    expect(ids({ q: '质押融资' })).toEqual(['p2'])
    expect(ids({ q: 'zlzydktx' })).toEqual(['p2'])
  })
  it('filters by level, kind and audience (各类企业 admits everyone)', () => {
    expect(ids({ level: '市' })).toEqual(['p2'])
    expect(ids({ kind: '融资' }).sort()).toEqual(['p1', 'p2'])
    expect(ids({ audience: '高新技术企业' }).sort()).toEqual(['p1', 'p4'])
  })
  it('filters by status: open includes closing; closing; closed', () => {
    expect(ids({ status: 'open' })).toEqual(['p2', 'p1'])
    expect(ids({ status: 'closing' })).toEqual(['p2'])
    expect(ids({ status: 'closed' })).toEqual(['p3'])
  })
  it('lists closing first and closed last without a query', () => {
    expect(ids({})).toEqual(['p2', 'p1', 'p4', 'p3'])
  })
  it('reports the status and closing date in each summary', () => {
    expect(searchPolicies(index, { q: '贴息' }, today).items[0]).toMatchObject({ status: 'closing', closes: '2026-06-10' })
  })
})

describe('seed policies', () => {
  const policies = readPolicies()
  it('include every policy the article names, and the documents named in the brief', () => {
    const titles = policies.map((p) => `${p.title} ${p.shortTitle ?? ''} ${p.docNumber ?? ''}`).join('\n')
    for (const name of ['科创工程', '海创工程', '专精特新', '科技银行', '知识产权质押融资', '上海技术交易所大连服务中心', '科技成果转化中心', '大政发〔2024〕23号', '瞪羚', '雏鹰', '独角兽'])
      expect(titles).toContain(name)
  })
  it('mark what is not from a cited source: illustrative records or fields', () => {
    for (const p of policies) {
      if (p.source === 'article') expect(p.illustrative?.length).toBeGreaterThan(0)
      if (p.benefit.maxAmount !== undefined && p.source !== 'illustrative') expect(p.illustrative).toContain('benefit')
    }
  })
})
