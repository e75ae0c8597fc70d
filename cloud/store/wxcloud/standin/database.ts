// STAND-IN for the wx-server-sdk database API (`cloud.database()`), in process, in memory.
// It follows the documented semantics the adapter relies on — and nothing more:
//   - `get` returns at most 1000 documents per call in a cloud function (100 when no limit is set,
//     which is what older SDKs did: the stricter reading), silently capped like the real one;
//   - `add` with an `_id` that exists is rejected (duplicate key), which is how uniqueness is done;
//   - `where(...).update(...)` and `doc(id).update(...)` are atomic per document and answer
//     `stats.updated`; query operators eq/neq/lt/lte/gt/gte/in/nin/and/or/exists, update
//     operators inc/set/remove, `db.serverDate()` resolved on write;
//   - `runTransaction(cb, times = 3)`: inside, only single-document operations
//     (collection(x).doc(id).get/update/set/remove and collection(x).add); `where` throws;
//     optimistic conflicts re-run the callback up to `times`; `rollback(v)` rejects with v;
//   - writing to a collection that was never created fails, as it does before `cloud:init`.
//   - errors carry the NUMERIC errCode wx-server-sdk maps them to (TCB_ERR_CODE: collection missing
//     -502005, invalid parameter -501007, anything unmapped -501001 = SYS_ERR) and a message the
//     adapter must not parse: a duplicate `_id` is -501001 with an unspecified message, exactly the
//     case the adapter has to recognise without reading text;
//   - `_id` in `set`/`update` data is rejected (-501007 「不能更新_id的值」), as the SDK does;
//   - `stats.updated` counts documents actually MODIFIED (the server's nModified): an update that
//     writes the values already there answers 0, like the real one;
//   - a transaction conflicts when a document it touched changed before it committed (retried up to
//     `times`, then -501001), and lives at most 30 s (TRANSACTION_LIFETIME_MS) from its start.
// What it does NOT prove: behaviour under real distributed concurrency (it is one process; every
// operation is applied whole between awaits), real latencies, index use or missing-index slowness,
// quotas and rate limits, the server's exact messages, and transaction lock waits
// (real transactions lock documents; here a conflicting commit simply retries).
import type { Doc, WxCollection, WxCommand, WxDatabase, WxDocRef, WxQuery, WxStats, WxTransaction } from '../db'

export const STANDIN_DEFAULT_LIMIT = 100
export const STANDIN_MAX_LIMIT = 1000
/** CloudBase aborts a transaction that is still open 30 s after it began. */
export const TRANSACTION_LIFETIME_MS = 30_000

/** The numeric codes wx-server-sdk puts in errCode (its TCB_ERR_CODE table; unmapped → SYS_ERR). */
export const ERR = {
  SYS_ERR: -501001,
  INVALID_PARAM: -501007,
  DATABASE_REQUEST_FAILED: -502001,
  DATABASE_COLLECTION_NOT_EXIST: -502005,
  /** document.get on a missing _id (throwOnNotFound) */
  DOCUMENT_NOT_FOUND: -1,
} as const

export class StandinError extends Error {
  constructor(
    public errCode: number,
    public errMsg: string,
  ) {
    super(errMsg)
  }
}

class Op {
  constructor(
    readonly kind: 'query' | 'update' | 'logic',
    readonly op: string,
    readonly arg: unknown,
  ) {}
}

class ServerDate {
  constructor(readonly offset = 0) {}
}

export const standinCommand: WxCommand = {
  eq: (v) => new Op('query', 'eq', v),
  neq: (v) => new Op('query', 'neq', v),
  lt: (v) => new Op('query', 'lt', v),
  lte: (v) => new Op('query', 'lte', v),
  gt: (v) => new Op('query', 'gt', v),
  gte: (v) => new Op('query', 'gte', v),
  in: (v) => new Op('query', 'in', v),
  nin: (v) => new Op('query', 'nin', v),
  exists: (v) => new Op('query', 'exists', v),
  and: (v) => new Op('logic', 'and', v),
  or: (v) => new Op('logic', 'or', v),
  inc: (n) => new Op('update', 'inc', n),
  set: (v) => new Op('update', 'set', v),
  remove: () => new Op('update', 'remove', undefined),
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Op) && !(v instanceof ServerDate)

function getPath(doc: Record<string, unknown>, path: string): unknown {
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (!isPlainObject(cur)) return undefined
    cur = cur[part]
  }
  return cur
}

function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let cur = doc
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(cur[part])) cur[part] = {}
    cur = cur[part] as Record<string, unknown>
  }
  cur[parts[parts.length - 1]] = value
}

function deletePath(doc: Record<string, unknown>, path: string): void {
  const parts = path.split('.')
  const parent = parts.length === 1 ? doc : getPath(doc, parts.slice(0, -1).join('.'))
  if (isPlainObject(parent)) delete parent[parts[parts.length - 1]]
}

const comparable = (v: unknown): unknown => (v instanceof Date ? v.getTime() : v)

function equal(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return comparable(a) === comparable(b)
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b)
  return a === b
}

function compare(a: unknown, b: unknown): number | null {
  const x = comparable(a)
  const y = comparable(b)
  if (typeof x === 'number' && typeof y === 'number') return x - y
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0
  return null // mismatched types never satisfy a range operator
}

function matchValue(value: unknown, cond: unknown): boolean {
  if (cond instanceof Op) {
    if (cond.kind === 'logic') {
      const parts = cond.arg as unknown[]
      return cond.op === 'and' ? parts.every((p) => matchValue(value, p)) : parts.some((p) => matchValue(value, p))
    }
    const arg = cond.arg
    const c = compare(value, arg)
    switch (cond.op) {
      case 'eq':
        return arg === null ? value === null || value === undefined : equal(value, arg)
      case 'neq':
        return !equal(value, arg)
      case 'lt':
        return c !== null && c < 0
      case 'lte':
        return c !== null && c <= 0
      case 'gt':
        return c !== null && c > 0
      case 'gte':
        return c !== null && c >= 0
      case 'in':
        return (arg as unknown[]).some((a) => equal(value, a))
      case 'nin':
        return !(arg as unknown[]).some((a) => equal(value, a))
      case 'exists':
        return (value !== undefined) === arg
      default:
        throw new StandinError(ERR.DATABASE_REQUEST_FAILED, `stand-in: unsupported query operator ${cond.op}`)
    }
  }
  if (cond === null) return value === null || value === undefined
  if (isPlainObject(cond) && isPlainObject(value)) {
    return Object.entries(cond).every(([k, v]) => matchValue(value[k], v))
  }
  return equal(value, cond)
}

function matches(doc: Doc, cond: unknown): boolean {
  if (cond === undefined) return true
  if (cond instanceof Op && cond.kind === 'logic') {
    const parts = cond.arg as unknown[]
    return cond.op === 'and' ? parts.every((p) => matches(doc, p)) : parts.some((p) => matches(doc, p))
  }
  if (!isPlainObject(cond)) throw new StandinError(ERR.DATABASE_REQUEST_FAILED, 'stand-in: where() takes an object or a logic command')
  return Object.entries(cond).every(([path, c]) => matchValue(getPath(doc, path), c))
}

function resolveDates(value: unknown, now: Date): unknown {
  if (value instanceof ServerDate) return new Date(now.getTime() + value.offset)
  if (value instanceof Op) throw new StandinError(ERR.DATABASE_REQUEST_FAILED, 'stand-in: commands are not allowed here')
  if (Array.isArray(value)) return value.map((v) => resolveDates(v, now))
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDates(v, now)]))
  return value
}

/** Applies `update({ data })` to a copy: plain nested objects update field by field, commands act on their field. */
function applyUpdate(doc: Doc, data: Record<string, unknown>, now: Date): Doc {
  const next = structuredClone(doc)
  const walk = (prefix: string, obj: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(obj)) {
      const path = prefix ? `${prefix}.${key}` : key
      if (path === '_id') throw new StandinError(ERR.INVALID_PARAM, 'update:fail -501007 invalid parameters. 不能更新_id的值')
      if (value instanceof Op) {
        if (value.kind !== 'update') throw new StandinError(ERR.DATABASE_REQUEST_FAILED, `stand-in: ${value.op} is a query operator, not an update`)
        if (value.op === 'inc') {
          const current = getPath(next, path)
          if (current !== undefined && typeof current !== 'number') throw new StandinError(ERR.DATABASE_REQUEST_FAILED, `stand-in: inc on non-number ${path}`)
          setPath(next, path, ((current as number | undefined) ?? 0) + (value.arg as number))
        } else if (value.op === 'set') setPath(next, path, resolveDates(value.arg, now))
        else if (value.op === 'remove') deletePath(next, path)
      } else if (isPlainObject(value)) walk(path, value)
      else setPath(next, path, resolveDates(value, now))
    }
  }
  walk('', data)
  return next
}

/** A whole new document for `add` (which may carry its own `_id`) or `set` (which may not). */
function replacement(id: string, data: Record<string, unknown>, now: Date, allowId: boolean): Doc {
  if (!allowId && Object.prototype.hasOwnProperty.call(data, '_id')) {
    throw new StandinError(ERR.INVALID_PARAM, 'document.set:fail -501007 invalid parameters. 不能更新_id的值')
  }
  const { _id: ignored, ...rest } = data
  void ignored
  return { ...(resolveDates(rest, now) as Record<string, unknown>), _id: id }
}

/** Whether an update changed anything: what the server's nModified (stats.updated) counts. */
const changed = (before: Doc, after: Doc) => JSON.stringify(before) !== JSON.stringify(after)

const randomId = () => Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('')

// The server's duplicate-key text is not part of any documented contract, and wx-server-sdk maps
// the unlisted code to -501001 (SYS_ERR): the message here deliberately says nothing usable.
const duplicate = (collection: string, id: string) => {
  void collection
  void id
  return new StandinError(ERR.SYS_ERR, 'collection.add:fail -501001 resource system error. [SysErr]')
}

interface Entry {
  doc: Doc
  version: number
}

export interface StandinOptions {
  /** The server clock used for serverDate(). */
  now?: () => Date
  /** Yield to other callers before each operation, so concurrent calls interleave as they would over a network. */
  interleave?: boolean
  /** Like `cloud.database({ throwOnNotFound })`; the SDK default is true. */
  throwOnNotFound?: boolean
  /** Wall clock (ms) for the transaction lifetime; tests move it to cross the 30 s limit. */
  clock?: () => number
}

export interface StandinDatabase extends WxDatabase {
  /** Test access: every document of a collection, unpaged (not part of the real API). */
  dump(collection: string): Doc[]
  /** Indexes declared by cloud:init (recorded, never used for queries). */
  indexes: Map<string, Array<{ name: string; keys: Record<string, 1 | -1>; unique?: boolean }>>
  collectionNames(): string[]
  /** How many `get` calls ran — paging tests use it to prove fetch-all pages. */
  stats: { gets: number; transactions: number; conflicts: number }
}

export function createStandinDatabase(options: StandinOptions = {}): StandinDatabase {
  const now = options.now ?? (() => new Date())
  const throwOnNotFound = options.throwOnNotFound ?? true
  const collections = new Map<string, Map<string, Entry>>()
  const indexes: StandinDatabase['indexes'] = new Map()
  const stats = { gets: 0, transactions: 0, conflicts: 0 }
  let clock = 0
  const tick = () => (options.interleave === false ? Promise.resolve() : new Promise<void>((r) => setImmediate(r)))

  const coll = (name: string): Map<string, Entry> => {
    const c = collections.get(name)
    if (!c) throw new StandinError(ERR.DATABASE_COLLECTION_NOT_EXIST, `-502005 database collection not exists: ${name} (run cloud:init)`)
    return c
  }
  const write = (c: Map<string, Entry>, doc: Doc) => c.set(doc._id, { doc, version: ++clock })
  const notFound = (name: string, id: string) =>
    new StandinError(ERR.DOCUMENT_NOT_FOUND, `document.get:fail document with _id ${id} does not exist in ${name}`)

  interface QueryState {
    where?: unknown
    orderBy: Array<[string, 'asc' | 'desc']>
    skip: number
    limit?: number
    field?: Record<string, boolean>
  }

  /** Matching documents in order; with `want`, only the first `want` of them (what a `get` returns). */
  const select = (name: string, state: QueryState, want?: number): Doc[] => {
    // A condition naming one `_id` reads that document only, as the real database does through the
    // `_id` index every collection has (a scan here would make per-document steps cost the whole
    // collection, a cost the cloud does not have: bench:waitlist would measure the stand-in).
    const byId = isPlainObject(state.where) && typeof state.where._id === 'string' ? coll(name).get(state.where._id) : undefined
    const candidates = isPlainObject(state.where) && typeof state.where._id === 'string' ? (byId ? [byId] : []) : [...coll(name).values()]
    const docs = candidates.map((e) => e.doc).filter((d) => matches(d, state.where))
    if (state.orderBy.length === 0) return docs
    const order = (a: Doc, b: Doc) => {
      for (const [field, dir] of state.orderBy) {
        const c = compare(getPath(a, field), getPath(b, field)) ?? 0
        if (c !== 0) return dir === 'asc' ? c : -c
      }
      return 0
    }
    if (want === undefined || want >= docs.length) return docs.sort(order)
    // Only the first `want` in order (a page of a long, sorted read): kept as a sorted buffer, the
    // way an index range read stops after its page, instead of sorting every match. The same
    // documents in the same order as the full (stable) sort: ties keep collection order.
    const top: Doc[] = []
    for (const d of docs) {
      if (top.length === want && order(d, top[want - 1]) >= 0) continue
      let lo = 0
      let hi = top.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (order(top[mid], d) <= 0) lo = mid + 1
        else hi = mid
      }
      top.splice(lo, 0, d)
      if (top.length > want) top.pop()
    }
    return top
  }

  const project = (doc: Doc, field?: Record<string, boolean>): Doc => {
    if (!field) return structuredClone(doc)
    const out: Doc = { _id: doc._id }
    for (const [k, on] of Object.entries(field)) if (on && k in doc) out[k] = structuredClone(doc[k])
    return out
  }

  const query = (name: string, state: QueryState): WxQuery => ({
    where: (cond) => query(name, { ...state, where: state.where === undefined ? cond : standinCommand.and([state.where, cond]) }),
    orderBy: (field, order) => query(name, { ...state, orderBy: [...state.orderBy, [field, order]] }),
    skip: (n) => query(name, { ...state, skip: n }),
    limit: (n) => {
      if (!Number.isInteger(n) || n <= 0) throw new StandinError(ERR.DATABASE_REQUEST_FAILED, 'stand-in: limit must be a positive integer')
      return query(name, { ...state, limit: n })
    },
    field: (projection) => query(name, { ...state, field: projection }),
    async get() {
      await tick()
      stats.gets++
      const limit = Math.min(state.limit ?? STANDIN_DEFAULT_LIMIT, STANDIN_MAX_LIMIT)
      const docs = select(name, state, state.skip + limit).slice(state.skip, state.skip + limit)
      return { data: docs.map((d) => project(d, state.field)) }
    },
    async count() {
      await tick()
      return { total: select(name, state).length }
    },
    async update({ data }) {
      await tick()
      const c = coll(name)
      let updated = 0
      for (const d of select(name, state)) {
        const next = applyUpdate(d, data, now())
        if (changed(d, next)) {
          write(c, next)
          updated++
        }
      }
      return { stats: { updated } }
    },
    async remove() {
      await tick()
      const c = coll(name)
      const targets = select(name, state)
      for (const d of targets) c.delete(d._id)
      return { stats: { removed: targets.length } }
    },
  })

  const docRef = (name: string, id: string): WxDocRef => ({
    async get() {
      await tick()
      const entry = coll(name).get(id)
      if (!entry) {
        if (throwOnNotFound) throw notFound(name, id)
        return { data: null as unknown as Doc }
      }
      return { data: structuredClone(entry.doc) }
    },
    async update({ data }) {
      await tick()
      const c = coll(name)
      const entry = c.get(id)
      if (!entry) return { stats: { updated: 0 } }
      const next = applyUpdate(entry.doc, data, now())
      if (!changed(entry.doc, next)) return { stats: { updated: 0 } }
      write(c, next)
      return { stats: { updated: 1 } }
    },
    async set({ data }) {
      await tick()
      const c = coll(name)
      const existed = c.has(id)
      write(c, replacement(id, data, now(), false))
      return { _id: id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } }
    },
    async remove() {
      await tick()
      return { stats: { removed: coll(name).delete(id) ? 1 : 0 } }
    },
  })

  const collection = (name: string): WxCollection => ({
    ...query(name, { orderBy: [], skip: 0 }),
    doc: (id) => docRef(name, id),
    async add({ data }) {
      await tick()
      const c = coll(name)
      const id = typeof data._id === 'string' ? data._id : randomId()
      if (c.has(id)) throw duplicate(name, id)
      write(c, replacement(id, data, now(), true))
      return { _id: id }
    },
  })

  class Rollback {
    constructor(readonly reason: unknown) {}
  }
  class Conflict extends Error {}

  class Expired extends Error {}
  const wallClock = options.clock ?? (() => Date.now())

  async function runOnce<T>(callback: (tx: WxTransaction) => Promise<T>): Promise<T> {
    const startedAt = wallClock()
    const alive = () => {
      if (wallClock() - startedAt > TRANSACTION_LIFETIME_MS) throw new Expired('transaction expired (open longer than 30 s)')
    }
    // Optimistic snapshot isolation: remember the version of every document touched; buffer writes;
    // at commit, if any touched document changed meanwhile, the attempt conflicts.
    const seen = new Map<string, number | null>() // "coll/id" -> version (null = absent)
    const pending = new Map<string, Doc | null>() // "coll/id" -> new doc (null = removed)
    const key = (n: string, id: string) => `${n}/${id}`
    const current = (n: string, id: string): Doc | null => {
      alive()
      const k = key(n, id)
      if (pending.has(k)) return pending.get(k) ?? null
      const entry = coll(n).get(id)
      if (!seen.has(k)) seen.set(k, entry ? entry.version : null)
      return entry ? entry.doc : null
    }
    const tx: WxTransaction = {
      collection(n) {
        coll(n)
        const ref = (id: string): WxDocRef => ({
          async get() {
            await tick()
            const doc = current(n, id)
            if (!doc) {
              if (throwOnNotFound) throw notFound(n, id)
              return { data: null as unknown as Doc }
            }
            return { data: structuredClone(doc) }
          },
          async update({ data }) {
            await tick()
            const doc = current(n, id)
            if (!doc) return { stats: { updated: 0 } }
            const next = applyUpdate(doc, data, now())
            pending.set(key(n, id), next)
            return { stats: { updated: changed(doc, next) ? 1 : 0 } }
          },
          async set({ data }) {
            await tick()
            const existed = current(n, id) !== null
            pending.set(key(n, id), replacement(id, data, now(), false))
            return { _id: id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } }
          },
          async remove() {
            await tick()
            const existed = current(n, id) !== null
            pending.set(key(n, id), null)
            return { stats: { removed: existed ? 1 : 0 } }
          },
        })
        const batch = () => {
          throw new StandinError(ERR.DATABASE_REQUEST_FAILED, 'stand-in: a transaction allows single-document operations only (doc(id) / add), not where() batches')
        }
        return {
          doc: ref,
          async add({ data }: { data: Record<string, unknown> }) {
            await tick()
            const id = typeof data._id === 'string' ? data._id : randomId()
            if (current(n, id) !== null) throw duplicate(n, id)
            pending.set(key(n, id), replacement(id, data, now(), true))
            return { _id: id }
          },
          where: batch,
          get: batch,
          update: batch,
          remove: batch,
        } as unknown as ReturnType<WxTransaction['collection']>
      },
      rollback(reason) {
        throw new Rollback(reason)
      },
    }
    const result = await callback(tx)
    alive()
    // Commit: validate, then apply every buffered write at once (nothing can interleave here).
    for (const [k, version] of seen) {
      const [n, id] = [k.slice(0, k.indexOf('/')), k.slice(k.indexOf('/') + 1)]
      const entry = coll(n).get(id)
      if ((entry ? entry.version : null) !== version) throw new Conflict(`transaction conflict on ${k}`)
    }
    for (const [k, doc] of pending) {
      const [n, id] = [k.slice(0, k.indexOf('/')), k.slice(k.indexOf('/') + 1)]
      if (doc) write(coll(n), doc)
      else coll(n).delete(id)
    }
    return result
  }

  const db: StandinDatabase = {
    collection,
    command: standinCommand,
    serverDate: (o) => new ServerDate(o?.offset ?? 0),
    async runTransaction(callback, times = 3) {
      stats.transactions++
      for (let attempt = 1; ; attempt++) {
        try {
          return await runOnce(callback)
        } catch (error) {
          if (error instanceof Rollback) throw error.reason
          // An expired transaction is aborted, nothing it wrote is applied, and it is not retried.
          if (error instanceof Expired) throw new StandinError(ERR.SYS_ERR, `runTransaction:fail -501001 resource system error. [${error.message}]`)
          if (error instanceof Conflict) {
            stats.conflicts++
            if (attempt < times) continue
            throw new StandinError(ERR.SYS_ERR, `runTransaction:fail -501001 resource system error. [${error.message}]`)
          }
          throw error
        }
      }
    },
    async createCollection(name) {
      await tick()
      if (collections.has(name)) throw new StandinError(ERR.SYS_ERR, `createCollection:fail -501001 resource system error. [collection ${name} already exists]`)
      collections.set(name, new Map())
      return { errMsg: 'createCollection:ok' }
    },
    dump: (name) => [...coll(name).values()].map((e) => structuredClone(e.doc)),
    indexes,
    collectionNames: () => [...collections.keys()],
    stats,
  }
  return db
}

export type { WxStats }
