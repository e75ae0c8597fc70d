// Rate limits of the local runtime (@fastify/rate-limit, in-process counters — one server process):
// how often one address may mint visitor tokens or try to sign in, and one identity write booking
// data. The numbers and texts are in cloud/limits/rate-limit-policy.ts, shared with the
// cloud functions' HTTP-access sign-in, which counts in the database instead (several instances).
// Refusals are a Result (RATE_LIMITED, Chinese) with Retry-After. The mini-program's calls are
// limited by WeChat itself (one OPENID per WeChat account, platform quotas).
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { fail } from '../contracts/result'
import { addressBucket, mintDecision, RATE_LIMIT_MESSAGES as MESSAGES, waitText, type Limit, type MintState, type RateLimits } from '../limits/rate-limit-policy'

export { DEFAULT_RATE_LIMITS, type Limit, type RateLimits } from '../limits/rate-limit-policy'

const BOOKING_WRITES = new Set(['addVisitor', 'removeVisitor', 'book', 'cancel'])

/** Address buckets whose minting is remembered (one small entry each). */
const MINT_STATES_MAX = 100_000

/** Makes room: drops the states whose window has ended, else the least recently used tenth. */
function forgetOldest(states: Map<string, MintState>, now: number, windowMs: number) {
  for (const [bucket, state] of states) if (now - state.windowStart >= windowMs) states.delete(bucket)
  if (states.size < MINT_STATES_MAX) return
  let drop = Math.ceil(MINT_STATES_MAX / 10)
  for (const bucket of states.keys()) {
    if (drop-- <= 0) break
    states.delete(bucket)
  }
}

type Check = (req: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }>

/** `identify` answers the caller's identity (openid) from the request's token, or null. */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits, identify: (req: FastifyRequest) => string | null): Promise<void> {
  // global: false — only the checks below count; the cache holds one counter per key (address, account, identity).
  await app.register(rateLimit, { global: false, cache: 100_000 })
  const limiter = (name: string, limit: Limit, key: (req: FastifyRequest) => string): Check =>
    app.createRateLimit({ max: limit.max, timeWindow: limit.windowMs, keyGenerator: (req: FastifyRequest) => `${name}:${key(req)}` }) as Check

  // Minting: a rising cost per address bucket (rate-limit-policy.ts mintDecision). Only granted
  // mints count, so a refused client retrying does not make its network's wait longer.
  const minted = new Map<string, MintState>()
  const mint: Check = async (req) => {
    const bucket = addressBucket(req.ip)
    const now = Date.now()
    const decision = mintDecision(minted.get(bucket), now, limits.mintPerAddress)
    if (!decision.ok) return { isAllowed: false, isExceeded: true, ttlInSeconds: Math.ceil(decision.waitMs / 1000) }
    if (minted.size >= MINT_STATES_MAX && !minted.has(bucket)) forgetOldest(minted, now, limits.mintPerAddress.windowMs)
    minted.delete(bucket) // re-inserted last: the Map's order is the order of last use
    minted.set(bucket, decision.next)
    return { isAllowed: true }
  }
  const signInAddress = limiter('signin-ip', limits.signInPerAddress, (req) => addressBucket(req.ip))
  const bookingWrites = limiter('booking', limits.bookingWritesPerIdentity, (req) => identify(req) ?? `ip:${addressBucket(req.ip)}`)

  const refuse = (reply: FastifyReply, seconds: number, message: string) =>
    reply
      .code(429)
      .header('retry-after', String(seconds))
      .send(fail('RATE_LIMITED', message.replace('{wait}', waitText(seconds))))

  app.addHook('preHandler', async (req, reply) => {
    const route = req.routeOptions.url
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {}
    let checks: Check[] = []
    let message = MESSAGES.booking
    if (route === '/api/_session') {
      const signIn = 'username' in body || 'password' in body || 'staffPin' in body
      // Per name, sign-in counts per (name, address bucket) itself (accounts/service.ts signIn): a
      // limit per name across addresses would let a spray elsewhere lock the owner out.
      checks = signIn ? [signInAddress] : [mint]
      message = signIn ? MESSAGES.signIn : MESSAGES.mint
    } else if (route === '/api/:fn' && (req.params as { fn?: string }).fn === 'booking' && typeof body.action === 'string' && BOOKING_WRITES.has(body.action)) {
      checks = [bookingWrites]
    }
    for (const check of checks) {
      const outcome = await check(req)
      if (!outcome.isAllowed && outcome.isExceeded) return refuse(reply, outcome.ttlInSeconds ?? 1, message)
    }
  })
}
