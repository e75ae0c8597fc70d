import { createLruCache, utf8Bytes } from './cache'
import { memoryStorage } from './storage'

describe('offline cache (LRU by bytes)', () => {
  const payload = (n: number) => 'x'.repeat(n)

  it('returns what was saved, with when it was saved', () => {
    const cache = createLruCache(memoryStorage(), { prefix: 'c', maxBytes: 10_000, now: () => 42 })
    cache.set('exhibit:helmet', { name: '头盔' })
    expect(cache.get('exhibit:helmet')).toEqual({ value: { name: '头盔' }, savedAt: 42 })
    expect(cache.get('exhibit:none')).toBeNull()
  })

  it('stays under its byte budget by dropping the least recently used copy', () => {
    const storage = memoryStorage()
    const cache = createLruCache(storage, { prefix: 'c', maxBytes: 1000, now: () => 1 })
    cache.set('a', payload(300))
    cache.set('b', payload(300))
    cache.set('c', payload(300))
    cache.get('a') // a is now the most recent; b is the oldest
    cache.set('d', payload(300))
    expect(cache.keys()).toEqual(['c', 'a', 'd'])
    expect(cache.get('b')).toBeNull()
    expect(storage.get('c:b')).toBeNull()
    expect(cache.bytes()).toBeLessThanOrEqual(1000)
  })

  it('refuses a copy larger than the whole budget instead of emptying the cache for it', () => {
    const cache = createLruCache(memoryStorage(), { prefix: 'c', maxBytes: 500 })
    cache.set('a', payload(100))
    expect(cache.set('huge', payload(600))).toBe(false)
    expect(cache.get('a')).not.toBeNull()
  })

  it('makes room from its own copies when the device storage itself is full', () => {
    const storage = memoryStorage()
    const set = storage.set
    let full = false
    storage.set = (k, v) => {
      if (full && k === 'c:new') {
        full = false
        throw new Error('exceed storage max size')
      }
      set(k, v)
    }
    const cache = createLruCache(storage, { prefix: 'c', maxBytes: 10_000 })
    cache.set('old', payload(100))
    full = true
    expect(cache.set('new', payload(100))).toBe(true)
    expect(cache.keys()).toEqual(['new'])
  })

  it('counts bytes as UTF-8: a Chinese character is three', () => {
    expect(utf8Bytes('a')).toBe(1)
    expect(utf8Bytes('展')).toBe(3)
    expect(utf8Bytes('é')).toBe(2)
    expect(utf8Bytes('😀')).toBe(4)
  })
})
