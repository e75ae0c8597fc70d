// Named staff and operator accounts: admins manage them (the console builds its page on these);
// anyone signed in with an account asks who they are. Hashes never leave the store. Every change is
// audited (who, when, the account before and after — never a password or its hash).
import { ACCOUNT_ROLES, AccountErrors, type MeView } from '../contracts/accounts'
import { AccountsRequests } from '../contracts/requests/accounts'
import { fail, ok } from '../contracts/result'
import { changeOwnPassword, createAccount, resetPassword, toAccountView } from '../accounts/service'
import { recordChange } from '../ops/audit'
import { defineAction, implement } from './types'

const notFound = () => fail('ACCOUNT_NOT_FOUND', AccountErrors.ACCOUNT_NOT_FOUND)

export const accounts = implement('accounts', {
  actions: {
    /** Who is calling: the account (locally) or the OPENID and role (cloud). */
    me: defineAction({
      roles: ACCOUNT_ROLES,
      schema: AccountsRequests.me,
      handle: async (_req, ctx) => {
        if (!ctx.account) return ok<{ me: MeView }>({ me: { role: ctx.role, ...(ctx.openid ? { openid: ctx.openid } : {}) } })
        const account = await ctx.store.accounts.get(ctx.account)
        if (!account) return notFound()
        return ok<{ me: MeView }>({ me: { role: account.role, username: account.username, name: account.name } })
      },
    }),

    list: defineAction({
      roles: [],
      schema: AccountsRequests.list,
      handle: async (_req, ctx) => ok({ accounts: (await ctx.store.accounts.list()).map((a) => toAccountView(a, ctx.now())) }),
    }),

    create: defineAction({
      roles: [],
      schema: AccountsRequests.create,
      handle: async (req, ctx) => {
        const created = await createAccount(ctx.store.accounts, req, ctx.now())
        if (!created.ok) return created
        await recordChange(ctx, 'accounts.create', created.data.username, null, created.data)
        return ok({ account: created.data })
      },
    }),

    update: defineAction({
      roles: [],
      schema: AccountsRequests.update,
      handle: async ({ username, ...changes }, ctx) => {
        // An admin cannot switch off their own access: there may be no other admin to switch it back.
        if (username === ctx.account && (changes.disabled === true || (changes.role && changes.role !== 'admin'))) {
          return fail('ACCOUNT_SELF_LOCKOUT', AccountErrors.ACCOUNT_SELF_LOCKOUT)
        }
        const before = await ctx.store.accounts.get(username)
        const updated = before && (await ctx.store.accounts.update(username, { ...changes, at: ctx.now().toISOString() }))
        if (!updated) return notFound()
        const after = toAccountView(updated, ctx.now())
        await recordChange(ctx, 'accounts.update', username, toAccountView(before, ctx.now()), after)
        return ok({ account: after })
      },
    }),

    resetPassword: defineAction({
      roles: [],
      schema: AccountsRequests.resetPassword,
      handle: async ({ username, password }, ctx) => {
        const reset = await resetPassword(ctx.store.accounts, username, password, ctx.now())
        if (!reset.ok) return reset
        // That the password was reset, and by whom: never the password.
        await recordChange(ctx, 'accounts.resetPassword', username, null, { passwordReset: true })
        return ok({ account: reset.data })
      },
    }),

    /** Any signed-in account changes its own password, proving it knows the current one. */
    changeOwnPassword: defineAction({
      roles: ACCOUNT_ROLES,
      schema: AccountsRequests.changeOwnPassword,
      handle: async ({ current, next }, ctx) => {
        if (!ctx.account) return notFound()
        const changed = await changeOwnPassword(ctx.store, ctx.account, { current, next }, ctx.now())
        if (!changed.ok) return changed
        // That it changed, and when: never either password.
        await recordChange(ctx, 'accounts.changeOwnPassword', ctx.account, null, { passwordChanged: true })
        return ok({ account: changed.data })
      },
    }),
  },
})
