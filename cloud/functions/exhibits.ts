import crypto from 'node:crypto'
import type { ExhibitPack } from '../contracts/exhibit'
import { ExhibitsRequests } from '../contracts/requests/exhibits'
import { fail, ok, type Result } from '../contracts/result'
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
      schema: ExhibitsRequests.get,
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
      schema: ExhibitsRequests.list,
      anonymous: true,
      handle: async (_req, ctx) => {
        const [halls, all] = await Promise.all([ctx.store.content.listHalls(), ctx.store.content.listExhibits()])
        return ok({ halls: groupByHall(halls, all.filter((e) => !e.unpublished)) })
      },
    }),
    // Every published exhibit at once (tens of KB), for phones to keep: inside the hall the signal is
    // weak, and a visitor scans exhibits they have never opened. Not counted as scans.
    pack: defineAction({
      schema: ExhibitsRequests.pack,
      anonymous: true,
      handle: async ({ have }, ctx): Promise<Result<{ pack: ExhibitPack } | { unchanged: true; version: string }>> => {
        const [halls, all] = await Promise.all([ctx.store.content.listHalls(), ctx.store.content.listExhibits()])
        const exhibits = all.filter((e) => !e.unpublished)
        const content = { halls: groupByHall(halls, exhibits), exhibits }
        const version = crypto.createHash('sha256').update(JSON.stringify(content), 'utf8').digest('base64url').slice(0, 16)
        if (have === version) return ok({ unchanged: true, version })
        return ok({ pack: { version, ...content } })
      },
    }),
  },
})
