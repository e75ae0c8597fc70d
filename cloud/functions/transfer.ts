// 成果转化: the results and needs lists, the platforms directory, 对接 requests to the transfer
// centre and needs posted by companies. Lists are public (anonymous, like the zone lookup); a
// request or a posted need needs an identity and is shown to its sender and the transfer officers
// only (their console actions: functions/console/transfer.ts).
import crypto from 'node:crypto'
import { fail, ok } from '../contracts/result'
import { TransferRequests } from '../contracts/requests/transfer'
import {
  TransferErrors,
  toPublicNeed,
  toPublicResult,
  type RequestStatus,
  type TransferNeed,
  type TransferRequestRecord,
} from '../contracts/transfer'
import { catalogFor } from '../zone/catalog'
import { withStatus } from '../zone/policies'
import { shanghaiDate } from '../zone/text'
import { companiesForResult, needsForResult, resultsForNeed } from '../transfer/matching'
import { searchResults } from '../transfer/results'
import { requestView } from '../transfer/requests'
import { defineAction, implement, type CallContext } from './types'

/** Open requests one sender may have at once; needs awaiting review one poster may have. */
export const TRANSFER_LIMITS = { openRequests: 10, pendingNeeds: 5, notifyGrants: 10 }

const FINAL: readonly RequestStatus[] = ['declined', 'landed']

/** `tr-`/`nd-` and 16 url-safe random characters: not guessable, so an id alone shows nothing. */
const newId = (prefix: 'tr' | 'nd') => `${prefix}-${crypto.randomBytes(12).toString('base64url')}`

/** The published needs still valid today. */
const liveNeeds = (needs: TransferNeed[], today: string) => needs.filter((n) => n.status === 'published' && n.validUntil >= today)

/** The policy titles a result lists, for the sender's view after 签约. */
async function policiesOf(ctx: CallContext, resultIds: string[]) {
  const out: Record<string, Array<{ id: string; title: string }>> = {}
  for (const id of new Set(resultIds)) {
    const result = await ctx.store.transfer.getResult(id)
    const policies = await Promise.all((result?.policyIds ?? []).map((p) => ctx.store.zone.getPolicy(p)))
    out[id] = policies.filter((p) => p !== null).map((p) => ({ id: p.id, title: p.title }))
  }
  return out
}

/** What the sender names as the target, checked to exist (a need only once published). */
async function targetTitle(ctx: CallContext, kind: TransferRequestRecord['kind'], id: string, today: string): Promise<string | null> {
  if (kind === 'result') return (await ctx.store.transfer.getResult(id))?.title ?? null
  if (kind === 'need') {
    const need = await ctx.store.transfer.getNeed(id)
    return need && liveNeeds([need], today).length ? need.title : null
  }
  return (await ctx.store.transfer.listPlatforms()).find((p) => p.id === id)?.name ?? null
}

export const transfer = implement('transfer', {
  actions: {
    results: defineAction({
      schema: TransferRequests.results,
      anonymous: true,
      handle: async (req, ctx) => ok(searchResults(await ctx.store.transfer.listResults(), req)),
    }),
    getResult: defineAction({
      schema: TransferRequests.getResult,
      anonymous: true,
      handle: async ({ id }, ctx) => {
        const result = await ctx.store.transfer.getResult(id)
        if (!result) return fail('RESULT_NOT_FOUND', TransferErrors.RESULT_NOT_FOUND)
        const today = shanghaiDate(ctx.now())
        const catalog = await catalogFor(ctx.store.zone)
        const policies = result.policyIds.flatMap((p) => {
          const policy = catalog.policyList.find((x) => x.id === p)
          return policy ? [{ id: policy.id, title: policy.title, status: withStatus(policy, today).status }] : []
        })
        return ok({
          result: toPublicResult(result),
          needs: needsForResult(result, liveNeeds(await ctx.store.transfer.listNeeds(), today)),
          companies: companiesForResult(result, await ctx.store.zone.listCompanies()),
          policies,
        })
      },
    }),
    needs: defineAction({
      schema: TransferRequests.needs,
      anonymous: true,
      handle: async ({ field }, ctx) => {
        const today = shanghaiDate(ctx.now())
        const results = await ctx.store.transfer.listResults()
        const needs = liveNeeds(await ctx.store.transfer.listNeeds(), today).filter((n) => !field || n.field === field)
        return ok({ needs: needs.map((n) => ({ ...toPublicNeed(n), matches: resultsForNeed(n, results, 3) })) })
      },
    }),
    platforms: defineAction({
      schema: TransferRequests.platforms,
      anonymous: true,
      handle: async (_req, ctx) => ok({ platforms: await ctx.store.transfer.listPlatforms() }),
    }),
    submitRequest: defineAction({
      schema: TransferRequests.submitRequest,
      handle: async ({ notify, ...req }, ctx) => {
        const openid = ctx.openid!
        const now = ctx.now()
        const title = await targetTitle(ctx, req.kind, req.targetId, shanghaiDate(now))
        if (!title) return fail('TARGET_NOT_FOUND', TransferErrors.TARGET_NOT_FOUND, { targetId: TransferErrors.TARGET_NOT_FOUND })
        const mine = await ctx.store.transfer.listRequestsBy(openid)
        const open = mine.filter((r) => !FINAL.includes(r.status))
        // A second tap (or a retry) about the same target answers with the request already open.
        const same = open.find((r) => r.kind === req.kind && r.targetId === req.targetId)
        if (same) return ok({ request: requestView(same, now), existing: true })
        if (open.length >= TRANSFER_LIMITS.openRequests) return fail('REQUEST_LIMIT', TransferErrors.REQUEST_LIMIT)
        const at = now.toISOString()
        const record: TransferRequestRecord = {
          ...req,
          id: newId('tr'),
          targetTitle: title,
          openid,
          status: 'submitted',
          history: [{ status: 'submitted', at }],
          createdAt: at,
          notifyGrants: notify ? 1 : 0,
          rev: 0,
        }
        await ctx.store.transfer.createRequest(record)
        return ok({ request: requestView(record, now), existing: false })
      },
    }),
    myRequests: defineAction({
      schema: TransferRequests.myRequests,
      handle: async (_req, ctx) => {
        const now = ctx.now()
        const requests = await ctx.store.transfer.listRequestsBy(ctx.openid!)
        const policies = await policiesOf(ctx, requests.filter((r) => r.kind === 'result').map((r) => r.targetId))
        const needs = (await ctx.store.transfer.listNeeds()).filter((n) => n.openid === ctx.openid)
        return ok({
          requests: requests.map((r) => requestView(r, now, r.kind === 'result' ? policies[r.targetId] : [])),
          // The poster sees their own needs in every status (with the centre's note when returned).
          needs: needs.map((n) => ({ ...toPublicNeed(n), ...(n.reviewNote ? { reviewNote: n.reviewNote } : {}) })),
        })
      },
    }),
    subscribe: defineAction({
      schema: TransferRequests.subscribe,
      handle: async ({ id }, ctx) => {
        const record = await ctx.store.transfer.getRequest(id)
        // Someone else's request is answered as missing, never as someone else's.
        if (!record || record.openid !== ctx.openid) return fail('REQUEST_NOT_FOUND', TransferErrors.REQUEST_NOT_FOUND)
        if (FINAL.includes(record.status) || record.notifyGrants >= TRANSFER_LIMITS.notifyGrants) return ok({ request: requestView(record, ctx.now()) })
        const next = { ...record, notifyGrants: record.notifyGrants + 1, rev: record.rev + 1 }
        if (!(await ctx.store.transfer.updateRequest(next, record.rev))) return fail('REQUEST_STALE', TransferErrors.REQUEST_STALE)
        return ok({ request: requestView(next, ctx.now()) })
      },
    }),
    submitNeed: defineAction({
      schema: TransferRequests.submitNeed,
      handle: async (req, ctx) => {
        const now = ctx.now()
        const today = shanghaiDate(now)
        if (req.validUntil <= today) return fail('BAD_REQUEST', TransferErrors.NEED_EXPIRED_DATE, { validUntil: TransferErrors.NEED_EXPIRED_DATE })
        const pending = (await ctx.store.transfer.listNeeds()).filter((n) => n.openid === ctx.openid && n.status === 'pending')
        if (pending.length >= TRANSFER_LIMITS.pendingNeeds) return fail('NEED_LIMIT', TransferErrors.NEED_LIMIT)
        // A posted need is a company's own record ('document'), not demo content: no 示意 mark once published.
        const need: TransferNeed = { ...req, id: newId('nd'), status: 'pending', createdAt: now.toISOString(), source: 'document', openid: ctx.openid!, rev: 0 }
        await ctx.store.transfer.putNeed(need)
        return ok({ need: toPublicNeed(need) })
      },
    }),
  },
})
