import { z } from 'zod'
import { BookingErrors, ID_TYPES, idNumberProblem, MAX_VISITORS_PER_BOOKING, nameProblem, type IdType } from '../booking'
import { DAY, sessionIdField } from './fields'

const idType = z.enum(ID_TYPES.map((t) => t.value) as [IdType, ...IdType[]], { error: '请选择证件类型' })
const bookingId = z.object({ bookingId: z.string().regex(/^[A-Za-z0-9_-]{16}$/, BookingErrors.BOOKING_NOT_FOUND) }).strict()
const visitorId = z.string().regex(/^[A-Za-z0-9_-]{16}$/, BookingErrors.VISITOR_NOT_FOUND)

export const BookingRequests = {
  calendar: z.object({}).strict(),
  /** The home page's crowd estimate (anonymous). */
  crowd: z.object({}).strict(),
  visitors: z.object({}).strict(),
  addVisitor: z
    .object({
      name: z.string().max(40, '姓名过长').transform((s) => s.trim()),
      idType,
      idNumber: z.string().max(40, '证件号码过长'),
    })
    .strict()
    .superRefine((v, ctx) => {
      const nameIssue = nameProblem(v.name)
      if (nameIssue) ctx.addIssue({ code: 'custom', path: ['name'], message: nameIssue })
      const idIssue = idNumberProblem(v.idType, v.idNumber)
      if (idIssue) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: idIssue })
    }),
  /** A preschool child without an ID, saved under one of the account's adults (who has an ID): the
   *  child's day claim is keyed to that adult's ID, name and birth date (docs/booking-children.md).
   *  The age limit is a booking setting, so the handler checks it. */
  addChild: z
    .object({
      name: z.string().max(40, '姓名过长').transform((s) => s.trim()),
      birthDate: DAY,
      guardianVisitorId: visitorId,
    })
    .strict()
    .superRefine((v, ctx) => {
      const nameIssue = nameProblem(v.name)
      if (nameIssue) ctx.addIssue({ code: 'custom', path: ['name'], message: nameIssue })
    }),
  removeVisitor: z.object({ visitorId }).strict(),
  /** `clientRequestId` is made once per intent: a double tap or a retry with it books once.
   *  `remind`: the visitor accepted the reminder subscription (weapp); a reminder goes out the day before. */
  book: z
    .object({
      sessionId: sessionIdField(BookingErrors.SESSION_NOT_FOUND),
      visitorIds: z
        .array(visitorId)
        .min(1, BookingErrors.NO_VISITORS)
        .max(MAX_VISITORS_PER_BOOKING, BookingErrors.TOO_MANY_VISITORS)
        .refine((ids) => new Set(ids).size === ids.length, BookingErrors.DUPLICATE_VISITOR),
      clientRequestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确，请刷新页面后重试'),
      remind: z.boolean({ error: '提醒设置格式不正确' }).optional(),
    })
    .strict(),
  mine: z.object({}).strict(),
  get: bookingId,
  cancel: bookingId,
}
