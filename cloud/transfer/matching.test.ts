// Matching on a small labelled set: for each need, which result a transfer officer would put first,
// and which must never be first (another field, or a TRL below what the need asks).
import type { TransferNeed, TransferResult } from '../contracts/transfer'
import { readCompanies } from '../zone/seed'
import { readTransferFile } from './seed'
import { companiesForResult, needsForResult, resultsForNeed } from './matching'

const result = (id: string, over: Partial<TransferResult>): TransferResult => ({
  id,
  title: id,
  field: '智能制造',
  kind: '发明专利',
  trl: 6,
  owner: '示意：高校',
  coOwners: [],
  ip: [],
  indicators: [],
  modes: ['许可'],
  priceMode: '面议',
  summary: '',
  keywords: [],
  policyIds: [],
  source: 'illustrative',
  ...over,
})

const need = (over: Partial<TransferNeed>): Pick<TransferNeed, 'title' | 'problem' | 'keywords' | 'field' | 'targetTrl'> => ({ title: '', problem: '', keywords: [], field: '智能制造', targetTrl: 5, ...over })

// The labelled set: each result as an officer would read it.
const RESULTS = [
  result('door-mature', { title: '塞拉门控制系统', field: '智能制造', trl: 8, keywords: ['塞拉门', '轨道交通', '嵌入式'] }),
  // Shares more words with the door need than anything, but is far from ready.
  result('door-early', { title: '塞拉门控制新原理', field: '智能制造', trl: 3, keywords: ['塞拉门', '轨道交通', '嵌入式', '列车', '控制器', '地铁'] }),
  // Mature and full of the same words, but another field.
  result('door-elsewhere', { title: '车载门控软件', field: '车联网', trl: 9, keywords: ['塞拉门', '轨道交通', '嵌入式', '列车', '控制器'] }),
  result('membrane', { title: '膜电极催化层', field: '洁净能源', trl: 5, keywords: ['膜电极', '燃料电池'] }),
  result('unrelated', { title: '基因检测试剂', field: '生命健康', trl: 9, keywords: ['基因', '检测'] }),
]

const LABELLED: Array<{ need: ReturnType<typeof need>; first: string; neverFirst: string[]; absent: string[] }> = [
  {
    need: need({ title: '地铁列车塞拉门控制器国产化', problem: '需要可集成到嵌入式平台的塞拉门控制器', keywords: ['塞拉门', '嵌入式', '地铁'], field: '智能制造', targetTrl: 6 }),
    first: 'door-mature',
    neverFirst: ['door-early', 'door-elsewhere'],
    absent: ['unrelated', 'membrane'],
  },
  {
    need: need({ title: '燃料电池膜电极放大', problem: '膜电极工艺放大到中试', keywords: ['膜电极'], field: '洁净能源', targetTrl: 4 }),
    first: 'membrane',
    neverFirst: [],
    absent: ['unrelated', 'door-mature'],
  },
  {
    // Only gapped candidates: they are still listed (with their gaps), ranked among themselves.
    need: need({ title: '车门控制', problem: '塞拉门', keywords: ['塞拉门'], field: '新材料', targetTrl: 9 }),
    first: 'door-elsewhere',
    neverFirst: [],
    absent: ['unrelated'],
  },
]

describe('resultsForNeed on the labelled set', () => {
  it.each(LABELLED.map((l) => [l.need.title, l]))('%s', (_title, l) => {
    const ranked = resultsForNeed(l.need, RESULTS)
    expect(ranked[0]?.id).toBe(l.first)
    for (const id of l.neverFirst) expect(ranked[0]?.id).not.toBe(id)
    for (const id of l.absent) expect(ranked.map((m) => m.id)).not.toContain(id)
  })

  it('says why, and names the gap: a TRL below the need, another field', () => {
    const ranked = resultsForNeed(LABELLED[0].need, RESULTS)
    const byId = Object.fromEntries(ranked.map((m) => [m.id, m]))
    expect(byId['door-mature'].reasons).toEqual(expect.arrayContaining(['同属领域：智能制造', expect.stringMatching(/^关键词：.*塞拉门/), '成熟度 TRL 8 达到需求的 TRL 6']))
    expect(byId['door-mature'].gaps).toEqual([])
    expect(byId['door-early'].gaps).toEqual([expect.stringContaining('成熟度不足：TRL 3')])
    expect(byId['door-elsewhere'].gaps).toEqual([expect.stringContaining('领域不同')])
    // The higher-scoring but gapped ones come after every match without a gap.
    expect(byId['door-early'].score).toBeGreaterThan(byId['door-mature'].score)
    expect(ranked.findIndex((m) => m.gaps.length > 0)).toBeGreaterThan(ranked.findIndex((m) => m.gaps.length === 0))
  })
})

describe('matching the seed', () => {
  const file = readTransferFile()
  const traindoor = file.results.find((r) => r.id === 'traindoor')!

  it('puts the illustrative door need first for the train-door result, and the membrane need nowhere', () => {
    const ranked = needsForResult(traindoor, file.needs)
    expect(ranked.map((m) => m.id)).toEqual(['demo-need-door'])
  })

  it('names 海天兴业 first among companies for the train-door result, because it took it up', () => {
    const ranked = companiesForResult(traindoor, readCompanies())
    expect(ranked[0]).toMatchObject({ id: 'haitian', reasons: expect.arrayContaining(['已通过技术交易引入该成果']) })
    expect(ranked.every((m) => m.id === 'haitian' || m.reasons.length > 0)).toBe(true)
  })
})
