// Sign-in for the local runtime: POST /api/_session. With no credentials it mints an anonymous
// visitor identity (the stand-in for WeChat's OPENID); with { username, password } it checks a
// named staff/operator account (cloud/accounts) and answers a token that lasts one shift.
// Every later call made with an account's token is re-checked against the account, so disabling
// an account or changing its role takes effect at once, not at the token's expiry.
import type { FastifyInstance } from 'fastify'
import { SIGN_IN_POLICY, signIn, type SignInPolicy } from '../accounts/service'
import type { KeyRing } from '../booking/keys'
import type { AccountView } from '../contracts/accounts'
import { fail, type Result } from '../contracts/result'
import type { Store } from '../store/port'
import type { RuntimeConfig } from './config'
import { ACCOUNT_TOKEN_TTL_MS, issueToken, newVisitor, type Identity } from './identity'

/** The openid under which a named account books or is recorded (stable per account). */
export const accountOpenid = (username: string) => `account:${username}`

/** A named account's sign-in as an HTTP answer, the same on every runtime (this server, HTTP access). */
export type AccountSession =
  | { status: 200; headers: Record<string, never>; body: { token: string; role: string; name: string; expiresAt: string }; account: Pick<AccountView, 'username' | 'role'> }
  | { status: number; headers: Record<string, string>; body: Result<never>; account?: undefined }

/**
 * Checks the name and password tried from `address` (`at`: the locks' clock) and answers a token
 * that lasts one shift, issued at `issuedAt`; or the refusal with its status — a name locked for
 * that address 429, too many password checks at once 503, both with Retry-After.
 */
export async function accountSession(
  store: Store,
  keys: KeyRing,
  credentials: { username: unknown; password: unknown; address: string },
  at: Date,
  issuedAt: number,
  policy: SignInPolicy = SIGN_IN_POLICY,
): Promise<AccountSession> {
  const outcome = await signIn(store, credentials, at, policy)
  if (!outcome.ok) {
    const body = fail(outcome.code, outcome.message)
    if (outcome.code === 'ACCOUNT_LOCKED') return { status: 429, headers: { 'retry-after': String(outcome.retryAfterSeconds) }, body }
    if (outcome.code === 'SIGN_IN_BUSY') return { status: 503, headers: { 'retry-after': String(outcome.retryAfterSeconds) }, body }
    return { status: outcome.code === 'ACCOUNT_DISABLED' ? 403 : 401, headers: {}, body }
  }
  const { account } = outcome
  const token = issueToken({ openid: accountOpenid(account.username), role: account.role, account: account.username }, keys, { now: issuedAt })
  return {
    status: 200,
    headers: {},
    body: { token, role: account.role, name: account.name, expiresAt: new Date(issuedAt + ACCOUNT_TOKEN_TTL_MS).toISOString() },
    account,
  }
}

export function registerSignIn(app: FastifyInstance, config: RuntimeConfig, store: Store, now: () => Date): void {
  app.post<{ Body: Record<string, unknown> | null }>('/api/_session', async (req, reply) => {
    const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {}
    const wantsAccount = 'username' in body || 'password' in body || 'staffPin' in body
    if (!wantsAccount) return { token: issueToken(newVisitor(), config.keys) }
    // Issued on the real clock: a token checked against Date.now() must not be born expired under CLOCK_AT.
    const policy = { lock: config.rateLimits.signInLock, hashing: config.passwordChecks }
    const session = await accountSession(store, config.keys, { username: body.username, password: body.password, address: req.ip }, now(), Date.now(), policy)
    if (session.account) req.log.info({ account: session.account.username, role: session.account.role }, 'signed in')
    return reply.code(session.status).headers(session.headers).send(session.body)
  })
}

/**
 * The caller behind a verified token: visitors as they are; an account with its current role, or
 * null (signed out) when the account is gone or disabled.
 */
export async function currentCaller(identity: Identity | null, store: Store): Promise<Identity | null> {
  if (!identity?.account) return identity
  const account = await store.accounts.get(identity.account)
  if (!account || account.disabled) return null
  return { ...identity, role: account.role }
}
