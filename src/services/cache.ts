// The offline cache: copies of what the visitor has opened (exhibits, the hall list), kept in
// storage so a page opens without network. WeChat gives a mini-program 10 MB of storage in all,
// so the cache keeps itself under a byte budget, dropping the least recently used copies first.
import type { KeyValueStorage } from './storage'
import { readJson } from './storage'

export interface Saved<T> {
  value: T
  savedAt: number
}

interface IndexEntry {
  key: string
  bytes: number
}

export interface LruCache {
  get<T>(key: string): Saved<T> | null
  set(key: string, value: unknown): boolean
  /** Bytes the cached copies take (UTF-8), within `maxBytes`. */
  bytes(): number
  keys(): string[]
}

/** UTF-8 length without TextEncoder (absent in the mini-program runtime). */
export function utf8Bytes(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

export function createLruCache(storage: KeyValueStorage, { prefix, maxBytes, now = Date.now }: { prefix: string; maxBytes: number; now?: () => number }): LruCache {
  const indexKey = `${prefix}:index`
  const dataKey = (key: string) => `${prefix}:${key}`
  // Most recently used last.
  const readIndex = () => readJson<IndexEntry[]>(storage, indexKey) ?? []
  const writeIndex = (index: IndexEntry[]) => {
    try {
      storage.set(indexKey, JSON.stringify(index))
    } catch {
      /* the index is small; if even it does not fit, the next write retries */
    }
  }
  const total = (index: IndexEntry[]) => index.reduce((n, e) => n + e.bytes, 0)

  return {
    get<T>(key: string) {
      const saved = readJson<Saved<T>>(storage, dataKey(key))
      const index = readIndex()
      const at = index.findIndex((e) => e.key === key)
      if (!saved) {
        if (at >= 0) writeIndex(index.filter((e) => e.key !== key))
        return null
      }
      if (at >= 0 && at !== index.length - 1) writeIndex([...index.slice(0, at), ...index.slice(at + 1), index[at]])
      return saved
    },
    set(key, value) {
      const raw = JSON.stringify({ value, savedAt: now() } satisfies Saved<unknown>)
      const bytes = utf8Bytes(raw)
      if (bytes > maxBytes) return false
      const index = readIndex().filter((e) => e.key !== key)
      while (index.length > 0 && total(index) + bytes > maxBytes) storage.remove(dataKey(index.shift()!.key))
      for (;;) {
        try {
          storage.set(dataKey(key), raw)
          break
        } catch {
          // Storage is full for reasons outside this cache: make room from our own oldest copies.
          const oldest = index.shift()
          if (!oldest) {
            writeIndex(index)
            return false
          }
          storage.remove(dataKey(oldest.key))
        }
      }
      index.push({ key, bytes })
      writeIndex(index)
      return true
    },
    bytes: () => total(readIndex()),
    keys: () => readIndex().map((e) => e.key),
  }
}
