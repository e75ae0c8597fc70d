// The local runtime's stand-in for WeChat's OPENID: an anonymous visitor id signed with the
// server secret (HMAC-SHA256), so a client cannot pose as another visitor.
import crypto from 'node:crypto'
import type { Role } from '../functions/types'

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

export function verifyToken(token: string | undefined, secret: string): Identity | null {
  if (!token) return null
  const [version, payload, signature] = token.split('.')
  if (version !== 'v1' || !payload || !signature) return null
  const expected = Buffer.from(sign(payload, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null
  try {
    const { o, r } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { o: unknown; r: unknown }
    if (typeof o !== 'string' || (r !== 'visitor' && r !== 'staff' && r !== 'admin')) return null
    return { openid: o, role: r }
  } catch {
    return null
  }
}
