// The console's actions: Zone records one at a time: companies, policies, the rule preview, the figures.
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { ConsoleRequests } from '../../contracts/requests/console'
import { dayOf } from '../../booking/time'
import { recordChange } from '../../ops/audit'
import { COMPANY_HEADERS, POLICY_HEADERS, parseCompanyRows, parsePolicyRows, type RowError } from '../../zone/import'
import { matchPolicies, evaluateRule } from '../../zone/rules'
import { RuleSchema } from '../../zone/schema'
import type { Policy, Rule, ZoneChart } from '../../contracts/zone'
import { defineAction } from '../types'
import { ConsoleErrors } from './errors'

/** Row errors (column-keyed) as a refusal whose `fields` sit under the form's column-named items. */
function rowRefusal(errors: RowError[]) {
  const fields: Record<string, string> = {}
  for (const e of errors) fields[e.column ?? '_'] ??= e.message
  return fail('ZONE_ROW_INVALID', `${ConsoleErrors.ZONE_ROW_INVALID}：${errors.map((e) => (e.column ? `「${e.column}」${e.message}` : e.message)).join('；')}`, fields)
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

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
  // The zone store replaces whole lists (its one atomic write, made for imports): an edit reads the
  // list, changes one record and replaces the list. Fine at this size (hundreds of records, a
  // handful of editors); two editors saving in the same instant: the later save wins.
  saveCompany: defineAction({
    schema: ConsoleRequests.saveCompany,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ row, isNew }, ctx) => {
      const exhibits = new Map((await ctx.store.content.listExhibits()).map((e) => [e.code, e.name]))
      const parsed = parseCompanyRows(COMPANY_HEADERS, [row], exhibits)
      if (!parsed.ok) return rowRefusal(parsed.errors)
      const company = parsed.records[0]
      const list = await ctx.store.zone.listCompanies()
      const before = list.find((c) => c.id === company.id) ?? null
      if (isNew && before) return fail('ZONE_ID_TAKEN', ConsoleErrors.ZONE_ID_TAKEN, { 企业编号: ConsoleErrors.ZONE_ID_TAKEN })
      if (!isNew && !before) return fail('COMPANY_NOT_FOUND', ConsoleErrors.COMPANY_NOT_FOUND)
      await ctx.store.zone.replaceCompanies([...list.filter((c) => c.id !== company.id), company].sort(byId))
      await recordChange(ctx, 'console.saveCompany', company.id, before, company)
      return ok({ company })
    },
  }),
  removeCompany: defineAction({
    schema: ConsoleRequests.removeCompany,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ id }, ctx) => {
      const list = await ctx.store.zone.listCompanies()
      const before = list.find((c) => c.id === id)
      if (!before) return fail('COMPANY_NOT_FOUND', ConsoleErrors.COMPANY_NOT_FOUND)
      // An exhibit's company link would lead visitors to a page that no longer exists.
      const linked = (await ctx.store.content.listExhibits()).filter((e) => e.company.id === id)
      if (linked.length) return fail('COMPANY_LINKED', `${ConsoleErrors.COMPANY_LINKED}（${linked.map((e) => e.name).join('、')}）`)
      await ctx.store.zone.replaceCompanies(list.filter((c) => c.id !== id))
      await recordChange(ctx, 'console.removeCompany', id, before, null)
      return ok({ removed: true as const })
    },
  }),
  savePolicy: defineAction({
    schema: ConsoleRequests.savePolicy,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ row, isNew }, ctx) => {
      const parsed = parsePolicyRows(POLICY_HEADERS, [row])
      if (!parsed.ok) return rowRefusal(parsed.errors)
      const policy = parsed.records[0]
      const list = await ctx.store.zone.listPolicies()
      const before = list.find((p) => p.id === policy.id) ?? null
      if (isNew && before) return fail('ZONE_ID_TAKEN', ConsoleErrors.ZONE_ID_TAKEN, { 政策编号: ConsoleErrors.ZONE_ID_TAKEN })
      if (!isNew && !before) return fail('POLICY_NOT_FOUND', ConsoleErrors.POLICY_NOT_FOUND)
      await ctx.store.zone.replacePolicies([...list.filter((p) => p.id !== policy.id), policy].sort(byId))
      await recordChange(ctx, 'console.savePolicy', policy.id, before, policy)
      return ok({ policy })
    },
  }),
  removePolicy: defineAction({
    schema: ConsoleRequests.removePolicy,
    roles: CONSOLE_ROLES.zone,
    handle: async ({ id }, ctx) => {
      const list = await ctx.store.zone.listPolicies()
      const before = list.find((p) => p.id === id)
      if (!before) return fail('POLICY_NOT_FOUND', ConsoleErrors.POLICY_NOT_FOUND)
      await ctx.store.zone.replacePolicies(list.filter((p) => p.id !== id))
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
