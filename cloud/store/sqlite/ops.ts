import type { AuditEntry, CounterRow, Notice } from '../../contracts/ops'
import type { SessionHold } from '../../contracts/holds'
import type { OpsStore } from '../port'
import type { Db } from './database'

/** Audit filters are by the operator's (Beijing) calendar day: the first instant of a Beijing day, and the first of the day after. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString()
const dayAfter = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString()

export function sqliteOps(db: Db): OpsStore {
  const q = {
    putNotice: db.prepare('INSERT INTO ops_notices (id, created_at, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc'),
    getNotice: db.prepare('SELECT doc FROM ops_notices WHERE id = ?'),
    removeNotice: db.prepare('DELETE FROM ops_notices WHERE id = ?'),
    listNotices: db.prepare('SELECT doc FROM ops_notices ORDER BY created_at DESC, id'),
    appendAudit: db.prepare('INSERT INTO ops_audit (id, at, account, action, doc) VALUES (?, ?, ?, ?, ?)'),
    bump: db.prepare(
      'INSERT INTO ops_counters (counter, day, count) VALUES (?, ?, ?) ON CONFLICT (counter, day) DO UPDATE SET count = count + excluded.count',
    ),
    counters: db.prepare(
      "SELECT counter, day, count FROM ops_counters WHERE day >= ? AND day <= ? AND substr(counter, 1, length(?)) = ? ORDER BY day, counter",
    ),
    once: db.prepare('INSERT OR IGNORE INTO ops_once (key) VALUES (?)'),
    addHold: db.prepare('INSERT OR IGNORE INTO ops_holds (id, day, status, created_at, doc) VALUES (?, ?, ?, ?, ?)'),
    listHolds: db.prepare('SELECT doc FROM ops_holds WHERE day = ? ORDER BY created_at, id'),
    getHeld: db.prepare("SELECT doc FROM ops_holds WHERE id = ? AND status = 'held'"),
    release: db.prepare("UPDATE ops_holds SET status = 'released', doc = ? WHERE id = ? AND status = 'held'"),
  }
  const releaseOne = db.transaction((id: string, patch: { at: string; by: string }): SessionHold | null => {
    const row = q.getHeld.get(id) as { doc: string } | undefined
    if (!row) return null
    const released: SessionHold = { ...(JSON.parse(row.doc) as SessionHold), status: 'released', releasedAt: patch.at, releasedBy: patch.by }
    return q.release.run(JSON.stringify(released), id).changes === 1 ? released : null
  })
  return {
    async putNotice(n: Notice) {
      q.putNotice.run(n.id, n.createdAt, JSON.stringify(n))
    },
    async getNotice(id) {
      const row = q.getNotice.get(id) as { doc: string } | undefined
      return row ? (JSON.parse(row.doc) as Notice) : null
    },
    async removeNotice(id) {
      return q.removeNotice.run(id).changes === 1
    },
    async listNotices() {
      return (q.listNotices.all() as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as Notice)
    },
    async appendAudit(e: AuditEntry) {
      q.appendAudit.run(e.id, e.at, e.account, e.action, JSON.stringify(e))
    },
    async listAudit(query) {
      const where: string[] = []
      const args: string[] = []
      const filter = (clause: string, value: string) => {
        where.push(clause)
        args.push(value)
      }
      if (query.account) filter('account = ?', query.account)
      if (query.operation) filter('action = ?', query.operation)
      if (query.fromDay) filter('at >= ?', dayStart(query.fromDay))
      if (query.toDay) filter('at < ?', dayAfter(query.toDay))
      const limit = Math.min(Math.max(1, query.limit ?? 100), 500)
      const sql = `SELECT doc FROM ops_audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ${limit}`
      return (db.prepare(sql).all(...args) as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as AuditEntry)
    },
    async bump(counter, day, by = 1) {
      q.bump.run(counter, day, by)
    },
    async counters(prefix, fromDay, toDay) {
      return q.counters.all(fromDay, toDay, prefix, prefix) as CounterRow[]
    },
    async markOnce(key) {
      return q.once.run(key).changes === 1
    },
    async addHold(h) {
      return q.addHold.run(h.id, h.day, h.status, h.createdAt, JSON.stringify(h)).changes === 1
    },
    async listHolds(day) {
      return (q.listHolds.all(day) as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as SessionHold)
    },
    async releaseHold(id, patch) {
      return releaseOne(id, patch)
    },
  }
}
