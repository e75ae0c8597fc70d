// What a visitor sees of a stored booking: the IDs only masked, the ticket only while usable.
import { weekdayOf, type BookingStatus, type BookingView } from '../contracts/booking'
import type { BookingRecord } from '../store/port'
import { cancelDeadline, sessionRef } from './calendar'
import type { BookingConfig } from './config'
import { shortTicketCode, ticketCode, type KeyRing } from './keys'
import { beijingText } from './time'

export function bookingView(record: BookingRecord, config: BookingConfig, keys: KeyRing, now: Date): BookingView {
  const ref = sessionRef(config, record.sessionId)
  const start = new Date(record.sessionStart)
  const deadline = cancelDeadline(config, start)
  const status = record.status as BookingStatus
  const [startText, endText] = [beijingText(record.sessionStart).slice(-5), beijingText(record.sessionEnd).slice(-5)]
  return {
    id: record.id,
    sessionId: record.sessionId,
    date: record.day,
    weekday: weekdayOf(record.day),
    sessionName: ref?.template.name ?? '参观场次',
    start: startText,
    end: endText,
    status,
    visitors: record.visitors.map((v) => ({ name: v.name, idType: v.idType, idMasked: v.idMasked })),
    createdAt: record.createdAt,
    // The short code hangs off the ID key, which is never rotated: a saved ticket's code stays valid.
    // A released booking keeps its ticket: its holder is still admitted while places allow.
    ...(status === 'confirmed' || status === 'released' ? { ticketCode: ticketCode(keys, record.id), shortCode: shortTicketCode(keys.idKey, record.id) } : {}),
    cancelDeadline: deadline.toISOString(),
    cancelDeadlineText: beijingText(deadline),
    cancellable: status === 'confirmed' && now.getTime() < deadline.getTime(),
    ...(record.checkedInAt ? { checkedInAt: record.checkedInAt } : {}),
    ...(record.cancelledAt ? { cancelledAt: record.cancelledAt } : {}),
    // A booking the museum cancelled (a closed day) carries the operator's reason.
    ...(status === 'cancelled' && record.refusal ? { cancelReason: record.refusal.message } : {}),
  }
}
