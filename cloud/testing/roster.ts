// Group rosters for tests: a real .xlsx written with exceljs (as a leader's spreadsheet program
// would), people with valid resident IDs (GB 11643 check character from residentIdCheckChar).
import ExcelJS from 'exceljs'
import { residentIdCheckChar } from '../contracts/booking'
import type { RequestOf } from '../contracts/api'
import { ROSTER_HEADERS } from '../contracts/groups'

export interface RosterLine {
  name: string
  id: string
  kind: string
}

/** A valid resident ID; `serial` makes it unique, `birth` (YYYYMMDD) sets the age. */
export function groupMemberId(serial: number, birth = '20150601', region = '210211'): string {
  const first17 = `${region}${birth}${String(serial % 1000).padStart(3, '0')}`
  return first17 + residentIdCheckChar(first17)
}

/** The same ID with its check character changed: what a typing slip makes. */
export function withWrongCheckChar(id: string): string {
  const right = id[17]
  return id.slice(0, 17) + (right === '1' ? '2' : '1')
}

const NAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张'
/** A name the name rule accepts, different for each n. */
export const memberName = (n: number) => `${NAMES[n % NAMES.length]}${'一二三四五六七八九十'[Math.floor(n / NAMES.length) % 10]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(n / 230) % 10]}`

/** A school class: `teachers` teachers (adults) then `students` pupils, all with valid IDs. */
export function schoolRoster(students: number, teachers: number, firstSerial = 1): RosterLine[] {
  const lines: RosterLine[] = []
  for (let i = 0; i < teachers; i++) lines.push({ name: memberName(firstSerial + i), id: groupMemberId(firstSerial + i, '19800101'), kind: '教师' })
  for (let i = 0; i < students; i++) lines.push({ name: memberName(firstSerial + teachers + i), id: groupMemberId(firstSerial + teachers + i), kind: '学生' })
  return lines
}

/** The roster as an .xlsx: the template's header row, IDs as text. */
export async function rosterXlsx(lines: RosterLine[], headers: string[] = ROSTER_HEADERS): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('名单')
  sheet.addRow(headers)
  for (const l of lines) sheet.addRow([l.name, l.id, l.kind])
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** A valid unified social credit code (GB 32100-2015 check character). */
export const SCHOOL_CREDIT_CODE = '12100000400000624D'

/** A leader's submit request for a session with this roster, the school's fields filled in as the form would; `over` changes any. */
export async function groupSubmit(sessionId: string, lines: RosterLine[], clientRequestId: string, over: Partial<RequestOf<'groups', 'submit'>> = {}): Promise<RequestOf<'groups', 'submit'>> {
  return {
    sessionId,
    organisation: '大连高新区第一小学',
    creditCode: SCHOOL_CREDIT_CODE,
    leaderName: '王老师',
    leaderPhone: '13900000000',
    rosterBase64: (await rosterXlsx(lines)).toString('base64'),
    rosterName: 'roster.xlsx',
    clientRequestId,
    ...over,
  }
}
