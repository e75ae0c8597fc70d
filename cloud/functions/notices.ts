import { NoticesRequests } from '../contracts/requests/notices'
import { ok } from '../contracts/result'
import { activeNotices } from '../ops/notices'
import { defineAction, implement } from './types'

/** The app's home page: the notices in force now. Anonymous (the home page opens before any login). */
export const notices = implement('notices', {
  actions: {
    active: defineAction({
      schema: NoticesRequests.active,
      anonymous: true,
      handle: async (_req, ctx) => ok({ notices: activeNotices(await ctx.store.ops.listNotices(), ctx.now()) }),
    }),
  },
})
