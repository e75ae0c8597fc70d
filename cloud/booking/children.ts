// Children without an ID in a booking (docs/booking-children.md). Pure rules over saved visitors;
// the handler asks them before the store is touched, so a refusal holds nothing.
import { ageOn } from '../contracts/children'
import type { BookingErrorCode, VisitorView } from '../contracts/booking'
import type { SavedVisitor } from '../store/port'
import type { BookingConfig } from './config'
import { idHash } from './keys'

export type ChildRules = BookingConfig['children']

/** Whether a saved visitor may accompany children without an ID on `day`: has an ID and is of age.
 *  A visitor whose age is unknown (a passport, or a resident ID saved before ages were kept) counts
 *  as an adult: the gate checks the person, the app cannot. */
export const isAccompanyingAdult = (v: Pick<SavedVisitor, 'idType' | 'birthDate'>, day: string, rules: ChildRules): boolean =>
  v.idType !== 'child' && (!v.birthDate || ageOn(v.birthDate, day) >= rules.adultAge)

/**
 * The day claim of a child without an ID stands where an ID hash stands (one booking per day, the
 * account's distinct-ID cap): keyed to the adult's ID hash they were saved under, their name and
 * birth date. The same child saved by both parents' phones under the same adult is one claim, so
 * cannot be booked twice on one day.
 */
export const childClaimHash = (secret: string, guardianIdHash: string, name: string, birthDate: string): string =>
  idHash(secret, 'child', `child|${guardianIdHash}|${name}|${birthDate}`)

/** One child per account, whichever adult they are saved under: the account's visitor id is made
 *  from the child's name and birth date alone. */
export const childIdentity = (secret: string, name: string, birthDate: string): string => idHash(secret, 'child', `child|${name}|${birthDate}`)

/** Why these visitors cannot be booked together on `day`, or null. */
export function childrenRefusal(visitors: SavedVisitor[], day: string, rules: ChildRules): { code: BookingErrorCode; values: Record<string, string | number> } | null {
  const children = visitors.filter((v) => v.idType === 'child')
  if (children.length === 0) return null
  const grown = children.find((c) => c.birthDate && ageOn(c.birthDate, day) >= rules.noIdBelowAge)
  if (grown) return { code: 'CHILD_NEEDS_ID', values: { name: grown.name, age: rules.noIdBelowAge } }
  const adults = visitors.filter((v) => isAccompanyingAdult(v, day, rules)).length
  if (adults === 0) return { code: 'CHILD_NEEDS_ADULT', values: { age: rules.adultAge } }
  if (children.length > adults * rules.perAdult) return { code: 'CHILDREN_PER_ADULT', values: { limit: rules.perAdult, children: children.length, adults } }
  return null
}

/** What the app sees of a saved visitor: never the hash, the age today when it is known. */
export function visitorView(v: SavedVisitor, today: string): VisitorView {
  return {
    id: v.id,
    name: v.name,
    idType: v.idType,
    idMasked: v.idMasked,
    ...(v.birthDate ? { age: ageOn(v.birthDate, today) } : {}),
    ...(v.idType === 'child' ? { child: true as const } : {}),
  }
}
