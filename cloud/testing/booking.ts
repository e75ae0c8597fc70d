// Helpers for booking tests: valid ID numbers, and calling a function as a given person at a given time.
import { residentIdCheckChar } from '../contracts/booking'
import type { Result } from '../contracts/result'
import { dispatch } from '../functions/dispatch'
import { functions } from '../functions'
import type { Role } from '../functions/types'
import type { Store } from '../store/port'
import { contextFor } from './stores'

/** A resident ID number with a correct GB 11643 check digit; `serial` makes it unique. */
export function residentId(serial: number, birth = '19850312', region = '210211'): string {
  const first17 = `${region}${birth}${String(serial % 1000).padStart(3, '0')}`
  return first17 + residentIdCheckChar(first17)
}

/** Beijing wall-clock time as an instant: bj('2026-11-26 10:00'). */
export const bj = (text: string): Date => new Date(`${text.replace(' ', 'T')}:00+08:00`)

export function caller(store: Store) {
  return async function call<T = any>(
    fn: string,
    action: string,
    req: object,
    who: { openid?: string | null; role?: Role; now?: Date } = {},
  ): Promise<Result<T>> {
    return (await dispatch(functions[fn as keyof typeof functions], { action, ...req }, contextFor(store, who))) as Result<T>
  }
}
