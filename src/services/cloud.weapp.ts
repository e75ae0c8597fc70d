// Transport for the WeChat mini-program: cloud functions called directly; WeChat supplies the
// caller's OPENID to the function, so no token is sent.
import Taro from '@tarojs/taro'
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '@cloud/contracts/api'
import { fail, type Result } from '@cloud/contracts/result'
import { asResult, networkError } from './result'

/** A build without CLOUD_ENV (npm run build:weapp:release refuses to make one for upload). */
const NO_ENV_MESSAGE = '小程序未配置云开发环境（构建时缺少 CLOUD_ENV），暂时无法使用，请联系科技馆工作人员'

export function initTransport(): void {
  // wx.cloud.init's `env` is required by the client doc: without it the call would go to whichever
  // environment WeChat picks, so an unconfigured build does not init at all and callCloud says why.
  if (CLOUD_ENV) Taro.cloud.init({ env: CLOUD_ENV, traceUser: true })
}

// Promise chains, not async/await: in the ES5 main package each async function costs a generator
// state machine and, with any of them, babel's regenerator runtime (docs/performance.md).
export function callCloud<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  request: RequestOf<F, A>,
): Promise<Result<ResponseOf<F, A>>> {
  if (!CLOUD_ENV) return Promise.resolve(fail('NOT_CONFIGURED', NO_ENV_MESSAGE))
  // The executor catches a synchronous throw too; any failure is a network error, as before.
  return new Promise<Taro.cloud.CallFunctionResult>((resolve) => resolve(Taro.cloud.callFunction({ name, data: { ...(request as object), action } })))
    .then((res) => asResult<ResponseOf<F, A>>(res.result))
    .catch(() => networkError())
}
