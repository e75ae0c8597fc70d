// The rate limits themselves, in one place for every runtime: the local server counts them in
// memory (@fastify/rate-limit, limits.ts); the cloud functions behind HTTP access count them in the
// database (accounts/sign-in-throttle.ts), because each call may land on another instance.
// Chosen so a real person never meets them — a phone mints one token, a family adds a few visitors
// and books once, an operator signs in a few times a day — while a script minting thousands of
// identities or guessing passwords is slowed to a crawl. Behind carrier NAT many phones share one
// address, hence the generous per-address minting. No framework imports: the cloud bundle uses this.
import ipaddr from 'ipaddr.js'

export interface Limit {
  max: number
  windowMs: number
}

export interface RateLimits {
  /** Anonymous visitor tokens minted per client address. */
  mintPerAddress: Limit
  /** Sign-in attempts (right or wrong) per client address, and per account name. */
  signInPerAddress: Limit
  signInPerAccount: Limit
  /** Booking writes (addVisitor, removeVisitor, book, cancel) per identity. */
  bookingWritesPerIdentity: Limit
}

/**
 * What a per-address limit counts: an IPv4 address as it is (also when written ::ffff:a.b.c.d), an
 * IPv6 address by its /64 — the block one home or phone is given and may pick any address from,
 * so counting single addresses would give one subscriber 2^64 budgets. Anything else as it is.
 */
export function addressBucket(address: string): string {
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
  mintPerAddress: { max: 120, windowMs: 60_000 },
  signInPerAddress: { max: 30, windowMs: 10 * 60_000 },
  signInPerAccount: { max: 10, windowMs: 10 * 60_000 },
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
