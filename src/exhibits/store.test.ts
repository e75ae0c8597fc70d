import type { Exhibit } from '@cloud/contracts/exhibit'
import { fail, ok } from '@cloud/contracts/result'
import { createExhibitsStore } from './store'

const helmet = { code: 'helmet', name: '航天同源轻量化头盔' } as Exhibit

function fakeCall(answers: Array<ReturnType<typeof ok> | ReturnType<typeof fail>>) {
  const calls: unknown[][] = []
  const call = jest.fn(async (...args: unknown[]) => {
    calls.push(args)
    return answers.shift() ?? fail('NETWORK', '网络不给力')
  })
  return { call: call as never, calls }
}

describe('exhibits store', () => {
  it('goes loading → ready and does not fetch a loaded exhibit again', async () => {
    const { call, calls } = fakeCall([ok({ exhibit: helmet })])
    const store = createExhibitsStore(call)
    const pending = store.getState().loadExhibit('helmet')
    expect(store.getState().exhibits.helmet).toEqual({ status: 'loading' })
    await pending
    expect(store.getState().exhibits.helmet).toEqual({ status: 'ready', data: helmet })
    await store.getState().loadExhibit('helmet')
    expect(calls).toEqual([['exhibits', 'get', { code: 'helmet' }]])
  })

  it('keeps the error for the page to show, and reloads on retry', async () => {
    const { call, calls } = fakeCall([fail('NETWORK', '网络不给力，请检查网络后重试'), ok({ exhibit: helmet })])
    const store = createExhibitsStore(call)
    await store.getState().loadExhibit('helmet')
    expect(store.getState().exhibits.helmet).toEqual({ status: 'error', error: { code: 'NETWORK', message: '网络不给力，请检查网络后重试' } })
    await store.getState().loadExhibit('helmet', true)
    expect(store.getState().exhibits.helmet).toMatchObject({ status: 'ready' })
    expect(calls).toHaveLength(2)
  })

  it('does not start a second request while one is in flight (double tap)', async () => {
    const { call, calls } = fakeCall([ok({ exhibit: helmet })])
    const store = createExhibitsStore(call)
    await Promise.all([store.getState().loadExhibit('helmet'), store.getState().loadExhibit('helmet', true)])
    expect(calls).toHaveLength(1)
  })
})
