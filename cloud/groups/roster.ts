// A group's roster: one spreadsheet (姓名, 身份证号, 类型 教师/学生/成人) read with the zone import's
// bounded reader (zone/spreadsheet.ts: declared sizes checked before inflating, parsed in a worker
// under heap and time limits), then checked row by row. Every row is checked and every problem
// named with its sheet row, so a leader fixes the sheet once; nothing is booked until all pass.
import { idNumberProblem, nameProblem, normalizeIdNumber, residentIdCheckChar } from '../contracts/booking'
import {
  GroupErrors,
  MAX_ROSTER_ROWS,
  ROSTER_COLUMNS,
  ROSTER_HEADERS,
  ROSTER_KIND_LABEL,
  type GroupRules,
  type RosterCounts,
  type RosterKind,
  type RosterProblemCode,
  type RosterRowError,
} from '../contracts/groups'
import { fail, ok, type Result } from '../contracts/result'
import { fillMessage } from '../contracts/booking'
import { readSheet } from '../zone/spreadsheet'
import type { SheetLimits } from '../zone/sheet-limits'

export interface RosterPerson {
  /** The sheet's row number (the header is row 1). */
  row: number
  name: string
  /** Normalised (upper case, no spaces); hashed before it is stored, never kept. */
  idNumber: string
  kind: RosterKind
}

export type RosterReading = { people: RosterPerson[]; counts: RosterCounts } | { rowErrors: RosterRowError[] }

/**
 * A roster is at most 150 rows of three short cells: a few tens of KB inflated. The limits are the
 * zone import's kind, scaled down, so a crafted file is refused as early and costs as little.
 */
export const ROSTER_SHEET_LIMITS: SheetLimits = { maxRows: MAX_ROSTER_ROWS, maxBytes: 4 * 1024 * 1024, heapMb: 128, timeLimitMs: 10_000 }

const KIND_BY_LABEL = new Map<string, RosterKind>(Object.entries(ROSTER_KIND_LABEL).map(([k, label]) => [label, k as RosterKind]))

/** The ID rule's problem, in the roster's words (a wrong check character is the common typing
 *  slip), with its code: the checks of `idNumberProblem`, in its order. */
function idProblem(id: string, today: Date): { code: RosterProblemCode; message: string } | null {
  if (!id) return { code: 'ID_MISSING', message: '缺少身份证号' }
  const problem = idNumberProblem('resident', id, today)
  if (!problem) return null
  if (!/^\d{17}[\dX]$/.test(id)) return { code: 'ID_FORMAT', message: problem }
  if (!/^[1-8]\d{5}$/.test(id.slice(0, 6))) return { code: 'ID_DISTRICT', message: problem }
  if (residentIdCheckChar(id) !== id[17] && problem.startsWith('身份证号校验位')) return { code: 'ID_CHECK_CHAR', message: '身份证号校验位不符' }
  return { code: 'ID_BIRTH_DATE', message: problem }
}

// The sheet reader parses one file at a time per process (a worker each, hundreds of MB for a big
// import) and answers SHEET_BUSY to a second caller. Rosters are small and come in bursts (a
// school's classes submitted together), so they wait their turn in a short line instead; past
// MAX_WAITING the answer is the busy refusal, so a flood cannot queue without bound.
const MAX_WAITING = 20
let line: Promise<unknown> = Promise.resolve()
let waiting = 0

/** Reads and checks a roster file: the people (all rows passed) or every row's problems. */
export async function readRoster(upload: { name: string; data: Buffer }, today: Date, limits: SheetLimits = ROSTER_SHEET_LIMITS): Promise<Result<RosterReading>> {
  if (waiting >= MAX_WAITING) return fail('SHEET_BUSY', '提交的名单较多，请稍后再试')
  waiting++
  const turn = line.then(() => readRosterNow(upload, today, limits))
  line = turn.catch(() => undefined)
  try {
    return await turn
  } finally {
    waiting--
  }
}

async function readRosterNow(upload: { name: string; data: Buffer }, today: Date, limits: SheetLimits): Promise<Result<RosterReading>> {
  const sheet = await readSheet(upload, limits)
  if (!sheet.ok) {
    if (sheet.error.code === 'SHEET_TOO_LARGE') return fail('SHEET_TOO_LARGE', `名单过大：一份名单最多 ${limits.maxRows} 人（${limits.maxRows} 行），请分批预约`)
    return sheet
  }
  if (!ROSTER_HEADERS.every((h) => sheet.data.headers.includes(h))) return fail('ROSTER_HEADERS', GroupErrors.ROSTER_HEADERS)
  const rowErrors: RosterRowError[] = []
  const people: RosterPerson[] = []
  const firstRowOf = new Map<string, number>()
  sheet.data.rows.forEach((cells, i) => {
    const row = i + 2
    const name = (cells[ROSTER_COLUMNS.name] ?? '').trim()
    const idNumber = normalizeIdNumber(cells[ROSTER_COLUMNS.id] ?? '')
    const kindText = (cells[ROSTER_COLUMNS.kind] ?? '').trim()
    // A wholly empty row in the middle is a leftover, not a person.
    if (!name && !idNumber && !kindText) return
    const before = rowErrors.length
    const nameIssue = name ? nameProblem(name) : '缺少姓名'
    if (nameIssue) rowErrors.push({ row, column: ROSTER_COLUMNS.name, code: name ? 'NAME_INVALID' : 'NAME_MISSING', message: nameIssue })
    const idIssue = idProblem(idNumber, today)
    const firstRow = firstRowOf.get(idNumber)
    if (idIssue) rowErrors.push({ row, column: ROSTER_COLUMNS.id, ...idIssue })
    else if (firstRow) rowErrors.push({ row, column: ROSTER_COLUMNS.id, code: 'ID_DUPLICATE', firstRow, message: `与第 ${firstRow} 行身份证号重复` })
    else firstRowOf.set(idNumber, row)
    const kind = KIND_BY_LABEL.get(kindText)
    if (!kind) rowErrors.push({ row, column: ROSTER_COLUMNS.kind, code: 'KIND_INVALID', message: '类型应为 教师、学生 或 成人' })
    if (rowErrors.length === before && kind) people.push({ row, name, idNumber, kind })
  })
  if (rowErrors.length > 0) return ok({ rowErrors })
  const counts: RosterCounts = {
    teachers: people.filter((p) => p.kind === 'teacher').length,
    students: people.filter((p) => p.kind === 'student').length,
    adults: people.filter((p) => p.kind === 'adult').length,
  }
  return ok({ people, counts })
}

/** The group as a whole: its size and, with pupils, enough teachers. Null when it passes. */
export function checkRosterRules(counts: RosterCounts, rules: GroupRules): { code: 'GROUP_TOO_SMALL' | 'GROUP_TOO_LARGE' | 'RATIO'; message: string } | null {
  const count = counts.teachers + counts.students + counts.adults
  if (count < rules.minPeople) return { code: 'GROUP_TOO_SMALL', message: fillMessage(GroupErrors.GROUP_TOO_SMALL, { min: rules.minPeople, count }) }
  if (count > rules.maxPeople) return { code: 'GROUP_TOO_LARGE', message: fillMessage(GroupErrors.GROUP_TOO_LARGE, { max: rules.maxPeople, count }) }
  const needed = Math.ceil(counts.students / rules.pupilsPerTeacher)
  if (counts.teachers < needed) {
    return { code: 'RATIO', message: fillMessage(GroupErrors.RATIO, { students: counts.students, needed, per: rules.pupilsPerTeacher, teachers: counts.teachers }) }
  }
  return null
}

/** The roster template: the header row only (a note on each header says what goes there), the ID
 *  column formatted as text so an 18-digit number is not turned into 2.10211E+17. */
export async function rosterTemplate(): Promise<Buffer> {
  // Loaded on use, like the console's workbooks: only this action needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs')
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('名单')
  sheet.columns = [
    { header: ROSTER_COLUMNS.name, width: 14 },
    { header: ROSTER_COLUMNS.id, width: 24, style: { numFmt: '@' } },
    { header: ROSTER_COLUMNS.kind, width: 10 },
  ]
  sheet.getCell('A1').note = '每行一人，填写身份证上的姓名'
  sheet.getCell('B1').note = '18位居民身份证号（本列为文本格式）；同一证件每天只能预约一次'
  sheet.getCell('C1').note = '填写：教师、学生 或 成人。每 20 名学生至少 1 名教师（以预约设置为准）'
  return Buffer.from(await book.xlsx.writeBuffer())
}
