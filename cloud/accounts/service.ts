// The account rules, shared by the sign-in route, the `accounts` cloud function and the CLI:
// who may be created, how a password is checked, when a name is locked for an address. Storage through the port.
import crypto from 'node:crypto'
import { AccountErrors, MIN_PASSWORD_LENGTH, type AccountView } from '../contracts/accounts'
import { usernameSchema } from '../contracts/requests/accounts'
import { fail, ok, type Result } from '../contracts/result'
import type { AccountRole, AccountStore, RateLimitStore, StaffAccount } from '../store/port'
import { addressBucket, DEFAULT_RATE_LIMITS, type SignInLock } from '../limits/rate-limit-policy'
import { decoyHash, DEFAULT_HASHING_BOUND, hashingSlot, hashPassword, verifyPassword, type HashingBound } from './password'

// No lock state: sign-in locks a name per address (never the account as a whole), and a password
// reset or change leaves those locks behind; an account-wide flag would say 锁定 where sign-in is not.
export const toAccountView = (a: StaffAccount, _now?: Date): AccountView => ({
  username: a.username,
  name: a.name,
  role: a.role,
  disabled: a.disabled,
  createdAt: a.createdAt,
  ...(a.updatedAt ? { updatedAt: a.updatedAt } : {}),
})

export async function createAccount(
  store: AccountStore,
  input: { username: string; name: string; role: AccountRole; password: string },
  now: Date,
): Promise<Result<AccountView>> {
  if (input.password.length < MIN_PASSWORD_LENGTH) return fail('PASSWORD_TOO_SHORT', AccountErrors.PASSWORD_TOO_SHORT)
  const account: StaffAccount = {
    username: input.username,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    failedAttempts: 0,
    disabled: false,
    createdAt: now.toISOString(),
  }
  if (!(await store.create(account))) return fail('ACCOUNT_EXISTS', AccountErrors.ACCOUNT_EXISTS)
  return ok(toAccountView(account, now))
}

export async function resetPassword(store: AccountStore, username: string, password: string, now: Date): Promise<Result<AccountView>> {
  if (password.length < MIN_PASSWORD_LENGTH) return fail('PASSWORD_TOO_SHORT', AccountErrors.PASSWORD_TOO_SHORT)
  const updated = await store.update(username, { passwordHash: await hashPassword(password), at: now.toISOString() })
  return updated ? ok(toAccountView(updated, now)) : fail('ACCOUNT_NOT_FOUND', AccountErrors.ACCOUNT_NOT_FOUND)
}

/** Wrong current passwords tried per account in the change-password window: the session's holder
 *  may not be its owner, so the check must not become a way to guess. */
const CHANGE_TRIES = { max: 5, windowMs: 15 * 60_000 }

/** A signed-in account's own new password, given its current one. Like a reset, the new hash leaves every sign-in counter of the old one behind. */
export async function changeOwnPassword(
  store: { accounts: AccountStore; limits: RateLimitStore },
  username: string,
  input: { current: string; next: string },
  now: Date,
): Promise<Result<AccountView>> {
  const account = await store.accounts.get(username)
  if (!account) return fail('ACCOUNT_NOT_FOUND', AccountErrors.ACCOUNT_NOT_FOUND)
  const triesKey = `password-change:${username}`
  const tried = await store.limits.peek(triesKey, now)
  if (tried && tried.count >= CHANGE_TRIES.max) return fail('PASSWORD_TRIES', AccountErrors.PASSWORD_TRIES)
  if (!(await verifyPassword(account.passwordHash, input.current))) {
    await store.limits.hit(triesKey, CHANGE_TRIES.windowMs, now)
    return fail('PASSWORD_WRONG', AccountErrors.PASSWORD_WRONG)
  }
  if (input.current === input.next) return fail('PASSWORD_SAME', AccountErrors.PASSWORD_SAME)
  await store.limits.clear([triesKey])
  const updated = await store.accounts.update(username, { passwordHash: await hashPassword(input.next), at: now.toISOString() })
  return updated ? ok(toAccountView(updated, now)) : fail('ACCOUNT_NOT_FOUND', AccountErrors.ACCOUNT_NOT_FOUND)
}

export type SignInOutcome =
  | { ok: true; account: StaffAccount }
  | { ok: false; code: 'SIGN_IN_FAILED' | 'ACCOUNT_DISABLED'; message: string }
  | { ok: false; code: 'ACCOUNT_LOCKED' | 'SIGN_IN_BUSY'; message: string; retryAfterSeconds: number }

export interface SignInPolicy {
  lock: SignInLock
  hashing: HashingBound
}

export const SIGN_IN_POLICY: SignInPolicy = { lock: DEFAULT_RATE_LIMITS.signInLock, hashing: DEFAULT_HASHING_BOUND }

const DAY_MS = 24 * 60 * 60_000

const locked = (until: Date, now: Date): SignInOutcome => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))
  return { ok: false, code: 'ACCOUNT_LOCKED', message: AccountErrors.ACCOUNT_LOCKED.replace('{minutes}', String(Math.ceil(seconds / 60))), retryAfterSeconds: seconds }
}

/** What a password's counters are keyed by: a reset (a new hash, a new salt) leaves every old one behind. */
const passwordEpoch = (hash: string) => crypto.createHash('sha256').update(hash).digest('base64url').slice(0, 12)

/**
 * Checks a username and password tried from `address`. Every name, existing or not, is counted
 * and locked the same way per (name as typed, address bucket) — before the password is looked at,
 * in one atomic step per try — and an unknown name's password is checked against a decoy hash: the
 * answers and the work do not tell whether a name exists. A lock holds only that address (with
 * a period doubling per lock in a day), so a spray from elsewhere never locks the owner out; a
 * success there forgets the tries, and a password reset leaves every counter behind.
 */
export async function signIn(
  store: { accounts: AccountStore; limits: RateLimitStore },
  attempt: { username: unknown; password: unknown; address: string },
  now: Date,
  policy: SignInPolicy = SIGN_IN_POLICY,
): Promise<SignInOutcome> {
  const failed: SignInOutcome = { ok: false, code: 'SIGN_IN_FAILED', message: AccountErrors.SIGN_IN_FAILED }
  const slot = hashingSlot(policy.hashing)
  if (!slot) return { ok: false, code: 'SIGN_IN_BUSY', message: AccountErrors.SIGN_IN_BUSY, retryAfterSeconds: 2 }
  const release = await slot
  try {
    const name = usernameSchema.safeParse(attempt.username)
    const typed = typeof attempt.username === 'string' ? attempt.username.trim().toLowerCase().slice(0, 64) : ''
    const pass = typeof attempt.password === 'string' && attempt.password.length <= 128 ? attempt.password : ''
    const account = name.success ? await store.accounts.get(name.data) : null
    const pair = `${typed}|${account ? passwordEpoch(account.passwordHash) : '-'}|${addressBucket(attempt.address)}`
    // Read in this order, and a lock written in the opposite one (the lock, then the day's count of
    // locks), so a try racing the start of a lock either sees the lock or counts on the old tries.
    const locksToday = (await store.limits.peek(`signin-locks:${pair}`, now))?.count ?? 0
    const lock = await store.limits.peek(`signin-lock:${pair}`, now)
    if (lock) return locked(lock.resetAt, now)
    const triesKey = `signin-tries:${pair}:${locksToday}`
    const tries = await store.limits.hit(triesKey, policy.lock.firstLockMs, now)
    // Tries racing the one that starts the lock: refused unchecked, as the lock will refuse them.
    if (tries.count > policy.lock.maxAttempts) return locked(new Date(now.getTime() + policy.lock.firstLockMs), now)
    const right = await verifyPassword(account?.passwordHash ?? decoyHash(), pass)
    if (!account || !right) {
      if (tries.count < policy.lock.maxAttempts) return failed
      // The last try failed (exactly one try has this count): the lock starts, each one of the day
      // twice as long as the one before; after it the tries count afresh (under the next key).
      const period = Math.min(policy.lock.maxLockMs, policy.lock.firstLockMs * 2 ** Math.min(locksToday, 30))
      const started = await store.limits.hit(`signin-lock:${pair}`, period, now)
      await store.limits.hit(`signin-locks:${pair}`, DAY_MS, now)
      return locked(started.resetAt, now)
    }
    // Only someone who knows the password learns that the account is switched off.
    if (account.disabled) return { ok: false, code: 'ACCOUNT_DISABLED', message: AccountErrors.ACCOUNT_DISABLED }
    await store.limits.clear([triesKey, `signin-locks:${pair}`])
    return { ok: true, account }
  } finally {
    release()
  }
}
