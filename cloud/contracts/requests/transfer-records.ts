// The records of 成果转化 as data/transfer.json holds them and the officer saves them in the console
// (requests/transfer.ts): one schema each, so a saved record is exactly one the seed accepts. A
// contract (cloud/transfer's seed imports it, not the other way round); zod, so the clients name it
// in types only.
import { z } from 'zod'
import { BUDGET_BANDS, IP_STATUSES, PLATFORM_KINDS, PRICE_MODES, RESULT_KINDS, TRANSFER_MODES, TRL_MAX, TRL_MIN } from '../transfer'
import { INDUSTRY, oneOf } from './fields'

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '编号只能用小写字母、数字和连字符')
const source = z.enum(['article', 'document', 'illustrative'])
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const trl = z.number().int().min(TRL_MIN).max(TRL_MAX)

export const ResultSchema = z
  .object({
    id,
    title: z.string().min(2),
    titleEn: z.string().optional(),
    field: INDUSTRY,
    kind: oneOf(RESULT_KINDS, '成果类型不在可选范围内'),
    trl,
    owner: z.string().min(2),
    ownerEn: z.string().optional(),
    coOwners: z.array(z.string().min(1)),
    ip: z.array(z.object({ type: oneOf(RESULT_KINDS, '知识产权类型不在可选范围内'), number: z.string().optional(), status: oneOf(IP_STATUSES, '知识产权状态不在可选范围内') }).strict()),
    indicators: z.array(z.string().min(1)),
    modes: z.array(oneOf(TRANSFER_MODES, '转化方式不在可选范围内')).min(1),
    priceMode: oneOf(PRICE_MODES, '价格方式不在可选范围内'),
    summary: z.string().min(1),
    summaryEn: z.string().optional(),
    keywords: z.array(z.string().min(1)),
    companyId: id.optional(),
    exhibitCode: z.string().optional(),
    deal: z
      .object({
        duration: z.string().optional(),
        durationEn: z.string().optional(),
        steps: z.array(z.object({ who: z.string(), whoEn: z.string().optional(), what: z.string(), whatEn: z.string().optional(), companyId: id.optional(), platformId: id.optional() }).strict()).min(2),
        figures: z.array(z.object({ label: z.string(), value: z.string(), labelEn: z.string().optional(), valueEn: z.string().optional() }).strict()),
      })
      .strict()
      .optional(),
    policyIds: z.array(id),
    centreDetail: z.string().optional(),
    source,
    sourceNote: z.string().optional(),
    illustrative: z.array(z.string()).optional(),
  })
  .strict()

export const NeedSchema = z
  .object({
    id,
    title: z.string().min(2),
    problem: z.string().min(1),
    field: INDUSTRY,
    targetTrl: trl,
    budget: oneOf(BUDGET_BANDS, '预算区间不在可选范围内'),
    validUntil: day,
    desiredBy: day.optional(),
    keywords: z.array(z.string().min(1)),
    organisation: z.string().min(1),
    clarity: z.object({ known: z.string(), tried: z.string(), success: z.string() }).strict(),
    status: z.enum(['pending', 'published', 'returned']),
    createdAt: z.string(),
    source,
    rev: z.number().int().min(0),
  })
  .strict()

export const PlatformSchema = z
  .object({
    id,
    kind: oneOf(PLATFORM_KINDS, '平台类别不在可选范围内'),
    name: z.string().min(2),
    nameEn: z.string().optional(),
    counts: z.array(z.object({ value: z.string(), label: z.string(), valueEn: z.string().optional(), labelEn: z.string().optional() }).strict()),
    offers: z.array(z.string().min(1)),
    offersEn: z.array(z.string()).optional(),
    howToApply: z.string().min(1),
    howToApplyEn: z.string().optional(),
    source,
    sourceNote: z.string().optional(),
    illustrative: z.array(z.string()).optional(),
  })
  .strict()

export const TransferFileSchema = z.object({ results: z.array(ResultSchema), needs: z.array(NeedSchema), platforms: z.array(PlatformSchema) }).strict()
