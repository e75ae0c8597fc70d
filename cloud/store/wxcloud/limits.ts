// Rate-limit counters on the cloud database (collection `rate_counters`), following the mapping
// above `RateLimitStore` in store/port.ts. The `_id` is a hash of the key: keys carry whatever a
// caller typed as a user name, and `_id` has its own length and character rules.
import crypto from 'node:crypto'
import type { RateLimitStore } from '../port'
import type { WxDatabase } from './db'
import { createIfAbsent, findById, guardedUpdate } from './helpers'

export function wxLimits(db: WxDatabase, name: string): RateLimitStore {
  const _ = db.command
  const coll = () => db.collection(name)
  const sweep = async (at: Date) => (await coll().where({ expiresAt: _.lte(at.getTime()) }).remove()).stats.removed ?? 0
  return {
    async hit(key, windowMs, at) {
      const start = Math.floor(at.getTime() / windowMs) * windowMs
      const expiresAt = start + windowMs
      const id = `${crypto.createHash('sha256').update(key).digest('hex').slice(0, 32)}-${start}`
      let opened = false
      if (!(await guardedUpdate(coll(), id, {}, { count: _.inc(1) }))) {
        opened = await createIfAbsent(coll(), id, { count: 1, expiresAt })
        // Another instance opened the window between our two steps: count on its document.
        if (!opened) await guardedUpdate(coll(), id, {}, { count: _.inc(1) })
      }
      const count = opened ? 1 : Number((await findById(coll(), id))?.count ?? 1)
      if (opened) await sweep(at)
      return { count, resetAt: new Date(expiresAt) }
    },
    sweep,
  }
}
