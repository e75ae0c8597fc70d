import type { Exhibit, Hall } from '../../contracts/exhibit'
import type { ContentStore } from '../port'
import type { WxDatabase } from './db'
import { fetchAll, findById, stripDoc } from './helpers'

type Names = { halls: string; exhibits: string }

export function wxContent(db: WxDatabase, names: Names): ContentStore {
  const halls = () => db.collection(names.halls)
  const exhibits = () => db.collection(names.exhibits)

  async function listHalls(): Promise<Hall[]> {
    const docs = await fetchAll(db, halls())
    return docs
      .sort((a, b) => (a.sort as number) - (b.sort as number) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
      .map((d) => stripDoc<Hall>(d, ['sort', 'updatedAt']))
  }

  return {
    listHalls,
    async listExhibits() {
      const [hallList, docs] = await Promise.all([listHalls(), fetchAll(db, exhibits())])
      const hallRank = new Map(hallList.map((h, i) => [h.id, i]))
      const rank = (e: Exhibit) => hallRank.get(e.hallId) ?? Number.MAX_SAFE_INTEGER
      return docs
        .map((d) => stripDoc<Exhibit>(d, ['updatedAt']))
        .sort((a, b) => rank(a) - rank(b) || a.sort - b.sort || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    },
    async getExhibit(code) {
      const doc = await findById(exhibits(), code)
      return doc ? stripDoc<Exhibit>(doc, ['updatedAt']) : null
    },
    async putExhibit(ex) {
      await exhibits().doc(ex.code).set({ data: { ...ex, updatedAt: db.serverDate() } })
    },
    async putHall(hall, sort) {
      await halls().doc(hall.id).set({ data: { ...hall, sort, updatedAt: db.serverDate() } })
    },
    async replaceExhibits(newHalls, newExhibits) {
      // One transaction of single-document writes (the only kind a transaction allows): readers see
      // the old content or the new, never a mix. Stale ids are read first, outside the transaction.
      const [oldHalls, oldExhibits] = await Promise.all([fetchAll(db, halls()), fetchAll(db, exhibits())])
      const hallIds = new Set(newHalls.map((h) => h.id))
      const exhibitIds = new Set(newExhibits.map((e) => e.code))
      await db.runTransaction(async (tx) => {
        const h = tx.collection(names.halls)
        const e = tx.collection(names.exhibits)
        for (const doc of oldExhibits) if (!exhibitIds.has(doc._id)) await e.doc(doc._id).remove()
        for (const doc of oldHalls) if (!hallIds.has(doc._id)) await h.doc(doc._id).remove()
        for (const [i, hall] of newHalls.entries()) await h.doc(hall.id).set({ data: { ...hall, sort: i, updatedAt: db.serverDate() } })
        for (const ex of newExhibits) await e.doc(ex.code).set({ data: { ...ex, updatedAt: db.serverDate() } })
      })
    },
  }
}
