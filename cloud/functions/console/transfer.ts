// The transfer officer's console actions (成果转化): 对接 requests and their status, needs awaiting
// review. Every change is guarded on the rev the officer saw (two officers cannot both move one
// request), recorded in the audit log, and — when the sender gave a one-time subscribe
// authorisation — queues exactly one status message per step.
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { TransferConsoleRequests } from '../../contracts/requests/transfer'
import { canMove, NEXT_STATUSES, TransferErrors, type TransferNeed, type TransferPlatform, type TransferResult } from '../../contracts/transfer'
import { recordChange } from '../../ops/audit'
import { advance, statusMessage } from '../../transfer/requests'
import { defineAction } from '../types'
import { saveListed } from './listed'

/** The subscribe template of status messages (empty: none configured, the message is still queued and settles as failed). */
const templateId = () => process.env.TRANSFER_TEMPLATE_ID ?? ''

const idTaken = () => fail('TRANSFER_ID_TAKEN', TransferErrors.TRANSFER_ID_TAKEN, { id: TransferErrors.TRANSFER_ID_TAKEN })

export const transferActions = {
  transferRequests: defineAction({
    schema: TransferConsoleRequests.transferRequests,
    roles: CONSOLE_ROLES.transfer,
    handle: async ({ status }, ctx) => ok({ requests: (await ctx.store.transfer.listRequests(status)).map((r) => ({ ...r, next: [...NEXT_STATUSES[r.status]] })) }),
  }),
  setRequestStatus: defineAction({
    schema: TransferConsoleRequests.setRequestStatus,
    roles: CONSOLE_ROLES.transfer,
    handle: async ({ id, rev, status, note }, ctx) => {
      const before = await ctx.store.transfer.getRequest(id)
      if (!before) return fail('REQUEST_NOT_FOUND', TransferErrors.REQUEST_NOT_FOUND)
      if (before.rev !== rev) return fail('REQUEST_STALE', TransferErrors.REQUEST_STALE)
      if (!canMove(before.status, status)) return fail('STATUS_NOT_ALLOWED', TransferErrors.STATUS_NOT_ALLOWED, { status: TransferErrors.STATUS_NOT_ALLOWED })
      const now = ctx.now()
      const { next, notify } = advance(before, status, now.toISOString(), note)
      // The guard: a change made since the officer read the request (another officer, a retried
      // click) is refused here, so the step — and its message — happens once.
      if (!(await ctx.store.transfer.updateRequest(next, before.rev))) return fail('REQUEST_STALE', TransferErrors.REQUEST_STALE)
      if (notify) await ctx.store.outbox.enqueue(statusMessage(next, templateId(), now))
      await recordChange(ctx, 'console.setRequestStatus', id, { status: before.status }, { status, ...(note ? { note } : {}) })
      return ok({ request: next, notified: notify })
    },
  }),
  transferNeeds: defineAction({
    schema: TransferConsoleRequests.transferNeeds,
    roles: CONSOLE_ROLES.transfer,
    handle: async (_req, ctx) => ok({ needs: await ctx.store.transfer.listNeeds() }),
  }),
  reviewNeed: defineAction({
    schema: TransferConsoleRequests.reviewNeed,
    roles: CONSOLE_ROLES.transfer,
    handle: async ({ id, rev, decision, note }, ctx) => {
      const before = await ctx.store.transfer.getNeed(id)
      if (!before) return fail('NEED_NOT_FOUND', TransferErrors.NEED_NOT_FOUND)
      if (before.rev !== rev) return fail('NEED_STALE', TransferErrors.NEED_STALE)
      const next: TransferNeed = { ...before, status: decision === 'publish' ? 'published' : 'returned', reviewedAt: ctx.now().toISOString(), rev: before.rev + 1 }
      if (note) next.reviewNote = note
      else delete next.reviewNote
      if (!(await ctx.store.transfer.updateNeed(next, before.rev))) return fail('NEED_STALE', TransferErrors.NEED_STALE)
      await recordChange(ctx, 'console.reviewNeed', id, { status: before.status }, { status: next.status, ...(note ? { note } : {}) })
      return ok({ need: next })
    },
  }),
  // 成果与平台: the officer enters results and platforms; the data file only seeds the first run.
  // Each save or removal is one guarded step on that record's rev (as the requests above): an edit
  // made meanwhile by another officer is refused, not overwritten, and no other record is rewritten.
  transferLists: defineAction({
    schema: TransferConsoleRequests.transferLists,
    roles: CONSOLE_ROLES.transfer,
    handle: async (_req, ctx) => ok({ results: await ctx.store.transfer.listResults(), platforms: await ctx.store.transfer.listPlatforms() }),
  }),
  savePlatform: defineAction({
    schema: TransferConsoleRequests.savePlatform,
    roles: CONSOLE_ROLES.transfer,
    handle: async ({ platform: saved, isNew, rev }, ctx) => {
      const before = (await ctx.store.transfer.listPlatforms()).find((p) => p.id === saved.id) ?? null
      if (isNew && before) return idTaken()
      if (!isNew && !before) return fail('PLATFORM_NOT_FOUND', TransferErrors.PLATFORM_NOT_FOUND)
      const written = await saveListed(saved as TransferPlatform, { isNew, rev }, (next, from) => ctx.store.transfer.savePlatform(next, from), { taken: idTaken, stale: () => fail('PLATFORM_STALE', TransferErrors.PLATFORM_STALE) })
      if (!written.ok) return written
      const platform = written.data
      await recordChange(ctx, 'console.savePlatform', platform.id, before, platform)
      return ok({ platform })
    },
  }),
  removePlatform: defineAction({
    schema: TransferConsoleRequests.removePlatform,
    roles: CONSOLE_ROLES.transfer,
    handle: async ({ id, rev }, ctx) => {
      const before = (await ctx.store.transfer.listPlatforms()).find((p) => p.id === id)
      if (!before) return fail('PLATFORM_NOT_FOUND', TransferErrors.PLATFORM_NOT_FOUND)
      // A result's deal step links to the platform's card; a 对接 request about it would lose its target.
      const deals = (await ctx.store.transfer.listResults()).filter((r) => r.deal?.steps.some((s) => s.platformId === id)).map((r) => `成果「${r.title}」的转化过程`)
      const requests = (await ctx.store.transfer.listRequests()).filter((r) => r.kind === 'platform' && r.targetId === id).map((r) => `${r.organisation}的对接请求`)
      const linked = [...deals, ...new Set(requests)]
      if (linked.length) return fail('PLATFORM_LINKED', `${TransferErrors.PLATFORM_LINKED}（${linked.join('、')}）`)
      if (!(await ctx.store.transfer.removePlatform(id, rev))) return fail('PLATFORM_STALE', TransferErrors.PLATFORM_STALE)
      await recordChange(ctx, 'console.removePlatform', id, before, null)
      return ok({ removed: true as const })
    },
  }),
  saveResult: defineAction({
    schema: TransferConsoleRequests.saveResult,
    roles: CONSOLE_ROLES.transfer,
    handle: async ({ result: saved, isNew, rev }, ctx) => {
      const before = await ctx.store.transfer.getResult(saved.id)
      if (isNew && before) return idTaken()
      if (!isNew && !before) return fail('RESULT_NOT_FOUND', TransferErrors.RESULT_NOT_FOUND)
      const written = await saveListed(saved as TransferResult, { isNew, rev }, (next, from) => ctx.store.transfer.saveResult(next, from), { taken: idTaken, stale: () => fail('RESULT_STALE', TransferErrors.RESULT_STALE) })
      if (!written.ok) return written
      const result = written.data
      await recordChange(ctx, 'console.saveResult', result.id, before, result)
      return ok({ result })
    },
  }),
  removeResult: defineAction({
    schema: TransferConsoleRequests.removeResult,
    roles: CONSOLE_ROLES.transfer,
    handle: async ({ id, rev }, ctx) => {
      const before = await ctx.store.transfer.getResult(id)
      if (!before) return fail('RESULT_NOT_FOUND', TransferErrors.RESULT_NOT_FOUND)
      // An exhibit that shows it would link visitors to a missing page; a 对接 request naming it
      // would lose what the sender asked about.
      const exhibits = (await ctx.store.content.listExhibits()).filter((e) => before.exhibitCode && e.code === before.exhibitCode).map((e) => `展品「${e.name}」`)
      const requests = (await ctx.store.transfer.listRequests()).filter((r) => r.kind === 'result' && r.targetId === id).map((r) => `${r.organisation}的对接请求`)
      const linked = [...exhibits, ...new Set(requests)]
      if (linked.length) return fail('RESULT_LINKED', `${TransferErrors.RESULT_LINKED}（${linked.join('、')}）`)
      if (!(await ctx.store.transfer.removeResult(id, rev))) return fail('RESULT_STALE', TransferErrors.RESULT_STALE)
      await recordChange(ctx, 'console.removeResult', id, before, null)
      return ok({ removed: true as const })
    },
  }),
}
