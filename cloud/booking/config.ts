// The booking rules an operator sets: sessions, capacity, release, closed days, cancellation and
// no-show policy. Defaults come from data/booking.json; an operator override (the whole config as
// JSON) may be stored under the meta key `booking.config` (tests and benchmarks use it too).
import { z } from 'zod'
import defaults from '../../data/booking.json'
import type { Store } from '../store/port'
import { SESSION_ID_PATTERN } from '../contracts/booking'
import { HHMM, SESSION_KEY, SessionTemplateSchema } from '../contracts/requests/fields'

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const BookingConfigSchema = z.object({
  source: z.string().optional(),
  sourceNote: z.string().default(''),
  timezone: z.literal('Asia/Shanghai'),
  daysShown: z.number().int().min(1).max(31),
  release: z.object({ daysAhead: z.number().int().min(0).max(60), time: HHMM }),
  cancelMinutesBeforeStart: z.number().int().min(0),
  checkInOpensMinutesBefore: z.number().int().min(0),
  /** A booking still pending this long after it began is taken as abandoned (its call died) and the
   *  no-show job settles it refused and gives back what it held. A booking call takes milliseconds. */
  pendingGraceMinutes: z.number().int().min(1).default(2),
  noShow: z.object({ limit: z.number().int().min(1), windowDays: z.number().int().min(1), suspendDays: z.number().int().min(1) }),
  /** Fair use per account (OPENID): one person cannot take a session by swapping saved visitors.
   *  Enforced by atomic store steps (claims per account and day; the account's recent-ID set). */
  fairUse: z
    .object({
      /** Live (confirmed or visited) bookings one account holds for one visit day. */
      bookingsPerAccountPerDay: z.number().int().min(1).max(20),
      /** Places one account holds for one visit day (across its bookings that day). */
      placesPerAccountPerDay: z.number().int().min(1).max(100),
      /** Distinct ID numbers one account books for within `windowDays` (counted when booked). */
      distinctIds: z.object({ limit: z.number().int().min(1), windowDays: z.number().int().min(1).max(366) }),
    })
    .default({ bookingsPerAccountPerDay: 1, placesPerAccountPerDay: 5, distinctIds: { limit: 15, windowDays: 30 } }),
  /** 候补 (docs/booking-waitlist.md): how long an offer holds its places (`claimMinutes`), how
   *  long before a session starts no more offers are made (`offerCutoffMinutes`), how many times an
   *  entry that does not fit may be passed over by smaller ones behind it before it blocks the line
   *  (`maxSkips`, the published skip rule's K), and how many lines one account may wait in. */
  waitlist: z
    .object({
      claimMinutes: z.number().int().min(1).max(24 * 60),
      offerCutoffMinutes: z.number().int().min(0),
      maxSkips: z.number().int().min(0).max(100),
      entriesPerAccount: z.number().int().min(1).max(10),
    })
    .default({ claimMinutes: 30, offerCutoffMinutes: 60, maxSkips: 3, entriesPerAccount: 3 }),
  /** Walk-in release (docs/booking-waitlist.md): `releaseAfterMinutes` after a session starts, its
   *  bookings not yet checked in are released (0 = never) — to the 候补 line (`to: 'waitlist'`,
   *  offers held at most until the session ends) or to people at the door (`'onsite'`, counted for
   *  the gate). A released booking's holder is still admitted while places allow. */
  walkIn: z
    .object({ releaseAfterMinutes: z.number().int().min(0).max(240), to: z.enum(['waitlist', 'onsite']) })
    .default({ releaseAfterMinutes: 0, to: 'waitlist' }),
  /** Children (docs/booking-children.md): below `noIdBelowAge` a child may be saved without an ID
   *  (name and birth date) and booked only with an adult of at least `adultAge` who has an ID, at
   *  most `perAdult` such children per adult in one booking. */
  children: z
    .object({ noIdBelowAge: z.number().int().min(1).max(18), perAdult: z.number().int().min(1).max(4), adultAge: z.number().int().min(12).max(25) })
    .default({ noIdBelowAge: 6, perAdult: 3, adultAge: 18 }),
  /** The home page's crowd estimate (cloud/booking/crowd.ts): people inside ≈ check-ins within the
   *  last `averageStayMinutes`; 适中 from `moderateFrom`, 拥挤 from `crowdedFrom` of `hallCapacity`
   *  (people at once; absent: the largest session capacity of the day). */
  crowd: z
    .object({
      averageStayMinutes: z.number().int().min(10).max(600),
      hallCapacity: z.number().int().min(1).optional(),
      moderateFrom: z.number().min(0).max(1),
      crowdedFrom: z.number().min(0).max(1),
    })
    .default({ averageStayMinutes: 90, moderateFrom: 0.5, crowdedFrom: 0.8 }),
  /** Groups and schools (docs/booking-groups.md): 10–150 people by default (中国科技馆's order limit;
   *  fewer book as individuals), at least one teacher per `pupilsPerTeacher` pupils (1:20, the
   *  supervision education bureaus commonly ask of school outings), and each session's group quota:
   *  places for approved groups KEPT APART from the individuals' `capacity` (a template's own
   *  `groupQuota` wins), so a release-morning rush cannot take them and groups cannot take the
   *  individuals' places. 150 by default: one full-size group per session, the way 国博 sets part of
   *  each slot aside for groups; 0 turns group booking off. */
  groups: z
    .object({
      minPeople: z.number().int().min(1).max(1000),
      maxPeople: z.number().int().min(1).max(150),
      pupilsPerTeacher: z.number().int().min(1).max(100),
      quotaPerSession: z.number().int().min(0).max(20000),
    })
    .refine((g) => g.minPeople <= g.maxPeople, { message: '团体最少人数不能大于最多人数' })
    .default({ minPeople: 10, maxPeople: 150, pupilsPerTeacher: 20, quotaPerSession: 150 }),
  sessions: z.array(SessionTemplateSchema).min(1),
  closedWeekdays: z.array(z.number().int().min(0).max(6)),
  holidaysSource: z.string().optional(),
  holidays: z.array(z.object({ name: z.string(), from: DAY, to: DAY })),
  closedDaysSource: z.string().optional(),
  /** Days the museum is closed. `illustrative`: written for the app, not announced by the museum
   *  (shown with the 示意 mark); a closure an operator makes in the console is the museum's own. */
  closedDays: z.array(z.object({ date: DAY, reason: z.string(), illustrative: z.boolean().optional() })),
  /** Operator settings (the console's 预约设置), all optional so data/booking.json stays the default:
   *  a weekday's own session templates ("0" = Sunday … "6"), used instead of `sessions` that day; */
  weekdaySessions: z.partialRecord(z.enum(['0', '1', '2', '3', '4', '5', '6']), z.array(SessionTemplateSchema).min(1)).default({}),
  /** one session's capacity on one day; */
  capacityOverrides: z.array(z.object({ date: DAY, key: SESSION_KEY, capacity: z.number().int().min(0) })).default([]),
  /** and single sessions closed with a reason (the whole day stays open). */
  closedSessions: z.array(z.object({ sessionId: z.string().regex(SESSION_ID_PATTERN), reason: z.string() })).default([]),
})

export type BookingConfig = z.infer<typeof BookingConfigSchema>
export type SessionTemplate = BookingConfig['sessions'][number]

export const DEFAULT_BOOKING_CONFIG: BookingConfig = BookingConfigSchema.parse(defaults)

export const BOOKING_CONFIG_KEY = 'booking.config'
/** A short revision stamp written with every change, so a request reads a few bytes, not the config. */
export const BOOKING_CONFIG_REV_KEY = 'booking.config.rev'

/** How long a process trusts the config it read: a change made elsewhere (another process, the CLI) applies within this. */
export const CONFIG_RECHECK_MS = 1000

const cache = new WeakMap<Store, { rev: string | null; config: BookingConfig; checkedAt: number }>()

/**
 * The config in force: the operator override when present, else the defaults. Every booking call
 * needs it, so it is kept per store and its revision re-read at most once a second; a change made
 * through saveBookingConfig in this process applies at once.
 */
export async function loadBookingConfig(store: Store): Promise<BookingConfig> {
  const known = cache.get(store)
  const now = Date.now()
  if (known && now - known.checkedAt < CONFIG_RECHECK_MS) return known.config
  const rev = await store.meta.get(BOOKING_CONFIG_REV_KEY)
  if (known && known.rev === rev) {
    known.checkedAt = now
    return known.config
  }
  const raw = rev ? await store.meta.get(BOOKING_CONFIG_KEY) : null
  const config = raw ? BookingConfigSchema.parse(JSON.parse(raw)) : DEFAULT_BOOKING_CONFIG
  cache.set(store, { rev, config, checkedAt: now })
  return config
}

/** Stores an operator override (validated). Whoever writes the meta keys directly must bump the revision too. */
export async function saveBookingConfig(store: Store, config: BookingConfig): Promise<void> {
  await store.meta.set(BOOKING_CONFIG_KEY, JSON.stringify(BookingConfigSchema.parse(config)))
  await store.meta.set(BOOKING_CONFIG_REV_KEY, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`)
  cache.delete(store)
}
