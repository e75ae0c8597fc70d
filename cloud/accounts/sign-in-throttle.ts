// Sign-in attempts counted in the database, per client address and per account name, for the
// cloud functions answering HTTP access: each call may land on a different instance, so counters in
// one instance's memory would not hold (the local server counts in memory: runtime/limits.ts).
// The same limits as the local server (runtime/rate-limit-policy.ts). Every attempt counts, right or
// wrong, before the password is looked at; the per-address check comes first, and an address over
// its limit spends nothing of any account's budget (nor adds a counter per made-up name).
import { addressBucket, DEFAULT_RATE_LIMITS, rateLimitMessage, type RateLimits } from '../runtime/rate-limit-policy'
import type { RateLimitStore } from '../store/port'
import { usernameSchema } from './service'

export type ThrottleOutcome = { ok: true } | { ok: false; retryAfterSeconds: number; message: string }

export async function throttleSignIn(
  limits: RateLimitStore,
  attempt: { address: string; username: unknown },
  at: Date,
  policy: Pick<RateLimits, 'signInPerAddress' | 'signInPerAccount'> = DEFAULT_RATE_LIMITS,
): Promise<ThrottleOutcome> {
  const name = usernameSchema.safeParse(attempt.username)
  const checks = [
    { key: `signin-ip:${addressBucket(attempt.address)}`, limit: policy.signInPerAddress },
    // A name that cannot be an account is refused by sign-in anyway; only the address pays for it.
    ...(name.success ? [{ key: `signin-user:${name.data}`, limit: policy.signInPerAccount }] : []),
  ]
  for (const { key, limit } of checks) {
    const { count, resetAt } = await limits.hit(key, limit.windowMs, at)
    if (count > limit.max) {
      const retryAfterSeconds = Math.max(1, Math.ceil((resetAt.getTime() - at.getTime()) / 1000))
      return { ok: false, retryAfterSeconds, message: rateLimitMessage('signIn', retryAfterSeconds) }
    }
  }
  return { ok: true }
}
