import type { OutboxMessage, OutboxStore } from '../port'
import { MAX_GET, type WxDatabase } from './db'
import { createIfAbsent, guardedUpdate, stripDoc } from './helpers'

export function wxOutbox(db: WxDatabase, name: string): OutboxStore {
  const outbox = () => db.collection(name)
  const _ = db.command
  return {
    async statusOf(ids) {
      const out: Record<string, Pick<OutboxMessage, 'status' | 'settledAt' | 'error'>> = {}
      // _.in takes a bounded list: pages of 100 ids, each one get of at most 100 documents.
      for (let i = 0; i < ids.length; i += 100) {
        const page = ids.slice(i, i + 100)
        const { data } = await outbox().where({ _id: _.in(page) }).limit(page.length).get()
        for (const d of data) {
          const { status, settledAt, error } = d as unknown as OutboxMessage
          out[d._id] = { status, ...(settledAt ? { settledAt } : {}), ...(error ? { error } : {}) }
        }
      }
      return out
    },
    async enqueue(message) {
      const { id, ...rest } = message
      return createIfAbsent(outbox(), id, { ...rest, status: 'pending', queuedAt: db.serverDate() })
    },
    async pending(limit) {
      const { data } = await outbox()
        .where({ status: 'pending' })
        .orderBy('createdAt', 'asc')
        .limit(Math.min(Math.max(1, limit), MAX_GET))
        .get()
      return data.map((d) => ({ ...stripDoc<Omit<OutboxMessage, 'id'>>(d, ['queuedAt']), id: d._id }))
    },
    async settle(id, outcome) {
      const data: Record<string, unknown> = { status: outcome.status, settledAt: outcome.at }
      if (outcome.error) data.error = outcome.error
      return guardedUpdate(outbox(), id, { status: 'pending' }, data)
    },
  }
}
