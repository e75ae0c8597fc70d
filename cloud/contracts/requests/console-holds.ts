// Request schemas of the console's holds, reports and QR-sheet actions (cloud/functions/console/
// holds.ts, reports.ts, qrsheet.ts). The Api catalogue derives its request types from these with a
// type-only import; the handlers validate with the same objects.
import { z } from 'zod'
import { DAY_FORMAT_MESSAGE, DAY_MISSING_MESSAGE, DAY_PATTERN, isCalendarDay } from '../day'
import { SESSION_ID_PATTERN } from '../booking'

const DAY = z.string().regex(DAY_PATTERN, DAY_FORMAT_MESSAGE).refine((v) => !DAY_PATTERN.test(v) || isCalendarDay(v), DAY_MISSING_MESSAGE)
const SESSION_ID = z.string().regex(SESSION_ID_PATTERN, '场次编号格式不正确')

/** The most places one hold takes (a session's capacity is at most 20000; a group is far less). */
export const MAX_HOLD_PLACES = 2000
/** The longest span one report or holds listing covers. */
export const MAX_REPORT_DAYS = 31

export const ConsoleHoldsRequests = {
  /** Holds on the days from `from` to `to` (default: `from` alone), with each session's places. */
  holds: z.object({ from: DAY, to: DAY.optional() }).strict(),
  holdPlaces: z
    .object({
      sessionId: SESSION_ID,
      places: z.number({ error: '请填写保留名额' }).int('名额须为整数').min(1, '至少保留 1 个名额').max(MAX_HOLD_PLACES, `一次最多保留 ${MAX_HOLD_PLACES} 个名额`),
      name: z.string().trim().min(1, '请填写团体名称').max(20, '团体名称不能超过 20 个字'),
      note: z.string().trim().max(60, '备注不能超过 60 个字').optional(),
    })
    .strict(),
  releaseHold: z.object({ holdId: z.string().regex(/^hold-[a-z0-9]{6,40}$/, '保留编号格式不正确') }).strict(),
  /** Per booking the museum cancelled on the day (a closure or a single cancel): its notice's state. */
  closureNotices: z.object({ day: DAY }).strict(),
  /** Per session of each day: capacity, booked, held, checked in, no-shows, cancelled — as .xlsx. */
  dayReport: z.object({ from: DAY, to: DAY.optional() }).strict(),
  /** The printable QR sheet of the chosen halls' and exhibits' published exhibits. */
  qrSheet: z
    .object({
      halls: z.array(z.string().max(30)).max(50).default([]),
      codes: z.array(z.string().max(40)).max(500).default([]),
    })
    .strict(),
} as const
