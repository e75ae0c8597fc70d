// The wx-server-sdk database shapes (db.ts) over a `@cloudbase/node-sdk` database, so that scripts
// running OUTSIDE a cloud function (cloud:init --apply, smoke:cloud) drive the very same adapter the
// functions use. The two SDKs wrap the same server but speak differently:
//   wx-server-sdk (what the adapter speaks)          node-sdk (what this receives)
//   add({ data }) → { _id }                          add(doc) → { id }
//   doc.set({ data }) → { _id, stats.updated/created } doc.set(doc) → { updated, upsertedId }
//   update({ data }) → { stats.updated }             update(doc) → { updated }
//   remove() → { stats.removed }                     remove() → { deleted }
//   doc.get() → { data: doc }, rejects when absent    doc.get() → { data: [doc] } (empty when absent)
//   failures reject with errCode/errMsg              failures may RESOLVE as { code, message }
//   tx doc.remove()                                  tx doc.delete()
// Handing node-sdk's database straight to the adapter "works" and stores every document as
// { _id, data: {...} }: this file is the only bridge.
import type { Doc, WxCollection, WxDatabase, WxDocRef, WxQuery, WxStats, WxTransaction } from './db'

type Res = Record<string, unknown> & { code?: unknown; message?: unknown }
type Node = Record<string, (...args: never[]) => unknown>

/** The part of node-sdk's database used here (loosely typed: the package is not a dependency). */
export interface NodeSdkDatabase {
  command: WxDatabase['command']
  serverDate(options?: { offset?: number }): unknown
  collection(name: string): unknown
  createCollection(name: string): Promise<unknown>
  runTransaction<T>(callback: (transaction: unknown) => Promise<T>, times?: number): Promise<T>
}

/** node-sdk error shape → a rejection the adapter understands (errCode/errMsg, code kept). */
export class NodeSdkError extends Error {
  constructor(
    readonly code: string,
    readonly errMsg: string,
  ) {
    super(`${code}: ${errMsg}`)
  }
  get errCode() {
    return this.code
  }
}

async function ok(promise: unknown): Promise<Res> {
  const res = (await promise) as Res
  if (res && typeof res.code === 'string' && res.code) throw new NodeSdkError(res.code, String(res.message ?? ''))
  return res ?? {}
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0)

function query(q: Node): WxQuery {
  const call = (name: string, ...args: unknown[]) => (q[name] as (...a: unknown[]) => unknown)(...args)
  return {
    where: (cond) => query(call('where', cond) as Node),
    orderBy: (field, order) => query(call('orderBy', field, order) as Node),
    skip: (n) => query(call('skip', n) as Node),
    limit: (n) => query(call('limit', n) as Node),
    field: (projection) => query(call('field', projection) as Node),
    async get() {
      return { data: ((await ok(call('get'))).data ?? []) as Doc[] }
    },
    async count() {
      return { total: num((await ok(call('count'))).total) }
    },
    async update({ data }): Promise<WxStats> {
      return { stats: { updated: num((await ok(call('update', data))).updated) } }
    },
    async remove(): Promise<WxStats> {
      return { stats: { removed: num((await ok(call('remove'))).deleted) } }
    },
  }
}

function docRef(collectionName: string, ref: Node): WxDocRef {
  const call = (name: string, ...args: unknown[]) => (ref[name] as (...a: unknown[]) => unknown)(...args)
  return {
    async get() {
      const { data } = await ok(call('get'))
      const doc = Array.isArray(data) ? data[0] : data
      // wx-server-sdk's default (throwOnNotFound): a missing document rejects.
      if (!doc) throw new NodeSdkError('DOCUMENT_NOT_FOUND', `document.get:fail document does not exist in ${collectionName}`)
      return { data: doc as Doc }
    },
    async update({ data }) {
      return { stats: { updated: num((await ok(call('update', data))).updated) } }
    },
    async set({ data }) {
      const res = await ok(call('set', data))
      const created = res.upsertedId ? 1 : 0
      return { stats: { updated: created ? 0 : num(res.updated), created } }
    },
    async remove() {
      return { stats: { removed: num((await ok(call('remove'))).deleted) } }
    },
  }
}

function transaction(t: Record<string, (...a: unknown[]) => unknown>): WxTransaction {
  return {
    collection(name) {
      const c = t.collection(name) as { doc(id: string): Record<string, (...a: unknown[]) => Promise<Res>>; add(doc: unknown): Promise<Res> }
      return {
        doc(id) {
          const ref = c.doc(id)
          return {
            async get() {
              const { data } = await ok(ref.get())
              if (!data) throw new NodeSdkError('DOCUMENT_NOT_FOUND', `document.get:fail document does not exist in ${name}`)
              return { data: data as Doc }
            },
            update: async ({ data }) => ({ stats: { updated: num((await ok(ref.update(data))).updated) } }),
            set: async ({ data }) => ({ stats: { updated: num((await ok(ref.set(data))).updated) } }),
            remove: async () => ({ stats: { removed: num((await ok(ref.delete())).deleted) } }),
          }
        },
        add: async ({ data }) => ({ _id: String((await ok(c.add(data))).id) }),
      }
    },
    rollback: (reason) => t.rollback(reason) as Promise<void>,
  }
}

export function wxDatabaseOverNodeSdk(db: NodeSdkDatabase): WxDatabase {
  return {
    command: db.command,
    serverDate: (options) => db.serverDate(options),
    collection(name): WxCollection {
      const c = db.collection(name) as Node & { doc(id: string): Node; add(doc: unknown): Promise<Res> }
      return {
        ...query(c),
        doc: (id) => docRef(name, c.doc(id)),
        async add({ data }) {
          return { _id: String((await ok(c.add(data))).id) }
        },
      }
    },
    runTransaction: (callback, times) => db.runTransaction((t) => callback(transaction(t as Record<string, (...a: unknown[]) => unknown>)), times),
    async createCollection(name) {
      return ok(db.createCollection(name))
    },
  }
}
