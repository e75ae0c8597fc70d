// The operator console in production: static files on 云开发静态网站托管 (one origin) calling the
// cloud functions through 云函数 HTTP 访问服务 (another origin). A call through HTTP access carries no
// OPENID, so the console signs in with its named accounts exactly as on the local runtime:
//   POST <base>/_session { username, password } → { token, role, name, expiresAt }
//   POST <base>/<fn> { action, ...request } with Authorization: Bearer <token> → the Result
// The function answers in HTTP access's integrated-response shape ({ statusCode, headers, body }).
// Browsers may call only from the hosting origin(s) in CONSOLE_ORIGIN: anything else is refused
// before it runs (a plain-text POST skips the preflight, so CORS headers alone would not stop it).
// Dry-run locally by e2e/console-hosting.test.ts; what the real service does differently is listed
// in docs/wechat-cloud.md (§ Console hosting).
import { CLOUD_CALL_BODY_LIMIT_BYTES, PAYLOAD_TOO_LARGE_MESSAGE } from '../../contracts/upload-limits'
import { throttleSignIn } from '../../accounts/sign-in-throttle'
import { CommonErrors } from '../../contracts/errors'
import { fail, type Result } from '../../contracts/result'
import type { KeyRing } from '../../booking/keys'
import { dispatch } from '../../functions/dispatch'
import type { CloudFunction, MediaStorage } from '../../functions/types'
import type { UploadArea } from '../../functions/console/uploads'
import type { SheetLimits } from '../../zone/sheet-limits'
import type { Store } from '../../store/port'
import { STATUS_BY_CODE } from '../failure-status'
import { jsonTooDeep } from '../json-bounds'
import { bearerToken, readToken } from '../identity'
import { accountSession, currentCaller } from '../signin'

/** What HTTP access hands the function (the fields used here). */
export interface HttpAccessEvent {
  path: string
  httpMethod: string
  headers?: Record<string, string | undefined>
  body?: string | null
  isBase64Encoded?: boolean
}

export interface HttpAccessResponse {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded: false
}

/**
 * The client's address as the HTTP-access gateway reports it. The gateway in front of 云开发 HTTP
 * 访问服务 is Tencent's STGW/CLB, which sets `X-Real-IP` to the peer it accepted the connection from
 * and lists `X-Real-IP` and `X-Forwarded-For` among the headers a client cannot override; the
 * CloudBase docs' event example shows neither, and `requestContext` carries no address. So: X-Real-IP,
 * else the last X-Forwarded-For hop (the one the gateway appended; earlier hops are whatever the
 * client sent), else one shared bucket — every caller without an address shares one limit, which
 * fails safe (docs/wechat-cloud.md §11a says what is assumed and what to check).
 */
export function clientAddress(event: HttpAccessEvent): string {
  const real = header(event, 'x-real-ip')?.trim()
  if (real) return real
  const hops = (header(event, 'x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean)
  return hops.at(-1) ?? 'unknown'
}

/** The hosting origins allowed to call (CONSOLE_ORIGIN, comma-separated, exact scheme://host[:port]). */
export const allowedOrigins = (value: string | undefined): Set<string> => new Set((value ?? '').split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean))

/** Console requests carry base64 photos and spreadsheets: at most what CloudBase documents for one call. */
const MAX_BODY_BYTES = CLOUD_CALL_BODY_LIMIT_BYTES

export interface HttpAccessDeps {
  fn: CloudFunction
  store: Store
  keys: KeyRing | null
  origins: Set<string>
  now?: () => Date
  media?: MediaStorage
  /** Console files uploaded straight to cloud storage (console/uploads.ts). */
  uploads?: UploadArea
  requestId?: string
  /** Spreadsheet import limits (IMPORT_MAX_ROWS …); absent: the defaults. */
  sheetLimits?: SheetLimits
}

const header = (event: HttpAccessEvent, name: string): string | undefined => {
  const wanted = name.toLowerCase()
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === wanted) return v
  return undefined
}

export async function handleHttpAccess(event: HttpAccessEvent, deps: HttpAccessDeps): Promise<HttpAccessResponse> {
  const origin = header(event, 'origin')?.replace(/\/$/, '')
  const cors: Record<string, string> =
    origin && deps.origins.has(origin)
      ? {
          'access-control-allow-origin': origin,
          'access-control-allow-headers': 'authorization, content-type',
          'access-control-allow-methods': 'POST, OPTIONS',
          'access-control-max-age': '600',
          // The console page reads how long a refusal lasts (429s carry it); CORS hides it otherwise.
          'access-control-expose-headers': 'retry-after',
          vary: 'Origin',
        }
      : { vary: 'Origin' }
  const answer = (statusCode: number, value: unknown): HttpAccessResponse => ({
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...cors },
    body: JSON.stringify(value),
    isBase64Encoded: false,
  })
  const refuse = (statusCode: number, result: Result<never>, headers: Record<string, string> = {}) => {
    const out = answer(statusCode, result)
    return { ...out, headers: { ...out.headers, ...headers } }
  }

  // A browser page from any other origin is turned away before anything runs.
  if (origin && !deps.origins.has(origin)) return refuse(403, fail('FORBIDDEN_ORIGIN', '此来源不允许访问管理接口（CONSOLE_ORIGIN 未包含该网址）'))
  const method = event.httpMethod.toUpperCase()
  if (method === 'OPTIONS') return { statusCode: 204, headers: cors, body: '', isBase64Encoded: false }
  if (method !== 'POST') return refuse(405, fail('BAD_REQUEST', '只接受 POST 请求'))

  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64') : Buffer.from(event.body ?? '', 'utf8')
  if (raw.length > MAX_BODY_BYTES) return refuse(413, fail('PAYLOAD_TOO_LARGE', PAYLOAD_TOO_LARGE_MESSAGE))
  let body: unknown
  try {
    const text = raw.toString('utf8')
    // Depth is refused on the text, before JSON.parse builds what every later step would walk (json-bounds.ts).
    if (jsonTooDeep(text)) return refuse(400, fail('PAYLOAD_TOO_DEEP', CommonErrors.PAYLOAD_TOO_DEEP))
    body = raw.length ? JSON.parse(text) : {}
  } catch {
    return refuse(400, fail('BAD_REQUEST', CommonErrors.BAD_REQUEST))
  }
  if (!deps.keys) return refuse(503, fail('NOT_CONFIGURED', CommonErrors.NOT_CONFIGURED))
  const now = deps.now ?? (() => new Date())

  // The last path segment says what is asked: `_session` (sign in) or the function's own route.
  if (event.path.replace(/\/+$/, '').split('/').pop() === '_session') {
    const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
    // Counted in the database, so the limits hold whichever instance answers.
    const address = clientAddress(event)
    const throttled = await throttleSignIn(deps.store.limits, { address }, now())
    if (!throttled.ok) return refuse(429, fail('RATE_LIMITED', throttled.message), { 'retry-after': String(throttled.retryAfterSeconds) })
    const at = now()
    const session = await accountSession(deps.store, deps.keys, { username: fields.username, password: fields.password, address }, at, at.getTime())
    return session.account ? answer(200, session.body) : refuse(session.status, session.body, session.headers)
  }

  // Accounts only: HTTP access has no visitor identity (visitors use the mini-program).
  const token = readToken(bearerToken(header(event, 'authorization')), deps.keys, now().getTime())
  const caller = token?.identity.account ? await currentCaller(token.identity, deps.store) : null
  const result = await dispatch(deps.fn, body, {
    openid: caller?.openid ?? null,
    role: caller?.role ?? 'visitor',
    account: caller?.account,
    store: deps.store,
    now,
    keys: deps.keys,
    requestId: deps.requestId,
    media: deps.media,
    uploads: deps.uploads,
    sheetLimits: deps.sheetLimits,
  })
  // Refusals are answers (200) as on the local runtime; the console reads `ok`. Unlike statusFor, an
  // undeclared code is not turned into a 500 here: that needs every feature's catalogue in the bundle.
  return answer(result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 200), result)
}
