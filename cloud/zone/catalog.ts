// The in-memory search indexes of one store, rebuilt only when the store's zone version changes.
// A handler asks for the catalog on every call; the cost of an unchanged catalog is one small read.
import type { Company, Policy } from '../contracts/zone'
import type { ZoneStore } from '../store/port'
import { buildCompanyIndex, type CompanyIndex } from './companies'
import { buildPolicyIndex, type PolicyIndex } from './policies'

export interface Catalog {
  version: string
  companies: CompanyIndex
  policies: PolicyIndex
  policyList: Policy[]
}

export function buildCatalog(version: string, companies: Company[], policies: Policy[]): Catalog {
  return { version, companies: buildCompanyIndex(companies), policies: buildPolicyIndex(policies), policyList: policies }
}

const cache = new WeakMap<ZoneStore, { version: string; building: Promise<Catalog> }>()

export async function catalogFor(store: ZoneStore): Promise<Catalog> {
  const version = await store.version()
  const cached = cache.get(store)
  if (cached && cached.version === version) return cached.building
  // Concurrent first calls share one build; a failed build is forgotten so the next call retries.
  const building = Promise.all([store.listCompanies(), store.listPolicies()]).then(([c, p]) => buildCatalog(version, c, p))
  cache.set(store, { version, building })
  building.catch(() => {
    if (cache.get(store)?.building === building) cache.delete(store)
  })
  return building
}
