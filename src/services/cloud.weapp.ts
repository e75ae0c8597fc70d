// Transport for the WeChat mini-program: cloud functions called directly; WeChat supplies the
// caller's OPENID to the function, so no token is sent.
import Taro from '@tarojs/taro'
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '@cloud/contracts/api'
import type { Result } from '@cloud/contracts/result'
import { asResult, networkError } from './result'

export function initTransport(): void {
  // Without an explicit env id the mini-program's default cloud environment is used.
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true })
}

export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  request: RequestOf<F, A>,
): Promise<Result<ResponseOf<F, A>>> {
  try {
    const res = await Taro.cloud.callFunction({ name, data: { ...(request as object), action } })
    return asResult<ResponseOf<F, A>>(res.result)
  } catch {
    return networkError()
  }
}
