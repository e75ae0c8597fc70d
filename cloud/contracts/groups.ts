// School and group visits (团体预约): the request a group leader makes, its statuses and their
// labels, the roster's columns, the unified social credit code check, and the refusals people
// read. Shared by the cloud, the app and the console (types and pure rules only).

export type GroupStatus = 'pending' | 'approved' | 'rejected' | 'cancelled'

export const GROUP_STATUS_LABEL: Record<GroupStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  cancelled: '已取消',
}

export const GROUP_STATUS_LABEL_EN: Record<GroupStatus, string> = {
  pending: 'Awaiting approval',
  approved: 'Approved',
  rejected: 'Not approved',
  cancelled: 'Cancelled',
}

/** Who a roster row is: the ratio rule counts teachers against pupils. */
export type RosterKind = 'teacher' | 'student' | 'adult'

export const ROSTER_KIND_LABEL: Record<RosterKind, string> = { teacher: '教师', student: '学生', adult: '成人' }

/** The roster sheet's header row, in the template's order. */
export const ROSTER_COLUMNS = { name: '姓名', id: '身份证号', kind: '类型' } as const
export const ROSTER_HEADERS = [ROSTER_COLUMNS.name, ROSTER_COLUMNS.id, ROSTER_COLUMNS.kind]

/**
 * The rules a group is held to, as booking settings hold them (cloud/booking/config.ts `groups`).
 * Defaults: 10–150 people (中国科技馆 takes groups of up to 150 per order; below 10 a family books
 * as individuals), and at least one teacher per 20 pupils — the supervision most education bureaus
 * ask of 研学 outings (1:15–1:20 for primary pupils); a museum sets its own.
 */
export interface GroupRules {
  minPeople: number
  maxPeople: number
  /** A roster with pupils needs ⌈pupils ÷ this⌉ teachers. */
  pupilsPerTeacher: number
}

export const DEFAULT_GROUP_RULES: GroupRules = { minPeople: 10, maxPeople: 150, pupilsPerTeacher: 20 }

/** The most data rows a roster sheet may have, whatever the settings say (the sheet reader's bound). */
export const MAX_ROSTER_ROWS = 150

/** One person on a roster as the leader and the console see it: never the full ID number. */
export interface RosterPersonView {
  name: string
  idMasked: string
  kind: RosterKind
}

/**
 * Why a roster row was refused, as a code the app renders in the visitor's language (the Chinese
 * sentence travels too, for the console and older apps).
 */
export type RosterProblemCode =
  | 'NAME_MISSING'
  | 'NAME_INVALID'
  | 'ID_MISSING'
  | 'ID_FORMAT'
  | 'ID_DISTRICT'
  | 'ID_BIRTH_DATE'
  | 'ID_CHECK_CHAR'
  | 'ID_DUPLICATE'
  | 'KIND_INVALID'
  | 'ID_TAKEN'

/** One refused roster row: the sheet's row number (the header is row 1), the column, and why. */
export interface RosterRowError {
  row: number
  column: string
  code: RosterProblemCode
  message: string
  /** ID_DUPLICATE: the row where the same ID first appears. */
  firstRow?: number
}

/**
 * A refused roster travels as `fields` (strings only): `rows.<row>.<column>` holds the Chinese
 * sentence, `rowCodes.<row>.<column>` the code — `ID_DUPLICATE:5` carries the first row.
 */
export const rowCodeField = (e: Pick<RosterRowError, 'row' | 'column'>) => `rowCodes.${e.row}.${e.column}`
export const rowCodeValue = (e: Pick<RosterRowError, 'code' | 'firstRow'>) => (e.firstRow ? `${e.code}:${e.firstRow}` : e.code)

const PROBLEM_CODES = new Set<string>(['NAME_MISSING', 'NAME_INVALID', 'ID_MISSING', 'ID_FORMAT', 'ID_DISTRICT', 'ID_BIRTH_DATE', 'ID_CHECK_CHAR', 'ID_DUPLICATE', 'KIND_INVALID', 'ID_TAKEN'] satisfies RosterProblemCode[])

/** Reads a `rowCodes.*` value back; null for anything this version does not know. */
export function readRowCode(value: string | undefined): { code: RosterProblemCode; firstRow?: number } | null {
  const m = /^([A-Z_]+)(?::(\d+))?$/.exec(value ?? '')
  if (!m || !PROBLEM_CODES.has(m[1])) return null
  return m[2] ? { code: m[1] as RosterProblemCode, firstRow: Number(m[2]) } : { code: m[1] as RosterProblemCode }
}

/** How a roster reads, by kind. */
export interface RosterCounts {
  teachers: number
  students: number
  adults: number
}

/** A group request as its leader sees it (`mine`, `get`). */
export interface GroupRequestView {
  id: string
  sessionId: string
  day: string
  sessionName: string
  start: string
  end: string
  organisation: string
  creditCodeMasked: string
  leaderName: string
  leaderPhoneMasked: string
  people: number
  counts: RosterCounts
  status: GroupStatus
  createdAt: string
  decidedAt?: string
  /** Why it was not approved (the operator's words). */
  reason?: string
  /** People counted in at the gate so far. */
  checkedIn: number
  /** The leader's QR code (approved requests only): shown at the gate for the whole group. */
  leaderCode?: string
  /** With `get`: the roster, masked. */
  roster?: RosterPersonView[]
}

/** A group request as the console lists it. */
export interface ConsoleGroupRequest extends Omit<GroupRequestView, 'leaderCode' | 'roster' | 'leaderPhoneMasked' | 'creditCodeMasked'> {
  creditCode: string
  leaderPhone: string
  decidedBy?: string
  headCounts: GroupHeadCount[]
}

/** One head count at the gate: how many came in, when, and who counted. */
export interface GroupHeadCount {
  at: string
  by: string
  count: number
}

/** What the gate sees after scanning a leader's code. */
export interface GroupGateView {
  requestId: string
  organisation: string
  leaderName: string
  sessionId: string
  sessionName: string
  start: string
  end: string
  day: string
  /** Approved head count. */
  expected: number
  checkedIn: number
  headCounts: Array<{ at: string; count: number }>
}

/** A session's group quota as the console and the form show it. */
export interface GroupQuotaView {
  sessionId: string
  day: string
  name: string
  start: string
  end: string
  quota: number
  taken: number
}

export const GroupErrors = {
  CREDIT_CODE_INVALID: '统一社会信用代码不正确：应为18位（数字或大写字母，不含 I、O、Z、S、V），请核对校验位',
  PHONE_INVALID: '请填写11位手机号码',
  ROSTER_REQUIRED: '请上传名单表格',
  ROSTER_HEADERS: '名单表格须有表头：姓名、身份证号、类型（请下载模板填写）',
  ROSTER_ROWS: '名单有 {count} 行有误，请改正后重新上传；全部正确后才会提交',
  GROUP_TOO_SMALL: '团体至少 {min} 人（名单共 {count} 人）；不足 {min} 人请按个人预约',
  GROUP_TOO_LARGE: '团体最多 {max} 人（名单共 {count} 人），请分批预约',
  RATIO: '{students} 名学生至少需要 {needed} 名带队教师（每 {per} 名学生 1 名），名单中有 {teachers} 名',
  GROUP_QUOTA_FULL: '{session}团体名额只剩 {left} 个，不能预约 {count} 人，请选择其他场次',
  NO_GROUP_QUOTA: '{session}不接待团体预约，请选择其他场次',
  ID_TAKEN: '第 {row} 行 {name}（{id}）当天已有预约，同一证件每天只能预约一次',
  GROUP_NOT_FOUND: '没有找到这条团体预约',
  NOT_CANCELLABLE: '该团体预约{status}，无法取消',
  GROUP_CHECKED_IN: '该团体已有 {checkedIn} 人入馆，不能取消',
  NOT_PENDING: '该团体预约{status}，不能再审核，请刷新后再看',
  GROUP_CODE_INVALID: '无效的团体码：二维码无法识别或已被篡改',
  GROUP_NOT_APPROVED: '该团体预约{status}，不能入馆',
  GROUP_WRONG_DAY: '该团体预约为{date}，不是今天',
  HEADCOUNT_OVER: '入馆人数超出：已入馆 {checkedIn} 人，获批 {expected} 人，本次最多 {left} 人',
  GROUP_IN_PROGRESS: '团体预约正在提交，请稍后在“我的团体预约”中查看',
} as const

export type GroupErrorCode = keyof typeof GroupErrors

// ----- 统一社会信用代码 (GB 32100-2015) -----

/** The 31 characters a credit code uses: digits and capitals without I, O, Z, S, V. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The check character (18th) for the first 17 characters: 31 − (Σ value × weight mod 31), 31 → '0'. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i]
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]
}

/** Upper-cased, spaces removed: how codes are compared and stored. */
export const normalizeCreditCode = (raw: string): string => raw.replace(/\s+/g, '').toUpperCase()

/**
 * Whether a unified social credit code is well formed: 18 characters of the charset, an
 * administrative-division code of 6 digits in places 3–8, and the GB 32100 check character.
 */
export function isCreditCode(raw: string): boolean {
  const code = normalizeCreditCode(raw)
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false
  if (!/^\d{6}$/.test(code.slice(2, 8))) return false
  return creditCodeCheckChar(code) === code[17]
}

/** A mainland mobile number. */
export const LEADER_PHONE_PATTERN = /^1[3-9]\d{9}$/

export const maskPhone = (phone: string): string => `${phone.slice(0, 3)}****${phone.slice(-4)}`
export const maskCreditCode = (code: string): string => `${code.slice(0, 8)}******${code.slice(-4)}`

/** The leader's code (`G1.<key id>.<request id>.<signature>`): what the gate scans. */
export const GROUP_CODE_PATTERN = /^G1\.[a-z0-9]{1,8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{16}$/

/** The roster's base64 in a request: a 150-row .xlsx is about 10 KB; this leaves room for styling
 *  yet stays under the visitor body limit (64 KB) of the local runtime. */
export const MAX_ROSTER_BASE64 = 60_000
