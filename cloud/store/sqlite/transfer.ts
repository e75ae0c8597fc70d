// 成果转化 on SQLite: one JSON document per record; status, owner, time and rev in columns for the
// queries and the guards. Every method one statement or one transaction.
import type { TransferNeed, TransferPlatform, TransferRequestRecord, TransferResult } from '../../contracts/transfer'
import type { TransferStore } from '../port'
import type { Db } from './database'
import { listedSteps } from './listed'

const docs = <T>(rows: unknown[]): T[] => (rows as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as T)

export function sqliteTransfer(db: Db): TransferStore {
  // The console's single-record steps; a new platform goes last in the directory.
  const results = listedSteps(db, 'transfer_results')
  const platforms = listedSteps(db, 'transfer_platforms', 'INSERT INTO transfer_platforms (id, sort, doc) VALUES (?, (SELECT COALESCE(MAX(sort), -1) + 1 FROM transfer_platforms), ?) ON CONFLICT (id) DO NOTHING')
  const q = {
    results: db.prepare('SELECT doc FROM transfer_results ORDER BY id'),
    result: db.prepare('SELECT doc FROM transfer_results WHERE id = ?'),
    clearResults: db.prepare('DELETE FROM transfer_results'),
    putResult: db.prepare('INSERT INTO transfer_results (id, doc) VALUES (?, ?)'),
    platforms: db.prepare('SELECT doc FROM transfer_platforms ORDER BY sort, id'),
    clearPlatforms: db.prepare('DELETE FROM transfer_platforms'),
    putPlatform: db.prepare('INSERT INTO transfer_platforms (id, sort, doc) VALUES (?, ?, ?)'),
    insertNeed: db.prepare('INSERT INTO transfer_needs (id, status, created_at, rev, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING'),
    need: db.prepare('SELECT doc FROM transfer_needs WHERE id = ?'),
    needs: db.prepare('SELECT doc FROM transfer_needs ORDER BY created_at DESC, id LIMIT 500'),
    updateNeed: db.prepare('UPDATE transfer_needs SET status = ?, rev = ?, doc = ? WHERE id = ? AND rev = ?'),
    insertRequest: db.prepare('INSERT INTO transfer_requests (id, openid, status, created_at, rev, doc) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING'),
    request: db.prepare('SELECT doc FROM transfer_requests WHERE id = ?'),
    requestsBy: db.prepare('SELECT doc FROM transfer_requests WHERE openid = ? ORDER BY created_at DESC, id LIMIT 100'),
    requests: db.prepare('SELECT doc FROM transfer_requests ORDER BY created_at DESC, id LIMIT 500'),
    requestsIn: db.prepare('SELECT doc FROM transfer_requests WHERE status = ? ORDER BY created_at DESC, id LIMIT 500'),
    updateRequest: db.prepare('UPDATE transfer_requests SET status = ?, rev = ?, doc = ? WHERE id = ? AND rev = ?'),
  }
  const replaceResults = db.transaction((results: TransferResult[]) => {
    q.clearResults.run()
    for (const r of results) q.putResult.run(r.id, JSON.stringify(r))
  })
  const replacePlatforms = db.transaction((platforms: TransferPlatform[]) => {
    q.clearPlatforms.run()
    platforms.forEach((p, i) => q.putPlatform.run(p.id, i, JSON.stringify(p)))
  })
  const one = <T>(row: unknown): T | null => (row ? (JSON.parse((row as { doc: string }).doc) as T) : null)
  return {
    async listResults() {
      return docs<TransferResult>(q.results.all())
    },
    async getResult(id) {
      return one<TransferResult>(q.result.get(id))
    },
    async replaceResults(results) {
      replaceResults(results)
    },
    async listPlatforms() {
      return docs<TransferPlatform>(q.platforms.all())
    },
    async replacePlatforms(platforms) {
      replacePlatforms(platforms)
    },
    saveResult: async (next, rev) => results.save(next, rev),
    removeResult: async (id, rev) => results.remove(id, rev),
    savePlatform: async (next, rev) => platforms.save(next, rev),
    removePlatform: async (id, rev) => platforms.remove(id, rev),
    async putNeed(need) {
      return q.insertNeed.run(need.id, need.status, need.createdAt, need.rev, JSON.stringify(need)).changes === 1
    },
    async getNeed(id) {
      return one<TransferNeed>(q.need.get(id))
    },
    async listNeeds() {
      return docs<TransferNeed>(q.needs.all())
    },
    async updateNeed(next, rev) {
      return q.updateNeed.run(next.status, next.rev, JSON.stringify(next), next.id, rev).changes === 1
    },
    async createRequest(r) {
      return q.insertRequest.run(r.id, r.openid, r.status, r.createdAt, r.rev, JSON.stringify(r)).changes === 1
    },
    async getRequest(id) {
      return one<TransferRequestRecord>(q.request.get(id))
    },
    async listRequestsBy(openid) {
      return docs<TransferRequestRecord>(q.requestsBy.all(openid))
    },
    async listRequests(status) {
      return docs<TransferRequestRecord>(status ? q.requestsIn.all(status) : q.requests.all())
    },
    async updateRequest(next, rev) {
      return q.updateRequest.run(next.status, next.rev, JSON.stringify(next), next.id, rev).changes === 1
    },
  }
}
