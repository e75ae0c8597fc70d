// The console edits one company or policy as one spreadsheet row: a record written out as a row and
// read back through the import's own parser must come back unchanged, or an edit would lose data.
import { readExhibitFile } from '../store/seed'
import { COMPANY_HEADERS, POLICY_HEADERS, companyToRow, parseCompanyRows, parsePolicyRows, policyToRow } from './import'
import { readCompanies, readPolicies } from './seed'

const exhibits = new Map(readExhibitFile().exhibits.map((e) => [e.code, e.name]))

describe('a record as one import row', () => {
  test('every seed company survives row → parse unchanged', () => {
    for (const company of readCompanies()) {
      const res = parseCompanyRows(COMPANY_HEADERS, [companyToRow(company)], exhibits)
      expect(res).toEqual({ ok: true, records: [JSON.parse(JSON.stringify(company))] })
    }
  })

  test('every seed policy, rules included, survives row → parse unchanged', () => {
    for (const policy of readPolicies()) {
      const res = parsePolicyRows(POLICY_HEADERS, [policyToRow(policy)])
      expect(res).toEqual({ ok: true, records: [JSON.parse(JSON.stringify(policy))] })
    }
  })

  test('an edited row with a bad industry is refused with the import’s own message, naming the column', () => {
    const row = { ...companyToRow(readCompanies()[0]), 行业: '餐饮' }
    const res = parseCompanyRows(COMPANY_HEADERS, [row], exhibits)
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.errors).toEqual([expect.objectContaining({ row: 2, column: '行业', message: expect.stringContaining('行业只能是') })])
  })
})

describe('English beside the Chinese', () => {
  const mingyun = () => readCompanies().find((c) => c.id === 'mingyun')!

  test('the seeds carry English for every company and policy, marked as not reviewed by the zone office', () => {
    expect(readCompanies().filter((c) => !c.nameEn || !c.profileEn || c.translationEn !== 'machine')).toEqual([])
    expect(readPolicies().filter((p) => !p.titleEn || !p.summaryEn || !p.benefit.textEn || p.translationEn !== 'machine')).toEqual([])
  })

  test('English items with commas stay one item each (one a line)', () => {
    const row = { ...companyToRow(mingyun()), 英文主要产品: 'Helmets, light\nHard hats' }
    const res = parseCompanyRows(COMPANY_HEADERS, [row], exhibits)
    expect(res.ok && res.records[0].productsEn).toEqual(['Helmets, light', 'Hard hats'])
  })

  test('English typed without saying who wrote it counts as not reviewed; 人工撰写 marks it reviewed; no English, no mark', () => {
    const bare = { ...companyToRow(mingyun()), 英文名称: '', 英文简称: '', 英文技术领域: '', 英文主要产品: '', 英文简介: '', 英文地址: '', 英文来源说明: '', 英文译文: '' }
    const parse = (row: Record<string, string>) => {
      const res = parseCompanyRows(COMPANY_HEADERS, [row], exhibits)
      if (!res.ok) throw new Error(JSON.stringify(res.errors))
      return res.records[0]
    }
    expect(parse(bare)).not.toHaveProperty('translationEn')
    expect(parse(bare)).not.toHaveProperty('nameEn')
    expect(parse({ ...bare, 英文名称: 'Mingyun' }).translationEn).toBe('machine')
    expect(parse({ ...bare, 英文名称: 'Mingyun', 英文译文: '人工撰写' }).translationEn).toBe('written')
    const refused = parseCompanyRows(COMPANY_HEADERS, [{ ...bare, 英文译文: '谷歌' }], exhibits)
    expect(refused.ok === false && refused.errors).toEqual([expect.objectContaining({ column: '英文译文', message: expect.stringContaining('英文来源只能是') })])
  })
})
