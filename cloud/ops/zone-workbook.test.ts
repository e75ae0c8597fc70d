// The console's export is the import's own sheet: exported and read back through the import, every
// company and policy comes back as it was — the English beside the Chinese included.
import { readExhibitFile } from '../store/seed'
import { COMPANY_HEADERS, POLICY_HEADERS, companyToRow, parseCompanyRows, parsePolicyRows, policyToRow } from '../zone/import'
import { readCompanies, readPolicies } from '../zone/seed'
import { readSheet } from '../zone/spreadsheet'
import { zoneWorkbook } from './zone-workbook'

const exhibits = new Map(readExhibitFile().exhibits.map((e) => [e.code, e.name]))
// A worker thread reads each sheet; on a loaded machine that takes seconds.
jest.setTimeout(60_000)

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x))

test('companies: export → import gives the same records, English included', async () => {
  const file = await zoneWorkbook('companies', readCompanies().map(companyToRow))
  const sheet = await readSheet({ name: 'companies.xlsx', data: file })
  if (!sheet.ok) throw new Error(sheet.error.message)
  expect(sheet.data.headers).toEqual(COMPANY_HEADERS)
  const res = parseCompanyRows(sheet.data.headers, sheet.data.rows, exhibits)
  expect(res).toEqual({ ok: true, records: plain(readCompanies()) })
  expect(res.ok && res.records.find((c) => c.id === 'rongke')?.productsEn).toEqual(['All-vanadium flow batteries for energy storage', 'Energy storage systems'])
})

test('policies: export → import gives the same records, the rules\' English included', async () => {
  const file = await zoneWorkbook('policies', readPolicies().map(policyToRow))
  const sheet = await readSheet({ name: 'policies.xlsx', data: file })
  if (!sheet.ok) throw new Error(sheet.error.message)
  expect(sheet.data.headers).toEqual(POLICY_HEADERS)
  const res = parsePolicyRows(sheet.data.headers, sheet.data.rows)
  expect(res).toEqual({ ok: true, records: plain(readPolicies()) })
  expect(res.ok && res.records.find((p) => p.id === 'kechuang')?.rules?.[0]).toMatchObject({ labelEn: 'Registered in Dalian High-tech Zone' })
})
