import type { Exhibit, ExhibitPack } from '@cloud/contracts/exhibit'
import { fail, ok } from '@cloud/contracts/result'
import { createLruCache } from '@/services/cache'
import { memoryStorage } from '@/services/storage'
import { createOfflinePack } from './pack'
import { createExhibitsStore } from './store'

const exhibit = (code: string, name: string) => ({ code, name, hallId: 'energy' }) as Exhibit
const vanadium = exhibit('vanadium', '全钒液流储能电池')
const fuelcell = exhibit('fuelcell', '氢燃料电池')
const PACK: ExhibitPack = { version: 'v1', halls: [{ id: 'energy', name: '洁净能源展区', exhibits: [vanadium, fuelcell] }], exhibits: [vanadium, fuelcell] }

function phone() {
  let online = true
  let clock = 1000
  const storage = memoryStorage()
  const call = jest.fn(async (_fn: string, action: string, req: { have?: string; code?: string }) => {
    if (!online) return fail('NETWORK', '网络不可用')
    if (action === 'pack') return req.have === PACK.version ? ok({ unchanged: true, version: PACK.version }) : ok({ pack: PACK })
    if (action === 'get') return ok({ exhibit: PACK.exhibits.find((e) => e.code === req.code)! })
    return ok({ halls: PACK.halls })
  })
  const pack = () => createOfflinePack(call as never, storage, () => clock)
  const store = (p = pack()) => createExhibitsStore(call as never, createLruCache(storage, { prefix: 't', maxBytes: 100_000, now: () => clock }), null, p)
  return { call, storage, pack, store, tick: (ms: number) => (clock += ms), setOnline: (on: boolean) => (online = on) }
}

describe('offline pack', () => {
  it('opens an exhibit never opened before, without network, marked with when the pack was saved', async () => {
    const p = phone()
    await expect(p.pack().refresh()).resolves.toBe('saved')
    p.setOnline(false)
    p.tick(60_000)
    const store = p.store()
    await store.getState().loadExhibit('fuelcell')
    expect(store.getState().exhibits.fuelcell).toEqual({ status: 'ready', data: fuelcell, savedAt: 1000 })
    // The hall list (and so next-in-hall and the floor plan) comes from the pack too.
    await store.getState().loadHalls()
    expect(store.getState().halls).toEqual({ status: 'ready', data: PACK.halls, savedAt: 1000 })
  })

  it('asks with the version it holds: an unchanged pack costs no download and is marked as confirmed now', async () => {
    const p = phone()
    await p.pack().refresh()
    p.tick(5000)
    await expect(p.pack().refresh()).resolves.toBe('unchanged')
    expect(p.call).toHaveBeenLastCalledWith('exhibits', 'pack', { have: 'v1' })
    expect(p.pack().exhibit('vanadium')).toEqual({ value: vanadium, savedAt: 6000 })
  })

  it('keeps the old pack when a refresh fails, and says nothing is saved on a phone that never had one', async () => {
    const p = phone()
    p.setOnline(false)
    await expect(p.pack().refresh()).resolves.toBe('failed')
    const store = p.store()
    await store.getState().loadExhibit('vanadium')
    expect(store.getState().exhibits.vanadium).toMatchObject({ status: 'error', error: { code: 'NETWORK' } })
    p.setOnline(true)
    await p.pack().refresh()
    p.setOnline(false)
    await expect(p.pack().refresh()).resolves.toBe('failed')
    expect(p.pack().exhibit('vanadium')?.value).toEqual(vanadium)
  })

  it('shows the newer of the opened copy and the pack', async () => {
    const p = phone()
    await p.pack().refresh() // at 1000
    p.tick(10_000)
    await p.store().getState().loadExhibit('vanadium') // opened at 11000
    p.setOnline(false)
    const store = p.store()
    await store.getState().loadExhibit('vanadium')
    expect(store.getState().exhibits.vanadium).toMatchObject({ status: 'ready', savedAt: 11_000 })
  })

  it('never shows a saved copy for an exhibit the server says does not exist', async () => {
    const p = phone()
    await p.pack().refresh()
    const call = jest.fn(async () => fail('EXHIBIT_NOT_FOUND', '没有找到这件展品'))
    const store = createExhibitsStore(call as never, createLruCache(p.storage, { prefix: 't', maxBytes: 100_000 }), null, p.pack())
    await store.getState().loadExhibit('vanadium')
    expect(store.getState().exhibits.vanadium).toMatchObject({ status: 'error', error: { code: 'EXHIBIT_NOT_FOUND' } })
  })
})
