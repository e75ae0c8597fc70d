// Children in a booking: what the app and the cloud both need to know about a visitor's age.
// A 居民身份证 number carries its holder's birth date (digits 7–14, GB 11643), so an age can be shown
// as soon as the number is typed. A preschool child often has no ID card to hand (a 户口簿 number is
// the same number, but many parents do not know it); below a configured age such a child may be
// saved with a name and a birth date instead, and booked only together with an adult who has an ID.
import { normalizeIdNumber } from './booking'

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** The birth date (YYYY-MM-DD) a resident ID number carries, or null when it is not a valid date. */
export function birthDateOfResidentId(raw: string): string | null {
  const id = normalizeIdNumber(raw)
  if (!/^\d{17}[\dX]$/.test(id)) return null
  const date = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  return validDay(date) ? date : null
}

function validDay(date: string): boolean {
  const m = DAY.exec(date)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return y >= 1900 && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/** Whole years from a birth date to a day (both YYYY-MM-DD): the age on that day, as a person counts it. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [y, m, d] = day.split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** Why a child's birth date cannot be used for a child without an ID, in Chinese; null when it can. */
export function childBirthDateProblem(birthDate: string, today: string, noIdBelowAge: number): string | null {
  if (!validDay(birthDate)) return '请选择正确的出生日期'
  if (birthDate > today) return '出生日期不能晚于今天'
  if (ageOn(birthDate, today) >= noIdBelowAge) return `${noIdBelowAge}周岁及以上的儿童请使用证件号码添加`
  return null
}

/** What a saved child without an ID shows where an ID mask would be (ticket, gate list): never a number. */
export const childMask = (birthDate: string): string => `儿童 ${birthDate.slice(0, 7)}`
