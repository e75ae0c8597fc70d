import type { callCloud } from '@/services/cloud'
import { createTransferStore } from './store'

type Call = typeof callCloud

function fakeCall() {
  const calls: Array<{ fn: string; action: string; req: Record<string, unknown>; resolve: (data: unknown) => void }> = []
  const call = ((fn: string, action: string, req: Record<string, unknown>) =>
    new Promise((resolve) => calls.push({ fn, action, req, resolve: (data) => resolve({ ok: true, data }) }))) as unknown as Call
  return { call, calls }
}

const page = (ids: string[]) => ({ items: ids.map((id) => ({ id })), total: ids.length, page: 1, pageSize: 20 })

test('a field chip goes back to page 1, keeps the words, and an empty search sends no q', async () => {
  const { call, calls } = fakeCall()
  const store = createTransferStore(call)
  void store.getState().search({ q: '塞拉门', page: 2 })
  void store.getState().search({ field: '智能制造' })
  void store.getState().search({ q: '' })
  expect(calls.map((c) => [c.action, c.req])).toEqual([
    ['results', { q: '塞拉门', page: 2 }],
    ['results', { q: '塞拉门', page: 1, field: '智能制造' }],
    ['results', { page: 1, field: '智能制造' }],
  ])
})

test('an answer to an older search does not overwrite the newer one', async () => {
  const { call, calls } = fakeCall()
  const store = createTransferStore(call)
  const first = store.getState().search({ q: '塞' })
  const second = store.getState().search({ q: '塞拉门' })
  calls[1].resolve(page(['traindoor']))
  await second
  calls[0].resolve(page(['a', 'b']))
  await first
  const state = store.getState().results
  expect(state.status === 'ready' && state.data.items.map((r) => r.id)).toEqual(['traindoor'])
})

test('a result is asked for once; 我的对接 is asked afresh each time', async () => {
  const { call, calls } = fakeCall()
  const store = createTransferStore(call)
  const loading = store.getState().loadResult('traindoor')
  void store.getState().loadResult('traindoor')
  calls[0].resolve({ result: { id: 'traindoor' }, needs: [], companies: [], policies: [] })
  await loading
  await store.getState().loadResult('traindoor')
  const mine = store.getState().loadMine()
  calls[1].resolve({ requests: [], needs: [] })
  await mine
  void store.getState().loadMine()
  expect(calls.map((c) => c.action)).toEqual(['getResult', 'myRequests', 'myRequests'])
})
