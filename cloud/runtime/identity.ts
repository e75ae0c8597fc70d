// The local runtime's stand-in for WeChat's OPENID: an anonymous visitor id in a signed token, so a
// client cannot pose as another visitor; named staff/operator accounts get the same kind of token.
//   v2.<key id>.<claims>.<HMAC-SHA256 by that signing key>
// claims: o (openid), r (role), t (issued, ms), e (expires, ms), a (account username, accounts only).
// The newest signing key of the ring signs; every key in the ring verifies (keyring.ts). A token
// must carry t and e and must not have expired. Visitor tokens last 30 days and are renewed while
// used (renewalFor); account tokens last one 12-hour shift and are not renewed.
// `v1.<claims>.<sig>` tokens from before key rings (signed with the legacy secret, no expiry) are
// still read as visitor tokens expiring 30 days after issue — and renewed at once as v2.
import crypto from 'node:crypto'
import type { KeyRing } from '../booking/keys'
import { isRole, type Role } from '../functions/types'

export interface Identity {
  openid: string
  role: Role
  /** A named staff/operator account's username (its sign-in); absent for visitors. */
  account?: string
}

export interface TokenInfo {
  identity: Identity
  issuedAt: number
  expiresAt: number
  /** Signed by a key other than the newest, or in the old format: worth replacing. */
  stale: boolean
}

/** Staff and operator sign-ins last one shift. */
export const ACCOUNT_TOKEN_TTL_MS = 12 * 60 * 60_000
/** A visitor keeps their identity (and so sees their bookings) while they come back within this. */
export const VISITOR_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000
/** Clocks of the past: a token issued further in the future than this is refused. */
const SKEW_MS = 5 * 60_000

const b64url = (buf: Buffer) => buf.toString('base64url')
const mac = (secret: string, signed: string) => b64url(crypto.createHmac('sha256', secret).update(`gxq-token/${signed}`).digest())
const legacyMac = (secret: string, payload: string) => b64url(crypto.createHmac('sha256', secret).update(payload).digest())
const same = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b))

export function issueToken(identity: Identity, ring: KeyRing, options: { ttlMs?: number; now?: number } = {}): string {
  const key = ring.signing[0]
  const t = options.now ?? Date.now()
  const ttl = options.ttlMs ?? (identity.account ? ACCOUNT_TOKEN_TTL_MS : VISITOR_TOKEN_TTL_MS)
  const claims = { o: identity.openid, r: identity.role, t, e: t + ttl, ...(identity.account ? { a: identity.account } : {}) }
  const signed = `v2.${key.id}.${b64url(Buffer.from(JSON.stringify(claims)))}`
  return `${signed}.${mac(key.secret, signed)}`
}

/** The token of an `Authorization: Bearer <token>` header; anything else (another scheme, extra
 *  words, stray characters) is no token at all. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+){2,3})$/.exec(header ?? '')
  return match ? match[1] : undefined
}

export function newVisitor(): Identity {
  return { openid: `local_${crypto.randomBytes(12).toString('hex')}`, role: 'visitor' }
}

// A token's signature never changes, so one that checked out is remembered per ring (bounded): a
// booking rush sends the same tokens again and again. Expiry is re-checked on every use.
const checkedByRing = new WeakMap<KeyRing, Map<string, TokenInfo>>()
const CHECKED_MAX = 50_000

export function readToken(token: string | undefined, ring: KeyRing, now = Date.now()): TokenInfo | null {
  if (!token) return null
  let checked = checkedByRing.get(ring)
  if (!checked) checkedByRing.set(ring, (checked = new Map()))
  let info = checked.get(token)
  if (!info) {
    const fresh = checkToken(token, ring)
    if (!fresh) return null
    if (checked.size >= CHECKED_MAX) checked.clear()
    checked.set(token, fresh)
    info = fresh
  }
  return info.expiresAt > now && info.issuedAt <= now + SKEW_MS ? info : null
}

export const verifyToken = (token: string | undefined, ring: KeyRing, now = Date.now()): Identity | null => readToken(token, ring, now)?.identity ?? null

/** A fresh token for a visitor whose token is past half its life (or old-format, or signed by an older key); null otherwise. */
export function renewalFor(info: TokenInfo, ring: KeyRing, now = Date.now()): string | null {
  if (info.identity.role !== 'visitor' || info.identity.account) return null
  if (!info.stale && info.expiresAt - now > VISITOR_TOKEN_TTL_MS / 2) return null
  return issueToken(info.identity, ring, { now })
}

function claimsOf(payload: string): Record<string, unknown> | null {
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function checkToken(token: string, ring: KeyRing): TokenInfo | null {
  const parts = token.split('.')
  if (parts[0] === 'v1' && parts.length === 3) {
    const [, payload, signature] = parts
    if (!ring.signing.some((k) => same(legacyMac(k.secret, payload), signature))) return null
    const c = claimsOf(payload)
    // Before key rings: visitors only (the shared-PIN staff tokens are gone), expiry from issue time.
    if (!c || typeof c.o !== 'string' || c.r !== 'visitor' || typeof c.t !== 'number') return null
    return { identity: { openid: c.o, role: 'visitor' }, issuedAt: c.t, expiresAt: c.t + VISITOR_TOKEN_TTL_MS, stale: true }
  }
  if (parts[0] !== 'v2' || parts.length !== 4) return null
  const [, keyId, payload, signature] = parts
  const key = ring.signing.find((k) => k.id === keyId)
  if (!key || !same(mac(key.secret, `v2.${keyId}.${payload}`), signature)) return null
  const c = claimsOf(payload)
  if (!c || typeof c.o !== 'string' || !isRole(c.r) || typeof c.t !== 'number' || typeof c.e !== 'number') return null
  if (c.a !== undefined && typeof c.a !== 'string') return null
  // Only named accounts hold roles other than visitor.
  if ((c.r === 'visitor') !== (c.a === undefined)) return null
  const identity: Identity = typeof c.a === 'string' ? { openid: c.o, role: c.r, account: c.a } : { openid: c.o, role: c.r }
  return { identity, issuedAt: c.t, expiresAt: c.e, stale: key !== ring.signing[0] }
}
