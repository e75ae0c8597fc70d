// Places held on a session for a named group (a VIP morning, a school class booked by phone), and
// whether a museum-cancel notice reached its booker. Types shared by the cloud layer and /admin.

/** Places taken out of a session's capacity for a group, until released. They are reserved on the
 *  same guarded counter as visitors' bookings, so visitors see fewer places and nothing overbooks. */
export interface SessionHold {
  /** `hold-<random>`: one per hold. */
  id: string
  /** `YYYY-MM-DD.<key>` */
  sessionId: string
  /** YYYY-MM-DD (Beijing). */
  day: string
  places: number
  /** The group, as the roster shows it (e.g. 市教育局参观团). */
  name: string
  note?: string
  status: 'held' | 'released'
  /** ISO instant. */
  createdAt: string
  /** The operator's account. */
  createdBy: string
  releasedAt?: string
  releasedBy?: string
}

export const HOLD_STATUS_LABEL: Record<SessionHold['status'], string> = { held: '保留中', released: '已释放' }

/** Where a museum-cancel (closure or single cancel) notice stands in the outbox. */
export type NoticeState = 'pending' | 'sent' | 'failed'

export const NOTICE_STATE_LABEL: Record<NoticeState | 'none', string> = {
  pending: '已排队',
  sent: '已发送',
  failed: '发送失败',
  none: '未排队',
}

export interface BookingNoticeStatus {
  bookingId: string
  state: NoticeState | 'none'
  /** When it was sent or failed (ISO). */
  settledAt?: string
  /** The sender's error text, when it failed. */
  error?: string
}

/** A session in the holds listing: its places as visitors see them. `taken` counts booked and held. */
export interface HoldSessionView {
  sessionId: string
  day: string
  name: string
  start: string
  end: string
  capacity: number
  /** Places taken on the session's counter: visitors' bookings and holds together. */
  taken: number
  /** Of those, held for groups. */
  held: number
  closedReason?: string
}

/** One line of the daily report: one session of one day. */
export interface DayReportRow {
  day: string
  sessionId: string
  name: string
  start: string
  end: string
  capacity: number
  /** Visitors' places still valid or used (confirmed, checked in, no-show). */
  booked: number
  held: number
  checkedIn: number
  noShow: number
  /** Places cancelled (by the visitor, a closure or the museum). */
  cancelled: number
  /** School and group visits, apart from individuals: people of the approved requests… */
  groupApproved: number
  /** …and the heads the gate counted in. */
  groupCheckedIn: number
  closedReason?: string
}
