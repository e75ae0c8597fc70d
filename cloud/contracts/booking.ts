// Booking: the shapes the client and the cloud exchange, and the pure rules both apply the same
// way (ID number checks, masking). No Node APIs and no dayjs here: the client bundles this file.

/** A session's id is its date and its template's key, "2026-11-27.am": written and read only here. */
export const SESSION_ID_PATTERN = /^\d{4}-\d{2}-\d{2}\.[a-z]{1,8}$/

export const sessionIdOf = (date: string, key: string): string => `${date}.${key}`

/** The date and template key a session id names, or null when it is not a session id. */
export function parseSessionId(id: string): { date: string; key: string } | null {
  if (!SESSION_ID_PATTERN.test(id)) return null
  const dot = id.indexOf('.')
  return { date: id.slice(0, dot), key: id.slice(dot + 1) }
}

/** `child`: a preschool child saved without an ID (name and birth date; cloud/contracts/children.ts).
 *  Not in ID_TYPES: it is never typed into the ID picker, only added through the child option. */
export type IdType = 'resident' | 'passport' | 'hkmo' | 'tw' | 'child'

export const ID_TYPES: Array<{ value: IdType; label: string; hint: string }> = [
  { value: 'resident', label: '居民身份证', hint: '18位，末位可为X（含港澳台居民居住证）' },
  { value: 'passport', label: '护照', hint: '护照号码，字母与数字' },
  { value: 'hkmo', label: '港澳居民来往内地通行证', hint: 'H或M开头，后接8位或10位数字' },
  { value: 'tw', label: '台湾居民来往大陆通行证', hint: '8位或10位数字' },
]

export const idTypeLabel = (type: IdType): string => (type === 'child' ? '儿童（无证件）' : ID_TYPES.find((t) => t.value === type)?.label ?? '证件')

export const MAX_VISITORS_PER_BOOKING = 5
export const MAX_SAVED_VISITORS = 20

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const GB11643_CHECK = '10X98765432'

/** The GB 11643-1999 check character (ISO 7064 MOD 11-2) for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * GB11643_WEIGHTS[i]
  return GB11643_CHECK[sum % 11]
}

/** Upper-cases and strips spaces, so '2102 0319…x' and '21020319…X' are the same ID. */
export const normalizeIdNumber = (raw: string): string => raw.replace(/\s+/g, '').toUpperCase()

function validBirthDate(yyyymmdd: string, today: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4))
  const m = Number(yyyymmdd.slice(4, 6))
  const d = Number(yyyymmdd.slice(6, 8))
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false
  return date.getTime() <= today.getTime()
}

/**
 * Checks an ID number for its type; returns the Chinese reason it is wrong, or null when it is fine.
 * The same function runs in the form (as the visitor types) and in the cloud (before storing).
 */
export function idNumberProblem(type: IdType, raw: string, today: Date = new Date()): string | null {
  const id = normalizeIdNumber(raw)
  if (!id) return '请输入证件号码'
  switch (type) {
    case 'resident':
      if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为18位，前17位为数字，末位为数字或X'
      if (!/^[1-8]\d{5}$/.test(id.slice(0, 6))) return '身份证号前6位地区码不正确'
      if (!validBirthDate(id.slice(6, 14), today)) return '身份证号中的出生日期不正确'
      if (residentIdCheckChar(id) !== id[17]) return '身份证号校验位不正确，请核对后重新输入'
      return null
    case 'passport':
      return /^[A-Z0-9]{5,17}$/.test(id) && /\d/.test(id) ? null : '护照号码应为5–17位字母或数字'
    case 'hkmo':
      return /^[HM]\d{8}(\d{2})?$/.test(id) ? null : '港澳通行证号码应为H或M开头，后接8位或10位数字'
    case 'tw':
      return /^\d{8}(\d{2})?$/.test(id) ? null : '台湾居民来往大陆通行证号码应为8位或10位数字'
    default:
      return '请选择证件类型'
  }
}

/**
 * What is shown and stored instead of an ID number. A resident ID keeps its first 4 and last 4
 * characters (`2102**********123X`): the form 12306 and most museum booking pages show, so visitors
 * know it, and enough for a family to tell its members apart (the last four come from the sequence
 * number and the check digit, which differ between relatives born in the same city) while the birth
 * date and district — what would narrow the number down — stay hidden (PIPL art. 51, GB/T 35273
 * 去标识化: no more than the task needs). Passports and permits are shorter and carry no birth date;
 * they keep their first character (the issuing letter) and last 3 (`E*****678`), and numbers too
 * short for that keep first and last only. The privacy page quotes `ID_MASK_EXAMPLES`, so the
 * promise and the function cannot drift apart.
 */
export function maskIdNumber(raw: string): string {
  const id = normalizeIdNumber(raw)
  const [head, tail] = id.length >= 15 ? [4, 4] : id.length >= 8 ? [1, 3] : id.length > 2 ? [1, 1] : [0, 0]
  return id.slice(0, head) + '*'.repeat(id.length - head - tail) + id.slice(id.length - tail)
}

/** Masks of valid sample numbers, as the privacy page quotes them. */
export const ID_MASK_EXAMPLES = {
  resident: maskIdNumber('21020319850126123X'),
  passport: maskIdNumber('E12345678'),
}

export const NAME_PATTERN = /^[\u3400-\u9fffA-Za-z·•.\-\s]{2,40}$/

export function nameProblem(raw: string): string | null {
  const name = raw.trim()
  if (!name) return '请输入姓名'
  return NAME_PATTERN.test(name) ? null : '姓名应为2–40个汉字或字母（可含·）'
}

// ----- what the calendar shows -----

export type SessionStatus = 'open' | 'full' | 'over' | 'closed' | 'notReleased'

export interface CalendarSession {
  /** `YYYY-MM-DD.key`, e.g. `2026-11-27.am`. */
  id: string
  key: string
  name: string
  start: string
  end: string
  capacity: number
  left: number
  status: SessionStatus
  /** Set when this session alone was closed by the museum (the day's own closure is on the day). */
  closedReason?: string
}

export interface CalendarDay {
  date: string
  /** 周一 … 周日 */
  weekday: string
  status: 'open' | 'closed' | 'notReleased' | 'over'
  closedReason?: string
  /** The closure was written for the app, not announced by the museum: shown with the 示意 mark. */
  closedIllustrative?: true
  holiday?: string
  /** When bookings for the day open (ISO), with a display text in Beijing time. */
  releaseAt: string
  releaseText: string
  sessions: CalendarSession[]
}

export interface VisitorView {
  id: string
  name: string
  idType: IdType
  idMasked: string
  /** Whole years today (Beijing), when known: from a resident ID's birth date or a child's. */
  age?: number
  /** A preschool child saved without an ID: booked only with an adult who has one. */
  child?: true
}

/** `released`: not checked in N minutes after the session started, its places given to the line or
 *  to walk-ins; still admitted at the gate while places allow (docs/booking-waitlist.md). */
export type BookingStatus = 'confirmed' | 'checked_in' | 'cancelled' | 'no_show' | 'released'

export const BOOKING_STATUS_LABEL: Record<BookingStatus, string> = {
  confirmed: '待参观',
  checked_in: '已入馆',
  cancelled: '已取消',
  no_show: '未到场',
  released: '已释放',
}

export interface BookingView {
  id: string
  sessionId: string
  date: string
  weekday: string
  sessionName: string
  start: string
  end: string
  status: BookingStatus
  visitors: Array<{ name: string; idType: IdType; idMasked: string }>
  createdAt: string
  /** Signed e-ticket code; only while the booking can still be used at the gate. */
  ticketCode?: string
  /** The same ticket as 8 characters a person can read aloud and type (SHORT_CODE_ALPHABET). */
  shortCode?: string
  /** Last moment the booking can be cancelled (ISO) and its display text. */
  cancelDeadline: string
  cancelDeadlineText: string
  cancellable: boolean
  checkedInAt?: string
  cancelledAt?: string
  /** Why the museum cancelled it (a closed day), in the operator's words. Absent when the visitor cancelled. */
  cancelReason?: string
}

export interface StaffSessionCount {
  sessionId: string
  name: string
  start: string
  end: string
  capacity: number
  /** Places held by bookings that are still valid (待参观 + 已入馆). */
  booked: number
  checkedIn: number
  /** Approved groups of the session (团体预约): heads expected and counted in so far, apart from the
   *  individuals' counts. Absent when the session has none. */
  groups?: { expected: number; checkedIn: number }
  /** Walk-in release to the door (「现场放行」): places free for people at the door now, once this
   *  session's bookings not checked in were released; absent otherwise. */
  walkIn?: number
}

export interface CheckInResult {
  bookingId: string
  date: string
  sessionName: string
  start: string
  end: string
  visitors: Array<{ name: string; idType: IdType; idMasked: string }>
  checkedInAt: string
}

/** One visitor expected in a session, as the gate's list shows them (ID masked). */
export interface ExpectedVisitor {
  name: string
  idType: IdType
  idMasked: string
  status: 'confirmed' | 'checked_in'
  checkedInAt?: string
}

// Refusals a visitor or a staff member reads. Messages with {placeholders} are filled by the cloud.
export const BookingErrors = {
  SESSION_FULL: '该场次已约满，请选择其他场次',
  ID_ALREADY_BOOKED: '{name}（{id}）当天已有预约，同一证件每天只能预约一次',
  TOO_MANY_VISITORS: `每次预约最多${MAX_VISITORS_PER_BOOKING}位参观人`,
  NO_VISITORS: '请至少选择1位参观人',
  DUPLICATE_VISITOR: '同一位参观人不能重复添加',
  DAY_CLOSED: '{date}闭馆：{reason}，请选择其他日期',
  SESSION_CLOSED: '该场次已停止预约：{reason}，请选择其他场次',
  NOT_RELEASED: '{date}的场次将于{release}开放预约，请届时再来',
  SESSION_OVER: '该场次已结束，请选择其他场次',
  SESSION_NOT_FOUND: '没有这个场次，请返回日历重新选择',
  SUSPENDED: '因{days}天内{limit}次预约未到场，您的预约功能暂停至{until}',
  VISITOR_NOT_FOUND: '所选参观人不存在，请刷新后重试',
  VISITOR_EXISTS: '该证件已在常用参观人中',
  VISITOR_LIMIT: `常用参观人最多保存${MAX_SAVED_VISITORS}位，请先删除不再需要的参观人`,
  IN_PROGRESS: '预约正在处理中，请稍后在“我的预约”中查看结果',
  BOOKING_UNFINISHED: '预约未完成（处理中断），名额已释放，请重新提交',
  BOOKING_NOT_FOUND: '没有找到这条预约',
  NOT_CANCELLABLE: '该预约{status}，无法取消',
  CANCEL_DEADLINE_PASSED: '已过取消截止时间（{deadline}），无法取消',
  TICKET_INVALID: '无效的电子票：二维码无法识别或已被篡改',
  SHORT_CODE_NOT_FOUND: '没有与此短码对应的预约：请核对短码是否输入正确',
  TICKET_USED: '该电子票已于{time}由{by}核验入馆，不能重复使用',
  TICKET_CANCELLED: '该预约已取消，电子票无效',
  TICKET_NO_SHOW: '该预约已过期（未到场），电子票无效',
  TICKET_WRONG_DAY: '该票为{date}的预约，不是今天',
  TICKET_TOO_EARLY: '该票为{session}，{opens}起方可入馆',
  TICKET_SESSION_OVER: '该票为{session}，场次已结束',
  TICKET_RELEASED: '该预约开场后未按时入场，名额已于{time}释放，当前场次已满，无法入馆',
  ACCOUNT_DAY_LIMIT: '同一账号每天只能有 {limit} 个有效预约（{date}已有预约）。如需更换参观人，请先取消原预约再重新预约',
  ACCOUNT_PLACES_LIMIT: '同一账号每天最多为 {limit} 人预约，{date}已达上限',
  ADDRESS_PLACES_LIMIT: '当前网络已为本场次预约 {limit} 人，已达上限，请选择其他场次或换用其他网络（如移动数据）后再试',
  ADDRESS_ID_LIMIT: '当前网络今天已添加 {limit} 位参观人，已达上限，请明天再试或换用其他网络（如移动数据）',
  ACCOUNT_ID_LIMIT: '同一账号 {days} 天内最多为 {limit} 位不同的参观人预约，请其他参观人用自己的微信预约',
  VISITOR_IN_USE: '该参观人在有效预约中（{date}），不能删除；参观结束或取消预约后可删除',
  // 改签
  RESCHEDULE_SAME_SESSION: '预约已在该场次，请选择其他场次',
  NOT_RESCHEDULABLE: '该预约{status}，无法改签',
  RESCHEDULE_DEADLINE_PASSED: '已过改签截止时间（{deadline}），无法改签',
  // 候补
  WAITLIST_NOT_NEEDED: '该场次还有{left}个名额，可直接预约',
  WAITLIST_DUPLICATE: '您已在该场次的候补队列中',
  WAITLIST_LIMIT: '同一账号最多同时候补{limit}个场次，请先退出不再需要的候补',
  WAITLIST_CUTOFF: '场次开始前{minutes}分钟起不再候补，请选择其他场次',
  WAITLIST_NOT_FOUND: '没有找到这条候补',
  WAITLIST_NOT_OFFERED: '该候补{status}，无法确认预约',
  OFFER_EXPIRED: '候补名额已于{time}过期，已顺延给后面的候补者',
  WAITLIST_NOT_LEAVABLE: '该候补{status}，无需退出',
  GUARDIAN_NOT_ADULT: '陪同的成人须年满{age}周岁并使用证件号码添加',
  CHILD_NEEDS_ADULT: '未携带证件的儿童须由至少1位年满{age}周岁、持证件的成人陪同预约',
  CHILDREN_PER_ADULT: '每位成人最多携带{limit}名未持证件的儿童（本次{children}名儿童、{adults}位成人）',
  CHILD_NEEDS_ID: '{name}到参观日已满{age}周岁，请使用证件号码重新添加',
} as const

export type BookingErrorCode = keyof typeof BookingErrors

export const fillMessage = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''))

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** Weekday of a calendar date string; independent of the device's time zone. */
export function weekdayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]
}

/** `11月27日` from `2026-11-27`. */
export function shortDate(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

/** Ticket codes as printed under the QR code: `T2.<key id>.<booking>.<signature>`, or the older
 *  `T1.<booking>.<signature>` (no personal data in either). */
export const TICKET_CODE_PATTERN = /^(T1|T2\.[a-z0-9]{1,8})\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{16}$/

/** Short ticket codes use letters and digits that cannot be mistaken for one another: no 0/O, 1/I/L. */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const SHORT_CODE_LENGTH = 8
export const SHORT_CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/

/** What staff typed, as a short code: any case, spaces and dashes ignored; null when it cannot be one. */
export function normalizeShortCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '').toUpperCase()
  return SHORT_CODE_PATTERN.test(code) ? code : null
}

/** ABCD EFGH: two groups of four, easier to read aloud. */
export const formatShortCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`
