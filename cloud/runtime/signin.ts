// Sign-in for the local runtime: POST /api/_session. With no credentials it mints an anonymous
// visitor identity (the stand-in for WeChat's OPENID); with { username, password } it checks a
// named staff/operator account (cloud/accounts) and answers a token that lasts one shift.
// Every later call made with an account's token is re-checked against the account, so disabling
// an account or changing its role takes effect at once, not at the token's expiry.
import type { FastifyInstance } from 'fastify'
import { signIn } from '../accounts/service'
import { fail } from '../contracts/result'
import type { Store } from '../store/port'
import type { RuntimeConfig } from './config'
import { ACCOUNT_TOKEN_TTL_MS, issueToken, newVisitor, type Identity } from './identity'

/** The openid under which a named account books or is recorded (stable per account). */
export const accountOpenid = (username: string) => `account:${username}`

export function registerSignIn(app: FastifyInstance, config: RuntimeConfig, store: Store, now: () => Date): void {
  app.post<{ Body: Record<string, unknown> | null }>('/api/_session', async (req, reply) => {
    const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {}
    const wantsAccount = 'username' in body || 'password' in body || 'staffPin' in body
    if (!wantsAccount) return { token: issueToken(newVisitor(), config.keys) }
    const outcome = await signIn(store.accounts, body.username, body.password, now())
    if (!outcome.ok) {
      if (outcome.code === 'ACCOUNT_LOCKED') {
        return reply.code(429).header('retry-after', String(outcome.retryAfterSeconds)).send(fail(outcome.code, outcome.message))
      }
      return reply.code(outcome.code === 'ACCOUNT_DISABLED' ? 403 : 401).send(fail(outcome.code, outcome.message))
    }
    const { account } = outcome
    const issuedAt = Date.now()
    const token = issueToken({ openid: accountOpenid(account.username), role: account.role, account: account.username }, config.keys, { now: issuedAt })
    req.log.info({ account: account.username, role: account.role }, 'signed in')
    return { token, role: account.role, name: account.name, expiresAt: new Date(issuedAt + ACCOUNT_TOKEN_TTL_MS).toISOString() }
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
