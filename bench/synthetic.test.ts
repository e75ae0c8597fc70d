import { CompanySchema, PolicySchema } from '../cloud/zone/schema'
import { syntheticCompanies, syntheticPolicies } from './synthetic'

test('the synthetic set is deterministic, valid by the import schemas and marked illustrative', () => {
  const companies = syntheticCompanies(500)
  const policies = syntheticPolicies(200)
  expect(syntheticCompanies(500)).toEqual(companies)
  for (const c of companies) expect(CompanySchema.safeParse(c).success).toBe(true)
  for (const p of policies) expect(PolicySchema.safeParse(p).success).toBe(true)
  expect([...companies, ...policies].every((x) => x.source === 'illustrative')).toBe(true)
  expect(new Set(companies.map((c) => c.id)).size).toBe(500)
})
