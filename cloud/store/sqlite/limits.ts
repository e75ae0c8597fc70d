// Rate-limit counters on SQLite: one row per key; the increment (or the start of a new window when
// the old one ended) and the read of the result are one statement (UPSERT … RETURNING), so
// concurrent connections each count once.
import type { RateLimitStore } from '../port'
import type { Db } from './database'

export function sqliteLimits(db: Db): RateLimitStore {
  const q = {
    hit: db.prepare(
      `INSERT INTO rate_counters (key, count, reset_at) VALUES (@key, 1, @resetAt)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN reset_at <= @now THEN 1 ELSE count + 1 END,
         reset_at = CASE WHEN reset_at <= @now THEN @resetAt ELSE reset_at END
       RETURNING count, reset_at AS resetAt`,
    ),
    sweep: db.prepare('DELETE FROM rate_counters WHERE reset_at <= ?'),
    peek: db.prepare('SELECT count, reset_at AS resetAt FROM rate_counters WHERE key = ? AND reset_at > ?'),
    clear: db.prepare('DELETE FROM rate_counters WHERE key = ?'),
  }
  const sweep = (at: Date) => q.sweep.run(at.getTime()).changes
  return {
    async hit(key, windowMs, at) {
      const now = at.getTime()
      const row = q.hit.get({ key, now, resetAt: now + windowMs }) as { count: number; resetAt: number }
      if (row.count === 1) sweep(at)
      return { count: row.count, resetAt: new Date(row.resetAt) }
    },
    async sweep(at) {
      return sweep(at)
    },
    async peek(key, at) {
      const row = q.peek.get(key, at.getTime()) as { count: number; resetAt: number } | undefined
      return row ? { count: row.count, resetAt: new Date(row.resetAt) } : null
    },
    async clear(keys) {
      for (const key of keys) q.clear.run(key)
    },
  }
}
