// Transport for H5 (and the default for tests): the same { action, ...request } body that
// wx.cloud.callFunction sends, POSTed to the local runtime at /api/<function>.
// The weapp build resolves cloud.weapp.ts instead.
import Taro from '@tarojs/taro'
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '@cloud/contracts/api'
import type { Result } from '@cloud/contracts/result'
import { asResult, networkError } from './result'
import { API_BASE, storeToken, visitorToken } from './session'

export function initTransport(): void {
  // Nothing to set up over HTTP: the visitor token is fetched on first use.
}

async function post(name: string, body: object, token: string | null) {
  return Taro.request({
    url: `${API_BASE}/${name}`,
    method: 'POST',
    data: body,
    header: token ? { Authorization: `Bearer ${token}` } : {},
    timeout: 15000,
  })
}

export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  request: RequestOf<F, A>,
): Promise<Result<ResponseOf<F, A>>> {
  const body = { ...(request as object), action }
  try {
    let token = await visitorToken()
    let res = await post(name, body, token)
    let result = asResult<ResponseOf<F, A>>(res.data)
    // A token the server no longer accepts (secret rotated, data reset): get a fresh one, once.
    if (!result.ok && result.error.code === 'UNAUTHENTICATED' && token) {
      storeToken(null)
      token = await visitorToken()
      res = await post(name, body, token)
      result = asResult<ResponseOf<F, A>>(res.data)
    }
    return result
  } catch {
    return networkError()
  }
}
