// The local runtime's stand-in for WeChat's OPENID: an anonymous visitor id signed with the
// server secret (HMAC-SHA256), so a client cannot pose as another visitor.
import crypto from 'node:crypto'
import { isRole, type Role } from '../functions/types'

export interface Identity {
  openid: string
  role: Role
  /** A named staff/operator account's username (its sign-in); absent for visitors. */
  account?: string
}

/** Staff and operator sign-ins last one shift. */
export const ACCOUNT_TOKEN_TTL_MS = 12 * 60 * 60_000

const b64url = (buf: Buffer) => buf.toString('base64url')

function sign(payload: string, secret: string): string {
  return b64url(crypto.createHmac('sha256', secret).update(payload).digest())
}

/** `ttlMs`: the token is refused after that long (`e`, ms since epoch); absent = no expiry yet. */
export function issueToken(identity: Identity, secret: string, ttlMs?: number): string {
  const t = Date.now()
  const claims = { o: identity.openid, r: identity.role, t, ...(identity.account ? { a: identity.account } : {}), ...(ttlMs ? { e: t + ttlMs } : {}) }
  const payload = b64url(Buffer.from(JSON.stringify(claims)))
  return `v1.${payload}.${sign(payload, secret)}`
}

/** When a token stops being accepted (ms since epoch), or null when it does not expire. */
export function tokenExpiry(token: string): number | null {
  try {
    const { e } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { e?: unknown }
    return typeof e === 'number' ? e : null
  } catch {
    return null
  }
}

export function newVisitor(): Identity {
  return { openid: `local_${crypto.randomBytes(12).toString('hex')}`, role: 'visitor' }
}

// Tokens never change once issued, so one that verified is remembered (bounded): a booking rush
// sends the same tokens again and again.
const verified = new Map<string, { identity: Identity; expires: number }>()
const VERIFIED_MAX = 50_000

export function verifyToken(token: string | undefined, secret: string): Identity | null {
  if (!token) return null
  const cacheKey = `${secret}\u0000${token}`
  const known = verified.get(cacheKey)
  if (known) return known.expires > Date.now() ? known.identity : null
  const checked = checkToken(token, secret)
  if (!checked) return null
  if (verified.size >= VERIFIED_MAX) verified.clear()
  verified.set(cacheKey, checked)
  return checked.expires > Date.now() ? checked.identity : null
}

function checkToken(token: string, secret: string): { identity: Identity; expires: number } | null {
  const [version, payload, signature] = token.split('.')
  if (version !== 'v1' || !payload || !signature) return null
  const expected = Buffer.from(sign(payload, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null
  try {
    const { o, r, a, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { o: unknown; r: unknown; a?: unknown; e?: unknown }
    if (typeof o !== 'string' || !isRole(r)) return null
    // An account's token must say when it ends.
    if (a !== undefined && (typeof a !== 'string' || typeof e !== 'number')) return null
    const identity: Identity = typeof a === 'string' ? { openid: o, role: r, account: a } : { openid: o, role: r }
    return { identity, expires: typeof e === 'number' ? e : Number.POSITIVE_INFINITY }
  } catch {
    return null
  }
}
