import type { OutboxMessage, OutboxStore } from '../port'
import type { Db } from './database'

export function sqliteOutbox(db: Db): OutboxStore {
  const insert = db.prepare('INSERT OR IGNORE INTO outbox (id, status, created_at, doc) VALUES (?, ?, ?, ?)')
  const pending = db.prepare("SELECT doc FROM outbox WHERE status = 'pending' ORDER BY created_at, id LIMIT ?")
  const get = db.prepare("SELECT doc FROM outbox WHERE id = ? AND status = 'pending'")
  const settle = db.prepare("UPDATE outbox SET status = ?, doc = ? WHERE id = ? AND status = 'pending'")
  const settleOne = db.transaction((id: string, outcome: { status: 'sent' | 'failed'; at: string; error?: string }) => {
    const row = get.get(id) as { doc: string } | undefined
    if (!row) return false
    const doc: OutboxMessage = { ...(JSON.parse(row.doc) as OutboxMessage), status: outcome.status, settledAt: outcome.at }
    if (outcome.error) doc.error = outcome.error
    return settle.run(outcome.status, JSON.stringify(doc), id).changes === 1
  })
  const statusOf = (ids: string[]) => db.prepare(`SELECT id, doc FROM outbox WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{ id: string; doc: string }>
  return {
    async statusOf(ids) {
      const out: Record<string, Pick<OutboxMessage, 'status' | 'settledAt' | 'error'>> = {}
      // SQLite binds at most 32766 parameters; pages of 500 stay far below.
      for (let i = 0; i < ids.length; i += 500) {
        for (const row of statusOf(ids.slice(i, i + 500))) {
          const { status, settledAt, error } = JSON.parse(row.doc) as OutboxMessage
          out[row.id] = { status, ...(settledAt ? { settledAt } : {}), ...(error ? { error } : {}) }
        }
      }
      return out
    },
    async enqueue(message) {
      const doc: OutboxMessage = { ...message, status: 'pending' }
      return insert.run(message.id, 'pending', message.createdAt, JSON.stringify(doc)).changes === 1
    },
    async pending(limit) {
      return (pending.all(Math.min(Math.max(1, limit), 1000)) as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as OutboxMessage)
    },
    async settle(id, outcome) {
      return settleOne(id, outcome)
    },
  }
}
