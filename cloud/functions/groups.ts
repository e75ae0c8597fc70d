// School and group visits (docs/booking-groups.md): a leader submits a roster for a session; the
// people are checked row by row and the group as a whole (size, teachers per pupils); then, in
// this order, the places are taken from the session's GROUP quota (a counter apart from the
// individuals' places), each person's day claim is taken under the request's id (the same
// one-booking-per-ID-per-day claims individuals take), and the request is recorded pending. Any
// refusal gives back what was taken. Places are held at submit so an approval can never fail for
// lack of places; a rejection or cancellation gives them back. At the gate, staff scan the
// leader's code and enter the heads they counted (partial counts add up to the approved number).
//
// What a crash between the steps leaves (as console/holds.ts): places or claims held with no
// request to release them — never given twice, so never an overbooking; the quota then shows more
// taken than the requests hold, which is how an operator would notice.
import { fail, ok } from '../contracts/result'
import { fillMessage, maskIdNumber, shortDate } from '../contracts/booking'
import { GroupErrors, ROSTER_COLUMNS, rowCodeField, rowCodeValue, type GroupErrorCode, type GroupQuotaView } from '../contracts/groups'
import { GroupsRequests } from '../contracts/requests/groups'
import { loadBookingConfig, type BookingConfig } from '../booking/config'
import { availability, calendarSessionIds, cancelDeadline, sessionRef } from '../booking/calendar'
import { bookingIdFor, idHash } from '../booking/keys'
import { beijingText, dayOf } from '../booking/time'
import { checkRosterRules, readRoster, rosterTemplate } from '../groups/roster'
import { groupQuotaOf, groupRulesOf } from '../groups/rules'
import { gateView, leaderView, releaseGroup } from '../groups/views'
import { readLeaderCode } from '../groups/leader-code'
import { recordChange } from '../ops/audit'
import type { GroupRequestRecord } from '../store/port'
import { keysOf, refuse } from './shared'
import { defineAction, implement, type CallContext } from './types'

/** A group rule said no: its code and Chinese message with the blanks filled in. */
export const refuseGroup = (code: GroupErrorCode, values: Record<string, string | number> = {}) => fail(code, fillMessage(GroupErrors[code], values))

/** The most requests a leader sees in 我的团体预约. */
const MINE_LIMIT = 50

function sessionLabel(config: BookingConfig, sessionId: string): string {
  const ref = sessionRef(config, sessionId)
  return ref ? `${shortDate(ref.date)}${ref.template.name}` : sessionId
}

/** The coming sessions with their group quota and what is left of it (sessions without one left out). */
async function quotaViews(ctx: CallContext, config: BookingConfig): Promise<GroupQuotaView[]> {
  const now = ctx.now()
  const ids = calendarSessionIds(config, now).filter((id) => {
    const ref = sessionRef(config, id)
    return ref && groupQuotaOf(config, id) > 0 && availability(config, ref, now).ok && now.getTime() < ref.start.getTime()
  })
  const taken = await ctx.store.groups.placesTaken(ids)
  return ids.map((id) => {
    const ref = sessionRef(config, id)!
    return { sessionId: id, day: ref.date, name: ref.template.name, start: ref.template.start, end: ref.template.end, quota: groupQuotaOf(config, id), taken: taken[id] ?? 0 }
  })
}

/** The request a gate code names: the leader's QR, or the request id typed from the printed roster. */
type Refusal = ReturnType<typeof refuseGroup>

async function requestAtGate(ctx: CallContext, code: string): Promise<{ record: GroupRequestRecord; refusal?: undefined } | { refusal: Refusal }> {
  const id = readLeaderCode(keysOf(ctx), code) ?? (/^[A-Za-z0-9_-]{16}$/.test(code) ? code : null)
  const record = id ? await ctx.store.groups.get(id) : null
  if (!record) return { refusal: refuseGroup('GROUP_CODE_INVALID') }
  if (record.status !== 'approved') return { refusal: refuseGroup('GROUP_NOT_APPROVED', { status: statusWord(record) }) }
  if (record.day !== dayOf(ctx.now())) return { refusal: refuseGroup('GROUP_WRONG_DAY', { date: shortDate(record.day) }) }
  return { record }
}

const statusWord = (r: GroupRequestRecord) => ({ pending: '待审核', approved: '已通过', rejected: '未通过', cancelled: '已取消' })[r.status]

export const groups = implement('groups', {
  actions: {
    sessions: defineAction({
      anonymous: true,
      schema: GroupsRequests.sessions,
      handle: async (_req, ctx) => {
        const config = await loadBookingConfig(ctx.store)
        return ok({ sessions: await quotaViews(ctx, config), rules: groupRulesOf(config) })
      },
    }),

    template: defineAction({
      anonymous: true,
      schema: GroupsRequests.template,
      handle: async () => ok({ fileName: '团体预约名单模板.xlsx', data: (await rosterTemplate()).toString('base64') }),
    }),

    submit: defineAction({
      schema: GroupsRequests.submit,
      handle: async (req, ctx) => {
        const openid = ctx.openid!
        const now = ctx.now()
        const ring = keysOf(ctx)
        const config = await loadBookingConfig(ctx.store)
        const id = bookingIdFor(ring.idKey, openid, `group\u0000${req.clientRequestId}`)
        // A retried submit answers the request it made.
        const existing = await ctx.store.groups.get(id)
        if (existing) return ok({ request: leaderView(config, ring, existing) })
        const ref = sessionRef(config, req.sessionId)
        if (!ref) return refuse('SESSION_NOT_FOUND')
        const open = availability(config, ref, now)
        if (!open.ok) return refuse(open.code, open.values)
        if (now.getTime() >= ref.start.getTime()) return refuse('SESSION_OVER')
        const quota = groupQuotaOf(config, ref.id)
        const session = sessionLabel(config, ref.id)
        if (quota === 0) return refuseGroup('NO_GROUP_QUOTA', { session })

        const reading = await readRoster({ name: req.rosterName, data: Buffer.from(req.rosterBase64, 'base64') }, now)
        if (!reading.ok) return reading
        if ('rowErrors' in reading.data) {
          const rows = reading.data.rowErrors
          const count = new Set(rows.map((e) => e.row)).size
          const fields = Object.fromEntries(rows.flatMap((e) => [[`rows.${e.row}.${e.column}`, e.message], [rowCodeField(e), rowCodeValue(e)]]))
          return fail('ROSTER_ROWS', fillMessage(GroupErrors.ROSTER_ROWS, { count }), fields)
        }
        const { people, counts } = reading.data
        const rule = checkRosterRules(counts, groupRulesOf(config))
        if (rule) return fail(rule.code, rule.message)

        const roster = people.map((p) => ({ name: p.name, kind: p.kind, idHash: idHash(ring.idKey, 'resident', p.idNumber), idMasked: maskIdNumber(p.idNumber), row: p.row }))
        if (!(await ctx.store.groups.reservePlaces(ref.id, quota, people.length))) {
          const left = Math.max(0, quota - ((await ctx.store.groups.placesTaken([ref.id]))[ref.id] ?? 0))
          return refuseGroup('GROUP_QUOTA_FULL', { session, left, count: people.length })
        }
        // Every person's claim is tried, so the leader hears of every one already booked that day at once.
        const claimed: string[] = []
        const taken: typeof roster = []
        for (const p of roster) {
          if (await ctx.store.booking.claimId(ref.date, p.idHash, id)) claimed.push(p.idHash)
          else taken.push(p)
        }
        const giveBack = async () => {
          await ctx.store.booking.releaseIds(ref.date, claimed, id)
          await ctx.store.groups.releasePlaces(ref.id, people.length)
        }
        if (taken.length > 0) {
          await giveBack()
          const fields = Object.fromEntries(
            taken.flatMap((p) => {
              const at = { row: p.row, column: ROSTER_COLUMNS.id }
              return [[`rows.${p.row}.${at.column}`, `${p.name}（${p.idMasked}）当天已有预约，同一证件每天只能预约一次`], [rowCodeField(at), rowCodeValue({ code: 'ID_TAKEN' })]]
            }),
          )
          return fail('ROSTER_ROWS', fillMessage(GroupErrors.ROSTER_ROWS, { count: taken.length }), fields)
        }
        const record: GroupRequestRecord = {
          id,
          openid,
          clientRequestId: req.clientRequestId,
          sessionId: ref.id,
          day: ref.date,
          sessionStart: ref.start.toISOString(),
          sessionEnd: ref.end.toISOString(),
          organisation: req.organisation,
          creditCode: req.creditCode,
          leaderName: req.leaderName,
          leaderPhone: req.leaderPhone,
          people: people.length,
          counts,
          roster: roster.map(({ row: _row, ...p }) => p),
          status: 'pending',
          createdAt: now.toISOString(),
          checkedIn: 0,
          headCounts: [],
        }
        try {
          if (!(await ctx.store.groups.create(record))) {
            // A racing retry of the same request recorded it first: its claims are the same ones
            // (keyed by this id), so only our places go back.
            await ctx.store.groups.releasePlaces(ref.id, people.length)
            return ok({ request: leaderView(config, ring, (await ctx.store.groups.get(id))!) })
          }
        } catch (error) {
          await giveBack()
          throw error
        }
        return ok({ request: leaderView(config, ring, record) })
      },
    }),

    mine: defineAction({
      schema: GroupsRequests.mine,
      handle: async (_req, ctx) => {
        const config = await loadBookingConfig(ctx.store)
        const ring = keysOf(ctx)
        return ok({ requests: (await ctx.store.groups.listBy(ctx.openid!, MINE_LIMIT)).map((r) => leaderView(config, ring, r)) })
      },
    }),

    get: defineAction({
      schema: GroupsRequests.get,
      handle: async ({ requestId }, ctx) => {
        const record = await ctx.store.groups.get(requestId)
        // Someone else's request reads as no request at all.
        if (!record || record.openid !== ctx.openid) return refuseGroup('GROUP_NOT_FOUND')
        return ok({ request: leaderView(await loadBookingConfig(ctx.store), keysOf(ctx), record, true) })
      },
    }),

    cancel: defineAction({
      schema: GroupsRequests.cancel,
      handle: async ({ requestId }, ctx) => {
        const config = await loadBookingConfig(ctx.store)
        const record = await ctx.store.groups.get(requestId)
        if (!record || record.openid !== ctx.openid) return refuseGroup('GROUP_NOT_FOUND')
        if (record.status !== 'pending' && record.status !== 'approved') return refuseGroup('NOT_CANCELLABLE', { status: statusWord(record) })
        const deadline = cancelDeadline(config, new Date(record.sessionStart))
        if (ctx.now().getTime() >= deadline.getTime() || record.checkedIn > 0) return refuse('CANCEL_DEADLINE_PASSED', { deadline: beijingText(deadline) })
        // Guarded in the store on nobody inside: a gate count (the morning of the visit, before the
        // deadline) landing after the check above makes this step fail.
        const cancelled = await ctx.store.groups.transition(requestId, record.status, 'cancelled', { at: ctx.now().toISOString() }, ctx.openid!, { noneCheckedIn: true })
        if (!cancelled) {
          const latest = (await ctx.store.groups.get(requestId))!
          if (latest.status === 'approved' && latest.checkedIn > 0) return refuse('CANCEL_DEADLINE_PASSED', { deadline: beijingText(deadline) })
          return refuseGroup('NOT_CANCELLABLE', { status: statusWord(latest) })
        }
        await releaseGroup(ctx.store, cancelled)
        return ok({ request: leaderView(config, keysOf(ctx), cancelled) })
      },
    }),

    gate: defineAction({
      roles: ['staff'],
      schema: GroupsRequests.gate,
      handle: async ({ code }, ctx) => {
        const found = await requestAtGate(ctx, code)
        if (found.refusal) return found.refusal
        return ok({ group: gateView(await loadBookingConfig(ctx.store), found.record) })
      },
    }),

    countIn: defineAction({
      roles: ['staff'],
      schema: GroupsRequests.countIn,
      handle: async ({ code, count }, ctx) => {
        const found = await requestAtGate(ctx, code)
        if (found.refusal) return found.refusal
        const before = found.record
        const by = ctx.account ?? ctx.openid ?? 'unknown'
        const after = await ctx.store.groups.countIn(before.id, { at: ctx.now().toISOString(), by, count })
        if (!after) {
          const latest = (await ctx.store.groups.get(before.id))!
          if (latest.status !== 'approved') return refuseGroup('GROUP_NOT_APPROVED', { status: statusWord(latest) })
          return refuseGroup('HEADCOUNT_OVER', { checkedIn: latest.checkedIn, expected: latest.people, left: latest.people - latest.checkedIn })
        }
        await recordChange(ctx, 'groups.countIn', before.id, { organisation: before.organisation, checkedIn: before.checkedIn }, { organisation: after.organisation, checkedIn: after.checkedIn, count })
        return ok({ group: gateView(await loadBookingConfig(ctx.store), after) })
      },
    }),
  },
})
