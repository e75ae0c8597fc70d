// Group requests and the group quota on SQLite: the request as one JSON document with its status,
// owner, day and head count in columns for the queries and the guards; the quota a counter of its
// own (group_quota), apart from the individuals' booking_sessions. Every method one statement or
// one transaction.
import type { GroupRequestRecord, GroupStore } from '../port'
import { applyGroupTransition } from '../group-record'
import type { Db } from './database'

const docs = (rows: unknown[]): GroupRequestRecord[] => (rows as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as GroupRequestRecord)

export function sqliteGroups(db: Db): GroupStore {
  const q = {
    // One statement: the first reserve makes the counter, later ones add while within the quota.
    reserve: db.prepare(
      `INSERT INTO group_quota (id, taken) SELECT @id, @n WHERE @n <= @quota
       ON CONFLICT (id) DO UPDATE SET taken = taken + @n WHERE taken + @n <= @quota`,
    ),
    release: db.prepare('UPDATE group_quota SET taken = taken - @n WHERE id = @id AND taken >= @n'),
    insert: db.prepare(
      `INSERT INTO group_requests (id, openid, day, status, created_at, people, checked_in, doc)
       VALUES (@id, @openid, @day, @status, @createdAt, @people, @checkedIn, @doc) ON CONFLICT (id) DO NOTHING`,
    ),
    get: db.prepare('SELECT doc FROM group_requests WHERE id = ?'),
    listBy: db.prepare('SELECT doc FROM group_requests WHERE openid = ? ORDER BY created_at DESC, id LIMIT ?'),
    listOn: db.prepare('SELECT doc FROM group_requests WHERE day = ? ORDER BY created_at, id LIMIT 1000'),
    update: db.prepare('UPDATE group_requests SET status = @to, checked_in = @checkedIn, doc = @doc WHERE id = @id AND status = @from AND checked_in = @was'),
  }
  const taken = (n: number) => db.prepare(`SELECT id, taken FROM group_quota WHERE id IN (${Array.from({ length: n }, () => '?').join(', ')})`)
  const read = (id: string): GroupRequestRecord | null => {
    const row = q.get.get(id) as { doc: string } | undefined
    return row ? (JSON.parse(row.doc) as GroupRequestRecord) : null
  }
  /** Read, decide, write in one transaction: the UPDATE's guard repeats the decision's premises. */
  const change = db.transaction((id: string, decide: (r: GroupRequestRecord) => GroupRequestRecord | null): GroupRequestRecord | null => {
    const current = read(id)
    const next = current && decide(current)
    if (!current || !next) return null
    const res = q.update.run({ id, to: next.status, checkedIn: next.checkedIn, doc: JSON.stringify(next), from: current.status, was: current.checkedIn })
    return res.changes === 1 ? next : null
  })
  return {
    async reservePlaces(sessionId, quota, n) {
      if (n <= 0) return n === 0
      return q.reserve.run({ id: sessionId, n, quota }).changes === 1
    },
    async releasePlaces(sessionId, n) {
      q.release.run({ id: sessionId, n })
    },
    async placesTaken(sessionIds) {
      if (sessionIds.length === 0) return {}
      const rows = taken(sessionIds.length).all(sessionIds) as Array<{ id: string; taken: number }>
      return Object.fromEntries(rows.map((r) => [r.id, r.taken]))
    },
    async create(r) {
      return q.insert.run({ id: r.id, openid: r.openid, day: r.day, status: r.status, createdAt: r.createdAt, people: r.people, checkedIn: r.checkedIn, doc: JSON.stringify(r) }).changes === 1
    },
    async get(id) {
      return read(id)
    },
    async listBy(openid, limit) {
      return docs(q.listBy.all(openid, Math.min(limit, 100)))
    },
    async listOn(day) {
      return docs(q.listOn.all(day))
    },
    async transition(id, from, to, patch, owner, guard) {
      // In the same transaction as the read; the UPDATE also repeats checked_in as read.
      return change(id, (r) => (r.status === from && (owner === undefined || r.openid === owner) && (!guard?.noneCheckedIn || r.checkedIn === 0) ? applyGroupTransition(r, to, patch) : null))
    },
    async countIn(id, count) {
      return change(id, (r) =>
        r.status === 'approved' && count.count > 0 && r.checkedIn + count.count <= r.people
          ? { ...r, checkedIn: r.checkedIn + count.count, headCounts: [...r.headCounts, count] }
          : null,
      )
    },
  }
}
