import crypto from 'node:crypto'
import { fail, ok } from '../contracts/result'
import { searchCompanies } from '../zone/companies'
import { catalogFor } from '../zone/catalog'
import { searchPolicies, withStatus } from '../zone/policies'
import { matchPolicies } from '../zone/rules'
import { relatedPolicies } from '../zone/related'
import { shanghaiDate } from '../zone/text'
import { COUNTERS } from '../contracts/ops'
import { dayOf } from '../booking/time'
import { addressKey } from '../booking/keys'
import { ZoneRequests } from '../contracts/requests/zone'
import { defineAction, implement, type CallContext } from './types'
import { zoneAlertsActions } from './zone-alerts'

export const ZoneErrors = {
  COMPANY_NOT_FOUND: '没有找到这家企业，可能名录已更新',
  POLICY_NOT_FOUND: '没有找到这条政策，可能已下架或更新',
} as const

/** The console's dashboard counters (no visitor identity). A counter that fails never costs the answer. */
const countUsage = (ctx: CallContext, counter: string) =>
  ctx.store.ops.bump(counter, dayOf(ctx.now())).catch((error) => console.error('usage counter failed', error))

/**
 * Anonymous searches write counters, so what one caller can add is bounded: one row per distinct
 * word and day would otherwise let one address list 20,000 made-up words on the dashboard. A word
 * is counted on its own only when short enough, and while its caller (address bucket on H5, OPENID
 * in WeChat) and everyone together still may bring in new words today; words beyond that are
 * counted together in one row (COUNTERS.zoneNoHitOther). One caller's counted searches are capped
 * too, so it cannot inflate a word either.
 */
export const NO_HIT_LIMITS = { maxLength: 20, perCallerPerDay: 100, newWordsPerCallerPerDay: 20, newWordsPerDay: 300 }

const DAY_MS = 24 * 60 * 60_000

/** Who a counted search is charged to: the address bucket where identities are free, else the identity. */
const callerKey = (ctx: CallContext): string => {
  const who = ctx.origin ? `addr:${ctx.origin.bucket}` : ctx.openid ? `id:${ctx.openid}` : 'anonymous'
  // Keyed when the keys are at hand (an address is personal information); the rows last a day.
  return ctx.keys ? addressKey(ctx.keys.idKey, who) : crypto.createHash('sha256').update(who).digest('base64url').slice(0, 16)
}

/** A search with words that found nothing is counted under those words (within NO_HIT_LIMITS), so the office sees what people miss. */
async function countNoHit<T extends { total: number }>(ctx: CallContext, q: string | undefined, page: T): Promise<T> {
  const word = q?.trim().replace(/\s+/g, ' ')
  if (page.total !== 0 || !word || [...word].length > NO_HIT_LIMITS.maxLength) return page
  try {
    const now = ctx.now()
    const day = dayOf(now)
    const who = callerKey(ctx)
    if ((await ctx.store.limits.hit(`nohit:${who}:${day}`, DAY_MS, now)).count > NO_HIT_LIMITS.perCallerPerDay) return page
    const counter = COUNTERS.zoneNoHit(word)
    const known = (await ctx.store.ops.counters(counter, day, day)).some((row) => row.counter === counter)
    const fresh =
      known ||
      ((await ctx.store.limits.hit(`nohit-new:${who}:${day}`, DAY_MS, now)).count <= NO_HIT_LIMITS.newWordsPerCallerPerDay &&
        (await ctx.store.limits.hit(`nohit-new:*:${day}`, DAY_MS, now)).count <= NO_HIT_LIMITS.newWordsPerDay)
    await countUsage(ctx, fresh ? counter : COUNTERS.zoneNoHitOther)
  } catch (error) {
    // A counter never costs the answer.
    console.error('usage counter failed', error)
  }
  return page
}

/** How many policies the exhibit page lists under 相关政策. */
const RELATED_POLICIES = 3

export const zone = implement('zone', {
  actions: {
    // The zone lookup is public information: anonymous, like the exhibit pages.
    searchCompanies: defineAction({
      schema: ZoneRequests.searchCompanies,
      anonymous: true,
      handle: async (req, ctx) => ok(await countNoHit(ctx, req.q, searchCompanies((await catalogFor(ctx.store.zone)).companies, req))),
    }),
    getCompany: defineAction({
      schema: ZoneRequests.getCompany,
      anonymous: true,
      handle: async ({ id }, ctx) => {
        const company = await ctx.store.zone.getCompany(id)
        if (!company) return fail('COMPANY_NOT_FOUND', ZoneErrors.COMPANY_NOT_FOUND)
        // The exhibits' English names live with the exhibits (edited there), not copied into the company.
        const exhibits = await Promise.all(
          company.exhibits.map(async (e) => {
            const nameEn = (await ctx.store.content.getExhibit(e.code))?.nameEn
            return nameEn ? { ...e, nameEn } : e
          }),
        )
        return ok({ company: { ...company, exhibits } })
      },
    }),
    searchPolicies: defineAction({
      schema: ZoneRequests.searchPolicies,
      anonymous: true,
      handle: async (req, ctx) => ok(await countNoHit(ctx, req.q, searchPolicies((await catalogFor(ctx.store.zone)).policies, req, shanghaiDate(ctx.now())))),
    }),
    getPolicy: defineAction({
      schema: ZoneRequests.getPolicy,
      anonymous: true,
      handle: async ({ id }, ctx) => {
        const policy = await ctx.store.zone.getPolicy(id)
        return policy ? ok({ policy: withStatus(policy, shanghaiDate(ctx.now())) }) : fail('POLICY_NOT_FOUND', ZoneErrors.POLICY_NOT_FOUND)
      },
    }),
    match: defineAction({
      schema: ZoneRequests.match,
      anonymous: true,
      handle: async ({ profile }, ctx) => {
        const catalog = await catalogFor(ctx.store.zone)
        const today = shanghaiDate(ctx.now())
        await countUsage(ctx, COUNTERS.policyMatch)
        return ok(matchPolicies(catalog.policyList, profile, today, catalog.dayView(today)))
      },
    }),
    figures: defineAction({
      schema: ZoneRequests.figures,
      anonymous: true,
      handle: async (_req, ctx) => ok({ charts: await ctx.store.zone.listCharts() }),
    }),
    // The exhibit page shows the policies behind an exhibit's company, each with why (cloud/zone/related.ts).
    // Not counted as a calculator use: the visitor did not ask for it.
    policiesFor: defineAction({
      schema: ZoneRequests.policiesFor,
      anonymous: true,
      handle: async ({ companyId }, ctx) => {
        const company = await ctx.store.zone.getCompany(companyId)
        if (!company) return fail('COMPANY_NOT_FOUND', ZoneErrors.COMPANY_NOT_FOUND)
        const catalog = await catalogFor(ctx.store.zone)
        return ok({ policies: relatedPolicies(company, catalog.policyList, catalog.dayView(shanghaiDate(ctx.now())), RELATED_POLICIES) })
      },
    }),
    ...zoneAlertsActions,
  },
})
