// Request schemas of the `groups` cloud function (cloud/functions/groups.ts): a leader's group
// request, and the gate's head count. The Api catalogue derives its request types from these with a
// type-only import; the handlers validate with the same objects.
import { z } from 'zod'
import { BookingErrors, nameProblem } from '../booking'
import { GROUP_CODE_PATTERN, GroupErrors, isCreditCode, LEADER_PHONE_PATTERN, MAX_ROSTER_BASE64, normalizeCreditCode } from '../groups'
import { sessionIdField } from './fields'

const requestId = z.string().regex(/^[A-Za-z0-9_-]{16}$/, GroupErrors.GROUP_NOT_FOUND)
/** The gate takes the leader's QR code, or the request id typed from the printed roster. */
const gateCode = z.string().trim().max(200, GroupErrors.GROUP_CODE_INVALID).refine((c) => GROUP_CODE_PATTERN.test(c) || /^[A-Za-z0-9_-]{16}$/.test(c), GroupErrors.GROUP_CODE_INVALID)

export const GroupsRequests = {
  /** The coming days' sessions with their group quota and what is left of it. */
  sessions: z.object({}).strict(),
  /** The roster template (.xlsx, base64). */
  template: z.object({}).strict(),
  submit: z
    .object({
      sessionId: sessionIdField(BookingErrors.SESSION_NOT_FOUND),
      organisation: z.string().trim().min(2, '请填写单位或学校名称').max(60, '单位名称不能超过 60 个字'),
      creditCode: z
        .string()
        .max(30, GroupErrors.CREDIT_CODE_INVALID)
        .transform(normalizeCreditCode)
        .refine(isCreditCode, GroupErrors.CREDIT_CODE_INVALID),
      leaderName: z.string().max(40, '姓名过长').transform((s) => s.trim()),
      leaderPhone: z.string().trim().regex(LEADER_PHONE_PATTERN, GroupErrors.PHONE_INVALID),
      /** The roster .xlsx (or .csv) as base64; `rosterName` says which. */
      rosterBase64: z.string().min(1, GroupErrors.ROSTER_REQUIRED).max(MAX_ROSTER_BASE64, `名单文件过大：最多 ${Math.floor((MAX_ROSTER_BASE64 * 3) / 4 / 1024)} KB`).regex(/^[A-Za-z0-9+/=\s]*$/, '名单文件内容格式不正确'),
      rosterName: z.string().max(100).regex(/\.(xlsx|csv)$/i, '名单须为 .xlsx 或 .csv 表格').default('roster.xlsx'),
      clientRequestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确'),
    })
    .strict()
    .superRefine((v, ctx) => {
      const issue = nameProblem(v.leaderName)
      if (issue) ctx.addIssue({ code: 'custom', path: ['leaderName'], message: issue })
    }),
  mine: z.object({}).strict(),
  get: z.object({ requestId }).strict(),
  cancel: z.object({ requestId }).strict(),
  /** Staff at the gate: what a leader's code stands for. */
  gate: z.object({ code: gateCode }).strict(),
  /** Staff at the gate: heads counted in (partial counts add up to at most the approved number). */
  countIn: z.object({ code: gateCode, count: z.number({ error: '请填写入馆人数' }).int('人数须为整数').min(1, '入馆人数至少 1 人').max(1000, '入馆人数过多') }).strict(),
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The console's group actions (cloud/functions/console/groups.ts). */
export const ConsoleGroupsRequests = {
  /** Requests on a day (all statuses unless one is named). */
  groupRequests: z.object({ day: z.string().regex(DAY, '日期格式应为 YYYY-MM-DD'), status: z.enum(['pending', 'approved', 'rejected', 'cancelled']).optional() }).strict(),
  approveGroup: z.object({ requestId }).strict(),
  rejectGroup: z.object({ requestId, reason: z.string().trim().min(2, '请填写未通过的原因').max(100, '原因不能超过 100 个字') }).strict(),
  /** Cancels one approved group (the museum's decision; the reason is shown to the leader). */
  cancelGroup: z.object({ requestId, reason: z.string().trim().min(2, '请填写取消的原因').max(100, '原因不能超过 100 个字') }).strict(),
  /** The group rules of the booking settings (docs/booking-groups.md). */
  saveGroupRules: z
    .object({
      minPeople: z.number({ error: '请填写最少人数' }).int('人数须为整数').min(1, '最少 1 人').max(150, '最多 150 人'),
      maxPeople: z.number({ error: '请填写最多人数' }).int('人数须为整数').min(1, '最少 1 人').max(150, '一份名单最多 150 人'),
      pupilsPerTeacher: z.number({ error: '请填写师生比' }).int('须为整数').min(1, '至少 1').max(100, '最多 100'),
      quotaPerSession: z.number({ error: '请填写每场团体名额' }).int('名额须为整数').min(0, '不能为负数').max(20000, '名额过大'),
    })
    .strict()
    .refine((r) => r.minPeople <= r.maxPeople, { path: ['minPeople'], message: '最少人数不能大于最多人数' }),
  /** The printable roster of one request (.xlsx, base64). */
  groupRoster: z.object({ requestId }).strict(),
}
