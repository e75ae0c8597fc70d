import { readExhibitFile } from '../store/seed'
import { isIllustrative } from '../contracts/zone'
import { readCharts, readCompanies, readPolicies } from './seed'

describe('zone seed data from the article', () => {
  const companies = readCompanies()
  const byId = new Map(companies.map((c) => [c.id, c]))

  it('has every company the article names', () => {
    const names = companies.map((c) => `${c.name} ${c.shortName ?? ''}`).join('\n')
    for (const n of ['铭云科技', '融科储能', '新源动力', '华邦化学', '航天新长征大道', '海天兴业', '厚仁教育', '英特仿真', '润新微电子', '遨海科技']) expect(names).toContain(n)
  })

  it('links each exhibit to its company, with the ids the exhibits already use', () => {
    const exhibits = readExhibitFile().exhibits
    for (const e of exhibits) {
      const company = byId.get(e.company.id ?? '')
      expect(company?.exhibits.map((x) => x.code)).toContain(e.code)
    }
    const codes = new Set(exhibits.map((e) => e.code))
    for (const c of companies) for (const e of c.exhibits) expect(codes.has(e.code)).toBe(true)
  })

  it('marks what the article does not say (qualifications, contacts) as illustrative', () => {
    for (const c of companies) {
      expect(c.source === 'illustrative' || c.illustrative?.includes('qualifications')).toBe(true)
      if (c.contact) expect(c.illustrative).toContain('contact')
    }
  })

  it('says 示意 once: a value the page already marks with the 示意 chip carries no inline 示意 of its own', () => {
    // The chip comes from `source`/`illustrative`; an inline "（示意）" in the value would show the
    // visitor the same mark twice (e.g. 联系方式 [示意] 地址：大连高新技术产业园区（示意）).
    const doubled: string[] = []
    for (const record of [...companies, ...readPolicies()]) {
      for (const [field, value] of Object.entries(record)) {
        if (field === 'sourceNote' || !isIllustrative(record, field)) continue
        if (JSON.stringify(value).includes('示意')) doubled.push(`${record.id}.${field}`)
      }
    }
    // An illustrative exhibit shows 「本展品介绍为示意内容」; its alt text names a drawing (示意图), which is not a mark.
    for (const e of readExhibitFile().exhibits.filter((x) => x.source === 'illustrative')) {
      for (const [field, value] of Object.entries(e)) {
        if (!/^(imageAlt|imageAltEn|sourceNote)$/.test(field) && JSON.stringify(value).includes('示意')) doubled.push(`${e.code}.${field}`)
      }
    }
    expect(doubled).toEqual([])
  })

  it('keeps the article figures as the article states them, with year and source', () => {
    const figures = Object.fromEntries(readCharts().flatMap((c) => c.figures.map((f) => [`${c.id}.${f.id}`, `${f.qualifier ?? ''}${f.value}${f.unit}`])))
    expect(figures).toMatchObject({
      'tiers.tsme': '2193家',
      'tiers.hte': '1290家',
      'tiers.chuying': '653家',
      'tiers.dengling': '75家',
      'tiers.unicorn': '8家',
      'zjtx.national': '8家',
      'zjtx.giant': '28家',
      'zjtx.sme': '18家',
      'zjtx.product': '63家',
      'platforms.incubators': '近40家',
      'platforms.rd-orgs': '13家',
      'platforms.alliances': '余300个',
      'platforms.typical': '30个',
      'platforms.labs': '余230个',
      'platforms.projects': '余300个',
      'finance.banks': '11家',
      'finance.credit': '61亿元',
      'rd.intensity': '5.92%',
    })
    expect(readCharts().find((c) => c.id === 'rd')?.year).toBe('2021年度')
    expect(readCharts().every((c) => c.sourceKind === 'article')).toBe(true)
  })

  it('gives a document number only where the document is cited', () => {
    for (const p of readPolicies()) if (p.docNumber) expect(p.source).toBe('document')
  })
})
