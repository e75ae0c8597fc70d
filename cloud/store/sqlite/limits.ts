// Rate-limit counters on SQLite: one row per key and window; the increment and the read of the new
// count are one statement (UPSERT … RETURNING), so concurrent connections each count once.
import type { RateLimitStore } from '../port'
import type { Db } from './database'

export function sqliteLimits(db: Db): RateLimitStore {
  const q = {
    hit: db.prepare(
      `INSERT INTO rate_counters (key, window_start, count, expires_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count`,
    ),
    sweep: db.prepare('DELETE FROM rate_counters WHERE expires_at <= ?'),
  }
  const sweep = (at: Date) => q.sweep.run(at.getTime()).changes
  return {
    async hit(key, windowMs, at) {
      const start = Math.floor(at.getTime() / windowMs) * windowMs
      const end = start + windowMs
      const { count } = q.hit.get(key, start, end) as { count: number }
      if (count === 1) sweep(at)
      return { count, resetAt: new Date(end) }
    },
    async sweep(at) {
      return sweep(at)
    },
  }
}
