// The field schemas the request schemas (and the server's data-file schemas) share: one home each,
// so a rule and its Chinese message are written once. Imported at run time by the server only;
// the phone app and the console see these files through `import type` (zod stays out of their bundles).
import { z } from 'zod'
import { SESSION_ID_PATTERN } from '../booking'
import { DAY_FORMAT_MESSAGE, DAY_MISSING_MESSAGE, DAY_PATTERN, isCalendarDay } from '../day'
import { EXHIBIT_CODE_PATTERN } from '../exhibit'
import { INDUSTRIES } from '../zone'

/** One of a fixed list of values, refused with the message given (Chinese, for a person). */
export const oneOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values as unknown as [T[number], ...T[number][]], { error: message })

/** A zone industry (行业): a company's, a policy rule's, a transfer result's or need's field. */
export const INDUSTRY = oneOf(INDUSTRIES, `行业只能是：${INDUSTRIES.join('、')}`)

/** A YYYY-MM-DD day that exists in the calendar. */
export const DAY = z.string().regex(DAY_PATTERN, DAY_FORMAT_MESSAGE).refine((v) => !DAY_PATTERN.test(v) || isCalendarDay(v), DAY_MISSING_MESSAGE)

/** Required text, trimmed, at most `max` characters; `message` when empty. */
export const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, `不能超过 ${max} 个字`)
export const optText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`).optional()

/** A session id ("2026-11-27.am"); `message` for the one who sent a malformed one. */
export const sessionIdField = (message = '场次编号格式不正确') => z.string().regex(SESSION_ID_PATTERN, message)
export const SESSION_ID = sessionIdField()

/** An exhibit's code as printed on its QR sheet (any case typed, compared lower-case). */
export const EXHIBIT_CODE = z.string().trim().toLowerCase().regex(EXHIBIT_CODE_PATTERN, '展品编号格式不正确')

/** An uploaded file as base64 text (12 MB of text at most). */
export const BASE64 = z.string().max(12 * 1024 * 1024, '文件过大').regex(/^[A-Za-z0-9+/=\s]*$/, '文件内容格式不正确')

/** A processing action's file: its id after an upload ticket, or (small files, locally) its base64; one of them, checked by functions/console/uploads.ts. */
export const UPLOAD_SOURCE = {
  data: BASE64.optional(),
  fileId: z.string().max(512, '文件编号无效').optional(),
}

/** A time of day, HH:MM (24 hours). */
export const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)
/** A session template's key, the part of a session id after the date. */
export const SESSION_KEY = z.string().regex(/^[a-z]{1,8}$/)
/** A session template as data/booking.json and the console's 预约设置 hold it. */
export const SessionTemplateSchema = z.object({
  key: SESSION_KEY,
  name: z.string(),
  start: HHMM,
  end: HHMM,
  /** Places for individual visitors. */
  capacity: z.number().int().min(0),
  /** Places for approved groups, apart from `capacity` (absent: the settings' `groups.quotaPerSession`). */
  groupQuota: z.number().int().min(0).optional(),
})

/** Where a zone record or figure comes from. */
export const SourceKind = z.enum(['article', 'document', 'illustrative'], { error: '来源只能是：文章、文件或示意（article、document、illustrative）' })

/** One chart of the zone's figures, as data/figures.json and the console's chart form hold it. */
/** Who wrote a record's English: `machine` (written for the app, not reviewed by the zone office) or `written` (supplied or reviewed by it). */
export const EnglishSource = z.enum(['machine', 'written'], { error: '英文来源只能是：机器翻译或人工撰写（machine、written）' })
/** An English field beside the Chinese; absent = the page shows the Chinese and says so. */
export const english = z.string().trim().min(1).optional()

export const ZoneChartSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['bar', 'stat']),
  year: z.string(),
  source: z.string(),
  sourceKind: SourceKind,
  note: z.string().optional(),
  titleEn: english,
  yearEn: english,
  sourceEn: english,
  noteEn: english,
  translationEn: EnglishSource.optional(),
  figures: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      value: z.number(),
      unit: z.string(),
      qualifier: z.string().optional(),
      labelEn: english,
      unitEn: z.string().optional(),
      qualifierEn: english,
    }),
  ),
})

/** The revision of a console-edited list record (a transfer result or platform, a company, a policy)
 *  as the console listed it: 0 for a seeded or imported-unchanged one that never had a save. */
export const LIST_REV = z.number().int().min(0)

/**
 * A save of one list record: `isNew` creates it (an existing id is refused, not overwritten); else it
 * edits the existing id from the revision `rev` the operator saw (one saved meanwhile is refused, not
 * overwritten), so an edit must name that revision.
 */
export const revisedSave = <S extends z.ZodRawShape>(shape: S) =>
  z
    .object({ ...shape, isNew: z.boolean(), rev: LIST_REV.optional() })
    .strict()
    // (Cast: zod cannot see through the generic shape that these two keys are there.)
    .refine((r) => (r as { isNew: boolean }).isNew || (r as { rev?: number }).rev !== undefined, { message: '缺少记录版本，请刷新后再改', path: ['rev'] })

/** A removal of one list record, from the revision the operator saw. */
export const revisedRemoval = <I extends z.ZodType>(id: I) => z.object({ id, rev: LIST_REV }).strict()
