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

  // The hits asked for within one turn of the event loop are counted in ONE transaction, one after
  // another, each answered with its own count (a crowd saving visitors is one commit, not one per
  // visitor). A batch that counted a new key also drops the rows whose window ended before its
  // earliest hit: the table holds live windows only, as when each new key swept.
  type Hit = { key: string; windowMs: number; at: number; resolve: (r: { count: number; resetAt: Date }) => void; reject: (e: unknown) => void }
  let waiting: Hit[] = []
  const countAll = db.transaction((batch: Hit[]) => {
    let opened = false
    let earliest = Infinity
    const rows = batch.map((h) => {
      const row = q.hit.get({ key: h.key, now: h.at, resetAt: h.at + h.windowMs }) as { count: number; resetAt: number }
      if (row.count === 1) opened = true
      earliest = Math.min(earliest, h.at)
      return row
    })
    if (opened) q.sweep.run(earliest)
    return rows
  })
  const flush = () => {
    const batch = waiting
    waiting = []
    let rows: Array<{ count: number; resetAt: number }>
    try {
      rows = countAll.immediate(batch)
    } catch (error) {
      for (const h of batch) h.reject(error)
      return
    }
    batch.forEach((h, i) => h.resolve({ count: rows[i].count, resetAt: new Date(rows[i].resetAt) }))
  }
  return {
    hit(key, windowMs, at) {
      return new Promise((resolve, reject) => {
        if (waiting.push({ key, windowMs, at: at.getTime(), resolve, reject }) === 1) setImmediate(flush)
      })
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
