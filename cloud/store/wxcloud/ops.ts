import type { AuditEntry, CounterRow, Notice } from '../../contracts/ops'
import type { SessionHold } from '../../contracts/holds'
import type { OpsStore } from '../port'
import type { CollectionName } from './collections'
import { MAX_GET, type WxDatabase } from './db'
import { createIfAbsent, fetchAll, findById, guardedUpdate, stripDoc } from './helpers'

const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString()
const dayAfter = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString()

export function wxOps(db: WxDatabase, names: Record<CollectionName, string>): OpsStore {
  const notices = () => db.collection(names.ops_notices)
  const audit = () => db.collection(names.ops_audit)
  const counters = () => db.collection(names.ops_counters)
  const once = () => db.collection(names.ops_once)
  const holds = () => db.collection(names.ops_holds)
  const _ = db.command

  return {
    async putNotice(n) {
      await notices().doc(n.id).set({ data: { ...n } })
    },
    async getNotice(id) {
      const doc = await findById(notices(), id)
      return doc ? { ...stripDoc<Notice>(doc), id } : null
    },
    async removeNotice(id) {
      const res = await notices().where({ _id: id }).remove()
      return (res.stats.removed ?? 0) === 1
    },
    async listNotices() {
      const docs = await fetchAll(db, notices())
      return docs
        .map((d) => ({ ...stripDoc<Notice>(d), id: d._id }))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
    },
    async appendAudit(e: AuditEntry) {
      await audit().add({ data: { ...e, _id: e.id } })
    },
    async listAudit(query) {
      const where: Record<string, unknown> = {}
      if (query.account) where.account = query.account
      if (query.operation) where.action = query.operation
      const range: unknown[] = []
      if (query.fromDay) range.push(_.gte(dayStart(query.fromDay)))
      if (query.toDay) range.push(_.lt(dayAfter(query.toDay)))
      if (range.length) where.at = range.length === 1 ? range[0] : _.and(range)
      const limit = Math.min(Math.max(1, query.limit ?? 100), 500, MAX_GET)
      const base = Object.keys(where).length ? audit().where(where) : audit()
      const { data } = await base.orderBy('at', 'desc').orderBy('_id', 'desc').limit(limit).get()
      return data.map((d) => ({ ...stripDoc<AuditEntry>(d), id: d._id }))
    },
    async bump(counter, day, by = 1) {
      const id = `${counter}|${day}`
      if (await guardedUpdate(counters(), id, {}, { count: _.inc(by) })) return
      if (await createIfAbsent(counters(), id, { counter, day, count: by })) return
      // Someone created it between our two steps: the increment now finds it.
      await guardedUpdate(counters(), id, {}, { count: _.inc(by) })
    },
    async counters(prefix, fromDay, toDay) {
      const docs = await fetchAll(db, counters(), { day: _.and([_.gte(fromDay), _.lte(toDay)]) })
      return docs
        .map((d) => ({ counter: d.counter as string, day: d.day as string, count: d.count as number }) satisfies CounterRow)
        .filter((r) => r.counter.startsWith(prefix))
        .sort((a, b) => a.day.localeCompare(b.day) || a.counter.localeCompare(b.counter))
    },
    async markOnce(key) {
      return createIfAbsent(once(), key, { at: db.serverDate() })
    },
    async addHold(h) {
      const { id, ...rest } = h
      return createIfAbsent(holds(), id, rest)
    },
    async listHolds(day) {
      const docs = await fetchAll(db, holds(), { day })
      return docs.map((d) => ({ ...stripDoc<SessionHold>(d), id: d._id })).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    },
    async releaseHold(id, patch) {
      if (!(await guardedUpdate(holds(), id, { status: 'held' }, { status: 'released', releasedAt: patch.at, releasedBy: patch.by }))) return null
      const doc = await findById(holds(), id)
      return doc ? { ...stripDoc<SessionHold>(doc), id } : null
    },
  }
}
