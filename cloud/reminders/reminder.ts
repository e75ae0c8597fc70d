// Visit reminders: the day before a visit, one subscription message per booking whose owner allowed
// it (Taro.requestSubscribeMessage at booking). Pure rules here; the job does the I/O.
import { releaseTicketPage } from '../contracts/waitlist'
import type { OutboxMessage } from '../store/port'

/** What the booking section must provide for reminders (`listVisitsOn`), in its own words. */
export interface Visit {
  bookingId: string
  /** OPENID of the person who booked. */
  openid: string
  /** Asia/Shanghai calendar day, YYYY-MM-DD. */
  day: string
  /** e.g. '09:00–12:00' or '09:00-12:00'. */
  session: string
  visitors: number
  /** The booker accepted the reminder template when booking. */
  remind: boolean
}

export interface VisitSource {
  /** Every confirmed (not cancelled) visit on that Asia/Shanghai day; may page internally. */
  listVisitsOn(day: string): Promise<Visit[]>
}

/**
 * The subscription-message template: its id (from the mini-program admin console) and which
 * template keys carry which value. Keys like thing1/date2/time3 are set when the template is chosen.
 */
export interface ReminderTemplate {
  id: string
  keys: { place: string; date: string; time: string; note: string }
}

export const DEFAULT_REMINDER_KEYS: ReminderTemplate['keys'] = { place: 'thing1', date: 'date2', time: 'time3', note: 'thing4' }
export const MUSEUM_NAME = '大连高新区科技馆'

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000 // China has no daylight saving time

/** The Asia/Shanghai calendar day of `date` plus `addDays`, as YYYY-MM-DD, whatever the server's zone. */
export function shanghaiDay(date: Date, addDays = 0): string {
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS + addDays * 86400000).toISOString().slice(0, 10)
}

/** thing.DATA is at most 20 characters. */
const thing = (text: string) => (Array.from(text).length > 20 ? `${Array.from(text).slice(0, 19).join('')}…` : text)

export function reminderMessage(visit: Visit, template: ReminderTemplate, now: Date): Omit<OutboxMessage, 'status' | 'settledAt' | 'error'> {
  const [y, m, d] = visit.day.split('-')
  return {
    id: `remind:${visit.bookingId}`,
    kind: 'visit-reminder',
    touser: visit.openid,
    templateId: template.id,
    // The ticket, with its one-tap 「不去了，释放名额」: a cancel in time, the places to the 候补 line.
    page: releaseTicketPage(visit.bookingId),
    data: {
      [template.keys.place]: { value: thing(MUSEUM_NAME) },
      [template.keys.date]: { value: `${y}年${m}月${d}日` },
      [template.keys.time]: { value: visit.session.replace(/\s*[–—-]\s*/, '~') },
      [template.keys.note]: { value: thing(`明天参观，共${visit.visitors}人，请带好证件`) },
    },
    createdAt: now.toISOString(),
  }
}

/** Reads the template from the environment: REMINDER_TEMPLATE_ID and optional REMINDER_TEMPLATE_KEYS (JSON). */
export function reminderTemplateFromEnv(env: Record<string, string | undefined>): ReminderTemplate | null {
  if (!env.REMINDER_TEMPLATE_ID) return null
  let keys = DEFAULT_REMINDER_KEYS
  if (env.REMINDER_TEMPLATE_KEYS) keys = { ...keys, ...(JSON.parse(env.REMINDER_TEMPLATE_KEYS) as Partial<ReminderTemplate['keys']>) }
  return { id: env.REMINDER_TEMPLATE_ID, keys }
}
