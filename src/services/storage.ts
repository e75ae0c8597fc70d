// Key-value storage behind a tiny interface, so that what is built on it (the offline cache,
// preferences, the visit trail) can be tested with a Map instead of Taro storage.
import Taro from '@tarojs/taro'

export interface KeyValueStorage {
  get(key: string): string | null
  /** Throws when storage is full (WeChat allows 10 MB per mini-program, 1 MB per key). */
  set(key: string, value: string): void
  remove(key: string): void
}

export const taroStorage: KeyValueStorage = {
  get(key) {
    try {
      const v = Taro.getStorageSync(key) as unknown
      return typeof v === 'string' && v !== '' ? v : null
    } catch {
      return null
    }
  },
  set(key, value) {
    Taro.setStorageSync(key, value)
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key)
    } catch {
      /* already gone */
    }
  },
}

export function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v), remove: (k) => void data.delete(k) }
}

export function readJson<T>(storage: KeyValueStorage, key: string): T | null {
  const raw = storage.get(key)
  if (raw === null) return null
  try {
    return JSON.parse(raw) as T
  } catch {
    return null
  }
}

export function writeJson(storage: KeyValueStorage, key: string, value: unknown): boolean {
  try {
    storage.set(key, JSON.stringify(value))
    return true
  } catch {
    return false
  }
}
