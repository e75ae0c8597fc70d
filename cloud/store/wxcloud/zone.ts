// Zone section on the cloud database. A replace cannot be one transaction there (thousands of
// documents), so records are written under a new generation, then one small pointer document is
// switched to it (the single-document atomic step readers key on), then the old generation is
// removed. Readers list the current generation in pages of ≤ 1000, so they see old or new, never a mix.
import crypto from 'node:crypto'
import type { Company, Policy, ZoneChart } from '../../contracts/zone'
import type { ZoneStore } from '../port'
import type { WxDatabase } from './db'
import { fetchAll, findById, stripDoc, withoutId } from './helpers'

type Names = { zone_companies: string; zone_policies: string; zone_charts: string; meta: string }
type Kind = 'companies' | 'policies' | 'charts'

interface Pointer {
  companies?: string
  policies?: string
  charts?: string
  version?: string
}

const POINTER_ID = 'zone_generation'
/** Parallel adds per round: enough to load 10,000 records in reasonable time, gentle on quotas. */
const WRITE_CONCURRENCY = 20

const newId = () => `${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`

export function wxZone(db: WxDatabase, names: Names): ZoneStore {
  const coll = { companies: names.zone_companies, policies: names.zone_policies, charts: names.zone_charts }

  async function pointer(): Promise<Pointer> {
    const doc = await findById(db.collection(names.meta), POINTER_ID)
    // Only the pointer's own fields: its `_id` must not travel back into set({ data }).
    return (doc ? withoutId(doc) : {}) as Pointer
  }

  async function list<T>(kind: Kind): Promise<T[]> {
    const gen = (await pointer())[kind]
    if (!gen) return []
    // `_id` = `${gen}:${recordId}`, so the pager's _id order is the record id order.
    const docs = await fetchAll(db, db.collection(coll[kind]), { gen })
    return docs.map((d) => stripDoc<T>(d, ['gen', 'sort', 'updatedAt']))
  }

  async function getOne<T>(kind: Kind, id: string): Promise<T | null> {
    const gen = (await pointer())[kind]
    if (!gen) return null
    const doc = await findById(db.collection(coll[kind]), `${gen}:${id}`)
    return doc ? stripDoc<T>(doc, ['gen', 'sort', 'updatedAt']) : null
  }

  async function replace(kind: Kind, records: Array<{ id: string }>): Promise<string> {
    const gen = newId()
    const target = db.collection(coll[kind])
    for (let i = 0; i < records.length; i += WRITE_CONCURRENCY) {
      await Promise.all(
        records.slice(i, i + WRITE_CONCURRENCY).map((r, j) =>
          // sort keeps the given order for charts (their ids are not in display order).
          target.add({ data: { ...r, _id: `${gen}:${kind === 'charts' ? String(i + j).padStart(5, '0') : r.id}`, gen, sort: i + j } }),
        ),
      )
    }
    const before = await pointer()
    const version = newId()
    await db.collection(names.meta).doc(POINTER_ID).set({ data: { ...before, [kind]: gen, version, updatedAt: db.serverDate() } })
    const old = before[kind]
    if (old) await target.where({ gen: old }).remove()
    return version
  }

  return {
    async version() {
      return (await pointer()).version ?? 'empty'
    },
    listCompanies: () => list<Company>('companies'),
    listPolicies: () => list<Policy>('policies'),
    getCompany: (id) => getOne<Company>('companies', id),
    getPolicy: (id) => getOne<Policy>('policies', id),
    listCharts: () => list<ZoneChart>('charts'),
    replaceCompanies: (companies) => replace('companies', companies),
    replacePolicies: (policies) => replace('policies', policies),
    replaceCharts: (charts) => replace('charts', charts),
  }
}
