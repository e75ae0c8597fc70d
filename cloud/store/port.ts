// The storage port: what the handlers need from storage, in the domain's words. Two adapters
// implement it: embedded SQLite (local runtime, tests, H5 site) and the WeChat cloud database
// (production). Every method is a single atomic step in both, so that guarded updates and
// single-document transactions are enough on the cloud side.
import type { Exhibit, Hall } from '../contracts/exhibit'
import type { Company, Policy, ZoneChart } from '../contracts/zone'

export interface ContentStore {
  listHalls(): Promise<Hall[]>
  /** All exhibits, ordered by hall then `sort`. The set is small (tens), so no paging. */
  listExhibits(): Promise<Exhibit[]>
  getExhibit(code: string): Promise<Exhibit | null>
  /** Replaces the content wholesale, in one transaction (seeding and operator imports). */
  replaceExhibits(halls: Hall[], exhibits: Exhibit[]): Promise<void>
}

/**
 * Companies, policies and the zone's figures. Reads are whole lists (thousands of small records)
 * because search and matching run in memory over plain records; `version` lets a handler keep its
 * index and rebuild it only when the data changed.
 * Cloud database: records carry a `gen` field and `version` is one small document naming the
 * current generation. A replace writes the new generation (batches), then flips that one document
 * (a single-document update, the atomic step), then deletes the old generation; readers list the
 * current generation in pages of ≤ 1000 documents ordered by _id.
 */
export interface ZoneStore {
  /** Changes whenever companies, policies or figures are replaced. One small read. */
  version(): Promise<string>
  /** Every company, ordered by id. */
  listCompanies(): Promise<Company[]>
  /** Every policy, ordered by id. */
  listPolicies(): Promise<Policy[]>
  getCompany(id: string): Promise<Company | null>
  getPolicy(id: string): Promise<Policy | null>
  /** The zone-in-figures charts, in display order. */
  listCharts(): Promise<ZoneChart[]>
  /** Replaces all companies at once (seeding and operator imports): all or nothing. Returns the new version. */
  replaceCompanies(companies: Company[]): Promise<string>
  replacePolicies(policies: Policy[]): Promise<string>
  replaceCharts(charts: ZoneChart[]): Promise<string>
}

export interface MetaStore {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
}

/** A message waiting to go out (visit reminders). Locally `npm run outbox` prints and settles them;
 *  in the cloud the timer function sends them with subscribeMessage.send. */
export interface OutboxMessage {
  /** Deterministic, e.g. `remind:<bookingId>`: queuing the same message twice is a no-op. */
  id: string
  kind: 'visit-reminder'
  /** The recipient's OPENID. */
  touser: string
  templateId: string
  /** The mini-program page the message opens. */
  page: string
  data: Record<string, { value: string }>
  /** ISO time it was queued (domain clock). */
  createdAt: string
  status: 'pending' | 'sent' | 'failed'
  settledAt?: string
  error?: string
}

export interface OutboxStore {
  /** Queues the message under its id; false if that id was queued before (retries do not double-send). */
  enqueue(message: Omit<OutboxMessage, 'status' | 'settledAt' | 'error'>): Promise<boolean>
  /** Pending messages, oldest first, at most `limit` (≤ 1000). */
  pending(limit: number): Promise<OutboxMessage[]>
  /** Marks a pending message sent or failed; false if it was no longer pending (someone else settled it). */
  settle(id: string, outcome: { status: 'sent' | 'failed'; at: string; error?: string }): Promise<boolean>
}

export interface Store {
  content: ContentStore
  meta: MetaStore
  outbox: OutboxStore
  zone: ZoneStore
  /** Answers whether the store can serve requests (health checks). */
  ping(): Promise<boolean>
  close(): Promise<void>
}
