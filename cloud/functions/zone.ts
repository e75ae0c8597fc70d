import crypto from 'node:crypto'
import { z } from 'zod'
import {
  INDUSTRIES,
  POLICY_AUDIENCES,
  POLICY_KINDS,
  POLICY_LEVELS,
  QUALIFICATIONS,
  TALENT_TYPES,
} from '../contracts/zone'
import { fail, ok } from '../contracts/result'
import { searchCompanies, MAX_PAGE_SIZE } from '../zone/companies'
import { catalogFor } from '../zone/catalog'
import { searchPolicies, withStatus } from '../zone/policies'
import { matchPolicies } from '../zone/rules'
import { relatedPolicies } from '../zone/related'
import { shanghaiDate } from '../zone/text'
import { COUNTERS } from '../contracts/ops'
import { dayOf } from '../booking/time'
import { addressKey } from '../booking/keys'
import { oneOf } from '../validation'
import { defineAction, implement, type CallContext } from './types'

export const ZoneErrors = {
  COMPANY_NOT_FOUND: '没有找到这家企业，可能名录已更新',
  POLICY_NOT_FOUND: '没有找到这条政策，可能已下架或更新',
} as const

const id = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '编号格式不正确')
const q = z.string().trim().max(40, '搜索词最多40个字').optional()
const page = z.number().int().min(1).max(10000).optional()
const pageSize = z.number().int().min(1).max(MAX_PAGE_SIZE).optional()
const inList = <T extends readonly [string, ...string[]]>(values: T, what: string) => oneOf(values, `${what}不在可选范围内`)

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '成立日期格式应为 YYYY-MM-DD')
const count = (what: string) => z.number({ error: `${what}应为数字` }).min(0, `${what}不能为负数`).max(1e9, `${what}过大`).optional()

export const MatchProfileSchema = z
  .object({
    inZone: z.boolean(),
    founded: date.optional(),
    employees: count('职工人数'),
    revenue: count('营业收入'),
    rdShare: z.number().min(0, '研发投入占比不能为负数').max(100, '研发投入占比不能超过100%').optional(),
    qualifications: z.array(inList(QUALIFICATIONS, '资质')).max(QUALIFICATIONS.length),
    talent: z.array(inList(TALENT_TYPES, '人才类型')).max(TALENT_TYPES.length),
    inventionPatents: count('发明专利数'),
    otherIp: count('其他知识产权数'),
    financingNeed: z.boolean(),
    industry: inList(INDUSTRIES, '行业').optional(),
  })
  .strict()

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
      schema: z
        .object({ q, industry: inList(INDUSTRIES, '行业').optional(), qualification: inList(QUALIFICATIONS, '资质').optional(), page, pageSize })
        .strict(),
      anonymous: true,
      handle: async (req, ctx) => ok(await countNoHit(ctx, req.q, searchCompanies((await catalogFor(ctx.store.zone)).companies, req))),
    }),
    getCompany: defineAction({
      schema: z.object({ id }).strict(),
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
      schema: z
        .object({
          q,
          level: inList(POLICY_LEVELS, '层级').optional(),
          kind: inList(POLICY_KINDS, '政策类别').optional(),
          audience: inList(POLICY_AUDIENCES, '适用对象').optional(),
          status: z.enum(['open', 'closing', 'closed']).optional(),
          page,
          pageSize,
        })
        .strict(),
      anonymous: true,
      handle: async (req, ctx) => ok(await countNoHit(ctx, req.q, searchPolicies((await catalogFor(ctx.store.zone)).policies, req, shanghaiDate(ctx.now())))),
    }),
    getPolicy: defineAction({
      schema: z.object({ id }).strict(),
      anonymous: true,
      handle: async ({ id }, ctx) => {
        const policy = await ctx.store.zone.getPolicy(id)
        return policy ? ok({ policy: withStatus(policy, shanghaiDate(ctx.now())) }) : fail('POLICY_NOT_FOUND', ZoneErrors.POLICY_NOT_FOUND)
      },
    }),
    match: defineAction({
      schema: z.object({ profile: MatchProfileSchema }).strict(),
      anonymous: true,
      handle: async ({ profile }, ctx) => {
        const catalog = await catalogFor(ctx.store.zone)
        const today = shanghaiDate(ctx.now())
        await countUsage(ctx, COUNTERS.policyMatch)
        return ok(matchPolicies(catalog.policyList, profile, today, catalog.dayView(today)))
      },
    }),
    figures: defineAction({
      schema: z.object({}).strict(),
      anonymous: true,
      handle: async (_req, ctx) => ok({ charts: await ctx.store.zone.listCharts() }),
    }),
    // The exhibit page shows the policies behind an exhibit's company, each with why (cloud/zone/related.ts).
    // Not counted as a calculator use: the visitor did not ask for it.
    policiesFor: defineAction({
      schema: z.object({ companyId: id }).strict(),
      anonymous: true,
      handle: async ({ companyId }, ctx) => {
        const company = await ctx.store.zone.getCompany(companyId)
        if (!company) return fail('COMPANY_NOT_FOUND', ZoneErrors.COMPANY_NOT_FOUND)
        const catalog = await catalogFor(ctx.store.zone)
        return ok({ policies: relatedPolicies(company, catalog.policyList, catalog.dayView(shanghaiDate(ctx.now())), RELATED_POLICIES) })
      },
    }),
  },
})
