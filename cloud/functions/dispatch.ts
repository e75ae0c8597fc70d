import { z } from 'zod'
import { CommonErrors } from '../contracts/errors'
import { fail, type Result } from '../contracts/result'
import { MissingSecretError, type CallContext, type CloudFunction, type Role } from './types'

/** Admin may call everything; otherwise the caller's role must be one the action names. */
export const mayCall = (role: Role, allowed: readonly Role[] | undefined): boolean => !allowed || role === 'admin' || allowed.includes(role)

/** zod's own English wording (no Chinese message was given for that rule): not for a person's eyes. */
const ZOD_DEFAULT = /^(Required|Invalid|Expected|Unrecognized|Too (big|small))/

/** Turns zod issues into a Chinese message a person can act on, plus per-field messages for forms. */
export function describeZodError(error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_'
    if (!fields[key]) fields[key] = ZOD_DEFAULT.test(issue.message) ? '格式不正确' : issue.message
  }
  const first = error.issues[0]
  const message = first && !ZOD_DEFAULT.test(first.message) ? first.message : CommonErrors.BAD_REQUEST
  return { message, fields }
}

/**
 * The one way into a handler, used by both runtimes: event is the `data` of
 * wx.cloud.callFunction ({ action, ...request }). Validate → check role → run; never throws.
 */
export async function dispatch(fn: CloudFunction, event: unknown, ctx: CallContext): Promise<Result<unknown>> {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return fail('BAD_REQUEST', CommonErrors.BAD_REQUEST)
  }
  const { action, ...request } = event as Record<string, unknown>
  const def = typeof action === 'string' && Object.hasOwn(fn.actions, action) ? fn.actions[action] : undefined
  if (!def) return fail('UNKNOWN_ACTION', CommonErrors.UNKNOWN_ACTION)

  if (!def.anonymous && !ctx.openid) return fail('UNAUTHENTICATED', CommonErrors.UNAUTHENTICATED)
  if (!mayCall(ctx.role, def.roles)) return fail('FORBIDDEN', CommonErrors.FORBIDDEN)

  const parsed = def.schema.safeParse(request)
  if (!parsed.success) {
    const { message, fields } = describeZodError(parsed.error)
    return fail('BAD_REQUEST', message, fields)
  }
  try {
    return await def.handle(parsed.data, ctx)
  } catch (error) {
    // A deployment without APP_SECRET: say so plainly instead of a generic failure.
    if (error instanceof MissingSecretError) {
      console.error(`[${ctx.requestId ?? '-'}] ${String(action)}: APP_SECRET is not configured`)
      return fail('NOT_CONFIGURED', CommonErrors.NOT_CONFIGURED)
    }
    // A bug or a store failure: log the detail, answer the person with something they can act on.
    console.error(`[${ctx.requestId ?? '-'}] ${String(action)} failed`, error)
    return fail('INTERNAL', CommonErrors.INTERNAL)
  }
}
