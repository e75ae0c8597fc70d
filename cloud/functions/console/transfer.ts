// The transfer officer's console actions (成果转化): 对接 requests and their status, needs awaiting
// review. Every change is guarded on the rev the officer saw (two officers cannot both move one
// request), recorded in the audit log, and — when the sender gave a one-time subscribe
// authorisation — queues exactly one status message per step.
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { TransferConsoleRequests } from '../../contracts/requests/transfer'
import { canMove, NEXT_STATUSES, TransferErrors, type TransferNeed } from '../../contracts/transfer'
import { recordChange } from '../../ops/audit'
import { advance, statusMessage } from '../../transfer/requests'
import { defineAction } from '../types'

/** The subscribe template of status messages (empty: none configured, the message is still queued and settles as failed). */
const templateId = () => process.env.TRANSFER_TEMPLATE_ID ?? ''

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
}
