// The rate limits themselves, in one place for every runtime: the local server counts them in
// memory (@fastify/rate-limit, runtime/limits.ts); the cloud functions behind HTTP access count them in the
// database (accounts/sign-in-throttle.ts), because each call may land on another instance.
// Chosen so a real person never meets them — a phone mints one token, a family adds a few visitors
// and books once, an operator signs in a few times a day — while a script minting thousands of
// identities or guessing passwords is slowed to a crawl. Behind carrier NAT many phones share one
// address, hence the generous per-address numbers. Also the caps on what one address bucket may
// take where identities are free (AddressCaps, enforced by the booking handler and store).
// No framework imports: the cloud bundle uses this. Below the runtimes (not in runtime/), because the
// account rules (sign-in locks) and the handlers (address caps) read it too.
import ipaddr from 'ipaddr.js'

export interface Limit {
  max: number
  windowMs: number
}

/**
 * What minting visitor identities from one address bucket costs: the first `free` within
 * `windowMs` are answered at once (a first-time visitor never waits, nor do the phones behind one
 * carrier NAT on an ordinary hour); each one beyond must come `firstWaitMs` after the previous
 * mint, doubling with every further one, up to `maxWaitMs`. One script on one address gets a few
 * dozen identities an hour instead of thousands.
 */
export interface MintCost {
  free: number
  windowMs: number
  firstWaitMs: number
  maxWaitMs: number
}

/**
 * A name tried from one address bucket: `maxAttempts` tries (counted before the password is looked
 * at; a success forgets them) per period, then that name is locked for that address until the
 * period ends. The period starts at `firstLockMs` and doubles with each lock in a day, up to
 * `maxLockMs`. The same for every name, existing or not, so a lock says nothing about a name; and
 * a lock holds one address only, so a spray elsewhere never locks the owner out.
 */
export interface SignInLock {
  maxAttempts: number
  firstLockMs: number
  maxLockMs: number
}

export interface RateLimits {
  /** Anonymous visitor tokens minted per client address bucket: a rising cost (MintCost). */
  mintPerAddress: MintCost
  /** Sign-in attempts (right or wrong) per client address bucket, whatever the names. */
  signInPerAddress: Limit
  /** Sign-in attempts per (account name, address bucket): a lock there, never on the account. */
  signInLock: SignInLock
  /** Booking writes (addVisitor, removeVisitor, book, cancel) per identity. */
  bookingWritesPerIdentity: Limit
}

/** Four decimal octets 0–255 without leading zeros: ipaddr.js would answer the same text. */
const PLAIN_IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/

/**
 * What a per-address limit counts: an IPv4 address as it is (also when written ::ffff:a.b.c.d), an
 * IPv6 address by its /64 — the block one home or phone is given and may pick any address from,
 * so counting single addresses would give one subscriber 2^64 budgets. Anything else as it is.
 */
export function addressBucket(address: string): string {
  // Every call of a booking rush asks this: the form a socket reports an IPv4 client in (four plain
  // decimal octets) is its own bucket, answered without parsing. Any other form is parsed.
  if (PLAIN_IPV4.test(address)) return address
  if (!ipaddr.isValid(address)) return address
  const ip = ipaddr.parse(address)
  if (ip.kind() === 'ipv4') return ip.toString()
  const v6 = ip as ipaddr.IPv6
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString()
  return `${v6.parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  mintPerAddress: { free: 30, windowMs: 60 * 60_000, firstWaitMs: 1000, maxWaitMs: 5 * 60_000 },
  signInPerAddress: { max: 30, windowMs: 10 * 60_000 },
  signInLock: { maxAttempts: 5, firstLockMs: 5 * 60_000, maxLockMs: 24 * 60 * 60_000 },
  bookingWritesPerIdentity: { max: 30, windowMs: 60_000 },
}

/** Refusal texts (RATE_LIMITED); `{wait}` becomes waitText(seconds). */
export const RATE_LIMIT_MESSAGES = {
  mint: '访问过于频繁，请 {wait}后再试',
  signIn: '登录尝试过于频繁，请 {wait}后再试',
  booking: '操作过于频繁，请 {wait}后再试',
}

export const waitText = (seconds: number) => (seconds >= 120 ? `${Math.ceil(seconds / 60)} 分钟` : `${Math.max(1, seconds)} 秒`)

export const rateLimitMessage = (kind: keyof typeof RATE_LIMIT_MESSAGES, seconds: number) => RATE_LIMIT_MESSAGES[kind].replace('{wait}', waitText(seconds))

/** One address bucket's minting so far: when its window opened, how many it minted, when last. */
export interface MintState {
  windowStart: number
  count: number
  lastAt: number
}

/**
 * Whether one more identity may be minted now (and the state after it), or how many ms to wait.
 * Pure: the local server keeps the states in memory (limits.ts).
 */
export function mintDecision(state: MintState | undefined, now: number, cost: MintCost): { ok: true; next: MintState } | { ok: false; waitMs: number } {
  const open = state && now - state.windowStart < cost.windowMs ? state : { windowStart: now, count: 0, lastAt: 0 }
  if (open.count >= cost.free) {
    const beyond = open.count - cost.free
    const wait = Math.min(cost.maxWaitMs, cost.firstWaitMs * 2 ** Math.min(beyond, 30))
    const since = now - open.lastAt
    if (since < wait) return { ok: false, waitMs: wait - since }
  }
  return { ok: true, next: { windowStart: open.windowStart, count: open.count + 1, lastAt: now } }
}

/**
 * Caps per address bucket where identities are free (H5 visitor tokens): what one network may take
 * however many identities it mints. Chosen for a real crowd: a carrier NAT puts many phones behind
 * one IPv4 address, but the few hundred people booking one session rarely share one; an IPv6
 * subscriber's /64 is one home or phone. 0 switches a cap off.
 */
export interface AddressCaps {
  /** Places the bookings made from one address bucket hold in one session. */
  placesPerSession: number
  /** Visitors (ID numbers) newly saved from one address bucket in one Beijing day. */
  newIdsPerDay: number
}

export const DEFAULT_ADDRESS_CAPS: AddressCaps = { placesPerSession: 30, newIdsPerDay: 50 }

/** The mini-program's: each identity is a WeChat account (an OPENID costs a phone number and passes
 *  WeChat's own checks), so one network is allowed twice as much; applied where getWXContext names
 *  the client's address (CLIENTIP / CLIENTIPV6). */
export const WECHAT_ADDRESS_CAPS: AddressCaps = { placesPerSession: 60, newIdsPerDay: 100 }

/** A whole number ≥ 0 from the environment, else the default (a typo never switches a cap off). */
export const countFrom = (value: string | undefined, fallback: number): number => (value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : fallback)

/** The caps with the environment's overrides (PLACES_PER_ADDRESS_PER_SESSION, NEW_IDS_PER_ADDRESS_PER_DAY; 0 = off). */
export function addressCapsFrom(env: Record<string, string | undefined>, defaults: AddressCaps): AddressCaps {
  return {
    placesPerSession: countFrom(env.PLACES_PER_ADDRESS_PER_SESSION, defaults.placesPerSession),
    newIdsPerDay: countFrom(env.NEW_IDS_PER_ADDRESS_PER_DAY, defaults.newIdsPerDay),
  }
}
