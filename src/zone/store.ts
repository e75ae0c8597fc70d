// The zone section on the client: plain zustand stores (testable without React) and thin hooks.
// Lists are paged on the server; each page is one request, so the DOM holds at most one page.
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type {
  Company,
  CompanyQuery,
  CompanySummary,
  MatchProfile,
  MatchResult,
  Page,
  PolicyQuery,
  PolicySummary,
  PolicyWithStatus,
  ZoneChart,
} from '@cloud/contracts/zone'
import { callCloud } from '@/services/cloud'
import { paths } from '@/paths'
import { loaded } from '@/ui/loadable'

import type { Loadable } from '@/ui/loadable'
export type { Loadable } from '@/ui/loadable'

export const PAGE_SIZE = 20

export interface ZoneState {
  companyQuery: CompanyQuery
  companies: Loadable<Page<CompanySummary>>
  policyQuery: PolicyQuery
  policies: Loadable<Page<PolicySummary>>
  company: Record<string, Loadable<Company>>
  policy: Record<string, Loadable<PolicyWithStatus>>
  figures: Loadable<ZoneChart[]>
  match: Loadable<MatchResult>
  /** Changes the company query (page 1 unless a page is given) and loads it. */
  searchCompanies: (patch: Partial<CompanyQuery>) => Promise<void>
  searchPolicies: (patch: Partial<PolicyQuery>) => Promise<void>
  loadCompany: (id: string, force?: boolean) => Promise<void>
  loadPolicy: (id: string, force?: boolean) => Promise<void>
  loadFigures: () => Promise<void>
  runMatch: (profile: MatchProfile) => Promise<void>
}

/** Drops empty values so the request carries only what the person chose. */
function clean<T extends object>(q: T): T {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as T
}

export function createZoneStore(call: typeof callCloud = callCloud) {
  // Answers that arrive after a newer query was sent are dropped (typing fast).
  let companySeq = 0
  let policySeq = 0
  return createStore<ZoneState>()((set, get) => ({
    companyQuery: { page: 1, pageSize: PAGE_SIZE },
    companies: { status: 'idle' },
    policyQuery: { page: 1, pageSize: PAGE_SIZE },
    policies: { status: 'idle' },
    company: {},
    policy: {},
    figures: { status: 'idle' },
    match: { status: 'idle' },

    async searchCompanies(patch) {
      const query = clean({ ...get().companyQuery, page: 1, ...patch, pageSize: PAGE_SIZE })
      const seq = ++companySeq
      set({ companyQuery: query, companies: { status: 'loading' } })
      const res = await call('zone', 'searchCompanies', query)
      if (seq === companySeq) set({ companies: loaded(res) })
    },
    async searchPolicies(patch) {
      const query = clean({ ...get().policyQuery, page: 1, ...patch, pageSize: PAGE_SIZE })
      const seq = ++policySeq
      set({ policyQuery: query, policies: { status: 'loading' } })
      const res = await call('zone', 'searchPolicies', query)
      if (seq === policySeq) set({ policies: loaded(res) })
    },
    async loadCompany(id, force = false) {
      const current = get().company[id]
      if (current?.status === 'loading' || (current?.status === 'ready' && !force)) return
      set((s) => ({ company: { ...s.company, [id]: { status: 'loading' } } }))
      const res = await call('zone', 'getCompany', { id })
      set((s) => ({ company: { ...s.company, [id]: res.ok ? { status: 'ready', data: res.data.company } : { status: 'error', error: res.error } } }))
    },
    async loadPolicy(id, force = false) {
      const current = get().policy[id]
      if (current?.status === 'loading' || (current?.status === 'ready' && !force)) return
      set((s) => ({ policy: { ...s.policy, [id]: { status: 'loading' } } }))
      const res = await call('zone', 'getPolicy', { id })
      set((s) => ({ policy: { ...s.policy, [id]: res.ok ? { status: 'ready', data: res.data.policy } : { status: 'error', error: res.error } } }))
    },
    async loadFigures() {
      if (get().figures.status === 'loading' || get().figures.status === 'ready') return
      set({ figures: { status: 'loading' } })
      const res = await call('zone', 'figures', {})
      set({ figures: res.ok ? { status: 'ready', data: res.data.charts } : { status: 'error', error: res.error } })
    },
    async runMatch(profile) {
      set({ match: { status: 'loading' } })
      set({ match: loaded(await call('zone', 'match', { profile })) })
    },
  }))
}

export const zoneStore = createZoneStore()

export const useZone = <T>(selector: (s: ZoneState) => T): T => useStore(zoneStore, selector)

/** The zone's routes, from the one route table (src/paths.ts). */
export const zonePaths = {
  companies: paths.companies,
  company: paths.company,
  policies: paths.policies,
  policy: paths.policy,
  match: paths.match,
  figures: paths.figures,
}
