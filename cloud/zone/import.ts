// Operator imports: spreadsheet rows (header → cell text) → validated records, with every row's
// problems reported in Chinese. Pure: the script reads the file and writes the store.
import type { z } from 'zod'
import type { Company, Policy } from '../contracts/zone'
import { COMPANY_COLUMNS, POLICY_COLUMNS, type Row } from '../contracts/zone-sheet'
import { CompanySchema, PolicySchema, RuleSchema } from './schema'


export interface RowError {
  /** Spreadsheet row number (the header is row 1). */
  row: number
  column?: string
  message: string
}

export type ImportResult<T> = { ok: true; records: T[] } | { ok: false; errors: RowError[] }

export type ImportKind = 'companies' | 'policies'

const SOURCE: Record<string, Company['source']> = { 文章: 'article', 报道: 'article', 文件: 'document', 示意: 'illustrative', article: 'article', document: 'document', illustrative: 'illustrative' }

const list = (cell: string | undefined, sep = /[、,，]/) =>
  (cell ?? '').split(sep).map((s) => s.trim()).filter(Boolean)
const lines = (cell: string | undefined) => list(cell, /[\n；;]/)
const opt = (cell: string | undefined) => (cell && cell.trim() ? cell.trim() : undefined)
/** English items may hold commas, so an English list is one item a line (or “;”-separated). */
const linesEn = (cell: string | undefined) => (lines(cell).length ? lines(cell) : undefined)

const TRANSLATION: Record<string, string> = { 机器翻译: 'machine', 机译: 'machine', machine: 'machine', 人工撰写: 'written', 人工翻译: 'written', 人工: 'written', written: 'written' }
/** The 英文译文 cell; English given without saying who wrote it counts as not reviewed (the page says so). */
function translation(cell: string | undefined, english: unknown[]): string | undefined {
  const said = opt(cell)
  if (said) return TRANSLATION[said] ?? said
  return english.some((v) => (Array.isArray(v) ? v.length > 0 : !!v)) ? 'machine' : undefined
}

export function detectKind(headers: string[]): ImportKind | null {
  if (headers.includes('企业名称')) return 'companies'
  if (headers.includes('政策名称')) return 'policies'
  return null
}

/** Maps a zod path back to the spreadsheet column it came from. */
function columnFor(columns: ReadonlyArray<readonly [string, string, string]>, path: (string | number)[]): string | undefined {
  const key = path.filter((p) => typeof p === 'string').join('.')
  const top = String(path[0] ?? '')
  return (columns.find(([, k]) => k === key) ?? columns.find(([, k]) => k === top || k.startsWith(`${top}.`)))?.[0]
}

function issuesToErrors(row: number, columns: ReadonlyArray<readonly [string, string, string]>, error: z.ZodError): RowError[] {
  return error.issues.map((issue) => {
    const column = columnFor(columns, issue.path as Array<string | number>)
    // zod's own wording for a missing value (v3 "Required", v4 "… received undefined") becomes ours.
    const message = /^Required|received undefined/.test(issue.message) ? '必填项不能为空' : issue.message
    return column ? { row, column, message } : { row, message }
  })
}

function missingColumns(rows: Row[], columns: ReadonlyArray<readonly [string, string, string]>, headers: string[]): RowError[] {
  const required = columns.filter(([, , doc]) => doc.startsWith('必填')).map(([name]) => name)
  return required.filter((c) => !headers.includes(c)).map((c) => ({ row: 1, column: c, message: `缺少列“${c}”` }))
}

function source(cell: string | undefined): Company['source'] | string {
  const s = (cell ?? '').trim()
  return SOURCE[s] ?? s
}

export function parseCompanyRows(headers: string[], rows: Row[], exhibits: Map<string, string>): ImportResult<Company> {
  const errors = missingColumns(rows, COMPANY_COLUMNS, headers)
  if (errors.length) return { ok: false, errors }
  const records: Company[] = []
  const seen = new Map<string, number>()
  rows.forEach((r, i) => {
    const row = i + 2
    const codes = list(r['展品编号'])
    for (const code of codes) if (!exhibits.has(code)) errors.push({ row, column: '展品编号', message: `展品 ${code} 不存在` })
    const contact = { phone: opt(r['联系电话']), address: opt(r['地址']), addressEn: opt(r['英文地址']), website: opt(r['网址']) }
    const english = {
      nameEn: opt(r['英文名称']),
      shortNameEn: opt(r['英文简称']),
      fieldsEn: linesEn(r['英文技术领域']),
      productsEn: linesEn(r['英文主要产品']),
      profileEn: opt(r['英文简介']),
      sourceNoteEn: opt(r['英文来源说明']),
    }
    const candidate = {
      id: (r['企业编号'] ?? '').trim(),
      name: (r['企业名称'] ?? '').trim(),
      shortName: opt(r['简称']),
      ...english,
      translationEn: translation(r['英文译文'], [...Object.values(english), contact.addressEn]),
      industry: (r['行业'] ?? '').trim(),
      fields: list(r['技术领域']),
      products: list(r['主要产品']),
      qualifications: list(r['资质']),
      profile: (r['企业简介'] ?? '').trim(),
      founded: opt(r['成立日期']),
      contact: Object.values(contact).some(Boolean) ? JSON.parse(JSON.stringify(contact)) : undefined,
      exhibits: codes.filter((c) => exhibits.has(c)).map((code) => ({ code, name: exhibits.get(code)! })),
      source: source(r['来源']),
      sourceNote: opt(r['来源说明']),
      illustrative: list(r['示意字段']).length ? list(r['示意字段']) : undefined,
    }
    const parsed = CompanySchema.safeParse(candidate)
    if (!parsed.success) errors.push(...issuesToErrors(row, COMPANY_COLUMNS, parsed.error))
    else records.push(JSON.parse(JSON.stringify(parsed.data)) as Company)
    if (candidate.id && seen.has(candidate.id)) errors.push({ row, column: '企业编号', message: `企业编号 ${candidate.id} 与第${seen.get(candidate.id)}行重复` })
    else if (candidate.id) seen.set(candidate.id, row)
  })
  if (rows.length === 0) errors.push({ row: 2, message: '文件中没有数据行' })
  return errors.length ? { ok: false, errors: errors.sort((a, b) => a.row - b.row) } : { ok: true, records }
}

export function parsePolicyRows(headers: string[], rows: Row[]): ImportResult<Policy> {
  const errors = missingColumns(rows, POLICY_COLUMNS, headers)
  if (errors.length) return { ok: false, errors }
  const records: Policy[] = []
  const seen = new Map<string, number>()
  rows.forEach((r, i) => {
    const row = i + 2
    let rules: unknown
    const rulesCell = opt(r['匹配规则'])
    if (rulesCell) {
      try {
        rules = JSON.parse(rulesCell)
        const parsedRules = RuleSchema.array().safeParse(rules)
        if (!parsedRules.success) {
          const issue = parsedRules.error.issues[0]
          errors.push({ row, column: '匹配规则', message: `第${Number(issue.path[0]) + 1}条规则有误：${/^(Required|Invalid|Expected)/.test(issue.message) ? `${issue.path.slice(1).join('.') || '类型'}不正确` : issue.message}` })
          return
        }
      } catch {
        errors.push({ row, column: '匹配规则', message: '不是有效的 JSON' })
        return
      }
    }
    const amountCell = opt(r['最高金额（万元）'])
    const amount = amountCell === undefined ? undefined : Number(amountCell)
    if (amountCell !== undefined && !Number.isFinite(amount)) {
      errors.push({ row, column: '最高金额（万元）', message: '应为数字' })
      return
    }
    const window = { opens: opt(r['申报开始']), closes: opt(r['申报截止']), note: opt(r['申报说明']), noteEn: opt(r['英文申报说明']) }
    const english = {
      titleEn: opt(r['英文名称']),
      summaryEn: opt(r['英文摘要']),
      conditionsEn: linesEn(r['英文申报条件']),
      materialsEn: linesEn(r['英文申报材料']),
      howToApplyEn: opt(r['英文申报方式']),
      whereEn: opt(r['英文受理地点']),
      issuerEn: opt(r['英文发文单位']),
      sourceNoteEn: opt(r['英文来源说明']),
    }
    const benefitEn = opt(r['英文支持内容'])
    const candidate = {
      ...english,
      translationEn: translation(r['英文译文'], [...Object.values(english), benefitEn, window.noteEn]),
      id: (r['政策编号'] ?? '').trim(),
      title: (r['政策名称'] ?? '').trim(),
      shortTitle: opt(r['简称']),
      level: (r['层级'] ?? '').trim(),
      kinds: list(r['政策类别']),
      audiences: list(r['适用对象']),
      summary: (r['政策摘要'] ?? '').trim(),
      conditions: lines(r['申报条件']),
      benefit: { text: (r['支持内容'] ?? '').trim(), textEn: benefitEn, maxAmount: amount },
      validFrom: opt(r['生效日期']),
      validTo: opt(r['失效日期']),
      window: Object.values(window).some(Boolean) ? window : undefined,
      materials: lines(r['申报材料']),
      howToApply: (r['申报方式'] ?? '').trim(),
      where: (r['受理地点'] ?? '').trim(),
      issuer: (r['发文单位'] ?? '').trim(),
      docNumber: opt(r['文号']),
      sourceNote: (r['来源说明'] ?? '').trim(),
      source: source(r['来源']),
      illustrative: list(r['示意字段']).length ? list(r['示意字段']) : undefined,
      rules,
    }
    const parsed = PolicySchema.safeParse(candidate)
    if (!parsed.success) errors.push(...issuesToErrors(row, POLICY_COLUMNS, parsed.error))
    else {
      const p = parsed.data
      if (p.window?.opens && p.window.closes && p.window.opens > p.window.closes) errors.push({ row, column: '申报截止', message: '申报截止早于申报开始' })
      else if (p.validFrom && p.validTo && p.validFrom > p.validTo) errors.push({ row, column: '失效日期', message: '失效日期早于生效日期' })
      else records.push(JSON.parse(JSON.stringify(p)) as Policy)
    }
    if (candidate.id && seen.has(candidate.id)) errors.push({ row, column: '政策编号', message: `政策编号 ${candidate.id} 与第${seen.get(candidate.id)}行重复` })
    else if (candidate.id) seen.set(candidate.id, row)
  })
  if (rows.length === 0) errors.push({ row: 2, message: '文件中没有数据行' })
  return errors.length ? { ok: false, errors: errors.sort((a, b) => a.row - b.row) } : { ok: true, records }
}

export const formatRowError = (e: RowError): string => `第${e.row}行${e.column ? `「${e.column}」` : ''}：${e.message}`

// The columns, the row writers and the headers are the spreadsheet's contract with the console:
// cloud/contracts/zone-sheet.ts (re-exported here for the import's callers).
export { COMPANY_COLUMNS, COMPANY_HEADERS, POLICY_COLUMNS, POLICY_HEADERS, companyToRow, policyToRow, type Row } from '../contracts/zone-sheet'
