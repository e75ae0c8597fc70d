import type { z } from 'zod/v4'
import type { Result } from '../contracts/result'
import type { Store } from '../store/port'
import type { PlatformServices } from './platform'

export type Role = 'visitor' | 'staff' | 'admin'

/** Who is calling and with what: built by each runtime (local HTTP or WeChat cloud). */
export interface CallContext {
  /** WeChat OPENID in production; the signed anonymous visitor id in the local runtime. Null when unknown. */
  openid: string | null
  role: Role
  store: Store
  /** Injected so rules about dates and deadlines are testable. */
  now: () => Date
  /** Server secret for keyed hashes and e-ticket signatures (the runtime's APP_SECRET). */
  secret?: string
  /** Where the call came from, for logs. */
  requestId?: string
  /** WeChat open APIs and cloud storage (WeChat cloud runtime only; absent locally). */
  platform?: PlatformServices
}

export interface ActionDef<Schema extends z.ZodTypeAny, Res> {
  schema: Schema
  /** Minimum role; 'visitor' still requires an identity unless `anonymous` is set. */
  role?: Role
  anonymous?: boolean
  handle: (req: z.infer<Schema>, ctx: CallContext) => Promise<Result<Res>> | Result<Res>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionDef<any, any>

export interface CloudFunction {
  actions: Record<string, AnyAction>
}

/** Thrown when the runtime has no server secret (APP_SECRET); dispatch answers NOT_CONFIGURED. */
export class MissingSecretError extends Error {
  constructor() {
    super('the server secret (APP_SECRET) is not configured')
  }
}

export const defineAction = <Schema extends z.ZodTypeAny, Res>(def: ActionDef<Schema, Res>): ActionDef<Schema, Res> => def
