import { z } from 'zod'
import { ok } from '../contracts/result'
import { defineAction, implement } from './types'

export const system = implement('system', {
  actions: {
    ping: defineAction({
      schema: z.object({}).strict(),
      anonymous: true,
      handle: (_req, ctx) => ok({ pong: true as const, at: ctx.now().toISOString() }),
    }),
  },
})
