import { SystemRequests } from '../contracts/requests/system'
import { ok } from '../contracts/result'
import { defineAction, implement } from './types'

export const system = implement('system', {
  actions: {
    ping: defineAction({
      schema: SystemRequests.ping,
      anonymous: true,
      handle: (_req, ctx) => ok({ pong: true as const, at: ctx.now().toISOString() }),
    }),
  },
})
