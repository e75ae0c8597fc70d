// The console's side of group visits (docs/booking-groups.md): the day's requests with each
// session's group quota, approval and rejection (each one guarded step: of two operators deciding
// at once exactly one wins; audited), the museum's cancellation of one approved group, and the
// printable roster. A rejection or a cancellation gives back the places and the people's day claims
// the request held since it was submitted.
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import { GROUP_STATUS_LABEL, ROSTER_KIND_LABEL, type GroupQuotaView } from '../../contracts/groups'
import { ConsoleGroupsRequests } from '../../contracts/requests/groups'
import { loadBookingConfig, saveBookingConfig, type BookingConfig } from '../../booking/config'
import { templatesOn } from '../../booking/calendar'
import { beijingText } from '../../booking/time'
import { groupQuotaOf } from '../../groups/rules'
import { consoleView, releaseGroup } from '../../groups/views'
import { recordChange } from '../../ops/audit'
import type { GroupRequestRecord } from '../../store/port'
import { refuseGroup } from '../groups'
import { defineAction, type CallContext } from '../types'

/** The audit's picture of a request: who, when, how many, in the words the log shows. */
const auditView = (r: GroupRequestRecord) => ({
  organisation: r.organisation,
  sessionId: r.sessionId,
  people: r.people,
  status: GROUP_STATUS_LABEL[r.status],
  ...(r.reason ? { reason: r.reason } : {}),
})

async function quotaOn(ctx: CallContext, config: BookingConfig, day: string): Promise<GroupQuotaView[]> {
  const templates = templatesOn(config, day)
  const ids = templates.map((t) => `${day}.${t.key}`)
  const taken = await ctx.store.groups.placesTaken(ids)
  return templates.map((t, i) => ({ sessionId: ids[i], day, name: t.name, start: t.start, end: t.end, quota: groupQuotaOf(config, ids[i]), taken: taken[ids[i]] ?? 0 }))
}

/** Decides a pending request (approve or reject), or says why it cannot be decided. */
type Decision = { before: GroupRequestRecord; after: GroupRequestRecord; refusal?: undefined } | { refusal: ReturnType<typeof refuseGroup> }

async function decide(ctx: CallContext, requestId: string, to: 'approved' | 'rejected', reason?: string): Promise<Decision> {
  const before = await ctx.store.groups.get(requestId)
  if (!before) return { refusal: refuseGroup('GROUP_NOT_FOUND') }
  const after = await ctx.store.groups.transition(requestId, 'pending', to, { at: ctx.now().toISOString(), by: ctx.account ?? ctx.openid ?? 'unknown', ...(reason ? { reason } : {}) })
  if (!after) {
    const latest = (await ctx.store.groups.get(requestId))!
    return { refusal: refuseGroup('NOT_PENDING', { status: GROUP_STATUS_LABEL[latest.status] }) }
  }
  return { before, after }
}

async function rosterWorkbook(config: BookingConfig, r: GroupRequestRecord): Promise<Buffer> {
  // Loaded on use, like the other console workbooks.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs')
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('团体名单')
  const view = consoleView(config, r)
  // Text cells only: what a leader typed stays text in the printed sheet (never a formula).
  sheet.addRow([`${r.organisation}（${GROUP_STATUS_LABEL[r.status]}）`])
  sheet.addRow([`${r.day} ${view.sessionName} ${view.start}–${view.end}　共 ${r.people} 人（教师 ${r.counts.teachers}、学生 ${r.counts.students}、成人 ${r.counts.adults}）`])
  sheet.addRow([`领队：${r.leaderName} ${r.leaderPhone}　预约编号：${r.id}　已入馆：${r.checkedIn} 人`])
  sheet.addRow([])
  sheet.addRow(['序号', '姓名', '证件号码', '类型', '入馆'])
  r.roster.forEach((p, i) => sheet.addRow([i + 1, p.name, p.idMasked, ROSTER_KIND_LABEL[p.kind], '']))
  sheet.columns = [{ width: 6 }, { width: 14 }, { width: 24 }, { width: 8 }, { width: 8 }]
  sheet.eachRow((row) => row.eachCell((cell) => (typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value) ? (cell.value = `'${cell.value}`) : undefined)))
  return Buffer.from(await book.xlsx.writeBuffer())
}

export const groupsActions = {
  groupRequests: defineAction({
    schema: ConsoleGroupsRequests.groupRequests,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ day, status }, ctx) => {
      const config = await loadBookingConfig(ctx.store)
      const requests = (await ctx.store.groups.listOn(day)).filter((r) => !status || r.status === status)
      return ok({ day, requests: requests.map((r) => consoleView(config, r)), sessions: await quotaOn(ctx, config, day), rules: config.groups })
    },
  }),

  approveGroup: defineAction({
    schema: ConsoleGroupsRequests.approveGroup,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ requestId }, ctx) => {
      const decided = await decide(ctx, requestId, 'approved')
      if (decided.refusal) return decided.refusal
      await recordChange(ctx, 'console.approveGroup', requestId, auditView(decided.before), auditView(decided.after))
      return ok({ request: consoleView(await loadBookingConfig(ctx.store), decided.after) })
    },
  }),

  rejectGroup: defineAction({
    schema: ConsoleGroupsRequests.rejectGroup,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ requestId, reason }, ctx) => {
      const decided = await decide(ctx, requestId, 'rejected', reason)
      if (decided.refusal) return decided.refusal
      // Only the winner of the guarded decision gives the places and claims back: once.
      await releaseGroup(ctx.store, decided.after)
      await recordChange(ctx, 'console.rejectGroup', requestId, auditView(decided.before), auditView(decided.after))
      return ok({ request: consoleView(await loadBookingConfig(ctx.store), decided.after) })
    },
  }),

  /** The museum cancels one approved group (a closure cancels a whole day's). Refused once anyone
   *  has been counted in: those places are in use. */
  cancelGroup: defineAction({
    schema: ConsoleGroupsRequests.cancelGroup,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ requestId, reason }, ctx) => {
      const before = await ctx.store.groups.get(requestId)
      if (!before) return refuseGroup('GROUP_NOT_FOUND')
      if (before.status !== 'approved') return refuseGroup('NOT_CANCELLABLE', { status: GROUP_STATUS_LABEL[before.status] })
      if (before.checkedIn > 0) return refuseGroup('GROUP_CHECKED_IN', { checkedIn: before.checkedIn })
      // Guarded in the store on nobody inside: a head count landing after the check above makes
      // this step fail (and the places of people inside are never given back).
      const after = await ctx.store.groups.transition(requestId, 'approved', 'cancelled', { at: ctx.now().toISOString(), by: ctx.account ?? ctx.openid ?? 'unknown', reason }, undefined, { noneCheckedIn: true })
      if (!after) {
        const latest = (await ctx.store.groups.get(requestId))!
        if (latest.status === 'approved' && latest.checkedIn > 0) return refuseGroup('GROUP_CHECKED_IN', { checkedIn: latest.checkedIn })
        return refuseGroup('NOT_CANCELLABLE', { status: GROUP_STATUS_LABEL[latest.status] })
      }
      // Only the winner of the guarded change gives the places and claims back: once.
      await releaseGroup(ctx.store, after)
      await recordChange(ctx, 'console.cancelGroup', requestId, auditView(before), auditView(after))
      return ok({ request: consoleView(await loadBookingConfig(ctx.store), after), released: after.people })
    },
  }),

  /** Lowering the quota below what is taken keeps the requests already holding places; new groups
   *  are refused until enough are released (the counter's guard is `taken + n ≤ quota`). */
  saveGroupRules: defineAction({
    schema: ConsoleGroupsRequests.saveGroupRules,
    roles: CONSOLE_ROLES.booking,
    handle: async (rules, ctx) => {
      const config = await loadBookingConfig(ctx.store)
      await saveBookingConfig(ctx.store, { ...config, groups: rules })
      await recordChange(ctx, 'console.saveGroupRules', 'groups', config.groups, rules)
      return ok({ rules })
    },
  }),

  groupRoster: defineAction({
    schema: ConsoleGroupsRequests.groupRoster,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ requestId }, ctx) => {
      const record = await ctx.store.groups.get(requestId)
      if (!record) return fail('GROUP_NOT_FOUND', '没有找到这条团体预约')
      const config = await loadBookingConfig(ctx.store)
      const data = (await rosterWorkbook(config, record)).toString('base64')
      return ok({ request: consoleView(config, record), roster: record.roster.map((p) => ({ name: p.name, idMasked: p.idMasked, kind: p.kind })), fileName: `团体名单-${record.day}-${record.id}.xlsx`, data, printedAt: beijingText(ctx.now()) })
    },
  }),
}
