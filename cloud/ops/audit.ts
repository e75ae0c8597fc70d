// Every operator change goes through `recordChange`: one append-only entry with who, when, what,
// and the record before and after. Handlers call it after the change succeeded.
import crypto from 'node:crypto'
import type { Role } from '../contracts/accounts'
import type { Store } from '../store/port'

/** Who made the change and where it is kept: the parts of a handler's call context the log needs. */
export interface AuditContext {
  openid: string | null
  account?: string
  role: Role
  store: Store
  now: () => Date
}

let sequence = 0

export async function recordChange(ctx: AuditContext, action: string, target: string, before: unknown, after: unknown): Promise<void> {
  const at = ctx.now().toISOString()
  await ctx.store.ops.appendAudit({
    // Time first, so ids sort with time; then this process's sequence, so two changes in one
    // millisecond keep their order; a random tail, so two processes never collide.
    id: `${at}-${String(++sequence % 1e9).padStart(9, '0')}-${crypto.randomBytes(4).toString('hex')}`,
    at,
    // The named account's username when signed in with one (local runtime), else the caller's id.
    account: ctx.account ?? ctx.openid ?? 'unknown',
    role: ctx.role,
    action,
    target,
    ...(before === undefined || before === null ? {} : { before }),
    ...(after === undefined || after === null ? {} : { after }),
  })
}
