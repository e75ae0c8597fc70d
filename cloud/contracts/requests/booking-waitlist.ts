// Request schemas of the booking function's 改签 and 候补 actions: the handlers validate with these
// and the Api catalogue derives its request types from them (type-only import). The phone app may
// import this file only with `import type` (zod stays out of the weapp bundle).
import { z } from 'zod'
import { BookingErrors, MAX_VISITORS_PER_BOOKING, SESSION_ID_PATTERN } from '../booking'

const sessionId = z.string().regex(SESSION_ID_PATTERN, BookingErrors.SESSION_NOT_FOUND)
const entryId = z.string().regex(/^[A-Za-z0-9_-]{16}$/, BookingErrors.WAITLIST_NOT_FOUND)

export const BookingWaitlistRequests = {
  /** 改签: the same visitors into another session. */
  reschedule: z.object({ bookingId: z.string().regex(/^[A-Za-z0-9_-]{16}$/, BookingErrors.BOOKING_NOT_FOUND), sessionId }).strict(),
  /** 候补: join a full session's line with 1–5 saved visitors (fixed from now on). */
  joinWaitlist: z
    .object({
      sessionId,
      visitorIds: z
        .array(z.string().regex(/^[A-Za-z0-9_-]{16}$/, BookingErrors.VISITOR_NOT_FOUND))
        .min(1, BookingErrors.NO_VISITORS)
        .max(MAX_VISITORS_PER_BOOKING, BookingErrors.TOO_MANY_VISITORS)
        .refine((ids) => new Set(ids).size === ids.length, BookingErrors.DUPLICATE_VISITOR),
      clientRequestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确，请刷新页面后重试'),
      /** The joiner accepted the offer subscription message (weapp). */
      remind: z.boolean({ error: '提醒设置格式不正确' }).optional(),
    })
    .strict(),
  /** My entries (newest first). */
  waitlist: z.object({}).strict(),
  leaveWaitlist: z.object({ entryId }).strict(),
  acceptOffer: z.object({ entryId }).strict(),
  /** 我的: the no-show count against the suspension rule. */
  noShowStanding: z.object({}).strict(),
}
