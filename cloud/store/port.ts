// The storage port: what the handlers need from storage, in the domain's words. Two adapters
// implement it: embedded SQLite (local runtime, tests, H5 site) and the WeChat cloud database
// (production). Every method is a single atomic step in both, so that guarded updates and
// single-document transactions are enough on the cloud side.
import type { Exhibit, Hall } from '../contracts/exhibit'

export interface ContentStore {
  listHalls(): Promise<Hall[]>
  /** All exhibits, ordered by hall then `sort`. The set is small (tens), so no paging. */
  listExhibits(): Promise<Exhibit[]>
  getExhibit(code: string): Promise<Exhibit | null>
  /** Replaces the content wholesale, in one transaction (seeding and operator imports). */
  replaceExhibits(halls: Hall[], exhibits: Exhibit[]): Promise<void>
}

export interface MetaStore {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
}

export interface Store {
  content: ContentStore
  meta: MetaStore
  /** Answers whether the store can serve requests (health checks). */
  ping(): Promise<boolean>
  close(): Promise<void>
}
