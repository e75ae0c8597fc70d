// The console's the audit log, on the page and as a spreadsheet.
import { ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleRequests } from '../../contracts/requests/console'
import { dayOf } from '../../booking/time'
import { auditWorkbook } from '../../ops/audit-workbook'
import type { AuditNames } from '../../contracts/audit-view'
import { defineAction, type CallContext } from '../types'

async function auditNames(ctx: CallContext): Promise<AuditNames> {
  return {
    accounts: Object.fromEntries((await ctx.store.accounts.list()).map((a) => [a.username, a.name])),
    exhibits: Object.fromEntries((await ctx.store.content.listExhibits()).map((x) => [x.code, x.name])),
  }
}

export const auditActions = {
  /** Entries with the names the log does not keep (account username → name), so the page shows people. */
  audit: defineAction({
    schema: ConsoleRequests.audit,
    roles: CONSOLE_ROLES.admin,
    handle: async (req, ctx) => ok({ entries: await ctx.store.ops.listAudit(req), names: await auditNames(ctx) }),
  }),
  /** The same filtered entries as an Excel file, in the words the page shows. */
  auditXlsx: defineAction({
    schema: ConsoleRequests.auditXlsx,
    roles: CONSOLE_ROLES.admin,
    handle: async (req, ctx) => {
      const entries = await ctx.store.ops.listAudit({ ...req, limit: req.limit ?? 500 })
      const file = await auditWorkbook(entries, await auditNames(ctx))
      return ok({ fileName: `操作日志-${req.fromDay ?? '开始'}至${req.toDay ?? dayOf(ctx.now())}.xlsx`, data: file.toString('base64'), count: entries.length })
    },
  }),
}
