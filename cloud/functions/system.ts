import { z } from 'zod/v4'
import { ok } from '../contracts/result'
import { defineAction, type CloudFunction } from './types'

export const system: CloudFunction = {
  actions: {
    ping: defineAction({
      schema: z.object({}).strict(),
      anonymous: true,
      handle: (_req, ctx) => ok({ pong: true as const, at: ctx.now().toISOString() }),
    }),
  },
}
