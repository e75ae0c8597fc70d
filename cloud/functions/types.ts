import type { z } from 'zod/v4'
import type { Result } from '../contracts/result'
import type { KeyRing } from '../booking/keys'
import type { Store } from '../store/port'
import type { PlatformServices } from './platform'

/**
 * Who a caller is. Visitors are everyone with an identity (WeChat OPENID, or the local signed
 * token). The rest are named accounts: gate staff, and the operator roles of the console.
 * `admin` may do everything; every other role only the actions that name it.
 */
export const ROLES = ['visitor', 'staff', 'content_editor', 'booking_operator', 'zone_editor', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value)

/** Who is calling and with what: built by each runtime (local HTTP or WeChat cloud). */
export interface CallContext {
  /** WeChat OPENID in production; the signed anonymous visitor id in the local runtime. Null when unknown. */
  openid: string | null
  role: Role
  /** The named account signed in (local runtime: its username); absent for visitors and in the cloud,
   *  where staff and operators are OPENIDs with roles. */
  account?: string
  store: Store
  /** Injected so rules about dates and deadlines are testable. */
  now: () => Date
  /** The ID key (ID hashes, booking ids) and the signing keys (e-tickets): cloud/runtime/keyring.ts. */
  keys?: KeyRing
  /** Where the call came from, for logs. */
  requestId?: string
  /** WeChat open APIs and cloud storage (WeChat cloud runtime only; absent locally). */
  platform?: PlatformServices
  /** Where uploaded media (exhibit photos) are written; answers the URL pages use. Absent: uploads refused. */
  media?: MediaStorage
}

export interface MediaStorage {
  save(name: string, data: Buffer, contentType: string): Promise<string>
}

export interface ActionDef<Schema extends z.ZodTypeAny, Res> {
  schema: Schema
  /** The roles that may call this action (admin always may). Absent: any caller with an identity,
   *  or anyone at all when `anonymous` is set. */
  roles?: readonly Role[]
  anonymous?: boolean
  handle: (req: z.infer<Schema>, ctx: CallContext) => Promise<Result<Res>> | Result<Res>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionDef<any, any>

export interface CloudFunction {
  actions: Record<string, AnyAction>
}

/** Thrown when the runtime has no keys (APP_KEYS / APP_SECRET); dispatch answers NOT_CONFIGURED. */
export class MissingSecretError extends Error {
  constructor() {
    super('the server secret (APP_SECRET) is not configured')
  }
}

export const defineAction = <Schema extends z.ZodTypeAny, Res>(def: ActionDef<Schema, Res>): ActionDef<Schema, Res> => def
