// The local runtime's stand-in for WeChat's OPENID: an anonymous visitor id signed with the
// server secret (HMAC-SHA256), so a client cannot pose as another visitor.
import crypto from 'node:crypto'
import { isRole, type Role } from '../functions/types'

export interface Identity {
  openid: string
  role: Role
}

const b64url = (buf: Buffer) => buf.toString('base64url')

function sign(payload: string, secret: string): string {
  return b64url(crypto.createHmac('sha256', secret).update(payload).digest())
}

export function issueToken(identity: Identity, secret: string): string {
  const payload = b64url(Buffer.from(JSON.stringify({ o: identity.openid, r: identity.role, t: Date.now() })))
  return `v1.${payload}.${sign(payload, secret)}`
}

export function newVisitor(): Identity {
  return { openid: `local_${crypto.randomBytes(12).toString('hex')}`, role: 'visitor' }
}

// Tokens never change once issued, so one that verified is remembered (bounded): a booking rush
// sends the same tokens again and again.
const verified = new Map<string, Identity>()
const VERIFIED_MAX = 50_000

export function verifyToken(token: string | undefined, secret: string): Identity | null {
  if (!token) return null
  const cacheKey = `${secret}\u0000${token}`
  const known = verified.get(cacheKey)
  if (known) return known
  const identity = checkToken(token, secret)
  if (identity) {
    if (verified.size >= VERIFIED_MAX) verified.clear()
    verified.set(cacheKey, identity)
  }
  return identity
}

function checkToken(token: string, secret: string): Identity | null {
  const [version, payload, signature] = token.split('.')
  if (version !== 'v1' || !payload || !signature) return null
  const expected = Buffer.from(sign(payload, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null
  try {
    const { o, r } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { o: unknown; r: unknown }
    if (typeof o !== 'string' || !isRole(r)) return null
    return { openid: o, role: r }
  } catch {
    return null
  }
}
