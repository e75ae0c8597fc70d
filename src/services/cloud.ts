// Transport for H5 (and the default for tests): the same { action, ...request } body that
// wx.cloud.callFunction sends, POSTed to the local runtime at /api/<function>.
// The weapp build resolves cloud.weapp.ts instead.
import Taro from '@tarojs/taro'
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '@cloud/contracts/api'
import type { Result } from '@cloud/contracts/result'
import { asResult, networkError } from './result'
import { API_BASE, storedToken, storeToken, visitorToken } from './session'
import { RENEWED_TOKEN_HEADER } from '@cloud/contracts/glue'

export function initTransport(): void {
  // Nothing to set up over HTTP: the visitor token is fetched on first use.
}

async function post(name: string, body: object, token: string | null) {
  const res = await Taro.request({
    url: `${API_BASE}/${name}`,
    method: 'POST',
    data: body,
    header: token ? { Authorization: `Bearer ${token}` } : {},
    timeout: 15000,
  })
  // The server renews a visitor token while it is used (same identity, later expiry): keep the new one.
  const headers = (res.header ?? {}) as Record<string, string | undefined>
  const renewed = Object.entries(headers).find(([name]) => name.toLowerCase() === RENEWED_TOKEN_HEADER)?.[1]
  if (token && renewed && renewed !== token) storeToken(renewed)
  return res
}

export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  request: RequestOf<F, A>,
): Promise<Result<ResponseOf<F, A>>> {
  const body = { ...(request as object), action }
  try {
    // A cold scan must not wait for a token: anonymous calls (exhibit pages) go out at once while
    // the token is fetched alongside; a call that needs an identity is retried once with it.
    const token = storedToken()
    if (!token) void visitorToken()
    const res = await post(name, body, token)
    const result = asResult<ResponseOf<F, A>>(res.data)
    if (!result.ok && result.error.code === 'UNAUTHENTICATED') {
      if (token) storeToken(null) // no longer accepted (secret rotated, data reset)
      const fresh = await visitorToken()
      if (!fresh) return result
      return asResult<ResponseOf<F, A>>((await post(name, body, fresh)).data)
    }
    return result
  } catch {
    return networkError()
  }
}
