// Helpers for booking tests: valid ID numbers, and calling a function as a given person at a given time.
import { residentIdCheckChar } from '../contracts/booking'
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../contracts/api'
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

/**
 * Calls a cloud function as a given person at a given time, typed by the Api catalogue: the request
 * is checked as the client's would be, and the answer has the response type. (Tests of input no
 * client could send call `dispatch` directly.)
 */
export function caller(store: Store) {
  async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, req: RequestOf<F, A>, who: Who = {}): Promise<Result<ResponseOf<F, A>>> {
    return (await dispatch(functions[fn], { action, ...(req as object) }, contextFor(store, who))) as Result<ResponseOf<F, A>>
  }
  return call
}

export type Caller = ReturnType<typeof caller>

/** A visitor name the name rule accepts, different for each n (a test makes many people). */
export const personName = (n: number) => `观众${'甲乙丙丁戊己庚辛壬癸'[n % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(n / 10) % 10]}`

/** Saves `n` new visitors of one person (names and ID numbers from `serial`); answers their ids. */
export async function saveVisitors(call: Caller, who: { openid: string; now: Date }, n: number, serial: () => number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const k = serial()
    const res = await call('booking', 'addVisitor', { name: personName(k), idType: 'resident', idNumber: residentId(k) }, who)
    if (!res.ok) throw new Error(res.error.message)
    ids.push(res.data.visitor.id)
  }
  return ids
}

/**
 * Books `people` new visitors of one person into a session: each visitor is saved first, with a
 * name and ID number from `serial` (the test file's own counter, so numbers never repeat in it).
 * Answers the booking's id; a refusal throws with its message.
 */
export async function bookPeople(call: Caller, who: { openid: string; now: Date }, sessionId: string, people: number, serial: () => number): Promise<string> {
  const visitorIds = await saveVisitors(call, who, people, serial)
  const res = await call('booking', 'book', { sessionId, visitorIds, clientRequestId: `req-${serial()}-abcd` }, who)
  if (!res.ok) throw new Error(res.error.message)
  return res.data.booking.id
}

type Who = { openid?: string | null; role?: Role; now?: Date; account?: string }
