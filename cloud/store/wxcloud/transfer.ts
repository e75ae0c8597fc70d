// 成果转化 on the cloud database, following the mapping above `TransferStore` in store/port.ts.
// Records keep their own `id` beside `_id` (the same value), so a document reads back as the record.
import type { TransferNeed, TransferPlatform, TransferRequestRecord, TransferResult } from '../../contracts/transfer'
import type { TransferStore } from '../port'
import { MAX_GET, type Doc, type WxDatabase } from './db'
import { createIfAbsent, fetchAll, findById, listedSteps, replacing as replacingFields, stripDoc } from './helpers'

type Names = { transfer_results: string; transfer_platforms: string; transfer_needs: string; transfer_requests: string }

export function wxTransfer(db: WxDatabase, names: Names): TransferStore {
  const _ = db.command
  const coll = (name: keyof Names) => db.collection(names[name])
  const read = <T>(d: Doc) => stripDoc<T>(d, ['sort'])

  const replacing = (record: object) => replacingFields(db, record)

  /** One transaction of single-document writes (as the exhibit content): readers see the old list or the new one. */
  async function replace(name: 'transfer_results' | 'transfer_platforms', records: Array<{ id: string }>) {
    const old = await fetchAll(db, coll(name))
    const keep = new Set(records.map((r) => r.id))
    await db.runTransaction(async (tx) => {
      const c = tx.collection(names[name])
      for (const doc of old) if (!keep.has(doc._id)) await c.doc(doc._id).remove()
      for (const [i, r] of records.entries()) await c.doc(r.id).set({ data: { ...r, sort: i } })
    })
  }

  async function guarded(name: 'transfer_needs' | 'transfer_requests', next: { id: string; rev: number }, rev: number) {
    const res = await coll(name).where({ _id: next.id, rev }).update({ data: replacing(next) })
    return (res.stats.updated ?? 0) === 1
  }

  // Results and platforms: the console's one-record steps (their `_id` is the record's id).
  const listed = listedSteps(db)
  const saveListed = async (name: 'transfer_results' | 'transfer_platforms', next: { id: string }, rev: number | null, sort: () => Promise<number>) =>
    listed.save(coll(name), next.id, next, rev, rev === null ? { sort: await sort() } : {})
  const removeListed = (name: 'transfer_results' | 'transfer_platforms', id: string, rev: number) => listed.remove(coll(name), id, rev)

  /** After the last platform: the directory keeps the order it was given, new ones at the end. */
  async function nextPlatformSort() {
    const { data } = await coll('transfer_platforms').orderBy('sort', 'desc').limit(1).get()
    return data.length ? (data[0].sort as number) + 1 : 0
  }

  return {
    async listResults() {
      return (await fetchAll(db, coll('transfer_results'))).map((d) => read<TransferResult>(d))
    },
    async getResult(id) {
      const d = await findById(coll('transfer_results'), id)
      return d ? read<TransferResult>(d) : null
    },
    async replaceResults(results) {
      await replace('transfer_results', results)
    },
    async listPlatforms() {
      return (await fetchAll(db, coll('transfer_platforms'))).sort((a, b) => (a.sort as number) - (b.sort as number)).map((d) => read<TransferPlatform>(d))
    },
    async replacePlatforms(platforms) {
      await replace('transfer_platforms', platforms)
    },
    saveResult: (next, rev) => saveListed('transfer_results', next, rev, async () => 0),
    removeResult: (id, rev) => removeListed('transfer_results', id, rev),
    savePlatform: (next, rev) => saveListed('transfer_platforms', next, rev, nextPlatformSort),
    removePlatform: (id, rev) => removeListed('transfer_platforms', id, rev),
    async putNeed(need) {
      return createIfAbsent(coll('transfer_needs'), need.id, { ...need })
    },
    async getNeed(id) {
      const d = await findById(coll('transfer_needs'), id)
      return d ? read<TransferNeed>(d) : null
    },
    async listNeeds() {
      const { data } = await coll('transfer_needs').orderBy('createdAt', 'desc').limit(Math.min(500, MAX_GET)).get()
      return data.map((d) => read<TransferNeed>(d))
    },
    updateNeed: (next, rev) => guarded('transfer_needs', next, rev),
    async createRequest(r) {
      return createIfAbsent(coll('transfer_requests'), r.id, { ...r })
    },
    async getRequest(id) {
      const d = await findById(coll('transfer_requests'), id)
      return d ? read<TransferRequestRecord>(d) : null
    },
    async listRequestsBy(openid) {
      const { data } = await coll('transfer_requests').where({ openid }).orderBy('createdAt', 'desc').limit(100).get()
      return data.map((d) => read<TransferRequestRecord>(d))
    },
    async listRequests(status) {
      const base = coll('transfer_requests')
      const { data } = await (status ? base.where({ status }) : base).orderBy('createdAt', 'desc').limit(500).get()
      return data.map((d) => read<TransferRequestRecord>(d))
    },
    updateRequest: (next, rev) => guarded('transfer_requests', next, rev),
  }
}
