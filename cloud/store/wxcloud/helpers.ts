// Reusable cloud-database steps for every section of the adapter (content and meta now; booking,
// zone and outbox use the same ones). Each is one atomic operation on the server or a paged read.
import { MAX_GET, type Doc, type WxCollection, type WxDatabase } from './db'

/**
 * Reads every document matching `where`, in `_id` order, one page (≤ 1000) at a time, by `_id`
 * ranges rather than skip: stable while others insert, and no slow deep skips.
 * `where` must not constrain `_id` itself (the pager owns it).
 */
export async function fetchAll(
  db: WxDatabase,
  coll: WxCollection,
  where: Record<string, unknown> = {},
  pageSize = MAX_GET,
): Promise<Doc[]> {
  if ('_id' in where) throw new Error('fetchAll: the pager owns _id; filter by other fields')
  const size = Math.min(pageSize, MAX_GET)
  const _ = db.command
  const out: Doc[] = []
  let after: string | null = null
  for (;;) {
    const cond: Record<string, unknown> = after === null ? where : { ...where, _id: _.gt(after) }
    const query = Object.keys(cond).length > 0 ? coll.where(cond) : coll
    const { data } = await query.orderBy('_id', 'asc').limit(size).get()
    out.push(...data)
    if (data.length < size) return out
    after = data[data.length - 1]._id
  }
}

/** Reads one document by `_id` without relying on the not-found exception. */
export async function findById(coll: WxCollection, id: string): Promise<Doc | null> {
  const { data } = await coll.where({ _id: id }).limit(1).get()
  return data[0] ?? null
}

/**
 * The guarded update: changes the document only if it still satisfies `guard`, in one server-side
 * step. Answers whether this call changed it (`stats.updated === 1`).
 * Example — reserve n places: guardedUpdate(c, id, { booked: _.lte(cap - n) }, { booked: _.inc(n) }).
 */
export async function guardedUpdate(
  coll: WxCollection,
  id: string,
  guard: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<boolean> {
  const res = await coll.where({ ...guard, _id: id }).update({ data })
  return (res.stats.updated ?? 0) === 1
}

/**
 * Adds `n` (may be negative) to a counter field if the result stays within [min, max].
 * `max`/`min` are checked on the current value in the same step: value ≤ max − n, value ≥ min − n.
 */
export async function guardedIncrement(
  db: WxDatabase,
  coll: WxCollection,
  id: string,
  field: string,
  n: number,
  bounds: { max?: number; min?: number },
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  const _ = db.command
  const checks: unknown[] = []
  if (bounds.max !== undefined) checks.push(_.lte(bounds.max - n))
  if (bounds.min !== undefined) checks.push(_.gte(bounds.min - n))
  const guard = checks.length === 0 ? {} : { [field]: checks.length === 1 ? checks[0] : _.and(checks) }
  return guardedUpdate(coll, id, guard, { ...extra, [field]: _.inc(n) })
}

/**
 * Creates the document under a deterministic `_id` unless it exists: the uniqueness primitive
 * (one booking per ID per day, one result per client request id). Answers whether it was created.
 *
 * A rejected add is read as "already there" only when the `_id` is then found: the duplicate-key
 * rejection has no documented code (CloudBase says DATABASE_DUPLICATE_WRITE, wx-server-sdk turns
 * that unmapped code into -501001 = any system error) and its text is not a contract. Any other
 * failure (quota, network, missing collection) finds nothing and is rethrown.
 */
export async function createIfAbsent(coll: WxCollection, id: string, data: Record<string, unknown>): Promise<boolean> {
  try {
    await coll.add({ data: { ...data, _id: id } })
    return true
  } catch (error) {
    if (await existsAfterFailure(coll, id)) return false
    throw error
  }
}

async function existsAfterFailure(coll: WxCollection, id: string): Promise<boolean> {
  try {
    return (await findById(coll, id)) !== null
  } catch {
    return false // the read failed too: report the original error, not this one
  }
}

/** `set({ data })` must not carry `_id` (the SDK rejects it: 「不能更新_id的值」): the doc ref names it. */
export function withoutId(data: Record<string, unknown>): Record<string, unknown> {
  const { _id, _openid, ...rest } = data as Record<string, unknown> & { _openid?: unknown }
  void _id
  void _openid
  return rest
}

/**
 * Creates a collection unless it exists. Answers whether it was created. As with duplicates, the
 * "already exists" rejection is -501001 like any system error: a failure means "exists" only when
 * the collection can then be read.
 */
export async function ensureCollection(db: WxDatabase, name: string): Promise<boolean> {
  try {
    await db.createCollection(name)
    return true
  } catch (error) {
    const readable = await db
      .collection(name)
      .limit(1)
      .get()
      .then(() => true, () => false)
    if (readable) return false
    throw error
  }
}

/** Removes a document's `_id` and cloud bookkeeping fields before handing it to the domain. */
export function stripDoc<T>(doc: Doc, drop: string[] = []): T {
  const { _id, _openid, ...rest } = doc as Doc & { _openid?: unknown }
  void _id
  void _openid
  for (const key of drop) delete (rest as Record<string, unknown>)[key]
  return rest as T
}

/** Document fields that are the adapter's bookkeeping, never a record's own. */
const BOOKKEEPING = new Set(['_id', '_openid', 'gen', 'sort', 'updatedAt'])

/**
 * An update that leaves the document equal to `record` (plus bookkeeping), as SQLite's whole-document
 * write does: an update merges nested objects field by field, so `_.set` makes each one replace the
 * stored value; a field the stored document (`stored`, when read) has and `record` lacks is removed.
 */
export function replacing(db: WxDatabase, record: object, stored: Doc | null = null): Record<string, unknown> {
  const _ = db.command
  const data: Record<string, unknown> = Object.fromEntries(
    Object.entries(record).filter(([k]) => !BOOKKEEPING.has(k)).map(([k, v]) => [k, v !== null && typeof v === 'object' && !Array.isArray(v) ? _.set(v) : v]),
  )
  for (const key of Object.keys(stored ?? {})) if (!BOOKKEEPING.has(key) && !(key in data)) data[key] = _.remove()
  return data
}

/**
 * The console's one-record steps on an operator-kept list (SaveListed / RemoveListed of
 * store/port.ts) whose documents are `coll()`'s under `_id`s given by `docId` (the record's id, or
 * the zone's `${generation}:${id}`): a new one is add({ _id, … }) (a duplicate `_id` = false); an
 * edit or removal is guarded on the rev, where a seeded record without a rev field counts as rev 0.
 */
export function listedSteps(db: WxDatabase) {
  const _ = db.command
  const atRev = (_id: string, rev: number) => (rev === 0 ? _.and([{ _id }, _.or([{ rev: 0 }, { rev: _.exists(false) }])]) : { _id, rev })
  return {
    async save(coll: WxCollection, _id: string, next: object, rev: number | null, extra: Record<string, unknown> = {}): Promise<boolean> {
      if (rev === null) return createIfAbsent(coll, _id, { ...next, ...extra })
      // Read first only to learn which fields the edit drops; the guarded update is the atomic step.
      const stored = await findById(coll, _id)
      if (!stored || (stored.rev ?? 0) !== rev) return false
      const res = await coll.where(atRev(_id, rev)).update({ data: replacing(db, next, stored) })
      return (res.stats.updated ?? 0) === 1
    },
    async remove(coll: WxCollection, _id: string, rev: number): Promise<boolean> {
      const res = await coll.where(atRev(_id, rev)).remove()
      return (res.stats.removed ?? 0) === 1
    },
  }
}
