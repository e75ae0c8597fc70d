// The cloud functions as the local runtime serves them: each module loaded at its first call, and
// all of them just after the server starts listening (preloadFunctions). Building every action's
// zod schemas was a third of the server's start, and neither /healthz nor the app's first page
// needs them. (The bundler keeps each dynamically imported module in the one bundle, evaluated
// when first imported, so the V8 code cache still covers it.)
import type { FunctionName } from '../contracts/api'
import type { CloudFunction } from '../functions/types'

export const FUNCTION_LOADERS: Record<FunctionName, () => Promise<CloudFunction>> = {
  system: () => import('../functions/system').then((m) => m.system),
  exhibits: () => import('../functions/exhibits').then((m) => m.exhibits),
  admin: () => import('../functions/admin').then((m) => m.admin),
  zone: () => import('../functions/zone').then((m) => m.zone),
  booking: () => import('../functions/booking').then((m) => m.booking),
  staff: () => import('../functions/staff').then((m) => m.staff),
  notices: () => import('../functions/notices').then((m) => m.notices),
  console: () => import('../functions/console').then((m) => m.consoleFn),
  accounts: () => import('../functions/accounts').then((m) => m.accounts),
  transfer: () => import('../functions/transfer').then((m) => m.transfer),
  groups: () => import('../functions/groups').then((m) => m.groups),
}

const loaded = new Map<string, Promise<CloudFunction>>()

/** The function called `name`, or undefined when there is none. */
export function loadFunction(name: string): Promise<CloudFunction> | undefined {
  if (!Object.hasOwn(FUNCTION_LOADERS, name)) return undefined
  let fn = loaded.get(name)
  if (!fn) loaded.set(name, (fn = FUNCTION_LOADERS[name as FunctionName]()))
  return fn
}

/** Loads every function now (after listening), so no visitor's first call waits for it. */
export async function preloadFunctions(): Promise<void> {
  for (const name of Object.keys(FUNCTION_LOADERS)) {
    await loadFunction(name)
    // One module per turn of the event loop: requests arriving meanwhile are answered in between.
    await new Promise((resolve) => setImmediate(resolve))
  }
}
