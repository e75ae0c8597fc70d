// 候补 (waitlist) and the visible no-show count: what the client and the cloud exchange. Types and
// labels only (the client bundles this file).
import type { IdType } from './booking'

export type WaitlistStatus = 'waiting' | 'offered' | 'booked' | 'expired' | 'left'

export const WAITLIST_STATUS_LABEL: Record<WaitlistStatus, string> = {
  waiting: '候补中',
  offered: '待确认',
  booked: '已约到',
  expired: '已失效',
  left: '已退出',
}

/** Why an entry expired, as the visitor reads it. */
export const WAITLIST_END_REASON_LABEL = {
  unclaimed: '名额未在时限内确认，已顺延',
  cutoff: '已过候补截止时间，未等到名额',
  closed: '场次已停止开放',
  id_booked: '同一证件当天已有预约，候补已结束',
} as const

export interface WaitlistEntryView {
  id: string
  sessionId: string
  date: string
  weekday: string
  sessionName: string
  start: string
  end: string
  status: WaitlistStatus
  places: number
  visitors: Array<{ name: string; idType: IdType; idMasked: string }>
  joinedAt: string
  /** While waiting: 1 + waiting entries ahead in the line. */
  position?: number
  /** While waiting: places the waiting entries ahead of this one still need (前面还需 N 个名额). */
  placesAhead?: number
  /** While offered: until when the held places can be confirmed (ISO) and its Beijing text. */
  offerExpiresAt?: string
  offerExpiresText?: string
  /** When booked: the booking the offer became. */
  bookingId?: string
  endReason?: keyof typeof WAITLIST_END_REASON_LABEL
}

/** Walk-in release (console 预约设置 → 现场释放): `releaseAfterMinutes` after a session starts
 *  (0 = never), bookings not checked in are released to the 候补 line or to the door. */
export interface WalkInSetting {
  releaseAfterMinutes: number
  to: 'waitlist' | 'onsite'
}

/** The query that opens the e-ticket with its one-tap 「不去了，释放名额」 (the visit reminder's link). */
export const RELEASE_QUERY = 'release'

/** The page the visit reminder opens: the booking's ticket, offering the one-tap release. */
export const releaseTicketPage = (bookingId: string) => `booking/pages/ticket/index?id=${encodeURIComponent(bookingId)}&${RELEASE_QUERY}=1`

/** 我的: the no-show count against the suspension rule, e.g. 「1/3，将于 2027-03-01 清零」. */
export interface NoShowStanding {
  count: number
  limit: number
  windowDays: number
  /** The Beijing day the oldest counted no-show leaves the window (the count drops), or null at 0. */
  clearsOn: string | null
  /** Booking is suspended until this Beijing time text, when it is. */
  suspendedUntil?: string
}

/** One entry of a session's line as the console shows it (names and masked IDs only). */
export interface ConsoleWaitlistRow {
  id: string
  position: number
  status: 'waiting' | 'offered'
  places: number
  names: string[]
  joinedAt: string
  /** Times smaller entries behind were served while this one did not fit (the skip rule). */
  skips: number
  offerExpiresAt?: string
}

export interface ConsoleWaitlistSession {
  sessionId: string
  name: string
  start: string
  end: string
  capacity: number
  booked: number
  /** Places the line's waiting entries need in all. */
  waitingPlaces: number
  entries: ConsoleWaitlistRow[]
}
