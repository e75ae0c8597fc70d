// Zone section on the cloud database. A replace cannot be one transaction there (thousands of
// documents), so records are written under a new generation, then one small pointer document is
// switched to it (the single-document atomic step readers key on), then the old generation is
// removed. Readers list the current generation in pages of ≤ 1000, so they see old or new, never a mix.
import crypto from 'node:crypto'
import type { Company, Policy, ZoneChart } from '../../contracts/zone'
import type { SavedZoneProfile, ZoneStore } from '../port'
import type { WxDatabase } from './db'
import { MAX_GET } from './db'
import { createIfAbsent, fetchAll, findById, listedSteps, stripDoc, withoutId } from './helpers'

type Names = { zone_companies: string; zone_policies: string; zone_charts: string; zone_profiles: string; meta: string }
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

  /** The current generation of a list, made on the first save into a store that has none (two
   *  first saves at once agree on one: the pointer gets the field only where it has none yet). */
  async function generation(kind: 'companies' | 'policies'): Promise<string> {
    const current = (await pointer())[kind]
    if (current) return current
    const meta = db.collection(names.meta)
    const gen = newId()
    const claimed = await meta.where({ _id: POINTER_ID, [kind]: db.command.exists(false) }).update({ data: { [kind]: gen } })
    if ((claimed.stats.updated ?? 0) === 0) await createIfAbsent(meta, POINTER_ID, { [kind]: gen })
    return (await pointer())[kind] as string
  }

  // The console's one-record edits, under the current generation; each that writes changes the version.
  const listed = listedSteps(db)
  const versioned = async (done: boolean) => {
    if (done) await db.collection(names.meta).doc(POINTER_ID).update({ data: { version: newId(), updatedAt: db.serverDate() } })
    return done
  }
  async function saveOne(kind: 'companies' | 'policies', next: { id: string }, rev: number | null) {
    const gen = await generation(kind)
    return versioned(await listed.save(db.collection(coll[kind]), `${gen}:${next.id}`, next, rev, { gen }))
  }
  async function removeOne(kind: 'companies' | 'policies', id: string, rev: number) {
    const gen = (await pointer())[kind]
    return versioned(!!gen && (await listed.remove(db.collection(coll[kind]), `${gen}:${id}`, rev)))
  }

  const _ = db.command
  const profiles = () => db.collection(names.zone_profiles)
  const readProfile = (d: Record<string, unknown>) => ({ ...stripDoc<SavedZoneProfile>(d as never), openid: d._id as string })

  return {
    async saveProfile(saved) {
      // Objects are merged field by field by an update: _.set makes the profile and baseline replace the stored ones.
      const data = { profile: _.set(saved.profile), known: _.set(saved.known), savedAt: saved.savedAt }
      const res = await profiles().where({ _id: saved.openid }).update({ data })
      if ((res.stats.updated ?? 0) === 1) return
      const created = await createIfAbsent(profiles(), saved.openid, { ...saved, granted: 0, used: 0, notified: [] })
      // Lost a race with another first save: that one exists now, so write over it.
      if (!created) await profiles().where({ _id: saved.openid }).update({ data })
    },
    async getProfile(openid) {
      const d = await findById(profiles(), openid)
      return d ? readProfile(d) : null
    },
    async listProfiles(after, limit) {
      const { data } = await profiles()
        .where(after === null ? {} : { _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(Math.min(limit, MAX_GET))
        .get()
      return data.map(readProfile)
    },
    async grantProfileNotice(openid, maxUnused) {
      const d = await findById(profiles(), openid)
      if (!d) return false
      const p = readProfile(d)
      if (p.granted - p.used >= maxUnused) return false
      // Guarded on the granted count read: a racing grant makes this one fail rather than exceed the cap.
      const res = await profiles().where({ _id: openid, granted: p.granted }).update({ data: { granted: p.granted + 1 } })
      return (res.stats.updated ?? 0) === 1
    },
    async useProfileNotice(openid, used, notified) {
      const res = await profiles().where({ _id: openid, used, granted: _.gt(used) }).update({ data: { used: used + 1, notified } })
      return (res.stats.updated ?? 0) === 1
    },
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
    saveCompany: (next, rev) => saveOne('companies', next, rev),
    removeCompany: (id, rev) => removeOne('companies', id, rev),
    savePolicy: (next, rev) => saveOne('policies', next, rev),
    removePolicy: (id, rev) => removeOne('policies', id, rev),
  }
}
