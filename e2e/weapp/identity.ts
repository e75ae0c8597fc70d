// Who the fake WeChat says is calling. In WeChat the cloud function learns the caller's OPENID from
// WeChat itself; against the local runtime a token from POST /api/_session stands in for it.
// Staff sign in with an account (username + password, made here through the store): only
// `staffIdentity` and STAFF_ENV need to follow a change of the sign-in.
import type { RunningServer } from '../harness'

import { createAccount } from '../../cloud/accounts/service'
import { openSqliteStore } from '../../cloud/store/sqlite'

/** The gate account the harness makes (nothing ships with a default password). */
const STAFF = { username: 'weapp-gate', password: 'weapp-gate-password' }
/** Server environment for the staff sign-in: none since accounts replaced the shared PIN. */
export const STAFF_ENV = {}

async function session(server: RunningServer, body: object): Promise<string> {
  const res = await fetch(`${server.url}/api/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const data = (await res.json()) as { token?: string }
  if (!res.ok || !data.token) throw new Error(`no identity from /api/_session (${res.status}): ${JSON.stringify(data)}`)
  return data.token
}

/** A new visitor: one phone, one OPENID. */
export const visitorIdentity = (server: RunningServer) => () => session(server, {})

/** A staff member at the gate (the cloud knows them as staff). */
export const staffIdentity = (server: RunningServer) => async () => {
  await ensureStaffAccount(server)
  return session(server, STAFF)
}

const made = new WeakSet<RunningServer>()
async function ensureStaffAccount(server: RunningServer) {
  if (made.has(server)) return
  const store = openSqliteStore(server.dbFile)
  await createAccount(store.accounts, { ...STAFF, name: '门岗（测试）', role: 'staff' }, new Date())
  await store.close()
  made.add(server)
}
