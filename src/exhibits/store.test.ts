import type { Exhibit } from '@cloud/contracts/exhibit'
import { fail, ok } from '@cloud/contracts/result'
import { createLruCache } from '@/services/cache'
import { memoryStorage } from '@/services/storage'
import { createExhibitsStore, needsFresh } from './store'

const helmet = { code: 'helmet', name: '航天同源轻量化头盔', hallId: 'materials' } as Exhibit

function setup() {
  let online = true
  const call = jest.fn(async (_fn: string, action: string) => {
    if (!online) return fail('NETWORK', '网络不可用')
    if (action === 'get') return ok({ exhibit: helmet })
    return ok({ halls: [{ id: 'materials', name: '先进材料展区', exhibits: [] }] })
  })
  const storage = memoryStorage()
  const make = () => createExhibitsStore(call as never, createLruCache(storage, { prefix: 't', maxBytes: 100_000, now: () => 7 }))
  return { call, make, goOffline: () => (online = false) }
}

describe('exhibits store offline', () => {
  it('shows a fresh copy online, and the saved copy marked as saved after a restart without network', async () => {
    const { make, goOffline } = setup()
    const first = make()
    await first.getState().loadExhibit('helmet')
    expect(first.getState().exhibits.helmet).toEqual({ status: 'ready', data: helmet })

    goOffline()
    const restarted = make()
    await restarted.getState().loadExhibit('helmet')
    expect(restarted.getState().exhibits.helmet).toEqual({ status: 'ready', data: helmet, savedAt: 7 })
  })

  it('says what went wrong when the exhibit was never opened and there is no network', async () => {
    const { make, goOffline } = setup()
    goOffline()
    const store = make()
    await store.getState().loadExhibit('helmet')
    expect(store.getState().exhibits.helmet).toMatchObject({ status: 'error', error: { code: 'NETWORK' } })
  })

  it('does not hide a real "not found" behind an old copy', async () => {
    const { make } = setup()
    const store = make()
    await store.getState().loadExhibit('helmet')
    const call = jest.fn(async () => fail('EXHIBIT_NOT_FOUND', '没有找到'))
    const again = createExhibitsStore(call as never, createLruCache(memoryStorage(), { prefix: 't', maxBytes: 1000 }))
    await again.getState().loadExhibit('helmet')
    expect(again.getState().exhibits.helmet.status).toBe('error')
  })

  it('keeps the hall list for offline use too', async () => {
    const { make, goOffline } = setup()
    await make().getState().loadHalls()
    goOffline()
    const store = make()
    await store.getState().loadHalls()
    expect(store.getState().halls).toMatchObject({ status: 'ready', savedAt: 7 })
  })

  it('asks again for a fresh copy when a saved one is on screen', async () => {
    const { make, call, goOffline } = setup()
    await make().getState().loadExhibit('helmet')
    goOffline()
    const store = make()
    await store.getState().loadExhibit('helmet')
    const calls = call.mock.calls.length
    await store.getState().loadExhibit('helmet')
    expect(call.mock.calls.length).toBe(calls + 1)
    expect(store.getState().exhibits.helmet).toMatchObject({ status: 'ready', savedAt: 7 })
  })

  it('keeps the saved hall list on screen while asking again, and replaces it once the network is back', async () => {
    let online = false
    const storage = memoryStorage()
    const halls = [{ id: 'materials', name: '先进材料展区', exhibits: [] }]
    const call = jest.fn(async () => (online ? ok({ halls }) : fail('NETWORK', '网络不可用')))
    const cache = createLruCache(storage, { prefix: 't', maxBytes: 100_000, now: () => 7 })
    cache.set('halls', halls)
    const store = createExhibitsStore(call as never, cache)
    await store.getState().loadHalls()
    expect(store.getState().halls).toMatchObject({ status: 'ready', savedAt: 7 })
    expect(needsFresh(store.getState().halls)).toBe(true)
    await store.getState().loadHalls()
    expect(store.getState().halls).toMatchObject({ status: 'ready', savedAt: 7 })
    online = true
    await store.getState().loadHalls()
    expect(store.getState().halls).toEqual({ status: 'ready', data: halls })
    expect(needsFresh(store.getState().halls)).toBe(false)
  })
})

describe('exhibits store requests', () => {
  function fakeCall(answers: Array<ReturnType<typeof ok> | ReturnType<typeof fail>>) {
    const calls: unknown[][] = []
    const call = jest.fn(async (...args: unknown[]) => {
      calls.push(args)
      return answers.shift() ?? fail('NETWORK', '网络不给力')
    })
    return { call: call as never, calls }
  }
  const emptyCache = () => createLruCache(memoryStorage(), { prefix: 'r', maxBytes: 100_000 })

  it('goes loading → ready and does not fetch a loaded exhibit again', async () => {
    const { call, calls } = fakeCall([ok({ exhibit: helmet })])
    const store = createExhibitsStore(call, emptyCache())
    const pending = store.getState().loadExhibit('helmet')
    expect(store.getState().exhibits.helmet).toEqual({ status: 'loading' })
    await pending
    expect(store.getState().exhibits.helmet).toEqual({ status: 'ready', data: helmet })
    await store.getState().loadExhibit('helmet')
    expect(calls).toEqual([['exhibits', 'get', { code: 'helmet' }]])
  })

  it('with nothing saved, keeps the error for the page to show, and reloads on retry', async () => {
    const { call, calls } = fakeCall([fail('NETWORK', '网络不给力，请检查网络后重试'), ok({ exhibit: helmet })])
    const store = createExhibitsStore(call, emptyCache())
    await store.getState().loadExhibit('helmet')
    expect(store.getState().exhibits.helmet).toEqual({ status: 'error', error: { code: 'NETWORK', message: '网络不给力，请检查网络后重试' } })
    await store.getState().loadExhibit('helmet', true)
    expect(store.getState().exhibits.helmet).toMatchObject({ status: 'ready' })
    expect(calls).toHaveLength(2)
  })

  it('does not start a second request while one is in flight (double tap)', async () => {
    const { call, calls } = fakeCall([ok({ exhibit: helmet })])
    const store = createExhibitsStore(call, emptyCache())
    await Promise.all([store.getState().loadExhibit('helmet'), store.getState().loadExhibit('helmet', true)])
    expect(calls).toHaveLength(1)
  })
})

describe('exhibit inlined in the landing page', () => {
  it('is ready at once without calling the API, and kept for offline use', async () => {
    const { call } = setup()
    const storage = memoryStorage()
    const store = createExhibitsStore(call as never, createLruCache(storage, { prefix: 't', maxBytes: 100_000, now: () => 7 }), helmet)
    expect(store.getState().exhibits.helmet).toEqual({ status: 'ready', data: helmet })
    await store.getState().loadExhibit('helmet')
    expect(call).not.toHaveBeenCalled()

    const offlineCall = jest.fn(async () => fail('NETWORK', '网络不可用'))
    const later = createExhibitsStore(offlineCall as never, createLruCache(storage, { prefix: 't', maxBytes: 100_000, now: () => 7 }))
    await later.getState().loadExhibit('helmet')
    expect(later.getState().exhibits.helmet).toMatchObject({ status: 'ready', data: helmet })
  })
})
