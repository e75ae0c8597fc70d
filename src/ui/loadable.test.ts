import { loadInto, slotOf, type Loadable } from './loadable'
import type { Result } from '@cloud/contracts/result'

const answer = <T>(data: T): (() => Promise<Result<T>>) => () => Promise.resolve({ ok: true, data })
const failing = (): Promise<Result<never>> => Promise.resolve({ ok: false, error: { code: 'NETWORK', message: '网络不给力' } })

function store<T>(initial: Loadable<T>) {
  let state = { item: initial }
  const seen: Array<Loadable<T>['status']> = []
  const get = () => state
  const set = (p: Partial<typeof state>) => {
    state = { ...state, ...p }
    seen.push(state.item.status)
  }
  return { slot: slotOf(get, set, 'item'), get, seen }
}

test('a refresh keeps what is on screen until the answer; a first load shows loading', async () => {
  const shown = store<number>({ status: 'ready', data: 1 })
  await loadInto(shown.slot, answer(2), (d) => d)
  expect(shown.seen).toEqual(['ready'])
  expect(shown.get().item).toEqual({ status: 'ready', data: 2 })

  const empty = store<number>({ status: 'idle' })
  await loadInto(empty.slot, failing, (d) => d)
  expect(empty.seen).toEqual(['loading', 'error'])
})

test('once: a ready or loading slot is not asked again unless forced; replace shows loading at once', async () => {
  const ready = store<number>({ status: 'ready', data: 1 })
  const call = jest.fn(answer(2))
  expect(await loadInto(ready.slot, call, (d) => d, { mode: 'once' })).toBeUndefined()
  expect(call).not.toHaveBeenCalled()
  await loadInto(ready.slot, call, (d) => d, { mode: 'once', force: true })
  expect(ready.seen).toEqual(['loading', 'ready'])

  const loading = store<number>({ status: 'loading' })
  await loadInto(loading.slot, call, (d) => d, { mode: 'once', force: true })
  expect(call).toHaveBeenCalledTimes(1)

  const query = store<number>({ status: 'ready', data: 1 })
  await loadInto(query.slot, answer(3), (d) => d * 10, { mode: 'replace' })
  expect(query.seen).toEqual(['loading', 'ready'])
  expect(query.get().item).toEqual({ status: 'ready', data: 30 })
})

test('background: a failed answer leaves what is on screen; with nothing on screen it is an error as usual', async () => {
  const shown = store<number>({ status: 'ready', data: 1 })
  await loadInto(shown.slot, answer(2), (d) => d, { mode: 'background' })
  await loadInto(shown.slot, failing, (d) => d, { mode: 'background' })
  expect(shown.seen).toEqual(['ready'])
  expect(shown.get().item).toEqual({ status: 'ready', data: 2 })

  const empty = store<number>({ status: 'idle' })
  await loadInto(empty.slot, failing, (d) => d, { mode: 'background' })
  expect(empty.seen).toEqual(['loading', 'error'])
})
