// What the console reports about a day's operations: per museum-cancelled booking whether its
// notice went out (queued / sent / failed, read from the outbox the message job settles), and the
// daily report per session (capacity, booked, held, checked in, no-shows, cancelled, and the
// approved school/group visits with their heads counted in) as .xlsx.
import { fail, ok } from '../../contracts/result'
import { CONSOLE_ROLES } from '../../contracts/console'
import type { BookingNoticeStatus, DayReportRow, NoticeState, SessionHold } from '../../contracts/holds'
import { ConsoleHoldsRequests } from '../../contracts/requests/console-holds'
import { loadBookingConfig, type BookingConfig } from '../../booking/config'
import { sessionClosedReason, templatesOn } from '../../booking/calendar'
import { CLOSED_CODE, closureMessageId } from '../../ops/close-day'
import { MUSEUM_CANCELLED_CODE } from '../../ops/cancel-booking'
import { sheetWorkbook } from '../../ops/sheet-workbook'
import type { BookingRecord, GroupRequestRecord, Store } from '../../store/port'
import { dayRange, heldBySession, HoldErrors } from './holds'
import { defineAction } from '../types'

/** The outbox id of the notice the museum queued when it cancelled this booking, or null when it did not. */
export function museumNoticeId(b: BookingRecord): string | null {
  if (b.status !== 'cancelled') return null
  if (b.refusal?.code === CLOSED_CODE) return closureMessageId(b.id)
  if (b.refusal?.code === MUSEUM_CANCELLED_CODE) return `museum-cancel:${b.id}`
  return null
}

/** Per museum-cancelled booking of the day: where its notice stands. */
export async function noticeStatuses(store: Store, day: string): Promise<BookingNoticeStatus[]> {
  const ids = (await store.booking.listOnDay(day)).flatMap((b) => {
    const id = museumNoticeId(b)
    return id ? [{ bookingId: b.id, messageId: id }] : []
  })
  const states = ids.length ? await store.outbox.statusOf(ids.map((i) => i.messageId)) : {}
  return ids.map(({ bookingId, messageId }) => {
    const s = states[messageId]
    if (!s) return { bookingId, state: 'none' as const }
    return { bookingId, state: s.status, ...(s.settledAt ? { settledAt: s.settledAt } : {}), ...(s.error ? { error: s.error } : {}) }
  })
}

const countStates = (notices: BookingNoticeStatus[]) =>
  notices.reduce<Record<NoticeState | 'none', number>>((acc, n) => ({ ...acc, [n.state]: acc[n.state] + 1 }), { pending: 0, sent: 0, failed: 0, none: 0 })

/** One day's sessions with their counts, in places (a booking of 3 people is 3). */
export function dayReportRows(config: BookingConfig, day: string, bookings: BookingRecord[], holds: SessionHold[], groups: GroupRequestRecord[]): DayReportRow[] {
  const held = heldBySession(holds)
  return templatesOn(config, day).map((t) => {
    const sessionId = `${day}.${t.key}`
    const mine = bookings.filter((b) => b.sessionId === sessionId)
    const approvedGroups = groups.filter((g) => g.sessionId === sessionId && g.status === 'approved')
    const places = (...statuses: string[]) => mine.filter((b) => statuses.includes(b.status)).reduce((n, b) => n + b.places, 0)
    const closedReason = sessionClosedReason(config, day, sessionId)
    const row: DayReportRow = {
      day,
      sessionId,
      name: t.name,
      start: t.start,
      end: t.end,
      capacity: t.capacity,
      booked: places('confirmed', 'checked_in', 'no_show'),
      held: held[sessionId] ?? 0,
      checkedIn: places('checked_in'),
      noShow: places('no_show'),
      cancelled: places('cancelled'),
      groupApproved: approvedGroups.reduce((n, g) => n + g.people, 0),
      groupCheckedIn: approvedGroups.reduce((n, g) => n + g.checkedIn, 0),
    }
    return closedReason ? { ...row, closedReason } : row
  })
}

export function dayReportWorkbook(from: string, to: string, rows: DayReportRow[]): Promise<Buffer> {
  const sum = (k: 'capacity' | 'booked' | 'held' | 'checkedIn' | 'noShow' | 'cancelled' | 'groupApproved' | 'groupCheckedIn') => rows.reduce((n, r) => n + r[k], 0)
  return sheetWorkbook([
    {
      name: from === to ? `${from} 日报` : `${from}至${to} 日报`,
      columns: [
        { header: '日期', key: 'day', width: 12 },
        { header: '场次', key: 'name', width: 10 },
        { header: '时间', key: 'time', width: 13 },
        { header: '容量', key: 'capacity', width: 8 },
        { header: '已预约（人）', key: 'booked', width: 12 },
        { header: '团体保留（人）', key: 'held', width: 14 },
        { header: '已入馆（人）', key: 'checkedIn', width: 12 },
        { header: '未到场（人）', key: 'noShow', width: 12 },
        { header: '已取消（人）', key: 'cancelled', width: 12 },
        // Groups come in on their own quota (docs/booking-groups.md), so apart from the individuals' columns.
        { header: '团体获批（人）', key: 'groupApproved', width: 14 },
        { header: '团体已入馆（人）', key: 'groupCheckedIn', width: 16 },
        { header: '状态', key: 'state', width: 22 },
      ],
      rows: rows.map((r) => ({ ...r, time: `${r.start}–${r.end}`, state: r.closedReason ? `闭馆/停场：${r.closedReason}` : '开放' })),
      total: { day: '合计', capacity: sum('capacity'), booked: sum('booked'), held: sum('held'), checkedIn: sum('checkedIn'), noShow: sum('noShow'), cancelled: sum('cancelled'), groupApproved: sum('groupApproved'), groupCheckedIn: sum('groupCheckedIn') },
    },
  ])
}

export const reportsActions = {
  closureNotices: defineAction({
    schema: ConsoleHoldsRequests.closureNotices,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ day }, ctx) => {
      const notices = await noticeStatuses(ctx.store, day)
      return ok({ day, notices, counts: countStates(notices) })
    },
  }),

  dayReport: defineAction({
    schema: ConsoleHoldsRequests.dayReport,
    roles: CONSOLE_ROLES.booking,
    handle: async ({ from, to }, ctx) => {
      const days = dayRange(from, to)
      if (!days) return fail('RANGE_INVALID', HoldErrors.RANGE_INVALID, { to: HoldErrors.RANGE_INVALID })
      const config = await loadBookingConfig(ctx.store)
      const rows: DayReportRow[] = []
      for (const day of days) rows.push(...dayReportRows(config, day, await ctx.store.booking.listOnDay(day), await ctx.store.ops.listHolds(day), await ctx.store.groups.listOn(day)))
      const last = days[days.length - 1]
      const file = await dayReportWorkbook(from, last, rows)
      return ok({ from, to: last, rows, fileName: from === last ? `预约日报-${from}.xlsx` : `预约日报-${from}至${last}.xlsx`, data: file.toString('base64') })
    },
  }),
}
