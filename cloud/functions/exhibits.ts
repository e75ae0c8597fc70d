import { z } from 'zod/v4'
import { EXHIBIT_CODE_PATTERN } from '../contracts/exhibit'
import { fail, ok } from '../contracts/result'
import { groupByHall } from '../exhibits/halls'
import { countExhibitOpen } from '../ops/scans'
import { defineAction, implement } from './types'

export const ExhibitErrors = {
  EXHIBIT_NOT_FOUND: '没有找到这件展品，可能展品已更换位置或二维码已过期',
} as const

export const exhibits = implement('exhibits', {
  actions: {
    // Exhibit pages open from a cold scan before any login, so they are anonymous.
    get: defineAction({
      schema: z.object({ code: z.string().trim().toLowerCase().regex(EXHIBIT_CODE_PATTERN, '展品编号格式不正确') }).strict(),
      anonymous: true,
      handle: async ({ code }, ctx) => {
        const exhibit = await ctx.store.content.getExhibit(code)
        if (!exhibit || exhibit.unpublished) return fail('EXHIBIT_NOT_FOUND', ExhibitErrors.EXHIBIT_NOT_FOUND)
        // The dashboard's scans per exhibit per day (the scan landing counts its own opens the same way).
        await countExhibitOpen(ctx.store, code, ctx.now())
        return ok({ exhibit })
      },
    }),
    list: defineAction({
      schema: z.object({}).strict(),
      anonymous: true,
      handle: async (_req, ctx) => {
        const [halls, all] = await Promise.all([ctx.store.content.listHalls(), ctx.store.content.listExhibits()])
        return ok({ halls: groupByHall(halls, all.filter((e) => !e.unpublished)) })
      },
    }),
  },
})
