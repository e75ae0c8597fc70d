// The console's the dashboard.
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleRequests } from '../../contracts/requests/console'
import { loadBookingConfig } from '../../booking/config'
import { addDays, dayOf } from '../../booking/time'
import { buildDashboard } from '../../ops/dashboard'
import { defineAction } from '../types'

export const dashboardActions = {
  dashboard: defineAction({
    schema: ConsoleRequests.dashboard,
    roles: CONSOLE_ROLES.dashboard,
    handle: async (req, ctx) => {
      const today = dayOf(ctx.now())
      // By default the coming (bookable) days are in view: upcoming bookings are what an operator plans by.
      const toDay = req.toDay ?? addDays(today, (await loadBookingConfig(ctx.store)).daysShown)
      const fromDay = req.fromDay ?? addDays(today, -13)
      if (fromDay > toDay || addDays(fromDay, 92) < toDay) return fail('BAD_REQUEST', '日期范围应在 92 天以内，且开始不晚于结束')
      return ok(await buildDashboard(ctx.store, fromDay, toDay, today))
    },
  }),
}
