import { z } from 'zod'
import { MatchProfileSchema } from './zone'

/** 政策提醒 on the zone function: each needs an identity (the profile is kept per identity). */
export const ZoneAlertsRequests = {
  /** Saves the calculator's profile; what fits from now on and is new or changed is an alert. */
  saveProfile: z.object({ profile: MatchProfileSchema }).strict(),
  /** The saved profile's alerts (政策提醒 in 我的). */
  alerts: z.object({}).strict(),
  /** The visitor accepted one one-time subscription (wx.requestSubscribeMessage): one message may follow. */
  subscribeAlerts: z.object({}).strict(),
}
