// 成果转化 on the client: a plain zustand store (testable without React, the call injected) and a
// thin hook. Lists are loaded when a page opens; a sent request or need refreshes 我的对接.
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { ResponseOf } from '@cloud/contracts/api'
import type { Page } from '@cloud/contracts/zone'
import type { ResultSummary, TransferField, TransferPlatform } from '@cloud/contracts/transfer'
import { callCloud } from '@/services/cloud'
import { loadInto, slotOf, type Loadable, type Slot } from '@/ui/loadable'

type ResultDetail = ResponseOf<'transfer', 'getResult'>
type Needs = ResponseOf<'transfer', 'needs'>['needs']
type Mine = ResponseOf<'transfer', 'myRequests'>

export interface TransferState {
  query: { q?: string; field?: TransferField; page?: number }
  results: Loadable<Page<ResultSummary>>
  result: Record<string, Loadable<ResultDetail>>
  needs: Loadable<Needs>
  platforms: Loadable<TransferPlatform[]>
  mine: Loadable<Mine>
  search: (patch: TransferState['query']) => Promise<void>
  loadResult: (id: string, force?: boolean) => Promise<void>
  loadNeeds: () => Promise<void>
  loadPlatforms: () => Promise<void>
  loadMine: () => Promise<void>
}

export function createTransferStore(call: typeof callCloud = callCloud) {
  let seq = 0
  return createStore<TransferState>()((set, get) => ({
    query: {},
    results: { status: 'idle' },
    result: {},
    needs: { status: 'idle' },
    platforms: { status: 'idle' },
    mine: { status: 'idle' },
    async search(patch) {
      const query = Object.fromEntries(Object.entries({ ...get().query, page: 1, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as TransferState['query']
      const mine = ++seq
      set({ query })
      const slot = slotOf(get, set, 'results')
      // An answer to an older query (typing fast) is dropped.
      await loadInto({ get: slot.get, set: (next) => mine === seq && slot.set(next) }, () => call('transfer', 'results', query), (d) => d, { mode: 'replace' })
    },
    async loadResult(id, force = false) {
      const slot: Slot<ResultDetail> = { get: () => get().result[id], set: (next) => set((s) => ({ result: { ...s.result, [id]: next } })) }
      await loadInto(slot, () => call('transfer', 'getResult', { id }), (d) => d, { mode: 'once', force })
    },
    async loadNeeds() {
      await loadInto(slotOf(get, set, 'needs'), () => call('transfer', 'needs', {}), (d) => d.needs)
    },
    async loadPlatforms() {
      await loadInto(slotOf(get, set, 'platforms'), () => call('transfer', 'platforms', {}), (d) => d.platforms, { mode: 'once' })
    },
    async loadMine() {
      await loadInto(slotOf(get, set, 'mine'), () => call('transfer', 'myRequests', {}), (d) => d)
    },
  }))
}

export const transferStore = createTransferStore()
export const useTransfer = <T>(selector: (s: TransferState) => T): T => useStore(transferStore, selector)
