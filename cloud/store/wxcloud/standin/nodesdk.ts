// FAKE of the `@cloudbase/node-sdk` database (`tcb.init(...).database()`), over the in-process
// stand-in, with node-sdk's own documented shapes — which differ from wx-server-sdk's:
//   - add(doc) takes the document itself (no `{ data }` wrapper) and answers `{ id }`;
//   - doc(id).set(doc) answers `{ updated, upsertedId }`, update(doc) / where().update(doc) `{ updated }`,
//     remove() `{ deleted }`; doc(id).get() answers `{ data: [doc] }` (an array, empty if absent);
//   - a server-side failure RESOLVES with `{ code, message }` (older node-sdk; newer ones throw with
//     `code` when throwOnCode is on): the caller has to look;
//   - inside runTransaction: doc(id).get() → `{ data: doc }`, set/update → `{ updated }`, delete()
//     → `{ deleted }`, add(doc) → `{ id }`.
// A caller that hands wx-server-sdk shapes to this fake gets what the real node-sdk would do with
// them: `add({ data })` stores a document whose only field is `data`. Used only by tests.
import type { Doc } from '../db'
import { ERR, type StandinDatabase } from './database'

type Result = Record<string, unknown>
const CODE_NAMES: Record<number, string> = {
  [ERR.INVALID_PARAM]: 'INVALID_PARAM',
  [ERR.DATABASE_COLLECTION_NOT_EXIST]: 'DATABASE_COLLECTION_NOT_EXIST',
  [ERR.DATABASE_REQUEST_FAILED]: 'DATABASE_REQUEST_FAILED',
}

/** node-sdk answers failures as values: `{ code, message, requestId }`. */
async function asValue(run: () => Promise<Result>): Promise<Result> {
  try {
    return { ...(await run()), requestId: 'fake-request' }
  } catch (error) {
    const e = error as { errCode?: number; errMsg?: string }
    if (typeof e?.errCode !== 'number') throw error
    return { code: CODE_NAMES[e.errCode] ?? 'SYS_ERR', message: e.errMsg ?? '', requestId: 'fake-request' }
  }
}

export interface FakeNodeSdkQuery {
  where(cond: unknown): FakeNodeSdkQuery
  orderBy(field: string, order: 'asc' | 'desc'): FakeNodeSdkQuery
  skip(n: number): FakeNodeSdkQuery
  limit(n: number): FakeNodeSdkQuery
  field(p: Record<string, boolean>): FakeNodeSdkQuery
  get(): Promise<Result>
  count(): Promise<Result>
  update(data: Record<string, unknown>): Promise<Result>
  remove(): Promise<Result>
}

export function createFakeNodeSdkDatabase(standin: StandinDatabase) {
  type WxQueryLike = ReturnType<StandinDatabase['collection']>
  const query = (q: WxQueryLike | ReturnType<WxQueryLike['where']>): FakeNodeSdkQuery => ({
    where: (cond) => query(q.where(cond)),
    orderBy: (f, o) => query(q.orderBy(f, o)),
    skip: (n) => query(q.skip(n)),
    limit: (n) => query(q.limit(n)),
    field: (p) => query(q.field(p)),
    get: () => asValue(async () => ({ data: (await q.get()).data })),
    count: () => asValue(async () => ({ total: (await q.count()).total })),
    update: (data) => asValue(async () => ({ updated: (await q.update({ data })).stats.updated ?? 0 })),
    remove: () => asValue(async () => ({ deleted: (await q.remove()).stats.removed ?? 0 })),
  })

  return {
    command: standin.command,
    serverDate: standin.serverDate,
    createCollection: (name: string) => asValue(async () => ((await standin.createCollection(name)), {})),
    collection(name: string) {
      const coll = standin.collection(name)
      return {
        ...query(coll),
        add: (doc: Record<string, unknown>) => asValue(async () => ({ id: (await coll.add({ data: doc }))._id })),
        doc(id: string) {
          const ref = coll.doc(id)
          return {
            get: () =>
              asValue(async () => {
                const { data } = await coll.where({ _id: id }).limit(1).get()
                return { data: data as Doc[] }
              }),
            set: (doc: Record<string, unknown>) =>
              asValue(async () => {
                const res = await ref.set({ data: doc })
                return { updated: res.stats.updated ?? 0, upsertedId: res.stats.created ? id : undefined }
              }),
            update: (doc: Record<string, unknown>) => asValue(async () => ({ updated: (await ref.update({ data: doc })).stats.updated ?? 0 })),
            remove: () => asValue(async () => ({ deleted: (await ref.remove()).stats.removed ?? 0 })),
          }
        },
      }
    },
    runTransaction<T>(callback: (transaction: unknown) => Promise<T>, times?: number): Promise<T> {
      // Transactions throw on failure in node-sdk too; shapes differ as listed above.
      return standin.runTransaction(async (tx) => {
        const transaction = {
          collection(name: string) {
            const c = tx.collection(name)
            return {
              doc(id: string) {
                const ref = c.doc(id)
                return {
                  async get() {
                    try {
                      return { data: (await ref.get()).data }
                    } catch {
                      return { data: null }
                    }
                  },
                  set: async (doc: Record<string, unknown>) => ({ updated: (await ref.set({ data: doc })).stats.updated ?? 0 }),
                  update: async (doc: Record<string, unknown>) => ({ updated: (await ref.update({ data: doc })).stats.updated ?? 0 }),
                  delete: async () => ({ deleted: (await ref.remove()).stats.removed ?? 0 }),
                }
              },
              add: async (doc: Record<string, unknown>) => ({ id: (await c.add({ data: doc }))._id }),
            }
          },
          rollback: (reason?: unknown) => tx.rollback(reason),
        }
        return callback(transaction)
      }, times)
    },
  }
}

export type FakeNodeSdkDatabase = ReturnType<typeof createFakeNodeSdkDatabase>
