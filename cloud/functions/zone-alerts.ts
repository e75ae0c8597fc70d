// 政策提醒 actions of the zone function (cloud/zone/alerts.ts says what an alert is). The profile is
// kept per identity and shown back only to it; messages are queued by the daily reminders job.
import { fail, ok } from '../contracts/result'
import { ZoneAlertsRequests } from '../contracts/requests/zone-alerts'
import { ALERT_MAX_UNUSED_NOTICES, type PolicyAlertsView } from '../contracts/zone-alerts'
import { fingerprints, policyAlerts } from '../zone/alerts'
import { shanghaiDate } from '../zone/text'
import { defineAction, type CallContext } from './types'

export const ZoneAlertsErrors = {
  PROFILE_NOT_SAVED: '请先在政策计算器中保存企业画像',
} as const

async function view(ctx: CallContext): Promise<PolicyAlertsView> {
  const saved = await ctx.store.zone.getProfile(ctx.openid!)
  if (!saved) return { saved: false, alerts: [], unusedNotices: 0 }
  const alerts = policyAlerts(saved, await ctx.store.zone.listPolicies(), shanghaiDate(ctx.now()))
  return { saved: true, savedAt: saved.savedAt, alerts, unusedNotices: saved.granted - saved.used }
}

export const zoneAlertsActions = {
  saveProfile: defineAction({
    schema: ZoneAlertsRequests.saveProfile,
    handle: async ({ profile }, ctx) => {
      const known = fingerprints(await ctx.store.zone.listPolicies())
      await ctx.store.zone.saveProfile({ openid: ctx.openid!, profile, savedAt: ctx.now().toISOString(), known })
      return ok(await view(ctx))
    },
  }),
  alerts: defineAction({
    schema: ZoneAlertsRequests.alerts,
    handle: async (_req, ctx) => ok(await view(ctx)),
  }),
  subscribeAlerts: defineAction({
    schema: ZoneAlertsRequests.subscribeAlerts,
    handle: async (_req, ctx) => {
      if (!(await ctx.store.zone.getProfile(ctx.openid!))) return fail('PROFILE_NOT_SAVED', ZoneAlertsErrors.PROFILE_NOT_SAVED)
      // Beyond the cap a grant is not recorded: WeChat would hold the extra ones, but no more than
      // ALERT_MAX_UNUSED_NOTICES messages are ever queued ahead.
      await ctx.store.zone.grantProfileNotice(ctx.openid!, ALERT_MAX_UNUSED_NOTICES)
      return ok(await view(ctx))
    },
  }),
}
