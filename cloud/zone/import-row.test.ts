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
