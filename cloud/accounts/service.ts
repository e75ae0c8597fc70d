// The account rules, shared by the sign-in route, the `accounts` cloud function and the CLI:
// who may be created, how a password is checked, when an account locks. Storage through the port.
import { z } from 'zod'
import { AccountErrors, type AccountView } from '../contracts/accounts'
import { fail, ok, type Result } from '../contracts/result'
import type { AccountRole, AccountStore, StaffAccount } from '../store/port'
import { ROLES } from '../functions/types'
import { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password'

/** Five wrong passwords lock an account for fifteen minutes (per account, whatever the address). */
export const LOCKOUT = { maxFailures: 5, lockMinutes: 15 }

export const ACCOUNT_ROLES = ROLES.filter((r): r is AccountRole => r !== 'visitor')

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字、点、下划线或短横线，以字母开头')
export const displayNameSchema = z.string().trim().min(1, '请填写姓名').max(20, '姓名最多 20 个字')
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH, AccountErrors.PASSWORD_TOO_SHORT).max(128, '密码最多 128 位')
export const accountRoleSchema = z.enum(ACCOUNT_ROLES as [AccountRole, ...AccountRole[]], { error: '角色不正确' })

export const toAccountView = (a: StaffAccount, now?: Date): AccountView => ({
  username: a.username,
  name: a.name,
  role: a.role,
  disabled: a.disabled,
  ...(a.lockedUntil && (!now || Date.parse(a.lockedUntil) > now.getTime()) ? { lockedUntil: a.lockedUntil } : {}),
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

export type SignInOutcome =
  | { ok: true; account: StaffAccount }
  | { ok: false; code: 'SIGN_IN_FAILED' | 'ACCOUNT_DISABLED'; message: string }
  | { ok: false; code: 'ACCOUNT_LOCKED'; message: string; retryAfterSeconds: number }

const locked = (until: string, now: Date): SignInOutcome => {
  const seconds = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000))
  return { ok: false, code: 'ACCOUNT_LOCKED', message: AccountErrors.ACCOUNT_LOCKED.replace('{minutes}', String(Math.ceil(seconds / 60))), retryAfterSeconds: seconds }
}

/**
 * Checks a username and password. An unknown name and a wrong password answer the same words
 * after the same work (a decoy hash is checked), so the answer does not tell whether a name exists;
 * a locked account is refused before its password is even checked.
 */
export async function signIn(store: AccountStore, rawUsername: unknown, password: unknown, now: Date, policy = LOCKOUT): Promise<SignInOutcome> {
  const failed: SignInOutcome = { ok: false, code: 'SIGN_IN_FAILED', message: AccountErrors.SIGN_IN_FAILED }
  const name = usernameSchema.safeParse(rawUsername)
  const pass = typeof password === 'string' && password.length <= 128 ? password : ''
  const account = name.success ? await store.get(name.data) : null
  if (!account) {
    await verifyPassword(await decoyHash(), pass)
    return failed
  }
  if (account.lockedUntil && Date.parse(account.lockedUntil) > now.getTime()) return locked(account.lockedUntil, now)
  if (!(await verifyPassword(account.passwordHash, pass))) {
    const after = await store.recordFailure(account.username, now.toISOString(), policy)
    return after?.lockedUntil ? locked(after.lockedUntil, now) : failed
  }
  // Only someone who knows the password learns that the account is switched off.
  if (account.disabled) return { ok: false, code: 'ACCOUNT_DISABLED', message: AccountErrors.ACCOUNT_DISABLED }
  await store.recordSuccess(account.username)
  return { ok: true, account }
}
