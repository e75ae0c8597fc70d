import type { Company } from '../contracts/zone'
import fc from 'fast-check'
import { syntheticCompanies } from '../../bench/synthetic'
import { buildCompanyIndex, searchCompanies } from './companies'
import { readCompanies } from './seed'
import { normalize, pinyinKeys, pinyinKeysOf } from './text'

const company = (id: string, name: string, extra: Partial<Company> = {}): Company => ({
  id,
  name,
  industry: '其他',
  fields: [],
  products: [],
  qualifications: [],
  profile: '简介',
  exhibits: [],
  source: 'illustrative',
  ...extra,
})

describe('text keys', () => {
  it('normalizes width, case, spaces and punctuation', () => {
    expect(normalize(' ＲＫ-cn（融科） ')).toBe('rkcn融科')
  })
  it('gives full pinyin and initials', () => {
    expect(pinyinKeys('融科储能')).toEqual({ full: 'rongkechuneng', initials: 'rkcn' })
    expect(pinyinKeys('Glink板卡').initials).toBe('glinkbk')
  })
  it('takes the keys of part of a text from the whole text, as they would be on their own', () => {
    const name = normalize('航天新长征大道Glink板卡')
    expect(pinyinKeysOf(name).keys(2, 5)).toEqual(pinyinKeys('新长征'))
    expect(pinyinKeysOf(name).keys(7, 14)).toEqual({ full: 'glinkbanka', initials: 'glinkbk' })
    for (const c of readCompanies().filter((c) => c.shortName && c.name.includes(c.shortName))) {
      const at = normalize(c.name).indexOf(normalize(c.shortName!))
      expect(pinyinKeysOf(normalize(c.name)).keys(at, at + normalize(c.shortName!).length)).toEqual(pinyinKeys(c.shortName!))
    }
  })
})

describe('company search ranking', () => {
  // Each company answers the query 储能 through a different tier.
  const list = [
    company('product', '大连甲乙科技有限公司', { products: ['储能变流器'] }),
    company('pinyin', '储备能源科技', { shortName: '储备能源' }),
    company('inner', '大连储能技术有限公司'),
    company('short', '大连某某股份有限公司', { shortName: '储能' }),
    company('exact', '储能'),
    company('field', '大连丙丁有限公司', { fields: ['储能'] }),
  ]
  const index = buildCompanyIndex(list)
  const ids = (q: string, extra = {}) => searchCompanies(index, { q, ...extra }).items.map((c) => c.id)

  it('puts the exact name first, then the short name, then names containing the text, then products and fields', () => {
    expect(ids('储能')).toEqual(['exact', 'short', 'inner', 'product', 'field'])
  })

  it('ranks pinyin matches after text matches and before products', () => {
    const idx = buildCompanyIndex([
      company('prod', '甲公司', { products: ['cbny设备'] }),
      company('py', '储备能源科技'),
      company('text', 'CBNY实验室'),
    ])
    expect(searchCompanies(idx, { q: 'cbny' }).items.map((c) => c.id)).toEqual(['text', 'py', 'prod'])
  })

  it('ranks the start of a name with short names, ahead of short names that only contain the text', () => {
    const idx = buildCompanyIndex([
      company('inside', '大连甲科技有限公司', { shortName: '大融科储' }),
      company('starts', '融科储能'),
      company('later', '大连融科有限公司'),
    ])
    expect(searchCompanies(idx, { q: '融科' }).items.map((c) => c.id)).toEqual(['starts', 'inside', 'later'])
  })

  it('finds a name that sounds like the query, after every company that matches its characters', () => {
    const idx = buildCompanyIndex([company('sound', '融科储能'), company('text', '荣科储能设备厂')])
    const items = searchCompanies(idx, { q: '荣科储能' }).items
    expect(items.map((c) => c.id)).toEqual(['text', 'sound'])
    expect(items[1].matched).toBe('读音相近')
    // One character alone is not looked up by sound: 荣 would sound like half the zone.
    expect(searchCompanies(idx, { q: '容' }).total).toBe(0)
  })

  it('explains product and field hits', () => {
    const items = searchCompanies(index, { q: '变流器' }).items
    expect(items).toEqual([expect.objectContaining({ id: 'product', matched: '产品：储能变流器' })])
  })

  it('returns everything in name order when there is no query', () => {
    expect(searchCompanies(index, {}).total).toBe(list.length)
  })
})

describe('company search over the seed data', () => {
  const index = buildCompanyIndex(readCompanies())
  const names = (q: string) => searchCompanies(index, { q }).items.map((c) => c.name)

  it('finds 融科储能 by Chinese, full pinyin, initials and with a missing character', () => {
    expect(names('融科')[0]).toBe('融科储能')
    expect(names('rkcn')).toEqual(['融科储能'])
    expect(names('rongkechuneng')).toEqual(['融科储能'])
    expect(names('融科能')).toEqual(['融科储能'])
  })

  it('finds companies by short name and product', () => {
    expect(names('海天兴业')[0]).toBe('大连海天兴业科技有限公司')
    expect(names('头盔')[0]).toBe('大连铭云科技有限公司')
    expect(names('glink')[0]).toBe('航天新长征大道')
  })

  it('filters by industry and qualification, together with a query', () => {
    const dengling = searchCompanies(index, { qualification: '瞪羚企业' }).items
    expect(dengling.length).toBeGreaterThan(0)
    expect(dengling.every((c) => c.qualifications.includes('瞪羚企业'))).toBe(true)
    const energy = searchCompanies(index, { industry: '洁净能源' }).items.map((c) => c.id).sort()
    expect(energy).toEqual(['rongke', 'xinyuan'])
    expect(searchCompanies(index, { q: '新源', industry: '信息技术' }).total).toBe(0)
  })

  it('answers nothing for a query nothing matches', () => {
    expect(searchCompanies(index, { q: '不存在的公司名称' })).toMatchObject({ items: [], total: 0 })
  })
})

describe('paging on the synthetic set', () => {
  const all = syntheticCompanies(10_000)
  const index = buildCompanyIndex(all)

  it('pages without gaps or repeats and caps the page size', () => {
    const seen = new Set<string>()
    const first = searchCompanies(index, { q: '储能', pageSize: 50 })
    for (let p = 1; p <= Math.ceil(first.total / 50); p++) {
      for (const c of searchCompanies(index, { q: '储能', page: p, pageSize: 50 }).items) seen.add(c.id)
    }
    expect(seen.size).toBe(first.total)
    expect(searchCompanies(index, { pageSize: 500 }).items).toHaveLength(50)
    expect(searchCompanies(index, { page: 10_000 }).items).toEqual([])
  })

  it('filters agree with a plain scan', () => {
    const expected = all.filter((c) => c.industry === '生命健康' && c.qualifications.includes('高新技术企业')).length
    expect(searchCompanies(index, { industry: '生命健康', qualification: '高新技术企业' }).total).toBe(expected)
    expect(expected).toBeGreaterThan(0)
  })

  it('finds every company whose name, short name, product or field holds the query — whatever slice of whatever text', () => {
    // The search looks candidates up by the pairs of characters in the query; a plain scan is the
    // truth it must agree with, for slices of real texts and for text no company has.
    const sample = [...readCompanies(), ...all.slice(0, 2_000)]
    const small = buildCompanyIndex(sample)
    const texts = sample.flatMap((c) => [c.name, c.shortName ?? '', ...c.products, ...c.fields]).filter(Boolean)
    const holding = (q: string) =>
      sample.filter((c) => [c.name, c.shortName ?? '', ...c.products, ...c.fields].some((t) => t && normalize(t).includes(q))).map((c) => c.id)
    const sliceOf = fc
      .tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 6 }))
      .map(([t, from, len]) => normalize(t).slice(from % normalize(t).length).slice(0, len))
    fc.assert(
      fc.property(fc.oneof(sliceOf, fc.string({ minLength: 1, maxLength: 4 }), fc.constantFrom('𠀀', '储能𠀀', '\u0000')), (raw) => {
        const q = normalize(raw)
        fc.pre(q.length > 0)
        const found = new Set(searchCompanies(small, { q, pageSize: 50, page: 1 }).items.map((c) => c.id))
        const total = searchCompanies(small, { q }).total
        for (let p = 2; p <= Math.ceil(total / 50); p++) for (const c of searchCompanies(small, { q, pageSize: 50, page: p }).items) found.add(c.id)
        expect(holding(q).filter((id) => !found.has(id))).toEqual([])
      }),
      { numRuns: 150, seed: 12 },
    )
  })
})
