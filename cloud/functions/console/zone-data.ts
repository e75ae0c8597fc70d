// The console's zone data: spreadsheet import (preview, confirm), export and template; companies, policies, the rule preview and the figures one at a time.
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
import { matchPolicies, evaluateRule } from '../../zone/rules'
import { RuleSchema } from '../../zone/schema'
import type { Company, Policy, Rule, ZoneChart } from '../../contracts/zone'
import { defineAction, type CallContext } from '../types'
import { ConsoleErrors } from './errors'
import { uploadedBytes } from './uploads'
import { saveListed } from './listed'

type ImportPlan = { kind: ImportKind; errors: RowError[]; review: ImportReview; next: Array<Company | Policy>; before: Array<Company | Policy> }

/** One sheet against the current list: its row errors, or what it would add, change and remove. */
async function planImport(ctx: CallContext, fileName: string, data: Buffer, mode: ImportMode): Promise<Result<ImportPlan>> {
  // Checked, then parsed off this thread under limits (zone/spreadsheet.ts): a bomb is a refusal.
  const read = await readSheet({ name: fileName, data }, ctx.sheetLimits)
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

/** Row errors (column-keyed) as a refusal whose `fields` sit under the form's column-named items. */
function rowRefusal(errors: RowError[]) {
  const fields: Record<string, string> = {}
  for (const e of errors) fields[e.column ?? '_'] ??= e.message
  return fail('ZONE_ROW_INVALID', `${ConsoleErrors.ZONE_ROW_INVALID}：${errors.map((e) => (e.column ? `「${e.column}」${e.message}` : e.message)).join('；')}`, fields)
}

/** A new record under an id already in use, refused under the form's id column. */
const idTaken = (column: '企业编号' | '政策编号') => fail('ZONE_ID_TAKEN', ConsoleErrors.ZONE_ID_TAKEN, { [column]: ConsoleErrors.ZONE_ID_TAKEN })

/** A stand-in policy carrying only the draft rules, so the preview runs the calculator itself. */
const draftPolicy = (rules: Rule[]): Policy => ({
  id: 'draft',
  title: '草稿',
  level: '区',
  kinds: ['资金补贴'],
  audiences: ['各类企业'],
  summary: '-',
  conditions: [],
  benefit: { text: '-' },
  materials: [],
  howToApply: '-',
  where: '-',
  issuer: '-',
  sourceNote: '-',
  source: 'illustrative',
  rules,
})

export const zoneDataActions = {
  /** A zone spreadsheet's effect, before anything is written: the rows that would be added,
   *  changed (column by column) and — only when replacing the list — removed. Changes nothing. */
  previewImport: defineAction({
    schema: ConsoleRequests.previewImport,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ fileName, data, fileId, mode = 'merge' }, ctx): Promise<Result<ImportPreview>> => {
      // The upload is kept: the confirm (importZone) reads the same file.
      const file = await uploadedBytes(ctx, { data, fileId }, 'sheet')
      if (!file.ok) return file
      const plan = await planImport(ctx, fileName, file.data.bytes, mode)
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
    handle: async ({ fileName, data, fileId, mode, baseline }, ctx) => {
      const file = await uploadedBytes(ctx, { data, fileId }, 'sheet')
      if (!file.ok) return file
      const plan = await planImport(ctx, fileName, file.data.bytes, mode)
      if (!plan.ok) return plan
      const { kind, errors, review, next, before } = plan.data
      if (errors.length) return fail('SHEET_ROWS', ConsoleErrors.SHEET_ROWS)
      if (review.baseline !== baseline) return fail('IMPORT_STALE', ConsoleErrors.IMPORT_STALE)
      const held = review.removed.filter((r) => r.linkedBy.length)
      if (held.length) return fail('IMPORT_LINKED', `${ConsoleErrors.IMPORT_LINKED}：${held.map((r) => `${r.name}（${r.linkedBy.join('、')}）`).join('；')}`)
      // A record the sheet changes or adds is a new revision, so an editor's dialog opened before the
      // import cannot save over it unnoticed (COMPANY_STALE / POLICY_STALE); unchanged ones keep theirs.
      const was = new Map(before.map((r) => [r.id, r]))
      const fresh = new Set([...review.changed.map((c) => c.id), ...review.added.map((a) => a.id)])
      const written = next.map((r) => (fresh.has(r.id) ? { ...r, rev: (was.get(r.id)?.rev ?? 0) + 1 } : r))
      if (kind === 'companies') await ctx.store.zone.replaceCompanies(written as Company[])
      else await ctx.store.zone.replacePolicies(written as Policy[])
      await file.data.done()
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
  /** Everything the zone pages edit, plus the exhibits a company may be linked to. */
  zoneData: defineAction({
    schema: ConsoleRequests.zoneData,
    roles: CONSOLE_ROLES.zone,
    handle: async (_req, ctx) => {
      const [companies, policies, charts, exhibits] = await Promise.all([
        ctx.store.zone.listCompanies(),
        ctx.store.zone.listPolicies(),
        ctx.store.zone.listCharts(),
        ctx.store.content.listExhibits(),
      ])
      return ok({ companies, policies, charts, exhibits: exhibits.map((e) => ({ code: e.code, name: e.name })) })
    },
  }),
  // Each save or removal is one guarded step on that record's rev (saveListed, ./listed.ts): an edit
  // made meanwhile by another editor is refused, not overwritten, and no other record is rewritten.
  saveCompany: defineAction({
    schema: ConsoleRequests.saveCompany,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ row, isNew, rev }, ctx) => {
      const exhibits = new Map((await ctx.store.content.listExhibits()).map((e) => [e.code, e.name]))
      const parsed = parseCompanyRows(COMPANY_HEADERS, [row], exhibits)
      if (!parsed.ok) return rowRefusal(parsed.errors)
      const before = await ctx.store.zone.getCompany(parsed.records[0].id)
      if (isNew && before) return idTaken('企业编号')
      if (!isNew && !before) return fail('COMPANY_NOT_FOUND', ConsoleErrors.COMPANY_NOT_FOUND)
      const written = await saveListed(parsed.records[0], { isNew, rev }, (next, from) => ctx.store.zone.saveCompany(next, from), {
        taken: () => idTaken('企业编号'),
        stale: () => fail('COMPANY_STALE', ConsoleErrors.COMPANY_STALE),
      })
      if (!written.ok) return written
      const company = written.data
      await recordChange(ctx, 'console.saveCompany', company.id, before, company)
      return ok({ company })
    },
  }),
  removeCompany: defineAction({
    schema: ConsoleRequests.removeCompany,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ id, rev }, ctx) => {
      const before = await ctx.store.zone.getCompany(id)
      if (!before) return fail('COMPANY_NOT_FOUND', ConsoleErrors.COMPANY_NOT_FOUND)
      // An exhibit's company link would lead visitors to a page that no longer exists.
      const linked = (await ctx.store.content.listExhibits()).filter((e) => e.company.id === id)
      if (linked.length) return fail('COMPANY_LINKED', `${ConsoleErrors.COMPANY_LINKED}（${linked.map((e) => e.name).join('、')}）`)
      if (!(await ctx.store.zone.removeCompany(id, rev))) return fail('COMPANY_STALE', ConsoleErrors.COMPANY_STALE)
      await recordChange(ctx, 'console.removeCompany', id, before, null)
      return ok({ removed: true as const })
    },
  }),
  savePolicy: defineAction({
    schema: ConsoleRequests.savePolicy,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ row, isNew, rev }, ctx) => {
      const parsed = parsePolicyRows(POLICY_HEADERS, [row])
      if (!parsed.ok) return rowRefusal(parsed.errors)
      const before = await ctx.store.zone.getPolicy(parsed.records[0].id)
      if (isNew && before) return idTaken('政策编号')
      if (!isNew && !before) return fail('POLICY_NOT_FOUND', ConsoleErrors.POLICY_NOT_FOUND)
      const written = await saveListed(parsed.records[0], { isNew, rev }, (next, from) => ctx.store.zone.savePolicy(next, from), {
        taken: () => idTaken('政策编号'),
        stale: () => fail('POLICY_STALE', ConsoleErrors.POLICY_STALE),
      })
      if (!written.ok) return written
      const policy = written.data
      await recordChange(ctx, 'console.savePolicy', policy.id, before, policy)
      return ok({ policy })
    },
  }),
  removePolicy: defineAction({
    schema: ConsoleRequests.removePolicy,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ id, rev }, ctx) => {
      const before = await ctx.store.zone.getPolicy(id)
      if (!before) return fail('POLICY_NOT_FOUND', ConsoleErrors.POLICY_NOT_FOUND)
      if (!(await ctx.store.zone.removePolicy(id, rev))) return fail('POLICY_STALE', ConsoleErrors.POLICY_STALE)
      await recordChange(ctx, 'console.removePolicy', id, before, null)
      return ok({ removed: true as const })
    },
  }),
  /** The rule editor's live preview: draft rules (checked like the import's 匹配规则 cell) against a
   *  test profile, through the calculator's own evaluator and matcher. Changes nothing. */
  testRules: defineAction({
    schema: ConsoleRequests.testRules,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ rules, profile }, ctx) => {
      const parsed = RuleSchema.array().safeParse(rules)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        return fail('RULES_INVALID', `${ConsoleErrors.RULES_INVALID}：第${Number(issue.path[0]) + 1}条规则${issue.path.slice(1).join('.') || ''}不正确`)
      }
      const today = dayOf(ctx.now())
      const checked = parsed.data as Rule[]
      const result = matchPolicies([draftPolicy(checked)], profile, today)
      const verdict: 'fit' | 'near' | 'none' = !checked.length ? 'none' : result.fits.length ? 'fit' : result.nearMisses.length ? 'near' : 'none'
      return ok({ verdict, rules: checked.map((rule) => ({ label: rule.label, missing: rule.missing, holds: evaluateRule(rule, profile, today) })) })
    },
  }),
  saveChart: defineAction({
    schema: ConsoleRequests.saveChart,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ chart }, ctx) => {
      const list = await ctx.store.zone.listCharts()
      const at = list.findIndex((c) => c.id === chart.id)
      if (at < 0) return fail('CHART_NOT_FOUND', ConsoleErrors.CHART_NOT_FOUND)
      const before = list[at]
      const after = JSON.parse(JSON.stringify(chart)) as ZoneChart
      await ctx.store.zone.replaceCharts(list.map((c, i) => (i === at ? after : c)))
      await recordChange(ctx, 'console.saveChart', chart.id, before, after)
      return ok({ chart: after })
    },
  }),
}
