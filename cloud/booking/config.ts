// The booking rules an operator sets: sessions, capacity, release, closed days, cancellation and
// no-show policy. Defaults come from data/booking.json; an operator override (the whole config as
// JSON) may be stored under the meta key `booking.config` (tests and benchmarks use it too).
import { z } from 'zod'
import defaults from '../../data/booking.json'
import type { Store } from '../store/port'

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

export const BookingConfigSchema = z.object({
  source: z.string().optional(),
  sourceNote: z.string().default(''),
  timezone: z.literal('Asia/Shanghai'),
  daysShown: z.number().int().min(1).max(31),
  release: z.object({ daysAhead: z.number().int().min(0).max(60), time: HHMM }),
  cancelMinutesBeforeStart: z.number().int().min(0),
  checkInOpensMinutesBefore: z.number().int().min(0),
  noShow: z.object({ limit: z.number().int().min(1), windowDays: z.number().int().min(1), suspendDays: z.number().int().min(1) }),
  sessions: z
    .array(z.object({ key: z.string().regex(/^[a-z]{1,8}$/), name: z.string(), start: HHMM, end: HHMM, capacity: z.number().int().min(0) }))
    .min(1),
  closedWeekdays: z.array(z.number().int().min(0).max(6)),
  holidaysSource: z.string().optional(),
  holidays: z.array(z.object({ name: z.string(), from: DAY, to: DAY })),
  closedDaysSource: z.string().optional(),
  closedDays: z.array(z.object({ date: DAY, reason: z.string() })),
})

export type BookingConfig = z.infer<typeof BookingConfigSchema>
export type SessionTemplate = BookingConfig['sessions'][number]

export const DEFAULT_BOOKING_CONFIG: BookingConfig = BookingConfigSchema.parse(defaults)

export const BOOKING_CONFIG_KEY = 'booking.config'

let cached: { raw: string; config: BookingConfig } | null = null

/** The config in force: the operator override when present (parsed once per change), else the defaults. */
export async function loadBookingConfig(store: Store): Promise<BookingConfig> {
  const raw = await store.meta.get(BOOKING_CONFIG_KEY)
  if (!raw) return DEFAULT_BOOKING_CONFIG
  if (cached?.raw === raw) return cached.config
  const config = BookingConfigSchema.parse(JSON.parse(raw))
  cached = { raw, config }
  return config
}

export async function saveBookingConfig(store: Store, config: BookingConfig): Promise<void> {
  await store.meta.set(BOOKING_CONFIG_KEY, JSON.stringify(BookingConfigSchema.parse(config)))
}
