import type { callCloud } from '@/services/cloud'
import { createZoneStore, PAGE_SIZE } from './store'

type Call = typeof callCloud

function fakeCall() {
  const calls: Array<{ fn: string; action: string; req: Record<string, unknown>; resolve: (data: unknown) => void }> = []
  const call = ((fn: string, action: string, req: Record<string, unknown>) =>
    new Promise((resolve) => calls.push({ fn, action, req, resolve: (data) => resolve({ ok: true, data }) }))) as unknown as Call
  return { call, calls }
}

const page = (ids: string[]) => ({ items: ids.map((id) => ({ id })), total: ids.length, page: 1, pageSize: PAGE_SIZE })

test('a filter change goes back to page 1 and keeps the other filters', async () => {
  const { call, calls } = fakeCall()
  const store = createZoneStore(call)
  void store.getState().searchCompanies({ q: '融科', page: 3 })
  void store.getState().searchCompanies({ qualification: '瞪羚企业' })
  expect(calls.map((c) => c.req)).toEqual([
    { q: '融科', page: 3, pageSize: PAGE_SIZE },
    { q: '融科', page: 1, pageSize: PAGE_SIZE, qualification: '瞪羚企业' },
  ])
})

test('an answer to an older query does not overwrite the newer one (typing fast)', async () => {
  const { call, calls } = fakeCall()
  const store = createZoneStore(call)
  const first = store.getState().searchCompanies({ q: '融' })
  const second = store.getState().searchCompanies({ q: '融科' })
  calls[1].resolve(page(['rongke']))
  await second
  calls[0].resolve(page(['a', 'b', 'c']))
  await first
  const state = store.getState().companies
  expect(state.status === 'ready' && state.data.items.map((c) => c.id)).toEqual(['rongke'])
})

test('clearing the search drops the empty query instead of sending q=""', async () => {
  const { call, calls } = fakeCall()
  const store = createZoneStore(call)
  void store.getState().searchPolicies({ q: '' , status: 'open' })
  expect(calls[0].req).toEqual({ page: 1, pageSize: PAGE_SIZE, status: 'open' })
})

test('保存画像 saves the profile of the latest calculator run; a new run offers the save again', async () => {
  const { call, calls } = fakeCall()
  const store = createZoneStore(call)
  const first = { inZone: true, financingNeed: false, qualifications: [], talent: [] }
  const second = { ...first, employees: 40 }
  const run1 = store.getState().runMatch(first)
  calls[0].resolve({ fits: [], nearMisses: [], estimatedTotal: 0, withoutAmount: 0, totalIllustrative: false })
  await run1
  const save = store.getState().saveProfile()
  expect(calls[1]).toMatchObject({ fn: 'zone', action: 'saveProfile', req: { profile: first } })
  calls[1].resolve({ saved: true, alerts: [], unusedNotices: 0 })
  await save
  expect(store.getState().alerts).toMatchObject({ status: 'ready', data: { saved: true } })
  void store.getState().runMatch(second)
  expect(store.getState().alerts.status).toBe('idle')
  void store.getState().saveProfile()
  expect(calls[3]).toMatchObject({ action: 'saveProfile', req: { profile: second } })
})
