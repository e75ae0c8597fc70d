// The console's the home page notices.
import crypto from 'node:crypto'
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleRequests } from '../../contracts/requests/console'
import { recordChange } from '../../ops/audit'
import { defineAction } from '../types'
import { ConsoleErrors } from './errors'

const iso = (s: string) => new Date(s).toISOString()

export const noticesActions = {
  notices: defineAction({
    schema: ConsoleRequests.notices,
    roles: CONSOLE_ROLES.content,
    handle: async (_req, ctx) => ok({ notices: await ctx.store.ops.listNotices() }),
  }),
  saveNotice: defineAction({
    schema: ConsoleRequests.saveNotice,
    roles: CONSOLE_ROLES.content,
    handle: async (req, ctx) => {
      if (Date.parse(req.validTo) <= Date.parse(req.validFrom)) return fail('NOTICE_WINDOW', ConsoleErrors.NOTICE_WINDOW, { validTo: ConsoleErrors.NOTICE_WINDOW })
      // A published notice that has already ended would never be seen: a typo in the year, not a wish.
      if (req.published && Date.parse(req.validTo) <= ctx.now().getTime()) return fail('NOTICE_PAST', ConsoleErrors.NOTICE_PAST, { validTo: ConsoleErrors.NOTICE_PAST })
      const now = ctx.now().toISOString()
      const before = req.id ? await ctx.store.ops.getNotice(req.id) : null
      if (req.id && !before) return fail('NOTICE_NOT_FOUND', ConsoleErrors.NOTICE_NOT_FOUND)
      const notice = {
        ...req,
        id: req.id ?? `n-${crypto.randomBytes(6).toString('hex')}`,
        validFrom: iso(req.validFrom),
        validTo: iso(req.validTo),
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      }
      await ctx.store.ops.putNotice(notice)
      await recordChange(ctx, 'console.saveNotice', notice.id, before, notice)
      return ok({ notice })
    },
  }),
  removeNotice: defineAction({
    schema: ConsoleRequests.removeNotice,
    roles: CONSOLE_ROLES.content,
    handle: async ({ id }, ctx) => {
      const before = await ctx.store.ops.getNotice(id)
      if (!before || !(await ctx.store.ops.removeNotice(id))) return fail('NOTICE_NOT_FOUND', ConsoleErrors.NOTICE_NOT_FOUND)
      await recordChange(ctx, 'console.removeNotice', id, before, null)
      return ok({ removed: true as const })
    },
  }),
}
