// The in-memory search indexes of one store, rebuilt only when the store's zone version changes.
// A handler asks for the catalog on every call; the cost of an unchanged catalog is one small read.
import type { Company, Policy } from '../contracts/zone'
import type { ZoneStore } from '../store/port'
import { buildCompanyIndex, type CompanyIndex } from './companies'
import { buildPolicyIndex, policyStatus, toPolicySummary, type PolicyIndex } from './policies'
import { titleRanks, type PolicyDay } from './rules'

export interface Catalog {
  version: string
  companies: CompanyIndex
  policies: PolicyIndex
  /** Policies in store order, for the calculator. */
  policyList: Policy[]
  /** Statuses and summaries of `policyList` on a day, computed once per day. */
  dayView(today: string): PolicyDay
}

export function buildCatalog(version: string, companies: Company[], policies: Policy[]): Catalog {
  let cached: { today: string; view: PolicyDay } | null = null
  const titleRank = titleRanks(policies)
  return {
    version,
    companies: buildCompanyIndex(companies),
    policies: buildPolicyIndex(policies),
    policyList: policies,
    dayView(today) {
      if (cached?.today !== today) {
        const statuses = policies.map((p) => policyStatus(p, today))
        cached = { today, view: { statuses, summaries: policies.map((p, i) => toPolicySummary(p, statuses[i])), titleRank } }
      }
      return cached.view
    },
  }
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
