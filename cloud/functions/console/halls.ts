// The console's halls (展区): their order in the visitor's list and their texts.
import type { Hall } from '../../contracts/exhibit'
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleRequests } from '../../contracts/requests/console'
import { recordChange } from '../../ops/audit'
import { defineAction } from '../types'
import { ConsoleErrors } from './errors'
import { inHall } from './exhibits'

export const hallsActions = {
  halls: defineAction({
    schema: ConsoleRequests.halls,
    roles: CONSOLE_ROLES.content,
    handle: async (_req, ctx) => {
      const [halls, exhibits] = await Promise.all([ctx.store.content.listHalls(), ctx.store.content.listExhibits()])
      return ok({ halls: halls.map((h) => ({ ...h, exhibitCount: exhibits.filter((e) => e.hallId === h.id).length })) })
    },
  }),
  /** Creates or edits a hall and puts it at `order` in the visitor's list. Its exhibits carry the
   *  hall's name and floor (the exhibit page reads them without a second lookup): they follow. */
  saveHall: defineAction({
    schema: ConsoleRequests.saveHall,
    roles: CONSOLE_ROLES.content,
    handle: async ({ order, isNew, ...edit }, ctx) => {
      const list = await ctx.store.content.listHalls()
      const before = list.find((h) => h.id === edit.id) ?? null
      if (isNew && before) return fail('HALL_ID_TAKEN', ConsoleErrors.HALL_ID_TAKEN, { id: ConsoleErrors.HALL_ID_TAKEN })
      if (!isNew && !before) return fail('HALL_NOT_FOUND', ConsoleErrors.HALL_NOT_FOUND)
      // Optional texts left empty are removed, not stored as ''; the floor-plan rectangle stays.
      const after: Hall = { ...(before ?? {}), id: edit.id, name: edit.name }
      for (const key of ['nameEn', 'floor', 'intro', 'introEn'] as const) {
        if (edit[key]) after[key] = edit[key]
        else delete after[key]
      }
      const others = list.filter((h) => h.id !== edit.id)
      const at = Math.min(order, others.length + 1) - 1
      const ordered = [...others.slice(0, at), after, ...others.slice(at)]
      // Every hall is written at its position (a handful): the stored order is whatever this list says.
      for (const [i, h] of ordered.entries()) await ctx.store.content.putHall(h, i)
      for (const e of (await ctx.store.content.listExhibits()).filter((x) => x.hallId === after.id)) {
        const moved = inHall(e, after)
        if (JSON.stringify(moved) !== JSON.stringify(e)) await ctx.store.content.putExhibit(moved)
      }
      await recordChange(ctx, 'console.saveHall', after.id, before && { ...before, order: list.indexOf(before) + 1 }, { ...after, order: at + 1 })
      return ok({ hall: after, order: at + 1 })
    },
  }),
}
