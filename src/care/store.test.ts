import { memoryStorage } from '@/services/storage'
import { CARE_KEY, createCareStore } from './store'

describe('care mode', () => {
  it('is off by default, and applies and remembers the visitor turning it on', () => {
    const storage = memoryStorage()
    const applied: boolean[] = []
    const store = createCareStore(storage, () => false, (on) => applied.push(on))
    expect(store.getState().on).toBe(false)
    store.getState().setCare(true)
    expect(storage.get(CARE_KEY)).toBe('on')
    expect(createCareStore(storage, () => false, () => {}).getState().on).toBe(true)
    expect(applied).toEqual([false, true])
  })

  it("follows WeChat's large font setting until the visitor chooses", () => {
    const storage = memoryStorage()
    const store = createCareStore(storage, () => true, () => {})
    expect(store.getState()).toMatchObject({ on: true, fromSystem: true })
    store.getState().setCare(false)
    expect(createCareStore(storage, () => true, () => {}).getState()).toMatchObject({ on: false, fromSystem: false })
  })
})
