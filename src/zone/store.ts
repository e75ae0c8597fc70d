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
import type { PolicyAlertsView } from '@cloud/contracts/zone-alerts'
import { callCloud } from '@/services/cloud'
import { paths } from '@/paths'
import { loadInto, slotOf, type Loadable, type Slot } from '@/ui/loadable'

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
  /** The profile of the latest calculator run: what 保存画像 saves. */
  lastProfile?: MatchProfile
  /** 政策提醒: the saved profile's alerts (also the answer to saving and subscribing). */
  alerts: Loadable<PolicyAlertsView>
  saveProfile: () => Promise<void>
  loadAlerts: () => Promise<void>
  /** After the visitor accepted one one-time subscription (weapp). */
  subscribeAlerts: () => Promise<void>
}

/** Drops empty values so the request carries only what the person chose. */
function clean<T extends object>(q: T): T {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as T
}

/** A slot that takes an answer only while its request is still the latest (typing fast). */
const latest = <T>(slot: Slot<T>, isLatest: () => boolean): Slot<T> => ({ get: slot.get, set: (next) => isLatest() && slot.set(next) })

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
    alerts: { status: 'idle' },

    async searchCompanies(patch) {
      const query = clean({ ...get().companyQuery, page: 1, ...patch, pageSize: PAGE_SIZE })
      const seq = ++companySeq
      set({ companyQuery: query })
      await loadInto(latest(slotOf(get, set, 'companies'), () => seq === companySeq), () => call('zone', 'searchCompanies', query), (d) => d, { mode: 'replace' })
    },
    async searchPolicies(patch) {
      const query = clean({ ...get().policyQuery, page: 1, ...patch, pageSize: PAGE_SIZE })
      const seq = ++policySeq
      set({ policyQuery: query })
      await loadInto(latest(slotOf(get, set, 'policies'), () => seq === policySeq), () => call('zone', 'searchPolicies', query), (d) => d, { mode: 'replace' })
    },
    async loadCompany(id, force = false) {
      const slot: Slot<Company> = { get: () => get().company[id], set: (next) => set((s) => ({ company: { ...s.company, [id]: next } })) }
      await loadInto(slot, () => call('zone', 'getCompany', { id }), (d) => d.company, { mode: 'once', force })
    },
    async loadPolicy(id, force = false) {
      const slot: Slot<PolicyWithStatus> = { get: () => get().policy[id], set: (next) => set((s) => ({ policy: { ...s.policy, [id]: next } })) }
      await loadInto(slot, () => call('zone', 'getPolicy', { id }), (d) => d.policy, { mode: 'once', force })
    },
    async loadFigures() {
      await loadInto(slotOf(get, set, 'figures'), () => call('zone', 'figures', {}), (d) => d.charts, { mode: 'once' })
    },
    async saveProfile() {
      const profile = get().lastProfile
      if (!profile) return
      await loadInto(slotOf(get, set, 'alerts'), () => call('zone', 'saveProfile', { profile }), (d) => d, { mode: 'replace' })
    },
    async loadAlerts() {
      await loadInto(slotOf(get, set, 'alerts'), () => call('zone', 'alerts', {}), (d) => d, { mode: 'replace' })
    },
    async subscribeAlerts() {
      await loadInto(slotOf(get, set, 'alerts'), () => call('zone', 'subscribeAlerts', {}), (d) => d, { mode: 'replace' })
    },
    async runMatch(profile) {
      // A new run is a new profile to save: the save control offers itself again.
      set({ lastProfile: profile, alerts: { status: 'idle' } })
      await loadInto(slotOf(get, set, 'match'), () => call('zone', 'match', { profile }), (d) => d, { mode: 'replace' })
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
  alerts: paths.policyAlerts,
}
