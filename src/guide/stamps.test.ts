import { memoryStorage } from '@/services/storage'
import { createTrailLog } from './stamps'

describe('visit trail record', () => {
  it('stamps an exhibit once, on the first visit, and keeps it across restarts', () => {
    const storage = memoryStorage()
    const log = createTrailLog(storage, () => 100)
    expect(log.stamp('helmet', 'materials')).toBe(true)
    expect(log.stamp('helmet', 'materials')).toBe(false)
    expect(createTrailLog(storage).read().stamps).toEqual([{ code: 'helmet', hallId: 'materials', at: 100 }])
  })

  it('saves and unsaves favourites, telling listeners', () => {
    const log = createTrailLog(memoryStorage())
    const seen: number[] = []
    log.subscribe(() => seen.push(log.read().favourites.length))
    expect(log.toggleFavourite('glink')).toBe(true)
    expect(log.toggleFavourite('glink')).toBe(false)
    expect(seen).toEqual([1, 0])
  })

  it('starts empty when storage holds something unreadable', () => {
    const storage = memoryStorage()
    storage.set('gxq.trail', '{"stamps": 3}')
    expect(createTrailLog(storage).read()).toEqual({ stamps: [], favourites: [] })
  })
})
