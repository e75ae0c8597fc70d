// Request schemas of the `transfer` function (成果转化), one object shared by the handlers and, as
// types only, by the Api catalogue and the clients (`import type`: zod stays out of the weapp bundle).
import { z } from 'zod'
import { INDUSTRIES } from '../zone'
import { BUDGET_BANDS, REQUEST_KINDS, REQUEST_STATUSES, TRL_MAX, TRL_MIN } from '../transfer'
// The data file's own schemas: a record the officer saves is exactly one the seed accepts.
import { PlatformSchema, ResultSchema } from './transfer-records'
import { revisedRemoval, revisedSave } from './fields'

const enumOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values as unknown as [T[number], ...T[number][]], { error: message })

const id = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '编号格式不正确')
const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max, `不能超过 ${max} 个字`)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const field = enumOf(INDUSTRIES, '领域不在可选范围内')
const trl = z.number({ error: '请选择成熟度' }).int('成熟度为 1–9 的整数').min(TRL_MIN, '成熟度为 1–9').max(TRL_MAX, '成熟度为 1–9')
/** Mainland mobile or a landline with area code: the centre calls back. */
const phone = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写正确的手机号或带区号的座机号')
/** A request id: `tr-` and 16 url-safe characters. */
export const REQUEST_ID = z.string().regex(/^tr-[A-Za-z0-9_-]{16}$/, '请求编号格式不正确')
export const NEED_ID = z.string().regex(/^nd-[A-Za-z0-9_-]{16}$|^[a-z0-9][a-z0-9-]{0,39}$/, '需求编号格式不正确')

export const TransferRequests = {
  results: z
    .object({
      q: z.string().trim().max(40, '搜索词最多40个字').optional(),
      field: field.optional(),
      page: z.number().int().min(1).max(10000).optional(),
      /** The results an exhibit shows, or a company took up (the exhibit and company pages' links). */
      exhibit: z.string().trim().max(40).optional(),
      company: id.optional(),
    })
    .strict(),
  getResult: z.object({ id }).strict(),
  needs: z.object({ field: field.optional() }).strict(),
  platforms: z.object({}).strict(),
  submitRequest: z
    .object({
      kind: enumOf(REQUEST_KINDS, '对接类型不在可选范围内'),
      targetId: z.string().trim().min(1, '请选择对接对象').max(40, '对接对象编号过长'),
      organisation: text(2, 60, '请填写单位名称'),
      contactName: text(1, 20, '请填写联系人'),
      phone,
      message: text(10, 500, '请用至少10个字说明想对接什么'),
      /** The sender accepted a one-time subscribe message (weapp): one status message may follow. */
      notify: z.boolean().optional(),
    })
    .strict(),
  myRequests: z.object({}).strict(),
  /** One more one-time authorisation for a request's next status message (the sender tapped 订阅). */
  subscribe: z.object({ id: REQUEST_ID }).strict(),
  submitNeed: z
    .object({
      title: text(4, 40, '请用至少4个字写需求标题'),
      problem: text(20, 1000, '请用至少20个字描述要解决的问题'),
      field,
      targetTrl: trl,
      budget: enumOf(BUDGET_BANDS, '预算区间不在可选范围内'),
      validUntil: day,
      desiredBy: day.optional(),
      keywords: z.array(text(1, 12, '关键词不能为空')).max(8, '关键词最多8个'),
      organisation: text(2, 60, '请填写单位名称'),
      contactName: text(1, 20, '请填写联系人'),
      phone,
      clarity: z
        .object({
          known: text(10, 500, '请用至少10个字写已知情况（现状、指标、约束）'),
          tried: text(4, 500, '请写试过的方法（没有可写“尚未尝试”）'),
          success: text(10, 500, '请用至少10个字写怎样算成功（可验收的指标）'),
        })
        .strict(),
    })
    .strict(),
}

/** The officer's console actions (cloud/functions/console/transfer.ts). */
export const TransferConsoleRequests = {
  transferRequests: z.object({ status: enumOf(REQUEST_STATUSES, '状态不在可选范围内').optional() }).strict(),
  setRequestStatus: z
    .object({
      id: REQUEST_ID,
      /** The rev the officer saw: a change made meanwhile by someone else is refused, not overwritten. */
      rev: z.number().int().min(0),
      status: enumOf(REQUEST_STATUSES, '状态不在可选范围内'),
      note: z.string().trim().max(200, '说明不能超过 200 个字').optional(),
    })
    .strict(),
  transferNeeds: z.object({}).strict(),
  reviewNeed: z
    .object({
      id: NEED_ID,
      rev: z.number().int().min(0),
      decision: z.enum(['publish', 'return'], { error: '请选择发布或退回' }),
      note: z.string().trim().max(200, '说明不能超过 200 个字').optional(),
    })
    .strict()
    .refine((r) => r.decision === 'publish' || (r.note ?? '').length >= 4, { message: '退回时请写明需补充什么（至少4个字）', path: ['note'] }),
  /** Results and platforms as stored, for the officer to enter and edit (成果与平台). */
  transferLists: z.object({}).strict(),
  /** New, or an edit from the revision the officer saw: revisedSave (./fields.ts). */
  savePlatform: revisedSave({ platform: PlatformSchema }),
  removePlatform: revisedRemoval(id),
  saveResult: revisedSave({ result: ResultSchema }),
  removeResult: revisedRemoval(id),
}
