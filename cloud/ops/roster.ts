// The day roster for the gate and the office: who booked which session, IDs masked, status.
import { BOOKING_STATUS_LABEL, formatShortCode, idTypeLabel, normalizeShortCode, type BookingStatus } from '../contracts/booking'
import type { RosterRow } from '../contracts/ops'
import { sessionRef } from '../booking/calendar'
import type { BookingConfig } from '../booking/config'
import { beijingText } from '../booking/time'
import type { BookingRecord } from '../store/port'
import { sheetWorkbook } from './sheet-workbook'

export function rosterRows(bookings: BookingRecord[], config: BookingConfig, shortCodeOf: (bookingId: string) => string = () => ''): RosterRow[] {
  return bookings
    .filter((b) => b.status !== 'refused')
    .sort((a, b) => a.sessionStart.localeCompare(b.sessionStart) || a.createdAt.localeCompare(b.createdAt))
    .flatMap((b) =>
      b.visitors.map((v) => ({
        bookingId: b.id,
        day: b.day,
        shortCode: shortCodeOf(b.id),
        sessionName: sessionRef(config, b.sessionId)?.template.name ?? b.sessionId,
        start: beijingText(b.sessionStart).slice(-5),
        end: beijingText(b.sessionEnd).slice(-5),
        name: v.name,
        idType: idTypeLabel(v.idType),
        idMasked: v.idMasked,
        status: b.status,
        statusText: BOOKING_STATUS_LABEL[b.status as BookingStatus] ?? b.status,
        ...(b.status === 'cancelled' && b.refusal ? { cancelReason: b.refusal.message } : {}),
      })),
    )
}

/** Rows whose visitor name contains `q`, or whose ticket short code is `q` (any case, spaces and dashes ignored). */
export function searchRoster(rows: RosterRow[], q: string | undefined): RosterRow[] {
  const words = q?.trim()
  if (!words) return rows
  const code = normalizeShortCode(words)
  return rows.filter((r) => r.name.includes(words) || (code !== null && r.shortCode === code))
}

export function rosterWorkbook(day: string, rows: RosterRow[]): Promise<Buffer> {
  return sheetWorkbook([
    {
      name: `${day} 预约名单`,
      columns: [
        { header: '日期', key: 'day', width: 12 },
        { header: '场次', key: 'sessionName', width: 12 },
        { header: '时间', key: 'time', width: 14 },
        { header: '姓名', key: 'name', width: 12 },
        { header: '证件类型', key: 'idType', width: 12 },
        { header: '证件号（脱敏）', key: 'idMasked', width: 22 },
        { header: '状态', key: 'statusText', width: 10 },
        { header: '票号', key: 'code', width: 12 },
        { header: '取消原因', key: 'cancelReason', width: 24 },
        { header: '预约编号', key: 'bookingId', width: 30 },
      ],
      rows: rows.map((r) => ({ ...r, time: `${r.start}–${r.end}`, code: r.shortCode ? formatShortCode(r.shortCode) : '' })),
    },
  ])
}
