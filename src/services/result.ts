import { CommonErrors } from '@cloud/contracts/errors'
import { fail, type Result } from '@cloud/contracts/result'

export const networkError = () => fail('NETWORK', CommonErrors.NETWORK)

/** Accepts what a function answered only if it has the Result shape; anything else is a server fault. */
export function asResult<T>(raw: unknown): Result<T> {
  if (raw && typeof raw === 'object' && 'ok' in raw) {
    const r = raw as { ok: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } }
    if (r.ok === true) return raw as Result<T>
    if (r.ok === false && typeof r.error?.code === 'string' && typeof r.error?.message === 'string') return raw as Result<T>
  }
  return fail('INTERNAL', CommonErrors.INTERNAL)
}
