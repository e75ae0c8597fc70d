// The group leader's code: one QR for the whole group, `G1.<key id>.<request id>.<signature>`,
// signed with the server's signing keys (the e-ticket's ring, its own sub-key), so a code cannot
// be made up or altered and a key rotation keeps issued codes valid until the old key is retired.
// Nothing personal in it: the gate looks the request up.
import crypto from 'node:crypto'
import { GROUP_CODE_PATTERN } from '../contracts/groups'
import type { KeyRing } from '../booking/keys'

const signature = (secret: string, signed: string) => {
  const key = crypto.createHmac('sha256', secret).update('gxq-groups/leader-code').digest()
  return crypto.createHmac('sha256', key).update(signed).digest('base64url').slice(0, 16)
}

export function leaderCode(ring: KeyRing, requestId: string): string {
  const key = ring.signing[0]
  const signed = `G1.${key.id}.${requestId}`
  return `${signed}.${signature(key.secret, signed)}`
}

const same = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b))

/** The request id in a genuine leader code; null for anything forged, altered or signed by a retired key. */
export function readLeaderCode(ring: KeyRing, raw: string): string | null {
  const code = raw.trim()
  if (!GROUP_CODE_PATTERN.test(code)) return null
  const [, keyId, requestId, sig] = code.split('.')
  const key = ring.signing.find((k) => k.id === keyId)
  return key && same(signature(key.secret, `G1.${keyId}.${requestId}`), sig) ? requestId : null
}
