// The console's actions: Zone spreadsheets: preview an import, confirm it, export the lists, the empty template.
import { fail, ok, type Result } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleRequests } from '../../contracts/requests/console'
import { dayOf } from '../../booking/time'
import { recordChange } from '../../ops/audit'
import type { ImportMode, ImportPreview, ImportReview } from '../../contracts/ops'
import { COMPANY_HEADERS, POLICY_HEADERS, companyToRow, detectKind, policyToRow, parseCompanyRows, parsePolicyRows, type ImportKind, type RowError } from '../../zone/import'
import { readSheet } from '../../zone/spreadsheet'
import { listDigest, reviewImport } from '../../zone/import-review'
import { zoneFileName, zoneWorkbook } from '../../ops/zone-workbook'
import type { Company, Policy } from '../../contracts/zone'
import { defineAction, type CallContext } from '../types'
import { ConsoleErrors } from './errors'

type ImportPlan = { kind: ImportKind; errors: RowError[]; review: ImportReview; next: Array<Company | Policy>; before: Array<Company | Policy> }

/** One sheet against the current list: its row errors, or what it would add, change and remove. */
async function planImport(ctx: CallContext, fileName: string, data: string, mode: ImportMode): Promise<Result<ImportPlan>> {
  // Checked, then parsed off this thread under limits (zone/spreadsheet.ts): a bomb is a refusal.
  const read = await readSheet({ name: fileName, data: Buffer.from(data, 'base64') }, ctx.sheetLimits)
  if (!read.ok) return read
  const sheet = read.data
  const kind: ImportKind | null = detectKind(sheet.headers)
  if (!kind) return fail('SHEET_KIND', ConsoleErrors.SHEET_KIND)
  const exhibits = await ctx.store.content.listExhibits()
  const empty = (current: Array<Company | Policy>, errors: RowError[]) =>
    ok({ kind, errors, review: { added: [], changed: [], removed: [], unchanged: 0, blocked: false, baseline: listDigest(current) }, next: current, before: current })
  if (kind === 'companies') {
    const current = await ctx.store.zone.listCompanies()
    const res = parseCompanyRows(sheet.headers, sheet.rows, new Map(exhibits.map((e) => [e.code, e.name])))
    if (!res.ok) return empty(current, res.errors)
    // An exhibit's company link would lead visitors to a page that no longer exists.
    const linksTo = (id: string) => exhibits.filter((e) => e.company.id === id).map((e) => `展品「${e.name}」`)
    const { review, next } = reviewImport({ current, incoming: res.records, mode, columns: COMPANY_HEADERS, toRow: companyToRow, nameOf: (c) => c.name, linksTo })
    return ok({ kind, errors: [], review, next, before: current })
  }
  const current = await ctx.store.zone.listPolicies()
  const res = parsePolicyRows(sheet.headers, sheet.rows)
  if (!res.ok) return empty(current, res.errors)
  // Nothing in the museum links to a policy today; the check is the same for both lists.
  const { review, next } = reviewImport({ current, incoming: res.records, mode, columns: POLICY_HEADERS, toRow: policyToRow, nameOf: (p) => p.title, linksTo: () => [] })
  return ok({ kind, errors: [], review, next, before: current })
}

export const zoneImportActions = {
  /** A zone spreadsheet's effect, before anything is written: the rows that would be added,
   *  changed (column by column) and — only when replacing the list — removed. Changes nothing. */
  previewImport: defineAction({
    schema: ConsoleRequests.previewImport,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ fileName, data, mode = 'merge' }, ctx): Promise<Result<ImportPreview>> => {
      const plan = await planImport(ctx, fileName, data, mode)
      if (!plan.ok) return plan
      const { kind, errors, review } = plan.data
      return ok({ kind, mode, fileName, errors, ...review })
    },
  }),
  /** The confirm of a preview: the same file and mode, and the preview's `baseline` (refused when
   *  the list changed in between, so what is written is what the operator saw). */
  importZone: defineAction({
    schema: ConsoleRequests.importZone,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ fileName, data, mode, baseline }, ctx) => {
      const plan = await planImport(ctx, fileName, data, mode)
      if (!plan.ok) return plan
      const { kind, errors, review, next, before } = plan.data
      if (errors.length) return fail('SHEET_ROWS', ConsoleErrors.SHEET_ROWS)
      if (review.baseline !== baseline) return fail('IMPORT_STALE', ConsoleErrors.IMPORT_STALE)
      const held = review.removed.filter((r) => r.linkedBy.length)
      if (held.length) return fail('IMPORT_LINKED', `${ConsoleErrors.IMPORT_LINKED}：${held.map((r) => `${r.name}（${r.linkedBy.join('、')}）`).join('；')}`)
      if (kind === 'companies') await ctx.store.zone.replaceCompanies(next as Company[])
      else await ctx.store.zone.replacePolicies(next as Policy[])
      // The audit keeps what each changed or removed record was, and what changed, column by column.
      const touched = new Set([...review.changed.map((c) => c.id), ...review.removed.map((r) => r.id)])
      await recordChange(
        ctx,
        'console.importZone',
        kind,
        { records: before.filter((r) => touched.has(r.id)) },
        { fileName, mode, added: review.added, changed: review.changed, removed: review.removed.map(({ id, name }) => ({ id, name })) },
      )
      return ok({ kind, added: review.added.length, changed: review.changed.length, removed: review.removed.length, unchanged: review.unchanged })
    },
  }),
  /** The current companies or policies as the import spreadsheet (read back, it changes nothing). */
  exportZone: defineAction({
    schema: ConsoleRequests.exportZone,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ kind }, ctx) => {
      const rows = kind === 'companies' ? (await ctx.store.zone.listCompanies()).map(companyToRow) : (await ctx.store.zone.listPolicies()).map(policyToRow)
      const file = await zoneWorkbook(kind, rows)
      return ok({ kind, fileName: zoneFileName(kind, 'export', dayOf(ctx.now())), data: file.toString('base64'), count: rows.length })
    },
  }),
  /** The empty import spreadsheet with its column notes. */
  zoneTemplate: defineAction({
    schema: ConsoleRequests.zoneTemplate,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ kind }, ctx) => {
      const file = await zoneWorkbook(kind, [])
      return ok({ kind, fileName: zoneFileName(kind, 'template', dayOf(ctx.now())), data: file.toString('base64') })
    },
  }),
}
