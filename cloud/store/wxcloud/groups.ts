// Group requests and the group quota on the cloud database, following the mapping above
// `GroupStore` in store/port.ts. A request document is the record (its `id` beside `_id`).
import type { GroupRequestRecord, GroupStore } from '../port'
import { applyGroupTransition } from '../group-record'
import { MAX_GET, type Doc, type WxDatabase } from './db'
import { createIfAbsent, fetchAll, findById, guardedIncrement, guardedUpdate, stripDoc } from './helpers'

type Names = { group_requests: string; group_quota: string }

const toRecord = (d: Doc): GroupRequestRecord => stripDoc<GroupRequestRecord>(d)

/** How many times an optimistic head count is retried when another gate counted in between. */
const COUNT_ROUNDS = 5

export function wxGroups(db: WxDatabase, names: Names): GroupStore {
  const _ = db.command
  const requests = () => db.collection(names.group_requests)
  const quota = () => db.collection(names.group_quota)
  const guarded = (sessionId: string, max: number, n: number) => guardedIncrement(db, quota(), sessionId, 'taken', n, { max })

  /** The changed fields as an update: nested values replaced whole (`_.set`), as SQLite writes the document. */
  const fields = (r: GroupRequestRecord): Record<string, unknown> =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v !== null && typeof v === 'object' ? _.set(v) : v]))

  return {
    async reservePlaces(sessionId, max, n) {
      if (n <= 0 || n > max) return n === 0
      if (await guarded(sessionId, max, n)) return true
      if (await createIfAbsent(quota(), sessionId, { taken: n })) return true
      return guarded(sessionId, max, n)
    },
    async releasePlaces(sessionId, n) {
      await guardedIncrement(db, quota(), sessionId, 'taken', -n, { min: 0 })
    },
    async placesTaken(sessionIds) {
      if (sessionIds.length === 0) return {}
      const { data } = await quota().where({ _id: _.in(sessionIds) }).limit(MAX_GET).get()
      return Object.fromEntries(data.map((d) => [d._id, d.taken as number]))
    },
    async create(r) {
      return createIfAbsent(requests(), r.id, { ...r })
    },
    async get(id) {
      const d = await findById(requests(), id)
      return d ? toRecord(d) : null
    },
    async listBy(openid, limit) {
      const { data } = await requests().where({ openid }).orderBy('createdAt', 'desc').limit(Math.min(limit, 100)).get()
      return data.map(toRecord)
    },
    async listOn(day) {
      return (await fetchAll(db, requests(), { day })).map(toRecord).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    },
    async transition(id, from, to, patch, owner, guard) {
      const current = await findById(requests(), id)
      if (!current) return null
      const record = toRecord(current)
      if (record.status !== from || (owner !== undefined && record.openid !== owner) || (guard?.noneCheckedIn && record.checkedIn !== 0)) return null
      const next = applyGroupTransition(record, to, patch)
      const { id: _id, ...changed } = next
      void _id
      // checkedIn: 0 in the update's own condition: a head count (guarded on status 'approved')
      // landing after the read above makes this update miss, as this one makes the count miss.
      const where: Record<string, unknown> = { status: from, ...(owner !== undefined ? { openid: owner } : {}), ...(guard?.noneCheckedIn ? { checkedIn: 0 } : {}) }
      return (await guardedUpdate(requests(), id, where, fields(changed as GroupRequestRecord))) ? next : null
    },
    async countIn(id, count) {
      for (let round = 0; round < COUNT_ROUNDS; round++) {
        const current = await findById(requests(), id)
        if (!current) return null
        const r = toRecord(current)
        if (r.status !== 'approved' || count.count <= 0 || r.checkedIn + count.count > r.people) return null
        const headCounts = [...r.headCounts, count]
        // Guarded on the count as read: a gate that counted in between makes this update miss, and we read again.
        if (await guardedUpdate(requests(), id, { status: 'approved', checkedIn: r.checkedIn }, { checkedIn: r.checkedIn + count.count, headCounts: _.set(headCounts) })) {
          return { ...r, checkedIn: r.checkedIn + count.count, headCounts }
        }
      }
      return null
    },
  }
}
