// The operator console's records and answers (types shared by the cloud layer, the app's notice
// banner and the /admin console). Types and small constants only: every side imports this file.
import type { z } from 'zod'
import type { ConsoleRequests } from './requests/console'

/** An announcement on the app's home page, shown while `now` is inside [validFrom, validTo). */
export interface Notice {
  id: string
  title: string
  body: string
  /** Higher shows first. 0–100. */
  priority: number
  /** ISO instants. */
  validFrom: string
  validTo: string
  published: boolean
  createdAt: string
  updatedAt: string
}

/** What a visitor's home page receives: only what it shows. */
export type NoticeView = Pick<Notice, 'id' | 'title' | 'body' | 'priority' | 'validFrom' | 'validTo'>

/** One operator change. Append-only: no action edits or removes an entry. */
export interface AuditEntry {
  id: string
  /** ISO instant (server clock). */
  at: string
  /** The operator's account (the identity's openid/username). */
  account: string
  role: string
  /** `<function>.<action>`, e.g. `console.closeDay`. */
  action: string
  /** What was changed (exhibit code, notice id, day …). */
  target: string
  before?: unknown
  after?: unknown
}

/** The audit page's filter (requests/console.ts): `operation` is an entry's `action`, `fromDay`/`toDay` Beijing days, inclusive. */
export type AuditQuery = z.input<typeof ConsoleRequests['audit']>

/** Aggregated counters: no visitor identity, one number per (counter, Beijing day). */
export interface CounterRow {
  counter: string
  day: string
  count: number
}

export const COUNTERS = {
  /** `scan:<exhibit code>`: an exhibit page opened (exhibits.get). */
  scan: (code: string) => `scan:${code}`,
  /** `zone.nohit:<query>`: a company/policy search that found nothing (counted within limits:
   *  cloud/functions/zone.ts NO_HIT_LIMITS). */
  zoneNoHit: (query: string) => `zone.nohit:${query.slice(0, 40)}`,
  /** The no-hit searches whose words were not counted on their own (over a limit on new words). */
  zoneNoHitOther: 'zone.nohit:（其他未单列的词）',
  /** Policy calculator runs. */
  policyMatch: 'zone.match',
} as const

/** The outcome of closing a day: how many bookings the job cancelled (this run and before). */
export interface CloseDayResult {
  day: string
  reason: string
  /** Bookings this run moved to cancelled. */
  cancelled: number
  /** Cancelled bookings of this closure whose places and ID claims were given back in this run. */
  released: number
  /** Every booking of the day now cancelled by this closure (all runs). */
  total: number
  /** Set when one session was closed, not the whole day. */
  sessionId?: string
}

export interface RosterRow {
  bookingId: string
  /** YYYY-MM-DD (Beijing): the visit's day. */
  day: string
  /** The ticket's 8-character code, as the visitor's ticket shows it (empty when the server has no ticket key). */
  shortCode: string
  sessionName: string
  start: string
  end: string
  name: string
  idType: string
  idMasked: string
  status: string
  statusText: string
  /** Why the museum cancelled it (closure or one booking), as the visitor sees it. */
  cancelReason?: string
}

export interface DashboardDay {
  day: string
  booked: number
  checkedIn: number
  noShow: number
  cancelled: number
  /** Why the museum is closed that day (weekly closing day, a closure), when it is. */
  closedReason?: string
}

export interface Dashboard {
  /** The range shown (by default two weeks back to the last bookable day) and the server's today. */
  fromDay: string
  toDay: string
  today: string
  days: DashboardDay[]
  /** Occupancy per session on `today`; `closedReason` when it cannot be visited. */
  sessions: Array<{ sessionId: string; name: string; capacity: number; booked: number; checkedIn: number; closedReason?: string }>
  scans: CounterRow[]
  zoneNoHits: CounterRow[]
  policyMatches: CounterRow[]
}

/** A zone import's mode: merge updates and adds by id and removes nothing; replace makes the sheet
 *  the whole list (removing what it lacks, never what something links to). */
export type ImportMode = 'merge' | 'replace'

export interface FieldChange {
  column: string
  before: string
  after: string
}

/** What a zone spreadsheet would do to the current list (the import's preview). */
export interface ImportReview {
  added: Array<{ id: string; name: string }>
  changed: Array<{ id: string; name: string; fields: FieldChange[] }>
  /** `linkedBy`: what still points at the record (it cannot be removed while anything does). */
  removed: Array<{ id: string; name: string; linkedBy: string[] }>
  unchanged: number
  /** True when a removal is refused because something links to it. */
  blocked: boolean
  /** Digest of the current list: the confirm is refused when the list changed since the preview. */
  baseline: string
}

export interface ImportPreview extends ImportReview {
  kind: 'companies' | 'policies'
  mode: ImportMode
  fileName: string
  /** Row problems: when any, nothing can be imported and the lists above are empty. */
  errors: Array<{ row: number; column?: string; message: string }>
}
