// The operator console's requests (/admin); who may call each: CONSOLE_ROLES (../console.ts).
import { z } from 'zod'
import { DAY, EXHIBIT_CODE, optText, revisedRemoval, revisedSave, SESSION_ID, SessionTemplateSchema, text, UPLOAD_SOURCE, ZoneChartSchema } from './fields'
import { MatchProfileSchema } from './zone'

/** The longest range closed in one go (a typhoon is days, not months). */
export const MAX_CLOSE_DAYS = 14

const none = z.object({}).strict()
const byId = z.object({ id: z.string().min(1).max(40) }).strict()

const Figure = z.object({ label: text(20, '请填写数据名称'), value: text(40, '请填写数据值') }).strict()

/** What the console's exhibit form sends. */
const ExhibitEdit = z
  .object({
    code: EXHIBIT_CODE,
    name: text(40, '请填写展品名称'),
    nameEn: optText(80),
    hallId: z.string().min(1, '请选择展区'),
    summary: text(1000, '请填写展品介绍'),
    summaryEn: optText(2000),
    figures: z.array(Figure).max(8, '关键数据最多 8 项'),
    figuresEn: z.array(Figure).max(8).optional(),
    company: z.object({ id: z.string().max(40).optional(), name: text(60, '请填写企业名称') }).strict(),
    imageAlt: text(120, '请填写图片的文字说明'),
    published: z.boolean(),
    /** Where it stands on its floor's plan, percent of the plan's width and height. */
    plan: z.object({ x: z.number().min(0, '位置为 0–100').max(100, '位置为 0–100'), y: z.number().min(0, '位置为 0–100').max(100, '位置为 0–100') }).strict().optional(),
    /** Create a new exhibit under this code (refused when the code is taken). */
    isNew: z.boolean().optional(),
  })
  .strict()

/** What the console's hall form sends: the hall's texts (its floor-plan rectangle is kept as is). */
const HallEdit = z
  .object({
    id: z.string().trim().regex(/^[a-z][a-z0-9-]{0,29}$/, '展区编号只能用小写字母、数字和连字符，以字母开头'),
    name: text(30, '请填写展区名称'),
    nameEn: optText(80),
    floor: optText(10),
    intro: optText(300),
    introEn: optText(600),
    /** Position in the visitor's hall list, 1 = first. */
    order: z.number({ error: '请填写排序' }).int('排序为整数').min(1, '排序从 1 开始').max(100, '排序最大 100'),
    /** Create under a new id. */
    isNew: z.boolean().optional(),
  })
  .strict()

const NoticeEdit = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
    title: text(40, '请填写公告标题'),
    body: text(500, '请填写公告内容'),
    priority: z.number().int().min(0, '优先级为 0–100').max(100, '优先级为 0–100'),
    validFrom: z.iso.datetime({ offset: true, message: '请选择开始时间' }),
    validTo: z.iso.datetime({ offset: true, message: '请选择结束时间' }),
    published: z.boolean(),
  })
  .strict()

/** One company or policy as the import's spreadsheet row (column → cell text): the console saves it
 *  through the import's own parser, so a form and a spreadsheet are held to the same rules. */
const ZoneRowEdit = revisedSave({ row: z.record(z.string().max(40), z.string().max(5000)) })
const zoneId = z.string().min(1).max(40)

/** Figures: the file schema, plus the year and the source an operator must always name. */
const ChartEdit = ZoneChartSchema.extend({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '图表编号只能用小写字母、数字和连字符'),
  title: text(40, '请填写图表标题'),
  year: text(20, '请填写数据年份'),
  source: text(200, '请填写数据来源'),
  figures: z
    .array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9-]{1,40}$/, '数据编号只能用小写字母、数字和连字符'),
          label: text(20, '请填写数据名称'),
          value: z.number({ error: '请填写数值' }).finite(),
          unit: z.string().max(10),
          qualifier: z.string().max(10).optional(),
          // English beside the Chinese (the figures page in English); empty = shown in Chinese, saying so.
          labelEn: z.string().trim().min(1).max(80).optional(),
          unitEn: z.string().max(30).optional(),
          qualifierEn: z.string().trim().min(1).max(20).optional(),
        })
        .strict(),
    )
    .min(1, '至少填写一项数据'),
}).strict()

/** A session's places: a whole number within bounds (refused otherwise, never rounded or clamped). */
const CAPACITY = z.number({ error: '请填写容量' }).int('容量须为整数').min(0, '容量不能为负数（0–20000）').max(20000, '容量不能超过 20000')

/** A weekday's (or the default) session templates: keys unique, each session starting before it ends. */
const Templates = z
  .array(SessionTemplateSchema.extend({ name: text(10, '请填写场次名称'), capacity: CAPACITY }).strict())
  .min(1, '至少保留一个场次')
  .max(8, '每天最多 8 个场次')

const IMPORT_MODE = z.enum(['merge', 'replace'], { error: '请选择导入方式' })
const IMPORT_KIND = z.object({ kind: z.enum(['companies', 'policies'], { error: '请选择企业名录或政策库' }) }).strict()
const ImportFile = z.object({ fileName: z.string().max(200).regex(/\.(xlsx|csv)$/i, '请上传 .xlsx 或 .csv 表格'), ...UPLOAD_SOURCE })

const LANG = z.enum(['zh', 'en'], { error: '请选择讲解语言' })

const AuditFilter = z
  .object({ account: z.string().max(64).optional(), operation: z.string().max(64).optional(), fromDay: DAY.optional(), toDay: DAY.optional(), limit: z.number().int().min(1).max(500).optional() })
  .strict()

const closeReason = text(40, '请填写闭馆原因（将告知已预约的观众）')

export const ConsoleRequests = {
  // ----- exhibits, halls, audio guides -----
  exhibits: none,
  saveExhibit: ExhibitEdit,
  decideAudio: z.object({ code: EXHIBIT_CODE, lang: LANG, decision: z.enum(['keep', 'remove'], { error: '请选择保留或删除' }) }).strict(),
  uploadPhoto: z.object({ code: EXHIBIT_CODE, ...UPLOAD_SOURCE, alt: text(120, '请填写图片的文字说明（供读屏使用）') }).strict(),
  uploadAudio: z.object({ code: EXHIBIT_CODE, lang: LANG, ...UPLOAD_SOURCE, voice: optText(40) }).strict(),
  regenerateAudio: z.object({ code: EXHIBIT_CODE, lang: LANG }).strict(),
  codeSheet: none,
  halls: none,
  saveHall: HallEdit,
  // ----- notices -----
  notices: none,
  saveNotice: NoticeEdit,
  removeNotice: byId,
  // ----- closures and booking settings -----
  closures: none,
  closeDay: z.object({ day: DAY, reason: closeReason }).strict(),
  closureImpact: z.union([z.object({ from: DAY, to: DAY }).strict(), z.object({ sessionId: SESSION_ID }).strict()]),
  closeDays: z.object({ from: DAY, to: DAY, reason: closeReason }).strict(),
  reopenDay: z.object({ day: DAY }).strict(),
  reopenSession: z.object({ sessionId: SESSION_ID }).strict(),
  bookingConfig: none,
  /** `weekday`: 'default' or '0' (Sunday) … '6'; `sessions: null` gives that weekday back the default. */
  saveSessionTemplates: z.object({ weekday: z.enum(['default', '0', '1', '2', '3', '4', '5', '6']), sessions: Templates.nullable() }).strict(),
  /** `capacity: null` removes the day's override. */
  setCapacity: z.object({ sessionId: SESSION_ID, capacity: CAPACITY.nullable() }).strict(),
  closeSession: z.object({ sessionId: SESSION_ID, reason: text(40, '请填写停场原因（将告知已预约的观众）') }).strict(),
  saveHolidays: z.object({ holidays: z.array(z.object({ name: text(10, '请填写假日名称'), from: DAY, to: DAY }).strict()).max(100, '假日最多 100 段') }).strict(),
  // ----- the day's roster -----
  /** `q`: a visitor's name (or part of it) or a ticket's short code. */
  roster: z.object({ day: DAY, q: z.string().max(40).optional() }).strict(),
  cancelBooking: z.object({ bookingId: z.string().min(1).max(64), reason: text(40, '请填写取消原因（观众会看到）') }).strict(),
  rosterXlsx: z.object({ day: DAY }).strict(),
  // ----- zone data -----
  previewImport: ImportFile.extend({ mode: IMPORT_MODE.optional() }).strict(),
  importZone: ImportFile.extend({ mode: IMPORT_MODE, baseline: z.string().max(64) }).strict(),
  exportZone: IMPORT_KIND,
  zoneTemplate: IMPORT_KIND,
  zoneData: none,
  /** `row`: the import spreadsheet's columns (column name → cell text); `isNew`: create, else an edit
   *  from the revision `rev` the editor saw (revisedSave, ./fields.ts). */
  saveCompany: ZoneRowEdit,
  removeCompany: revisedRemoval(zoneId),
  savePolicy: ZoneRowEdit,
  removePolicy: revisedRemoval(zoneId),
  /** Draft rules (checked by the handler like the import's 匹配规则 cell) against a test profile. */
  testRules: z.object({ rules: z.array(z.unknown()).max(20, '规则最多 20 条'), profile: MatchProfileSchema }).strict(),
  saveChart: z.object({ chart: ChartEdit }).strict(),
  // ----- dashboard and audit -----
  dashboard: z.object({ fromDay: DAY.optional(), toDay: DAY.optional() }).strict(),
  audit: AuditFilter,
  auditXlsx: AuditFilter,
}
