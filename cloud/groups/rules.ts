// The group rules as the booking settings hold them, and each session's group quota: pure, so the
// app's form, the handlers and the console read them the same way.
import type { GroupRules } from '../contracts/groups'
import type { BookingConfig } from '../booking/config'
import { sessionRef } from '../booking/calendar'

export const groupRulesOf = (config: BookingConfig): GroupRules => ({
  minPeople: config.groups.minPeople,
  maxPeople: config.groups.maxPeople,
  pupilsPerTeacher: config.groups.pupilsPerTeacher,
})

/** A session's places for groups, apart from its individuals' capacity: the template's own quota,
 *  else the settings' default; 0 for a session that does not exist. */
export function groupQuotaOf(config: BookingConfig, sessionId: string): number {
  const ref = sessionRef(config, sessionId)
  if (!ref) return 0
  return ref.template.groupQuota ?? config.groups.quotaPerSession
}
