// Rate-limit counters on the cloud database (collection `rate_counters`), following the mapping
// above `RateLimitStore` in store/port.ts. The `_id` is a hash of the key: keys carry whatever a
// caller typed as a user name, and `_id` has its own length and character rules.
import crypto from 'node:crypto'
import type { RateLimitStore } from '../port'
import type { WxDatabase } from './db'
import { createIfAbsent, findById, guardedUpdate } from './helpers'

/** Each round ends in one of its three steps unless another instance changed the document between
 *  them; a few rounds are plenty (the limits are tens of hits per ten minutes). */
const MAX_ROUNDS = 5

export function wxLimits(db: WxDatabase, name: string): RateLimitStore {
  const _ = db.command
  const coll = () => db.collection(name)
  const idOf = (key: string) => crypto.createHash('sha256').update(key).digest('hex').slice(0, 40)
  const sweep = async (at: Date) => (await coll().where({ resetAt: _.lte(at.getTime()) }).remove()).stats.removed ?? 0
  return {
    async hit(key, windowMs, at) {
      const now = at.getTime()
      const id = idOf(key)
      for (let round = 0; round < MAX_ROUNDS; round++) {
        if (await guardedUpdate(coll(), id, { resetAt: _.gt(now) }, { count: _.inc(1) })) {
          const doc = await findById(coll(), id)
          return { count: Number(doc?.count ?? 1), resetAt: new Date(Number(doc?.resetAt ?? now + windowMs)) }
        }
        // The window ended (or there is none yet): open the next one.
        const opened =
          (await guardedUpdate(coll(), id, { resetAt: _.lte(now) }, { count: 1, resetAt: now + windowMs })) ||
          (await createIfAbsent(coll(), id, { count: 1, resetAt: now + windowMs }))
        if (opened) {
          await sweep(at)
          return { count: 1, resetAt: new Date(now + windowMs) }
        }
      }
      throw new Error(`rate counter ${id}: too much contention`)
    },
    sweep,
    async peek(key, at) {
      const doc = await findById(coll(), idOf(key))
      return doc && Number(doc.resetAt) > at.getTime() ? { count: Number(doc.count ?? 0), resetAt: new Date(Number(doc.resetAt)) } : null
    },
    async clear(keys) {
      if (keys.length) await coll().where({ _id: _.in(keys.map(idOf)) }).remove()
    },
  }
}
