// Who the fake WeChat says is calling. In WeChat the cloud function learns the caller's OPENID from
// WeChat itself; against the local runtime a token from POST /api/_session stands in for it.
// Staff sign-in is the one thing expected to change (PIN today; username + password on the
// accounts branch): only `staffIdentity` and STAFF_ENV need to follow it.
import type { RunningServer } from '../harness'

export const STAFF_PIN = '802468'
/** Server environment that lets `staffIdentity` sign in. */
export const STAFF_ENV = { STAFF_PIN }

async function session(server: RunningServer, body: object): Promise<string> {
  const res = await fetch(`${server.url}/api/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const data = (await res.json()) as { token?: string }
  if (!res.ok || !data.token) throw new Error(`no identity from /api/_session (${res.status}): ${JSON.stringify(data)}`)
  return data.token
}

/** A new visitor: one phone, one OPENID. */
export const visitorIdentity = (server: RunningServer) => () => session(server, {})

/** A staff member at the gate (the cloud knows them as staff). */
export const staffIdentity = (server: RunningServer) => () => session(server, { staffPin: STAFF_PIN })
