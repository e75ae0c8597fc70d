// The operator console's actions (/admin). Each names the roles that may call it (admin may call
// all), validates with zod, and records every change in the append-only audit log.
import crypto from 'node:crypto'
import { z } from 'zod'
import { audioScript, EXHIBIT_CODE_PATTERN, hasEnglish, type AudioTrack, type Exhibit, type GuideLang, type Hall } from '../contracts/exhibit'
import { fail, ok, type Result } from '../contracts/result'
import { CONSOLE_ROLES } from '../contracts/console'
import { DAY_FORMAT_MESSAGE, DAY_MISSING_MESSAGE, DAY_PATTERN, isCalendarDay } from '../contracts/day'
import { loadBookingConfig, saveBookingConfig, SessionTemplateSchema } from '../booking/config'
import { parseSessionId, SESSION_ID_PATTERN, sessionClosedReason, sessionRef, templatesOn } from '../booking/calendar'
import { addDays, dayOf } from '../booking/time'
import { recordChange } from '../ops/audit'
import { auditWorkbook } from '../ops/audit-workbook'
import type { AuditNames } from '../contracts/audit-view'
import { closeDay, closeSession } from '../ops/close-day'
import { closureImpact, reopenDay, reopenSession } from '../ops/reopen'
import { fillWaitlist } from '../booking/waitlist'
import { waitlistActions } from './console/waitlist'
import type { CloseDayResult } from '../contracts/ops'
import { describeHeld, droppedSessionIds, isLiveBooking, lastBookableDay } from '../ops/template-change'
import { buildDashboard } from '../ops/dashboard'
import { sheetHtml, sheetItemsOf } from '../ops/code-sheet'
import { PhotoErrors, preparePhoto } from '../ops/photos'
import { AudioErrors, checkAudio } from '../ops/audio'
import { GUIDE_LANGS, textHash, withAudio } from '../exhibits/audio'
import { readAudioManifest } from '../store/seed'
import { rosterRows, rosterWorkbook, searchRoster } from '../ops/roster'
import { cancelOneBooking } from '../ops/cancel-booking'
import { shortTicketCode } from '../booking/keys'
import { COMPANY_HEADERS, POLICY_HEADERS, companyToRow, detectKind, policyToRow, type ImportKind, type RowError, parseCompanyRows, parsePolicyRows } from '../zone/import'
import { readSheet, SheetErrors } from '../zone/spreadsheet'
import { listDigest, reviewImport } from '../zone/import-review'
import type { ImportMode, ImportPreview, ImportReview } from '../contracts/ops'
import { zoneFileName, zoneWorkbook } from '../ops/zone-workbook'
import { matchPolicies, evaluateRule } from '../zone/rules'
import { RuleSchema, ZoneChartSchema } from '../zone/schema'
import type { Company, Policy, Rule, ZoneChart } from '../contracts/zone'
import { MatchProfileSchema } from './zone'
import { defineAction, implement, type CallContext } from './types'

/** The longest range closed in one go (a typhoon is days, not months). */
const MAX_CLOSE_DAYS = 14

/** The days from `from` to `to` inclusive, or null when backwards or too long. */
function closureRange(from: string, to: string): string[] | null {
  if (to < from) return null
  const days: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) if (days.push(d) > MAX_CLOSE_DAYS) return null
  return days
}

export const ConsoleErrors = {
  EXHIBIT_NOT_FOUND: '没有找到这件展品',
  HALL_NOT_FOUND: '没有这个展区，请从列表中选择',
  HALL_ID_TAKEN: '这个展区编号已被使用，请换一个',
  EXHIBIT_CODE_TAKEN: '这个展品编号已被使用，请换一个',
  EXHIBIT_NO_PHOTO: '请先上传展品照片再发布（可先保存为下架）',
  AUDIO_NOT_FOUND: '这个语言的讲解录音已不存在，请刷新后再试',
  NOTICE_NOT_FOUND: '没有找到这条公告，可能已被删除',
  NOTICE_WINDOW: '结束时间须晚于开始时间',
  NOTICE_PAST: '结束时间已过，观众不会看到这条公告；请把结束时间改到将来，或保存为不发布',
  DAY_PAST: '不能关闭已经过去的日期',
  RANGE_INVALID: `结束日期不能早于开始日期，一次最多 ${MAX_CLOSE_DAYS} 天`,
  NOT_CLOSED: '这一天（或场次）没有关闭，无需重新开放',
  MEDIA_UNAVAILABLE: '当前环境未配置图片存储，无法上传',
  SHEET_KIND: '无法识别表格类型：企业表需有“企业名称”列，政策表需有“政策名称”列',
  SHEET_ROWS: '表格有问题，未导入任何数据，请按行修改后重新上传',
  IMPORT_STALE: '预览之后数据已被修改，未导入。请重新上传预览后再确认',
  IMPORT_LINKED: '整体替换会删除仍被引用的数据，未导入。请在表格中保留这些行，或改用“合并”方式',
  SESSION_NOT_FOUND: '这一天没有这个场次',
  SESSION_TEMPLATES: '场次设置有误，请检查后再保存',
  SESSION_HAS_BOOKINGS: '这次修改会删掉仍有有效预约的场次，未保存',
  CAPACITY_BELOW_BOOKED: '容量不能少于已预约人数，未保存',
  HOLIDAY_RANGE: '假日的结束日期不能早于开始日期',
  ZONE_ROW_INVALID: '填写有误，请按提示修改后再保存',
  ZONE_ID_TAKEN: '编号已被使用，请换一个编号',
  COMPANY_NOT_FOUND: '没有找到这家企业，可能已被删除',
  COMPANY_LINKED: '该企业仍关联展品，请先在展品管理中改为其他企业',
  POLICY_NOT_FOUND: '没有找到这项政策，可能已被删除',
  RULES_INVALID: '匹配规则有误，请检查后再试',
  CHART_NOT_FOUND: '没有找到这张图表',
  ...PhotoErrors,
  ...AudioErrors,
  ...SheetErrors,
} as const

/** Who may do what (admin may do all): a contract, so the console shows each page to the same roles. */
export { CONSOLE_ROLES }

const DAY = z.string().regex(DAY_PATTERN, DAY_FORMAT_MESSAGE).refine((v) => !DAY_PATTERN.test(v) || isCalendarDay(v), DAY_MISSING_MESSAGE)
const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, `不能超过 ${max} 个字`)
const optText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`).optional()
const Figure = z.object({ label: text(20, '请填写数据名称'), value: text(40, '请填写数据值') }).strict()
const CODE = z.string().trim().toLowerCase().regex(EXHIBIT_CODE_PATTERN, '展品编号格式不正确')
const BASE64 = z.string().max(12 * 1024 * 1024, '文件过大').regex(/^[A-Za-z0-9+/=\s]*$/, '文件内容格式不正确')

const ExhibitEdit = z
  .object({
    code: CODE,
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

const HallEdit = z
  .object({
    id: z.string().trim().regex(/^[a-z][a-z0-9-]{0,29}$/, '展区编号只能用小写字母、数字和连字符，以字母开头'),
    name: text(30, '请填写展区名称'),
    nameEn: optText(80),
    floor: optText(10),
    intro: optText(300),
    introEn: optText(600),
    order: z.number({ error: '请填写排序' }).int('排序为整数').min(1, '排序从 1 开始').max(100, '排序最大 100'),
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
const ROW = z.record(z.string().max(40), z.string().max(5000))
const ZoneRowEdit = z.object({ row: ROW, isNew: z.boolean() }).strict()

/** Row errors (column-keyed) as a refusal whose `fields` sit under the form's column-named items. */
function rowRefusal(errors: RowError[]) {
  const fields: Record<string, string> = {}
  for (const e of errors) fields[e.column ?? '_'] ??= e.message
  return fail('ZONE_ROW_INVALID', `${ConsoleErrors.ZONE_ROW_INVALID}：${errors.map((e) => (e.column ? `「${e.column}」${e.message}` : e.message)).join('；')}`, fields)
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Figures: the file schema, plus the year and the source an operator must always name. */
const ChartEdit = ZoneChartSchema.extend({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '图表编号只能用小写字母、数字和连字符'),
  title: text(40, '请填写图表标题'),
  year: text(20, '请填写数据年份'),
  source: text(200, '请填写数据来源'),
  figures: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/, '数据编号只能用小写字母、数字和连字符'), label: text(20, '请填写数据名称'), value: z.number({ error: '请填写数值' }).finite(), unit: z.string().max(10), qualifier: z.string().max(10).optional() }).strict())
    .min(1, '至少填写一项数据'),
}).strict()

/** A stand-in policy carrying only the draft rules, so the preview runs the calculator itself. */
const draftPolicy = (rules: Rule[]): Policy => ({
  id: 'draft',
  title: '草稿',
  level: '区',
  kinds: ['资金补贴'],
  audiences: ['各类企业'],
  summary: '-',
  conditions: [],
  benefit: { text: '-' },
  materials: [],
  howToApply: '-',
  where: '-',
  issuer: '-',
  sourceNote: '-',
  source: 'illustrative',
  rules,
})

/** A session's places: a whole number within bounds (refused otherwise, never rounded or clamped). */
const CAPACITY = z.number({ error: '请填写容量' }).int('容量须为整数').min(0, '容量不能为负数（0–20000）').max(20000, '容量不能超过 20000')

/** The places each of these sessions already holds (confirmed and pending bookings). */
async function bookedOn(ctx: CallContext, sessionIds: string[]): Promise<Record<string, number>> {
  return sessionIds.length ? ctx.store.booking.placesBooked(sessionIds) : {}
}

/** A weekday's (or the default) session templates: keys unique, each session starting before it ends. */
const Templates = z
  .array(SessionTemplateSchema.extend({ name: text(10, '请填写场次名称'), capacity: CAPACITY }).strict())
  .min(1, '至少保留一个场次')
  .max(8, '每天最多 8 个场次')
const SESSION_ID = z.string().regex(SESSION_ID_PATTERN, '场次编号格式不正确')

const IMPORT_MODE = z.enum(['merge', 'replace'], { error: '请选择导入方式' })
const IMPORT_KIND = z.enum(['companies', 'policies'], { error: '请选择企业名录或政策库' })
const ImportFile = z.object({ fileName: z.string().max(200).regex(/\.(xlsx|csv)$/i, '请上传 .xlsx 或 .csv 表格'), data: BASE64 })

type ImportPlan = { kind: ImportKind; errors: RowError[]; review: ImportReview; next: Array<Company | Policy>; before: Array<Company | Policy> }

/** One sheet against the current list: its row errors, or what it would add, change and remove. */
async function planImport(ctx: CallContext, fileName: string, data: string, mode: ImportMode): Promise<Result<ImportPlan>> {
  // Checked, then parsed off this thread under limits (zone/spreadsheet.ts): a bomb is a refusal.
  const read = await readSheet({ name: fileName, data: Buffer.from(data, 'base64') }, ctx.sheetLimits)
  if (!read.ok) return read
  const sheet = read.data
  const kind: ImportKind | null = detectKind(sheet.headers)
  if (!kind) return fail('SHEET_KIND', ConsoleErrors.SHEET_KIND)
  const exhibits = await ctx.store.content.listExhibits()
  const empty = (current: Array<Company | Policy>, errors: RowError[]) =>
    ok({ kind, errors, review: { added: [], changed: [], removed: [], unchanged: 0, blocked: false, baseline: listDigest(current) }, next: current, before: current })
  if (kind === 'companies') {
    const current = await ctx.store.zone.listCompanies()
    const res = parseCompanyRows(sheet.headers, sheet.rows, new Map(exhibits.map((e) => [e.code, e.name])))
    if (!res.ok) return empty(current, res.errors)
    // An exhibit's company link would lead visitors to a page that no longer exists.
    const linksTo = (id: string) => exhibits.filter((e) => e.company.id === id).map((e) => `展品「${e.name}」`)
    const { review, next } = reviewImport({ current, incoming: res.records, mode, columns: COMPANY_HEADERS, toRow: companyToRow, nameOf: (c) => c.name, linksTo })
    return ok({ kind, errors: [], review, next, before: current })
  }
  const current = await ctx.store.zone.listPolicies()
  const res = parsePolicyRows(sheet.headers, sheet.rows)
  if (!res.ok) return empty(current, res.errors)
  // Nothing in the museum links to a policy today; the check is the same for both lists.
  const { review, next } = reviewImport({ current, incoming: res.records, mode, columns: POLICY_HEADERS, toRow: policyToRow, nameOf: (p) => p.title, linksTo: () => [] })
  return ok({ kind, errors: [], review, next, before: current })
}

const iso = (s: string) => new Date(s).toISOString()

/** An exhibit carries its hall's name and floor (the exhibit page reads them without a second
 *  lookup): those of this hall, not what it carried from a previous one. */
function inHall(e: Exhibit, hall: Hall): Exhibit {
  const out: Exhibit = { ...e, hall: hall.name }
  if (hall.nameEn) out.hallEn = hall.nameEn
  else delete out.hallEn
  if (hall.floor) out.floor = hall.floor
  else delete out.floor
  return out
}

const LANG = z.enum(['zh', 'en'], { error: '请选择讲解语言' })

/** Puts one language's guide track on the exhibit and records the change. */
async function saveTrack(ctx: CallContext, action: string, before: Exhibit, lang: GuideLang, track: AudioTrack, source: 'upload' | 'prepared' | 'synthesised') {
  const after: Exhibit = { ...before, audio: { ...before.audio, [lang]: track } }
  await ctx.store.content.putExhibit(after)
  await recordChange(ctx, action, `${before.code}.${lang}`, before.audio?.[lang] ?? null, { ...track, source })
  return ok({ exhibit: after, track, source })
}

/** The day's roster rows, each with the ticket short code the visitor's ticket shows (when the server holds the ticket key). */
async function rosterOf(ctx: CallContext, day: string) {
  const keys = ctx.keys
  return rosterRows(await ctx.store.booking.listOnDay(day), await loadBookingConfig(ctx.store), keys ? (id) => shortTicketCode(keys.idKey, id) : undefined)
}

const AuditFilter = z
  .object({ account: z.string().max(64).optional(), operation: z.string().max(64).optional(), fromDay: DAY.optional(), toDay: DAY.optional(), limit: z.number().int().min(1).max(500).optional() })
  .strict()

async function auditNames(ctx: CallContext): Promise<AuditNames> {
  return {
    accounts: Object.fromEntries((await ctx.store.accounts.list()).map((a) => [a.username, a.name])),
    exhibits: Object.fromEntries((await ctx.store.content.listExhibits()).map((x) => [x.code, x.name])),
  }
}

export const consoleFn = implement('console', {
  actions: {
    // ----- exhibits -----
    exhibits: defineAction({
      schema: z.object({}).strict(),
      roles: CONSOLE_ROLES.content,
      handle: async (_req, ctx) => {
        const [halls, exhibits] = await Promise.all([ctx.store.content.listHalls(), ctx.store.content.listExhibits()])
        return ok({ halls, exhibits })
      },
    }),
    saveExhibit: defineAction({
      schema: ExhibitEdit,
      roles: CONSOLE_ROLES.content,
      handle: async ({ published, isNew, ...edit }, ctx) => {
        const existing = await ctx.store.content.getExhibit(edit.code)
        if (isNew && existing) return fail('EXHIBIT_CODE_TAKEN', ConsoleErrors.EXHIBIT_CODE_TAKEN, { code: ConsoleErrors.EXHIBIT_CODE_TAKEN })
        if (!isNew && !existing) return fail('EXHIBIT_NOT_FOUND', ConsoleErrors.EXHIBIT_NOT_FOUND)
        const hall = (await ctx.store.content.listHalls()).find((h) => h.id === edit.hallId)
        if (!hall) return fail('HALL_NOT_FOUND', ConsoleErrors.HALL_NOT_FOUND, { hallId: ConsoleErrors.HALL_NOT_FOUND })
        // A new exhibit starts without a photo: it can be saved, but not shown to visitors until one is uploaded.
        const before: Exhibit =
          existing ?? { code: edit.code, name: edit.name, hall: hall.name, hallId: hall.id, image: '', imageAlt: edit.imageAlt, summary: edit.summary, figures: [], company: edit.company, sort: (await ctx.store.content.listExhibits()).reduce((m, e) => Math.max(m, e.sort), 0) + 1, source: 'illustrative', sourceNote: '馆方在管理后台录入' }
        if (published && !before.image) return fail('EXHIBIT_NO_PHOTO', ConsoleErrors.EXHIBIT_NO_PHOTO, { published: ConsoleErrors.EXHIBIT_NO_PHOTO })
        const after = inHall({ ...before, ...edit }, hall)
        // An operator's words replace the illustrative seed text: the 示意 marking goes, and any
        // recorded audio no longer matches the text.
        after.source = 'article' === before.source ? 'article' : 'illustrative'
        // A recording that no longer speaks its language's text is kept (visitors still hear it) and
        // marked stale, per language: the operator keeps, regenerates or removes it (decideAudio).
        if (before.audio) {
          const audio = { ...before.audio }
          for (const lang of GUIDE_LANGS) {
            const track = audio[lang]
            if (track && audioScript(before, lang) !== audioScript(after, lang)) audio[lang] = { ...track, stale: true }
          }
          after.audio = audio
        }
        const staleAudio = GUIDE_LANGS.filter((lang) => after.audio?.[lang]?.stale)
        if (published) delete after.unpublished
        else after.unpublished = true
        await ctx.store.content.putExhibit(after)
        await recordChange(ctx, 'console.saveExhibit', edit.code, existing, after)
        return ok({ exhibit: after, staleAudio })
      },
    }),
    // ----- halls -----
    halls: defineAction({
      schema: z.object({}).strict(),
      roles: CONSOLE_ROLES.content,
      handle: async (_req, ctx) => {
        const [halls, exhibits] = await Promise.all([ctx.store.content.listHalls(), ctx.store.content.listExhibits()])
        return ok({ halls: halls.map((h) => ({ ...h, exhibitCount: exhibits.filter((e) => e.hallId === h.id).length })) })
      },
    }),
    /** Creates or edits a hall and puts it at `order` in the visitor's list. Its exhibits carry the
     *  hall's name and floor (the exhibit page reads them without a second lookup): they follow. */
    saveHall: defineAction({
      schema: HallEdit,
      roles: CONSOLE_ROLES.content,
      handle: async ({ order, isNew, ...edit }, ctx) => {
        const list = await ctx.store.content.listHalls()
        const before = list.find((h) => h.id === edit.id) ?? null
        if (isNew && before) return fail('HALL_ID_TAKEN', ConsoleErrors.HALL_ID_TAKEN, { id: ConsoleErrors.HALL_ID_TAKEN })
        if (!isNew && !before) return fail('HALL_NOT_FOUND', ConsoleErrors.HALL_NOT_FOUND)
        // Optional texts left empty are removed, not stored as ''; the floor-plan rectangle stays.
        const after: Hall = { ...(before ?? {}), id: edit.id, name: edit.name }
        for (const key of ['nameEn', 'floor', 'intro', 'introEn'] as const) {
          if (edit[key]) after[key] = edit[key]
          else delete after[key]
        }
        const others = list.filter((h) => h.id !== edit.id)
        const at = Math.min(order, others.length + 1) - 1
        const ordered = [...others.slice(0, at), after, ...others.slice(at)]
        // Every hall is written at its position (a handful): the stored order is whatever this list says.
        for (const [i, h] of ordered.entries()) await ctx.store.content.putHall(h, i)
        for (const e of (await ctx.store.content.listExhibits()).filter((x) => x.hallId === after.id)) {
          const moved = inHall(e, after)
          if (JSON.stringify(moved) !== JSON.stringify(e)) await ctx.store.content.putExhibit(moved)
        }
        await recordChange(ctx, 'console.saveHall', after.id, before && { ...before, order: list.indexOf(before) + 1 }, { ...after, order: at + 1 })
        return ok({ hall: after, order: at + 1 })
      },
    }),
    /** The printable code sheet (A4, six QR codes a page) of the published exhibits, as HTML: the
     *  console opens it and the browser prints it (or saves a PDF); `npm run codes` makes the PDF. */
    codeSheet: defineAction({
      schema: z.object({}).strict(),
      roles: CONSOLE_ROLES.content,
      handle: async (_req, ctx) => {
        const origin = process.env.H5_ORIGIN ?? 'http://127.0.0.1:8787'
        const exhibits = (await ctx.store.content.listExhibits()).filter((e) => !e.unpublished)
        return ok({ fileName: '展品二维码.html', html: sheetHtml(sheetItemsOf(origin, exhibits), origin), count: exhibits.length, origin })
      },
    }),
    uploadPhoto: defineAction({
      schema: z.object({ code: CODE, data: BASE64, alt: text(120, '请填写图片的文字说明（供读屏使用）') }).strict(),
      roles: CONSOLE_ROLES.content,
      handle: async ({ code, data, alt }, ctx) => {
        if (!ctx.media) return fail('MEDIA_UNAVAILABLE', ConsoleErrors.MEDIA_UNAVAILABLE)
        const before = await ctx.store.content.getExhibit(code)
        if (!before) return fail('EXHIBIT_NOT_FOUND', ConsoleErrors.EXHIBIT_NOT_FOUND)
        const photo = await preparePhoto(Buffer.from(data, 'base64'))
        if (!photo.ok) return fail(photo.code, PhotoErrors[photo.code])
        const urls: Record<number, string> = {}
        for (const size of photo.sizes) {
          urls[size.width] = await ctx.media.save(`exhibits/${code}-${photo.digest}-${size.width}.jpg`, size.buffer, 'image/jpeg')
        }
        const after: Exhibit = { ...before, image: urls[1280], imageSmall: urls[640], imageAlt: alt }
        await ctx.store.content.putExhibit(after)
        await recordChange(ctx, 'console.uploadPhoto', code, { image: before.image, imageAlt: before.imageAlt }, { image: after.image, imageSmall: after.imageSmall, imageAlt: alt })
        return ok({ exhibit: after })
      },
    }),

    // ----- audio guides -----
    /** An operator's recording replaces the guide in one language; visitors hear it at once. */
    uploadAudio: defineAction({
      schema: z.object({ code: CODE, lang: LANG, data: BASE64, voice: optText(40) }).strict(),
      roles: CONSOLE_ROLES.content,
      handle: async ({ code, lang, data, voice }, ctx) => {
        if (!ctx.media) return fail('MEDIA_UNAVAILABLE', ConsoleErrors.MEDIA_UNAVAILABLE)
        const before = await ctx.store.content.getExhibit(code)
        if (!before) return fail('EXHIBIT_NOT_FOUND', ConsoleErrors.EXHIBIT_NOT_FOUND)
        if (lang === 'en' && !hasEnglish(before)) return fail('AUDIO_NO_ENGLISH', ConsoleErrors.AUDIO_NO_ENGLISH)
        const bytes = Buffer.from(data, 'base64')
        const audio = await checkAudio(bytes)
        if (!audio.ok) return fail(audio.code, ConsoleErrors[audio.code])
        const url = await ctx.media.save(`audio/${code}.${lang}.${audio.digest}.${audio.kind.ext}`, bytes, audio.kind.contentType)
        return saveTrack(ctx, 'console.uploadAudio', before, lang, { url, seconds: audio.seconds, voice: voice || '馆方录音', recorded: true }, 'upload')
      },
    }),
    /** Back to a guide spoken from the current text: the prepared recording (npm run audio) when it
     *  still matches the text, else a fresh one from the synthesiser where this runtime has one. */
    regenerateAudio: defineAction({
      schema: z.object({ code: CODE, lang: LANG }).strict(),
      roles: CONSOLE_ROLES.content,
      handle: async ({ code, lang }, ctx) => {
        const before = await ctx.store.content.getExhibit(code)
        if (!before) return fail('EXHIBIT_NOT_FOUND', ConsoleErrors.EXHIBIT_NOT_FOUND)
        const text = audioScript(before, lang)
        if (!text) return fail('AUDIO_NO_ENGLISH', ConsoleErrors.AUDIO_NO_ENGLISH)
        const prepared = withAudio({ ...before, audio: undefined }, readAudioManifest()).audio?.[lang]
        if (prepared) return saveTrack(ctx, 'console.regenerateAudio', before, lang, prepared, 'prepared')
        if (!ctx.speech?.available()) return fail('AUDIO_GENERATOR_UNAVAILABLE', ConsoleErrors.AUDIO_GENERATOR_UNAVAILABLE)
        if (!ctx.media) return fail('MEDIA_UNAVAILABLE', ConsoleErrors.MEDIA_UNAVAILABLE)
        const speech = await ctx.speech.synthesise(text, lang)
        const url = await ctx.media.save(`audio/${code}.${lang}.${textHash(text).slice(0, 12)}.mp3`, speech.mp3, 'audio/mpeg')
        return saveTrack(ctx, 'console.regenerateAudio', before, lang, { url, seconds: speech.seconds, voice: speech.voice }, 'synthesised')
      },
    }),

    /** The operator's decision on a stale recording: keep it for the new text, or take it off. */
    decideAudio: defineAction({
      schema: z.object({ code: CODE, lang: LANG, decision: z.enum(['keep', 'remove'], { error: '请选择保留或删除' }) }).strict(),
      roles: CONSOLE_ROLES.content,
      handle: async ({ code, lang, decision }, ctx) => {
        const before = await ctx.store.content.getExhibit(code)
        if (!before) return fail('EXHIBIT_NOT_FOUND', ConsoleErrors.EXHIBIT_NOT_FOUND)
        const track = before.audio?.[lang]
        if (!track) return fail('AUDIO_NOT_FOUND', ConsoleErrors.AUDIO_NOT_FOUND)
        const audio = { ...before.audio }
        if (decision === 'remove') delete audio[lang]
        else {
          const kept = { ...track }
          delete kept.stale
          audio[lang] = kept
        }
        const after: Exhibit = { ...before, audio }
        if (!Object.keys(audio).length) delete after.audio
        await ctx.store.content.putExhibit(after)
        await recordChange(ctx, 'console.decideAudio', `${code}.${lang}`, track, after.audio?.[lang] ?? null)
        return ok({ exhibit: after })
      },
    }),

    // ----- notices -----
    notices: defineAction({
      schema: z.object({}).strict(),
      roles: CONSOLE_ROLES.content,
      handle: async (_req, ctx) => ok({ notices: await ctx.store.ops.listNotices() }),
    }),
    saveNotice: defineAction({
      schema: NoticeEdit,
      roles: CONSOLE_ROLES.content,
      handle: async (req, ctx) => {
        if (Date.parse(req.validTo) <= Date.parse(req.validFrom)) return fail('NOTICE_WINDOW', ConsoleErrors.NOTICE_WINDOW, { validTo: ConsoleErrors.NOTICE_WINDOW })
        // A published notice that has already ended would never be seen: a typo in the year, not a wish.
        if (req.published && Date.parse(req.validTo) <= ctx.now().getTime()) return fail('NOTICE_PAST', ConsoleErrors.NOTICE_PAST, { validTo: ConsoleErrors.NOTICE_PAST })
        const now = ctx.now().toISOString()
        const before = req.id ? await ctx.store.ops.getNotice(req.id) : null
        if (req.id && !before) return fail('NOTICE_NOT_FOUND', ConsoleErrors.NOTICE_NOT_FOUND)
        const notice = {
          ...req,
          id: req.id ?? `n-${crypto.randomBytes(6).toString('hex')}`,
          validFrom: iso(req.validFrom),
          validTo: iso(req.validTo),
          createdAt: before?.createdAt ?? now,
          updatedAt: now,
        }
        await ctx.store.ops.putNotice(notice)
        await recordChange(ctx, 'console.saveNotice', notice.id, before, notice)
        return ok({ notice })
      },
    }),
    removeNotice: defineAction({
      schema: z.object({ id: z.string().min(1).max(40) }).strict(),
      roles: CONSOLE_ROLES.content,
      handle: async ({ id }, ctx) => {
        const before = await ctx.store.ops.getNotice(id)
        if (!before || !(await ctx.store.ops.removeNotice(id))) return fail('NOTICE_NOT_FOUND', ConsoleErrors.NOTICE_NOT_FOUND)
        await recordChange(ctx, 'console.removeNotice', id, before, null)
        return ok({ removed: true as const })
      },
    }),

    // ----- booking operations -----
    closures: defineAction({
      schema: z.object({}).strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async (_req, ctx) => {
        const config = await loadBookingConfig(ctx.store)
        return ok({ closedDays: config.closedDays, sessions: config.sessions, today: dayOf(ctx.now()) })
      },
    }),
    closeDay: defineAction({
      schema: z.object({ day: DAY, reason: text(40, '请填写闭馆原因（将告知已预约的观众）') }).strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async ({ day, reason }, ctx) => {
        if (day < dayOf(ctx.now())) return fail('DAY_PAST', ConsoleErrors.DAY_PAST, { day: ConsoleErrors.DAY_PAST })
        const before = (await loadBookingConfig(ctx.store)).closedDays.find((c) => c.date === day) ?? null
        const result = await closeDay(ctx.store, day, reason, ctx.now())
        await recordChange(ctx, 'console.closeDay', day, before, result)
        return ok(result)
      },
    }),
    /** What a closure would cancel, asked before the confirm: a range of days, or one session. */
    closureImpact: defineAction({
      schema: z.union([z.object({ from: DAY, to: DAY }).strict(), z.object({ sessionId: SESSION_ID }).strict()]),
      roles: CONSOLE_ROLES.booking,
      handle: async (req, ctx) => {
        if ('sessionId' in req) return ok(await closureImpact(ctx.store, [req.sessionId.slice(0, 10)], req.sessionId))
        const days = closureRange(req.from, req.to)
        if (!days) return fail('RANGE_INVALID', ConsoleErrors.RANGE_INVALID, { to: ConsoleErrors.RANGE_INVALID })
        return ok(await closureImpact(ctx.store, days))
      },
    }),
    /** Closing several days with one reason (a typhoon): the day job for each, in order. */
    closeDays: defineAction({
      schema: z.object({ from: DAY, to: DAY, reason: text(40, '请填写闭馆原因（将告知已预约的观众）') }).strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async ({ from, to, reason }, ctx) => {
        if (from < dayOf(ctx.now())) return fail('DAY_PAST', ConsoleErrors.DAY_PAST, { from: ConsoleErrors.DAY_PAST })
        const days = closureRange(from, to)
        if (!days) return fail('RANGE_INVALID', ConsoleErrors.RANGE_INVALID, { to: ConsoleErrors.RANGE_INVALID })
        const config = await loadBookingConfig(ctx.store)
        const results: CloseDayResult[] = []
        for (const day of days) {
          const before = config.closedDays.find((c) => c.date === day) ?? null
          const result = await closeDay(ctx.store, day, reason, ctx.now())
          await recordChange(ctx, 'console.closeDay', day, before, result)
          results.push(result)
        }
        return ok({ days: results, cancelled: results.reduce((n, r) => n + r.cancelled, 0), total: results.reduce((n, r) => n + r.total, 0) })
      },
    }),
    /** Opens a closed day for booking again; what the closure cancelled stays cancelled. */
    reopenDay: defineAction({
      schema: z.object({ day: DAY }).strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async ({ day }, ctx) => {
        if (day < dayOf(ctx.now())) return fail('DAY_PAST', ConsoleErrors.DAY_PAST, { day: ConsoleErrors.DAY_PAST })
        const done = await reopenDay(ctx.store, day)
        if (!done) return fail('NOT_CLOSED', ConsoleErrors.NOT_CLOSED)
        await recordChange(ctx, 'console.reopenDay', day, done.before, null)
        // Places the closure gave back go to the 候补 lines first.
        for (const t of templatesOn(await loadBookingConfig(ctx.store), day)) await fillWaitlist(ctx.store, `${day}.${t.key}`, ctx.now())
        return ok({ day, stillCancelled: done.stillCancelled })
      },
    }),
    reopenSession: defineAction({
      schema: z.object({ sessionId: SESSION_ID }).strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async ({ sessionId }, ctx) => {
        if (sessionId.slice(0, 10) < dayOf(ctx.now())) return fail('DAY_PAST', ConsoleErrors.DAY_PAST)
        const done = await reopenSession(ctx.store, sessionId)
        if (!done) return fail('NOT_CLOSED', ConsoleErrors.NOT_CLOSED)
        await recordChange(ctx, 'console.reopenSession', sessionId, done.before, null)
        await fillWaitlist(ctx.store, sessionId, ctx.now())
        return ok({ sessionId, stillCancelled: done.stillCancelled })
      },
    }),
    /** 预约设置: the settings the calendar and booking handlers read (stored in the store, over data/booking.json). */
    bookingConfig: defineAction({
      schema: z.object({}).strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async (_req, ctx) => {
        const c = await loadBookingConfig(ctx.store)
        const today = dayOf(ctx.now())
        const dates = Array.from({ length: c.daysShown + 1 }, (_, i) => addDays(today, i))
        const booked = await bookedOn(ctx, dates.flatMap((date) => templatesOn(c, date).map((t) => `${date}.${t.key}`)))
        const days = dates.map((date) => ({
          date,
          sessions: templatesOn(c, date).map((t) => {
            const reason = sessionClosedReason(c, date, `${date}.${t.key}`)
            const withBooked = { ...t, booked: booked[`${date}.${t.key}`] ?? 0 }
            return reason ? { ...withBooked, closedReason: reason } : withBooked
          }),
        }))
        return ok({
          today,
          sessions: c.sessions,
          weekdaySessions: c.weekdaySessions,
          capacityOverrides: c.capacityOverrides,
          closedSessions: c.closedSessions,
          closedDays: c.closedDays,
          holidays: c.holidays,
          closedWeekdays: c.closedWeekdays,
          days,
        })
      },
    }),
    /** `weekday`: 'default' or '0' (Sunday) … '6'; `sessions: null` gives that weekday back the default. */
    saveSessionTemplates: defineAction({
      schema: z.object({ weekday: z.enum(['default', '0', '1', '2', '3', '4', '5', '6']), sessions: Templates.nullable() }).strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async ({ weekday, sessions }, ctx) => {
        if (sessions) {
          const keys = new Set(sessions.map((t) => t.key))
          const bad = keys.size !== sessions.length ? '场次代号不能重复' : sessions.find((t) => t.start >= t.end) ? '每个场次的开始时间须早于结束时间' : null
          if (bad) return fail('SESSION_TEMPLATES', `${ConsoleErrors.SESSION_TEMPLATES}：${bad}`, { sessions: bad })
        }
        if (weekday === 'default' && !sessions) return fail('SESSION_TEMPLATES', `${ConsoleErrors.SESSION_TEMPLATES}：默认场次不能清空`)
        const config = await loadBookingConfig(ctx.store)
        const before = weekday === 'default' ? config.sessions : (config.weekdaySessions[weekday] ?? null)
        const weekdaySessions = { ...config.weekdaySessions }
        if (weekday !== 'default') {
          if (sessions) weekdaySessions[weekday] = sessions
          else delete weekdaySessions[weekday]
        }
        const next = { ...config, ...(weekday === 'default' && sessions ? { sessions } : {}), weekdaySessions }
        // A session that disappears must not take live bookings with it (they would point at nothing).
        const today = dayOf(ctx.now())
        const dropped = new Set(droppedSessionIds(config, next, today, lastBookableDay(config, today)))
        if (dropped.size) {
          const days = [...new Set([...dropped].map((id) => parseSessionId(id)!.date))]
          const held = (await Promise.all(days.map((d) => ctx.store.booking.listOnDay(d)))).flat().filter((b) => dropped.has(b.sessionId) && isLiveBooking(b, ctx.now()))
          if (held.length) {
            const message = `${ConsoleErrors.SESSION_HAS_BOOKINGS}：${describeHeld(held).join('、')}。请先在该日期停场（会取消这些预约并通知观众）后再修改，或保留这个场次`
            return fail('SESSION_HAS_BOOKINGS', message)
          }
        }
        // A lower template capacity must not fall below what a coming day on it already holds.
        const below: string[] = []
        for (let day = today; day <= lastBookableDay(config, today); day = addDays(day, 1)) {
          const templates = templatesOn(next, day)
          const booked = await bookedOn(ctx, templates.map((t) => `${day}.${t.key}`))
          for (const t of templates) {
            const n = booked[`${day}.${t.key}`] ?? 0
            if (t.capacity < n) below.push(`${day} ${t.name}已预约 ${n} 人（新容量 ${t.capacity}）`)
          }
        }
        if (below.length) return fail('CAPACITY_BELOW_BOOKED', `${ConsoleErrors.CAPACITY_BELOW_BOOKED}：${below.join('、')}`)
        await saveBookingConfig(ctx.store, next)
        await recordChange(ctx, 'console.saveSessionTemplates', weekday, before, sessions)
        return ok({ saved: true as const })
      },
    }),
    /** One session's capacity on one day; `capacity: null` removes the override. */
    setCapacity: defineAction({
      schema: z.object({ sessionId: SESSION_ID, capacity: CAPACITY.nullable() }).strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async ({ sessionId, capacity }, ctx) => {
        const config = await loadBookingConfig(ctx.store)
        const { date, key } = parseSessionId(sessionId)!
        if (date < dayOf(ctx.now())) return fail('DAY_PAST', ConsoleErrors.DAY_PAST)
        if (!sessionRef(config, sessionId)) return fail('SESSION_NOT_FOUND', ConsoleErrors.SESSION_NOT_FOUND)
        const before = config.capacityOverrides.find((o) => o.date === date && o.key === key) ?? null
        const others = config.capacityOverrides.filter((o) => !(o.date === date && o.key === key))
        // Fewer places than people already booked would show the session full and promise seats that do
        // not exist: refused, naming the count (the operator stops the session to cancel bookings).
        const effective = capacity ?? templatesOn({ ...config, capacityOverrides: others }, date).find((t) => t.key === key)?.capacity ?? 0
        const booked = (await bookedOn(ctx, [sessionId]))[sessionId] ?? 0
        if (effective < booked) {
          const field = `不能少于已预约的 ${booked} 人`
          return fail('CAPACITY_BELOW_BOOKED', `${ConsoleErrors.CAPACITY_BELOW_BOOKED}：该场次已预约 ${booked} 人，容量至少为 ${booked}`, { capacity: field })
        }
        const capacityOverrides = capacity === null ? others : [...others, { date, key, capacity }].sort((a, b) => `${a.date}.${a.key}`.localeCompare(`${b.date}.${b.key}`))
        await saveBookingConfig(ctx.store, { ...config, capacityOverrides })
        await recordChange(ctx, 'console.setCapacity', sessionId, before, capacity === null ? null : { date, key, capacity })
        // A raise frees places: the session's 候补 line is offered them first.
        await fillWaitlist(ctx.store, sessionId, ctx.now())
        return ok({ saved: true as const })
      },
    }),
    /** Closing one session: the same idempotent job as a day, cancelling only that session's bookings. */
    closeSession: defineAction({
      schema: z.object({ sessionId: SESSION_ID, reason: text(40, '请填写停场原因（将告知已预约的观众）') }).strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async ({ sessionId, reason }, ctx) => {
        if (parseSessionId(sessionId)!.date < dayOf(ctx.now())) return fail('DAY_PAST', ConsoleErrors.DAY_PAST)
        const config = await loadBookingConfig(ctx.store)
        if (!sessionRef(config, sessionId)) return fail('SESSION_NOT_FOUND', ConsoleErrors.SESSION_NOT_FOUND)
        const before = config.closedSessions.find((c) => c.sessionId === sessionId) ?? null
        const result = await closeSession(ctx.store, sessionId, reason, ctx.now())
        await recordChange(ctx, 'console.closeSession', sessionId, before, result)
        return ok(result)
      },
    }),
    saveHolidays: defineAction({
      schema: z
        .object({ holidays: z.array(z.object({ name: text(10, '请填写假日名称'), from: DAY, to: DAY }).strict()).max(100, '假日最多 100 段') })
        .strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async ({ holidays }, ctx) => {
        const bad = holidays.findIndex((h) => h.to < h.from)
        if (bad >= 0) return fail('HOLIDAY_RANGE', `第${bad + 1}行：${ConsoleErrors.HOLIDAY_RANGE}`, { [`holidays.${bad}.to`]: ConsoleErrors.HOLIDAY_RANGE })
        const config = await loadBookingConfig(ctx.store)
        const sorted = [...holidays].sort((a, b) => a.from.localeCompare(b.from))
        await saveBookingConfig(ctx.store, { ...config, holidays: sorted })
        await recordChange(ctx, 'console.saveHolidays', 'holidays', config.holidays, sorted)
        return ok({ holidays: sorted })
      },
    }),
    /** `q`: a visitor's name (or part of it) or a ticket's short code. */
    roster: defineAction({
      schema: z.object({ day: DAY, q: z.string().max(40).optional() }).strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async ({ day, q }, ctx) => ok({ day, rows: searchRoster(await rosterOf(ctx, day), q) }),
    }),
    /** The museum cancels one booking: places and IDs given back, the booker told why (我的预约 shows the reason). */
    cancelBooking: defineAction({
      schema: z.object({ bookingId: z.string().min(1).max(64), reason: text(40, '请填写取消原因（观众会看到）') }).strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async ({ bookingId, reason }, ctx) => {
        const done = await cancelOneBooking(ctx.store, bookingId, reason, ctx.now())
        if (!done.ok) return done
        const b = done.data.before
        const who = { name: b.visitors.map((v) => v.name).join('、'), sessionId: b.sessionId, places: b.places }
        await recordChange(ctx, 'console.cancelBooking', bookingId, { ...who, status: 'confirmed' }, { ...who, status: 'cancelled', reason })
        return ok({ bookingId, status: 'cancelled' as const, reason })
      },
    }),
    /** The same roster as an Excel file (base64), for printing at the gate. */
    rosterXlsx: defineAction({
      schema: z.object({ day: DAY }).strict(),
      roles: CONSOLE_ROLES.booking,
      handle: async ({ day }, ctx) => {
        const rows = await rosterOf(ctx, day)
        const file = await rosterWorkbook(day, rows)
        return ok({ day, fileName: `预约名单-${day}.xlsx`, data: file.toString('base64') })
      },
    }),

    // ----- zone data -----
    /** A zone spreadsheet's effect, before anything is written: the rows that would be added,
     *  changed (column by column) and — only when replacing the list — removed. Changes nothing. */
    previewImport: defineAction({
      schema: ImportFile.extend({ mode: IMPORT_MODE.optional() }).strict(),
      roles: CONSOLE_ROLES.zone,
      handle: async ({ fileName, data, mode = 'merge' }, ctx): Promise<Result<ImportPreview>> => {
        const plan = await planImport(ctx, fileName, data, mode)
        if (!plan.ok) return plan
        const { kind, errors, review } = plan.data
        return ok({ kind, mode, fileName, errors, ...review })
      },
    }),
    /** The confirm of a preview: the same file and mode, and the preview's `baseline` (refused when
     *  the list changed in between, so what is written is what the operator saw). */
    importZone: defineAction({
      schema: ImportFile.extend({ mode: IMPORT_MODE, baseline: z.string().max(64) }).strict(),
      roles: CONSOLE_ROLES.zone,
      handle: async ({ fileName, data, mode, baseline }, ctx) => {
        const plan = await planImport(ctx, fileName, data, mode)
        if (!plan.ok) return plan
        const { kind, errors, review, next, before } = plan.data
        if (errors.length) return fail('SHEET_ROWS', ConsoleErrors.SHEET_ROWS)
        if (review.baseline !== baseline) return fail('IMPORT_STALE', ConsoleErrors.IMPORT_STALE)
        const held = review.removed.filter((r) => r.linkedBy.length)
        if (held.length) return fail('IMPORT_LINKED', `${ConsoleErrors.IMPORT_LINKED}：${held.map((r) => `${r.name}（${r.linkedBy.join('、')}）`).join('；')}`)
        if (kind === 'companies') await ctx.store.zone.replaceCompanies(next as Company[])
        else await ctx.store.zone.replacePolicies(next as Policy[])
        // The audit keeps what each changed or removed record was, and what changed, column by column.
        const touched = new Set([...review.changed.map((c) => c.id), ...review.removed.map((r) => r.id)])
        await recordChange(
          ctx,
          'console.importZone',
          kind,
          { records: before.filter((r) => touched.has(r.id)) },
          { fileName, mode, added: review.added, changed: review.changed, removed: review.removed.map(({ id, name }) => ({ id, name })) },
        )
        return ok({ kind, added: review.added.length, changed: review.changed.length, removed: review.removed.length, unchanged: review.unchanged })
      },
    }),
    /** The current companies or policies as the import spreadsheet (read back, it changes nothing). */
    exportZone: defineAction({
      schema: z.object({ kind: IMPORT_KIND }).strict(),
      roles: CONSOLE_ROLES.zone,
      handle: async ({ kind }, ctx) => {
        const rows = kind === 'companies' ? (await ctx.store.zone.listCompanies()).map(companyToRow) : (await ctx.store.zone.listPolicies()).map(policyToRow)
        const file = await zoneWorkbook(kind, rows)
        return ok({ kind, fileName: zoneFileName(kind, 'export', dayOf(ctx.now())), data: file.toString('base64'), count: rows.length })
      },
    }),
    /** The empty import spreadsheet with its column notes. */
    zoneTemplate: defineAction({
      schema: z.object({ kind: IMPORT_KIND }).strict(),
      roles: CONSOLE_ROLES.zone,
      handle: async ({ kind }, ctx) => {
        const file = await zoneWorkbook(kind, [])
        return ok({ kind, fileName: zoneFileName(kind, 'template', dayOf(ctx.now())), data: file.toString('base64') })
      },
    }),

    /** Everything the zone pages edit, plus the exhibits a company may be linked to. */
    zoneData: defineAction({
      schema: z.object({}).strict(),
      roles: CONSOLE_ROLES.zone,
      handle: async (_req, ctx) => {
        const [companies, policies, charts, exhibits] = await Promise.all([
          ctx.store.zone.listCompanies(),
          ctx.store.zone.listPolicies(),
          ctx.store.zone.listCharts(),
          ctx.store.content.listExhibits(),
        ])
        return ok({ companies, policies, charts, exhibits: exhibits.map((e) => ({ code: e.code, name: e.name })) })
      },
    }),
    // The zone store replaces whole lists (its one atomic write, made for imports): an edit reads the
    // list, changes one record and replaces the list. Fine at this size (hundreds of records, a
    // handful of editors); two editors saving in the same instant: the later save wins.
    saveCompany: defineAction({
      schema: ZoneRowEdit,
      roles: CONSOLE_ROLES.zone,
      handle: async ({ row, isNew }, ctx) => {
        const exhibits = new Map((await ctx.store.content.listExhibits()).map((e) => [e.code, e.name]))
        const parsed = parseCompanyRows(COMPANY_HEADERS, [row], exhibits)
        if (!parsed.ok) return rowRefusal(parsed.errors)
        const company = parsed.records[0]
        const list = await ctx.store.zone.listCompanies()
        const before = list.find((c) => c.id === company.id) ?? null
        if (isNew && before) return fail('ZONE_ID_TAKEN', ConsoleErrors.ZONE_ID_TAKEN, { 企业编号: ConsoleErrors.ZONE_ID_TAKEN })
        if (!isNew && !before) return fail('COMPANY_NOT_FOUND', ConsoleErrors.COMPANY_NOT_FOUND)
        await ctx.store.zone.replaceCompanies([...list.filter((c) => c.id !== company.id), company].sort(byId))
        await recordChange(ctx, 'console.saveCompany', company.id, before, company)
        return ok({ company })
      },
    }),
    removeCompany: defineAction({
      schema: z.object({ id: z.string().min(1).max(40) }).strict(),
      roles: CONSOLE_ROLES.zone,
      handle: async ({ id }, ctx) => {
        const list = await ctx.store.zone.listCompanies()
        const before = list.find((c) => c.id === id)
        if (!before) return fail('COMPANY_NOT_FOUND', ConsoleErrors.COMPANY_NOT_FOUND)
        // An exhibit's company link would lead visitors to a page that no longer exists.
        const linked = (await ctx.store.content.listExhibits()).filter((e) => e.company.id === id)
        if (linked.length) return fail('COMPANY_LINKED', `${ConsoleErrors.COMPANY_LINKED}（${linked.map((e) => e.name).join('、')}）`)
        await ctx.store.zone.replaceCompanies(list.filter((c) => c.id !== id))
        await recordChange(ctx, 'console.removeCompany', id, before, null)
        return ok({ removed: true as const })
      },
    }),
    savePolicy: defineAction({
      schema: ZoneRowEdit,
      roles: CONSOLE_ROLES.zone,
      handle: async ({ row, isNew }, ctx) => {
        const parsed = parsePolicyRows(POLICY_HEADERS, [row])
        if (!parsed.ok) return rowRefusal(parsed.errors)
        const policy = parsed.records[0]
        const list = await ctx.store.zone.listPolicies()
        const before = list.find((p) => p.id === policy.id) ?? null
        if (isNew && before) return fail('ZONE_ID_TAKEN', ConsoleErrors.ZONE_ID_TAKEN, { 政策编号: ConsoleErrors.ZONE_ID_TAKEN })
        if (!isNew && !before) return fail('POLICY_NOT_FOUND', ConsoleErrors.POLICY_NOT_FOUND)
        await ctx.store.zone.replacePolicies([...list.filter((p) => p.id !== policy.id), policy].sort(byId))
        await recordChange(ctx, 'console.savePolicy', policy.id, before, policy)
        return ok({ policy })
      },
    }),
    removePolicy: defineAction({
      schema: z.object({ id: z.string().min(1).max(40) }).strict(),
      roles: CONSOLE_ROLES.zone,
      handle: async ({ id }, ctx) => {
        const list = await ctx.store.zone.listPolicies()
        const before = list.find((p) => p.id === id)
        if (!before) return fail('POLICY_NOT_FOUND', ConsoleErrors.POLICY_NOT_FOUND)
        await ctx.store.zone.replacePolicies(list.filter((p) => p.id !== id))
        await recordChange(ctx, 'console.removePolicy', id, before, null)
        return ok({ removed: true as const })
      },
    }),
    /** The rule editor's live preview: draft rules (checked like the import's 匹配规则 cell) against a
     *  test profile, through the calculator's own evaluator and matcher. Changes nothing. */
    testRules: defineAction({
      schema: z.object({ rules: z.array(z.unknown()).max(20, '规则最多 20 条'), profile: MatchProfileSchema }).strict(),
      roles: CONSOLE_ROLES.zone,
      handle: async ({ rules, profile }, ctx) => {
        const parsed = RuleSchema.array().safeParse(rules)
        if (!parsed.success) {
          const issue = parsed.error.issues[0]
          return fail('RULES_INVALID', `${ConsoleErrors.RULES_INVALID}：第${Number(issue.path[0]) + 1}条规则${issue.path.slice(1).join('.') || ''}不正确`)
        }
        const today = dayOf(ctx.now())
        const checked = parsed.data as Rule[]
        const result = matchPolicies([draftPolicy(checked)], profile, today)
        const verdict: 'fit' | 'near' | 'none' = !checked.length ? 'none' : result.fits.length ? 'fit' : result.nearMisses.length ? 'near' : 'none'
        return ok({ verdict, rules: checked.map((rule) => ({ label: rule.label, missing: rule.missing, holds: evaluateRule(rule, profile, today) })) })
      },
    }),
    saveChart: defineAction({
      schema: z.object({ chart: ChartEdit }).strict(),
      roles: CONSOLE_ROLES.zone,
      handle: async ({ chart }, ctx) => {
        const list = await ctx.store.zone.listCharts()
        const at = list.findIndex((c) => c.id === chart.id)
        if (at < 0) return fail('CHART_NOT_FOUND', ConsoleErrors.CHART_NOT_FOUND)
        const before = list[at]
        const after = JSON.parse(JSON.stringify(chart)) as ZoneChart
        await ctx.store.zone.replaceCharts(list.map((c, i) => (i === at ? after : c)))
        await recordChange(ctx, 'console.saveChart', chart.id, before, after)
        return ok({ chart: after })
      },
    }),

    // ----- dashboard and audit -----
    dashboard: defineAction({
      schema: z.object({ fromDay: DAY.optional(), toDay: DAY.optional() }).strict(),
      roles: CONSOLE_ROLES.dashboard,
      handle: async (req, ctx) => {
        const today = dayOf(ctx.now())
        // By default the coming (bookable) days are in view: upcoming bookings are what an operator plans by.
        const toDay = req.toDay ?? addDays(today, (await loadBookingConfig(ctx.store)).daysShown)
        const fromDay = req.fromDay ?? addDays(today, -13)
        if (fromDay > toDay || addDays(fromDay, 92) < toDay) return fail('BAD_REQUEST', '日期范围应在 92 天以内，且开始不晚于结束')
        return ok(await buildDashboard(ctx.store, fromDay, toDay, today))
      },
    }),
    /** Entries with the names the log does not keep (account username → name), so the page shows people. */
    audit: defineAction({
      schema: AuditFilter,
      roles: CONSOLE_ROLES.admin,
      handle: async (req, ctx) => ok({ entries: await ctx.store.ops.listAudit(req), names: await auditNames(ctx) }),
    }),
    /** The same filtered entries as an Excel file, in the words the page shows. */
    auditXlsx: defineAction({
      schema: AuditFilter,
      roles: CONSOLE_ROLES.admin,
      handle: async (req, ctx) => {
        const entries = await ctx.store.ops.listAudit({ ...req, limit: req.limit ?? 500 })
        const file = await auditWorkbook(entries, await auditNames(ctx))
        return ok({ fileName: `操作日志-${req.fromDay ?? '开始'}至${req.toDay ?? dayOf(ctx.now())}.xlsx`, data: file.toString('base64'), count: entries.length })
      },
    }),
    ...waitlistActions,
  },
})
