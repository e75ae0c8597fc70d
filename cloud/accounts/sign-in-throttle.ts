// Sign-in attempts counted in the database, per client address bucket, for the
// cloud functions answering HTTP access: each call may land on a different instance, so counters in
// one instance's memory would not hold (the local server counts in memory: runtime/limits.ts).
// The same limits as the local server (cloud/limits/rate-limit-policy.ts). Every attempt counts, right or
// wrong, before the password is looked at: an address over its limit spends nothing of any name's
// tries (nor adds a counter per made-up name). The tries per (name, address) are signIn's own.
import { addressBucket, DEFAULT_RATE_LIMITS, rateLimitMessage, type RateLimits } from '../limits/rate-limit-policy'
import type { RateLimitStore } from '../store/port'

export type ThrottleOutcome = { ok: true } | { ok: false; retryAfterSeconds: number; message: string }

export async function throttleSignIn(
  limits: RateLimitStore,
  attempt: { address: string },
  at: Date,
  policy: Pick<RateLimits, 'signInPerAddress'> = DEFAULT_RATE_LIMITS,
): Promise<ThrottleOutcome> {
  // Per name, sign-in itself counts per (name, address bucket) (service.ts signIn): a limit per
  // name across addresses would let a spray from elsewhere lock the owner out.
  const checks = [{ key: `signin-ip:${addressBucket(attempt.address)}`, limit: policy.signInPerAddress }]
  for (const { key, limit } of checks) {
    const { count, resetAt } = await limits.hit(key, limit.windowMs, at)
    if (count > limit.max) {
      const retryAfterSeconds = Math.max(1, Math.ceil((resetAt.getTime() - at.getTime()) / 1000))
      return { ok: false, retryAfterSeconds, message: rateLimitMessage('signIn', retryAfterSeconds) }
    }
  }
  return { ok: true }
}
