import type { MetaStore } from '../port'
import type { WxDatabase } from './db'
import { findById } from './helpers'

export function wxMeta(db: WxDatabase, name: string): MetaStore {
  const meta = () => db.collection(name)
  return {
    async get(key) {
      const doc = await findById(meta(), key)
      return doc ? (doc.value as string) : null
    },
    async set(key, value) {
      await meta().doc(key).set({ data: { value, updatedAt: db.serverDate() } })
    },
  }
}
