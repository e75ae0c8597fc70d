// The WeChat cloud entry points: what each bundled cloudfunctions/<name>/index.js exports as `main`.
// Same dispatch and handlers as the local runtime; identity from cloud.getWXContext().OPENID,
// storage from the cloud-database adapter, open APIs from wx-server-sdk.
import { dispatch } from '../../functions/dispatch'
import type { PlatformServices } from '../../functions/platform'
import type { CloudFunction, MediaStorage } from '../../functions/types'
import type { CloudJob } from '../../jobs'
import type { EnvVersion } from '../../contracts/codes'
import { openWxCloudStore } from '../../store/wxcloud'
import type { WxDatabase } from '../../store/wxcloud/db'
import { createRoleResolver } from './roles'
import { ringFromSecret, type KeyRing } from '../../booking/keys'
import { parseKeyRing } from '../keyring'
import { CommonErrors } from '../../contracts/errors'
import { fail } from '../../contracts/result'
import { valueOutOfBounds } from '../json-bounds'
import { addressBucket, addressCapsFrom, WECHAT_ADDRESS_CAPS } from '../../limits/rate-limit-policy'
import { sheetLimitsFrom } from '../../zone/sheet-limits'
import { wxCloudUploadArea, type WxStorageSdk } from './upload-area'

/** The event shape of 云函数 HTTP 访问服务 (checked without loading the console's HTTP adapter). */
const isHttpAccessEvent = (event: unknown): event is import('./http-access').HttpAccessEvent =>
  typeof event === 'object' && event !== null && typeof (event as { httpMethod?: unknown }).httpMethod === 'string' && typeof (event as { path?: unknown }).path === 'string'

/** The part of wx-server-sdk used here (the real module is required by the bundle, never bundled). */
export interface WxServerSdk extends WxStorageSdk {
  DYNAMIC_CURRENT_ENV: unknown
  init(options: { env: unknown }): void
  database(options?: { throwOnNotFound?: boolean }): WxDatabase
  getWXContext(context?: unknown): { OPENID?: string; APPID?: string; ENV?: string; SOURCE?: string; CLIENTIP?: string; CLIENTIPV6?: string }
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  openapi: {
    wxacode: {
      getUnlimited(options: { scene: string; page: string; checkPath: boolean; envVersion: string; width?: number }): Promise<{
        contentType: string
        buffer: Buffer
      }>
    }
    subscribeMessage: {
      send(options: { touser: string; templateId: string; page: string; data: unknown; miniprogramState?: string }): Promise<unknown>
    }
  }
}

type Env = Record<string, string | undefined>

/**
 * OPENID exists only when the mini-program calls the function (wx.cloud.callFunction). The cloud
 * console's 云端测试, HTTP access and timers carry none, so role-gated actions (admin.exhibitCodes,
 * staff.*) cannot run from there: say so, and where to call from instead (docs/wechat-cloud.md).
 */
export const NO_OPENID_MESSAGE =
  '此操作需要管理员或工作人员身份，只能从小程序内调用（云开发控制台的“云端测试”和 HTTP 访问不带 OPENID）。请用已列入 ADMIN_OPENIDS 的微信号在小程序中操作。'

/** WeChat's answer when a function calls an open API its config.json permissions do not grant (or not yet). */
const NO_PERMISSION = -604101

/**
 * Runs an open-API call; a -604101 refusal is rethrown naming the permission and how to apply it:
 * config.json permissions take effect only when DevTools uploads the function (docs/wechat-cloud.md §2).
 */
async function withPermission<T>(api: string, env: Env, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if ((error as { errCode?: unknown } | null)?.errCode !== NO_PERMISSION) throw error
    // SCF_FUNCTIONNAME is set by the function runtime itself (Tencent SCF's built-in variables).
    const fn = env.SCF_FUNCTIONNAME || '声明该接口的云函数'
    const errMsg = `缺少云调用权限 ${api}（-604101）：config.json 的 permissions.openapi 只在用微信开发者工具上传云函数时生效。请在开发者工具中右键 ${fn} → 上传并部署：云端安装依赖，10 分钟后重试`
    throw Object.assign(new Error(errMsg), { errCode: NO_PERMISSION, errMsg })
  }
}

function platformFrom(sdk: WxServerSdk, env: Env): PlatformServices {
  return {
    envVersion: (env.WXACODE_ENV_VERSION as EnvVersion | undefined) ?? 'release',
    // Cloud calls (云调用) take camelCase names; the SDK maps them to check_path / env_version.
    miniProgramCode: (req) => withPermission('wxacode.getUnlimited', env, () => sdk.openapi.wxacode.getUnlimited({ ...req, width: req.width ?? 430 })),
    uploadFile: async (cloudPath, content) => (await sdk.uploadFile({ cloudPath, fileContent: Buffer.from(content) })).fileID,
    sendSubscribeMessage: async (m) => {
      await withPermission('subscribeMessage.send', env, () => sdk.openapi.subscribeMessage.send({
        touser: m.touser,
        templateId: m.templateId,
        page: m.page,
        data: m.data,
        miniprogramState: env.MINIPROGRAM_STATE ?? 'formal',
      }))
    },
  }
}

/** The key ring from APP_KEYS (JSON, see cloud/runtime/keyring.ts) or the legacy APP_SECRET; null when
 *  neither is set. Read per call (parsed once per value), so a changed variable applies at once. */
let parsedKeys: { from: string; ring: KeyRing | null } | null = null
function cloudKeys(env: Env): KeyRing | null {
  const from = `${env.APP_KEYS ?? ''}\u0000${env.APP_SECRET ?? ''}`
  if (parsedKeys?.from !== from) {
    parsedKeys = { from, ring: env.APP_KEYS ? parseKeyRing(env.APP_KEYS, 'APP_KEYS') : env.APP_SECRET ? ringFromSecret(env.APP_SECRET) : null }
  }
  return parsedKeys.ring
}

/** Shared per warm instance: SDK init, database handle, store, role cache. */
function instance(sdk: WxServerSdk, env: Env) {
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  const db = sdk.database()
  const store = openWxCloudStore(db)
  // Console files uploaded straight to cloud storage, processed by id (console/uploads.ts).
  return { db, store, roles: createRoleResolver(db, env), platform: platformFrom(sdk, env), uploads: wxCloudUploadArea(sdk) }
}

interface CloudContext {
  request_id?: string
  /** JSON of WX_* values (WX_OPENID, WX_APPID, …) that the runtime sets per call; read by getWXContext. */
  environment?: string
}

/**
 * `main(event, context)` for one client-called function. `event` is the `data` of
 * wx.cloud.callFunction plus `userInfo` that WeChat injects; the latter is dropped before the strict
 * request schemas see it — identity comes only from getWXContext().
 */
export function createFunctionMain(fn: CloudFunction, sdk: WxServerSdk, env: Env = process.env) {
  let shared: ReturnType<typeof instance> | null = null
  // Never throws: whatever goes wrong is logged and answered as a Result (the caller's promise
  // would otherwise reject with WeChat's generic error, and the person sees nothing useful).
  return async function main(event: unknown, context?: CloudContext) {
    try {
      return await answer(event, context)
    } catch (error) {
      console.error(`[${context?.request_id ?? '-'}] cloud function call failed`, error)
      return isHttpAccessEvent(event)
        ? { statusCode: 500, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(fail('INTERNAL', CommonErrors.INTERNAL)), isBase64Encoded: false as const }
        : fail('INTERNAL', CommonErrors.INTERNAL)
    }
  }

  async function answer(event: unknown, context?: CloudContext) {
    shared ??= instance(sdk, env)
    const upload = shared.platform.uploadFile?.bind(shared.platform)
    // Console photo uploads go to cloud storage; the file ID (cloud://…) is what the pages load.
    const media: MediaStorage | undefined = upload ? { save: (name, data) => upload(`media/${name}`, data) } : undefined
    // The operator console through HTTP access: named-account sessions, not OPENIDs (http-access.ts).
    // Loaded on the first such call, so the mini-program's cold calls do not evaluate it.
    if (isHttpAccessEvent(event)) {
      const { allowedOrigins, handleHttpAccess } = await import('./http-access')
      return handleHttpAccess(event, { fn, store: shared.store, keys: cloudKeys(env), origins: allowedOrigins(env.CONSOLE_ORIGIN), media, uploads: shared.uploads, requestId: context?.request_id, sheetLimits: sheetLimitsFrom(env) })
    }
    // The platform hands the event over parsed: its depth and size are checked before anything
    // walks it (json-bounds.ts); HTTP access checks its body text the same way.
    const outOfBounds = valueOutOfBounds(event)
    if (outOfBounds) return fail(outOfBounds, CommonErrors[outOfBounds])
    const wx = sdk.getWXContext(context)
    const openid = wx.OPENID || null
    const data =
      typeof event === 'object' && event !== null && !Array.isArray(event)
        ? (({ userInfo, ...rest }: Record<string, unknown>) => (void userInfo, rest))(event as Record<string, unknown>)
        : event
    const action = (data as { action?: unknown } | null)?.action
    const def = typeof action === 'string' && Object.prototype.hasOwnProperty.call(fn.actions, action) ? fn.actions[action] : undefined
    // Only actions restricted to named roles pay for the role lookup: the cold exhibit scan stays one read.
    if (def?.roles && !openid) return { ok: false as const, error: { code: 'UNAUTHENTICATED', message: NO_OPENID_MESSAGE } }
    const role = def?.roles ? await shared.roles.roleOf(openid) : 'visitor'
    // The client's address, where WeChat names it: the per-network caps apply on top of the
    // per-OPENID ones (more generous than H5's: an OPENID costs more than a minted token).
    const address = wx.CLIENTIPV6 || wx.CLIENTIP
    const result = await dispatch(fn, data, {
      openid,
      role,
      store: shared.store,
      now: () => new Date(),
      // Keys for ID hashes, booking ids and e-tickets: the same APP_KEYS (or legacy APP_SECRET) on
      // every function (booking and staff must agree). Missing → booking actions answer NOT_CONFIGURED.
      keys: cloudKeys(env) ?? undefined,
      requestId: context?.request_id,
      platform: shared.platform,
      media,
      uploads: shared.uploads,
      ...(address ? { origin: { bucket: addressBucket(address), caps: addressCapsFrom(env, WECHAT_ADDRESS_CAPS) } } : {}),
      sheetLimits: sheetLimitsFrom(env),
    })
    // A refused role check tells the caller their own OPENID: what the operator must add to
    // ADMIN_OPENIDS / STAFF_OPENIDS (or the roles document) to grant the role.
    if (!result.ok && result.error.code === 'FORBIDDEN' && openid && def?.roles) {
      return { ...result, error: { ...result.error, message: `${result.error.message}（当前微信号的 OPENID：${openid}，可请管理员加入授权名单）` } }
    }
    return result
  }
}

/** `main(event, context)` for a timer-triggered job. */
export function createJobMain(job: CloudJob, sdk: WxServerSdk, env: Env = process.env) {
  let shared: ReturnType<typeof instance> | null = null
  return async function main() {
    shared ??= instance(sdk, env)
    try {
      const result = await job.run({ store: shared.store, now: () => new Date(), platform: shared.platform, env })
      console.log(JSON.stringify({ job: job.trigger.name, ...result }))
      return { ok: true, data: result }
    } catch (error) {
      console.error(`job ${job.trigger.name} failed`, error)
      return { ok: false, error: { code: 'INTERNAL', message: String((error as Error)?.message ?? error) } }
    }
  }
}
