// The opening checks every way into a session shares — `book`, `joinWaitlist`, `acceptOffer` and
// `reschedule` — written once so a rule added to one reaches all: the session is open, the account
// is not suspended, the visitors are the caller's own and may come together (children with their
// adults), and the caller's network (H5 address bucket) and the address slots it may hold there.
// Each refusal is a value; nothing here writes.
import { availability, type SessionRef } from '../booking/calendar'
import type { BookingConfig } from '../booking/config'
import { childrenRefusal } from '../booking/children'
import { addressPlaceSlotKeys } from '../booking/fairuse'
import { addressKey } from '../booking/keys'
import { beijingText } from '../booking/time'
import type { BookingRecord, NetworkHold } from '../store/port'
import { keysOf, refuse } from './shared'
import type { CallContext } from './types'

type Refusal = ReturnType<typeof refuse>
export type BookingVisitor = BookingRecord['visitors'][number]

/** The session takes bookings now (open day, released, not closed, not over). */
export function sessionOpening(config: BookingConfig, session: SessionRef, now: Date): Refusal | null {
  const open = availability(config, session, now)
  return open.ok ? null : refuse(open.code, open.values)
}

/** The account is not suspended by the no-show rule. */
export async function accountOpening(ctx: CallContext, config: BookingConfig): Promise<Refusal | null> {
  const account = await ctx.store.booking.getAccount(ctx.openid!)
  if (account?.suspendedUntil && Date.parse(account.suspendedUntil) > ctx.now().getTime()) {
    return refuse('SUSPENDED', { days: config.noShow.windowDays, limit: config.noShow.limit, until: beijingText(account.suspendedUntil) })
  }
  return null
}

/** The account may book, the people are its own saved visitors, and they may come together on the
 *  session's day: the visitors as a booking carries them, or the refusal. */
export async function peopleOpening(ctx: CallContext, config: BookingConfig, session: SessionRef, visitorIds: string[]): Promise<{ refusal: Refusal } | { visitors: BookingVisitor[] }> {
  const openid = ctx.openid!
  const suspended = await accountOpening(ctx, config)
  if (suspended) return { refusal: suspended }
  const saved = await ctx.store.booking.getVisitors(openid, visitorIds)
  if (saved.length !== visitorIds.length) return { refusal: refuse('VISITOR_NOT_FOUND') }
  const childRule = childrenRefusal(saved, session.date, config.children)
  if (childRule) return { refusal: refuse(childRule.code, childRule.values) }
  const byId = new Map(saved.map((v) => [v.id, v]))
  return {
    visitors: visitorIds.map((id) => {
      const v = byId.get(id)!
      return { visitorId: v.id, name: v.name, idType: v.idType, idHash: v.idHash, idMasked: v.idMasked }
    }),
  }
}

/** The caller's network when its per-session place cap applies (H5), else undefined. */
export function networkOf(ctx: CallContext): NetworkHold | undefined {
  if (!ctx.origin || ctx.origin.caps.placesPerSession <= 0) return undefined
  return { key: addressKey(keysOf(ctx).idKey, ctx.origin.bucket), cap: ctx.origin.caps.placesPerSession }
}

/** The address slots a network's bookings may hold in one session (empty without a network). */
export const networkSlots = (network: NetworkHold | undefined, session: Pick<SessionRef, 'template'>): string[] =>
  network ? addressPlaceSlotKeys(network.key, session.template.key, network.cap) : []

/** The answer to ADDRESS_PLACES_LIMIT: the cap the caller's network is held to. */
export const networkRefusal = (network: NetworkHold | undefined) => refuse('ADDRESS_PLACES_LIMIT', { limit: network?.cap ?? 0 })
