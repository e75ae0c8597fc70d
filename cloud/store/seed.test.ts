import { readExhibitFile, toExhibits } from './seed'
import { ExhibitFileSchema } from '../exhibits/schema'

describe('seed content from the article', () => {
  const file = readExhibitFile()
  const byCode = new Map(toExhibits(file).map((e) => [e.code, e]))

  it('has every exhibit the article names, with its company', () => {
    const expected: Record<string, string> = {
      helmet: '铭云科技',
      vanadium: '融科储能',
      fuelcell: '新源动力',
      purifier: '华邦化学',
      glink: '航天新长征大道',
      traindoor: '海天兴业',
    }
    for (const [code, company] of Object.entries(expected)) {
      expect(byCode.get(code)?.company.name).toContain(company)
    }
  })

  it('keeps the article figures as the article states them', () => {
    const text = (code: string) => JSON.stringify(byCode.get(code))
    expect(text('helmet')).toMatch(/4倍[\s\S]*3倍[\s\S]*700克/)
    expect(text('fuelcell')).toMatch(/1300台[\s\S]*12个/)
    expect(text('glink')).toContain('超3亿元')
    expect(text('traindoor')).toMatch(/20多个国家和地区[\s\S]*1\.5亿元/)
  })

  it('marks the halls it invented as illustrative', () => {
    expect(file.halls.every((h) => h.source === 'illustrative')).toBe(true)
  })

  it('rejects a file whose exhibit points at a missing hall or repeats a code', () => {
    const broken = { ...file, exhibits: [...file.exhibits, { ...file.exhibits[0] }, { ...file.exhibits[1], code: 'x1', hallId: 'nowhere' }] }
    const res = ExhibitFileSchema.safeParse(broken)
    expect(res.success).toBe(false)
    const messages = res.success ? [] : res.error.issues.map((i) => i.message)
    expect(messages).toEqual(expect.arrayContaining(['展品编号 helmet 重复', '展区 nowhere 不存在']))
  })

  it('has every exhibit and hall in English too, with the translation marked as machine-made or written', () => {
    for (const e of toExhibits(file)) {
      expect({ code: e.code, nameEn: Boolean(e.nameEn), summaryEn: Boolean(e.summaryEn), originEn: e.origin ? Boolean(e.originEn) : true, companyEn: Boolean(e.companyEn), imageAltEn: Boolean(e.imageAltEn) }).toEqual({
        code: e.code, nameEn: true, summaryEn: true, originEn: true, companyEn: true, imageAltEn: true,
      })
      expect(e.figuresEn?.length).toBe(e.figures.length)
      expect(['machine', 'written']).toContain(e.translationEn)
      expect(e.hallEn).toBeTruthy()
      expect(e.audio?.zh && e.audio?.en).toBeTruthy()
    }
    for (const h of file.halls) expect(h.nameEn && h.introEn).toBeTruthy()
  })

  it('places every exhibit on an illustrative plan inside its hall', () => {
    const halls = new Map(file.halls.map((h) => [h.id, h]))
    for (const e of file.exhibits) {
      const r = halls.get(e.hallId)!.plan!
      expect(e.plan!.x).toBeGreaterThanOrEqual(r.x)
      expect(e.plan!.x).toBeLessThanOrEqual(r.x + r.w)
      expect(e.plan!.y).toBeGreaterThanOrEqual(r.y)
      expect(e.plan!.y).toBeLessThanOrEqual(r.y + r.h)
    }
    expect((file as { plans?: { source?: string } }).plans?.source).toBe('illustrative')
  })
})
