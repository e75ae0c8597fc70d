// The console's walk-in release setting (预约设置 → 现场释放): how many minutes after a session
// starts its bookings not checked in are released, and to whom — the 候补 line or the door. The
// release itself runs in the no-show job (cloud/booking/walkin.ts). docs/booking-waitlist.md.
import { ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleWalkInRequests } from '../../contracts/requests/console-walkin'
import { loadBookingConfig, saveBookingConfig } from '../../booking/config'
import { recordChange } from '../../ops/audit'
import { defineAction } from '../types'

export const walkInActions = {
  walkIn: defineAction({
    schema: ConsoleWalkInRequests.walkIn,
    roles: CONSOLE_ROLES.booking,
    handle: async (_req, ctx) => ok({ walkIn: (await loadBookingConfig(ctx.store)).walkIn }),
  }),
  saveWalkIn: defineAction({
    schema: ConsoleWalkInRequests.saveWalkIn,
    roles: CONSOLE_ROLES.booking,
    handle: async (walkIn, ctx) => {
      const config = await loadBookingConfig(ctx.store)
      await saveBookingConfig(ctx.store, { ...config, walkIn })
      await recordChange(ctx, 'console.saveWalkIn', 'walkIn', config.walkIn, walkIn)
      return ok({ walkIn })
    },
  }),
}
