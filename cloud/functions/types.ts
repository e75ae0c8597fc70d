import type { z } from 'zod'
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../contracts/api'
import type { Result } from '../contracts/result'
import type { Role } from '../contracts/accounts'
import type { KeyRing } from '../booking/keys'
import type { Store } from '../store/port'
import type { PlatformServices } from './platform'
import type { SpeechSynthesiser } from '../exhibits/speech'
import type { AddressCaps } from '../limits/rate-limit-policy'

/** Where a call came from, where identities are free (the local runtime's H5 visitor tokens): the
 *  client's address bucket (IPv4 address, IPv6 /64) and the caps one bucket is held to. */
export interface CallOrigin {
  bucket: string
  caps: AddressCaps
}
import type { SheetLimits } from '../zone/sheet-limits'
import type { UploadArea } from './console/uploads'

/** Roles are a contract (cloud/contracts/accounts.ts); re-exported for the handlers' imports. */
export { ROLES, isRole, type Role } from '../contracts/accounts'

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
  /** The caller's address bucket and its caps (local runtime); absent in WeChat calls, where the
   *  OPENID is the identity that costs something. */
  origin?: CallOrigin
  /** WeChat open APIs and cloud storage (WeChat cloud runtime only; absent locally). */
  platform?: PlatformServices
  /** Where uploaded media (exhibit photos) are written; answers the URL pages use. Absent: uploads refused. */
  media?: MediaStorage
  /** Speaks an exhibit's text for its audio guide (local runtime with espeak-ng and lame). Absent: regenerating is refused, uploading still works. */
  speech?: SpeechSynthesiser
  /** How large an imported spreadsheet may be (IMPORT_MAX_ROWS …); absent: zone/spreadsheet.ts's defaults. */
  sheetLimits?: SheetLimits
  /** Where console uploads wait for their processing call (console/uploads.ts); absent: only base64 bodies. */
  uploads?: UploadArea
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

// Any action, as dispatch sees it: the schema has already been checked against the Api when the
// function was defined with `implement`, so here only "some schema, some response" is needed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one type-erased place, see above
export type AnyAction = ActionDef<any, unknown>

export interface CloudFunction {
  actions: Record<string, AnyAction>
}

// ── Types end to end ────────────────────────────────────────────────────────────────────────────
// A request's shape is written once, as its zod schema in cloud/contracts/requests/<function>.ts;
// the Api catalogue (cloud/contracts/api.ts) derives the client's request type from it (z.input)
// and names the response. Each cloud function is written as
//   export const name = implement('name', { actions: { act: defineAction({ schema: NameRequests.act, roles, handle }) } })
// which makes the compiler hold it to that catalogue:
//   • the action names are exactly Api[name]'s (a missing or extra action is an error);
//   • the schema is the contract's (what it accepts is Api's `req`, so a handler cannot validate
//     with a schema of its own that the client never sees);
//   • what the handler returns fits Api's `res` (a renamed or retyped field is an error).
// To add an action: its schema in the requests file, its entry in Api, then the handler here.
// A new function: a requests file, its entry in Api, `implement('new', …)`, and a line in functions/index.ts.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/** Resolves to `unknown` when the action agrees with the Api; otherwise to a type naming the mismatch. */
type Agrees<F extends FunctionName, A, Def> = A extends ActionName<F>
  ? Def extends ActionDef<infer S, infer R>
    ? Same<z.input<S>, RequestOf<F, A>> extends true
      ? [R] extends [ResponseOf<F, A>]
        ? unknown
        : { 'handler response differs from Api': ResponseOf<F, A> }
      : { 'schema is not the one in cloud/contracts/requests': RequestOf<F, A> }
    : never
  : { 'action missing from the Api catalogue': A }

type AgreesWithApi<F extends FunctionName, T> = { [A in keyof T]: T[A] & Agrees<F, A, T[A]> } & { [A in ActionName<F>]: AnyAction }

/** A cloud function held to its Api entry (see above). */
export function implement<F extends FunctionName, T extends Record<string, AnyAction>>(_name: F, fn: { actions: T & AgreesWithApi<F, T> }): CloudFunction {
  return fn
}

/** Thrown when the runtime has no keys (APP_KEYS / APP_SECRET); dispatch answers NOT_CONFIGURED. */
export class MissingSecretError extends Error {
  constructor() {
    super('the server secret (APP_SECRET) is not configured')
  }
}

export const defineAction = <Schema extends z.ZodTypeAny, Res>(def: ActionDef<Schema, Res>): ActionDef<Schema, Res> => def
