// 政策提醒: a visitor saves the policy calculator's company profile; a policy that fits it and is
// new or changed since the save, or whose window closes within ALERT_CLOSING_DAYS, is an alert.
// Shared by the zone function and the app (types and constants only).
import type { PolicySummary } from './zone'

/** A fitting policy whose application window closes within this many days is an alert. */
export const ALERT_CLOSING_DAYS = 14

/** One-time subscriptions a visitor may hold unused at once (each allows exactly one message). */
export const ALERT_MAX_UNUSED_NOTICES = 10

/** Why a policy is in the list: new since the save, changed since the save, or closing soon. */
export type PolicyAlertReason = { kind: 'new' } | { kind: 'updated' } | { kind: 'closing'; closes: string }

export interface PolicyAlert {
  policy: PolicySummary
  reasons: PolicyAlertReason[]
}

export interface PolicyAlertsView {
  /** False until the visitor saved a profile. */
  saved: boolean
  savedAt?: string
  alerts: PolicyAlert[]
  /** One-time subscriptions granted and not yet used by a message. */
  unusedNotices: number
}
