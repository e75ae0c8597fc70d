// The part of the wx-server-sdk database API this adapter uses, typed narrowly so that production
// passes `cloud.database()` and tests pass the in-process stand-in. Anything not listed here is
// not used by the adapter — keep it that way, so the stand-in stays small and checkable.

export type Doc = { _id: string } & Record<string, unknown>

/** `_` = db.command: query operators for `where`, update operators for `update`. */
export interface WxCommand {
  eq(v: unknown): unknown
  neq(v: unknown): unknown
  lt(v: unknown): unknown
  lte(v: unknown): unknown
  gt(v: unknown): unknown
  gte(v: unknown): unknown
  in(v: unknown[]): unknown
  nin(v: unknown[]): unknown
  and(conditions: unknown[]): unknown
  or(conditions: unknown[]): unknown
  exists(v: boolean): unknown
  inc(n: number): unknown
  set(v: unknown): unknown
  remove(): unknown
}

export interface WxStats {
  stats: { updated?: number; removed?: number; created?: number }
}

export interface WxQuery {
  where(condition: Record<string, unknown> | unknown): WxQuery
  orderBy(field: string, order: 'asc' | 'desc'): WxQuery
  skip(n: number): WxQuery
  limit(n: number): WxQuery
  field(projection: Record<string, boolean>): WxQuery
  get(): Promise<{ data: Doc[] }>
  count(): Promise<{ total: number }>
  /** Multi-document update (cloud functions only): `stats.updated` says how many matched and changed. */
  update(options: { data: Record<string, unknown> }): Promise<WxStats>
  remove(): Promise<WxStats>
}

export interface WxDocRef {
  /** Rejects when the document does not exist (the SDK's default `throwOnNotFound`). */
  get(): Promise<{ data: Doc }>
  update(options: { data: Record<string, unknown> }): Promise<WxStats>
  /** Replaces (or creates) the whole document. */
  set(options: { data: Record<string, unknown> }): Promise<WxStats & { _id?: string }>
  remove(): Promise<WxStats>
}

export interface WxCollection extends WxQuery {
  doc(id: string): WxDocRef
  /** With `data._id` set, rejects if a document with that `_id` exists: the uniqueness primitive. */
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>
}

/** Inside runTransaction only single-document operations exist: doc(id).get/update/set/remove and add. */
export interface WxTransaction {
  collection(name: string): {
    doc(id: string): WxDocRef
    add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>
  }
  rollback(reason?: unknown): Promise<void> | void
}

export interface WxDatabase {
  collection(name: string): WxCollection
  command: WxCommand
  /** A placeholder the server replaces with its own clock on write. */
  serverDate(options?: { offset?: number }): unknown
  runTransaction<T>(callback: (tx: WxTransaction) => Promise<T>, times?: number): Promise<T>
  createCollection(name: string): Promise<unknown>
}

/** Documented page limit of `get` in a cloud function. */
export const MAX_GET = 1000
