// Who the fake WeChat says is calling. In WeChat the cloud function learns the caller's OPENID from
// WeChat itself; against the local runtime a token from POST /api/_session stands in for it.
// Staff sign in with a named account (username + password, nothing ships with a default
// password), so the gate account is made in the server's store before a staff phone signs in.
import { createAccount } from '../../cloud/accounts/service'
import { openSqliteStore } from '../../cloud/store/sqlite'
import type { RunningServer } from '../harness'

export const STAFF_ACCOUNT = { username: 'gate-weapp', password: 'gate-weapp-password' }

async function session(server: RunningServer, body: object): Promise<string> {
  const res = await fetch(`${server.url}/api/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const data = (await res.json()) as { token?: string }
  if (!res.ok || !data.token) throw new Error(`no identity from /api/_session (${res.status}): ${JSON.stringify(data)}`)
  return data.token
}

/** Opens the gate staff account in the running server's store (once per server). */
export async function createStaffAccount(server: RunningServer): Promise<void> {
  const store = openSqliteStore(server.dbFile)
  try {
    const made = await createAccount(store.accounts, { ...STAFF_ACCOUNT, name: '门岗（小程序）', role: 'staff' }, new Date())
    if (!made.ok) throw new Error(`staff account not created: ${made.error.message}`)
  } finally {
    await store.close()
  }
}

/** A new visitor: one phone, one OPENID. */
export const visitorIdentity = (server: RunningServer) => () => session(server, {})

/** A staff member at the gate (the cloud knows them as staff); needs `createStaffAccount` first. */
export const staffIdentity = (server: RunningServer) => () => session(server, STAFF_ACCOUNT)
