// H5 / local runtime: staff sign in with their own account (username + password, made with
// `npm run accounts`); the staff token then replaces the visitor token on this device. The weapp build uses session.weapp.ts.
import Taro from '@tarojs/taro'
import type { AppError } from '@cloud/contracts/result'
import { API_BASE, storeToken } from '@/services/session'

const STAFF_KEY = 'gxq.staffDevice'

export const needsPin = true

export function isStaffDevice(): boolean {
  try {
    return Taro.getStorageSync(STAFF_KEY) === '1'
  } catch {
    return false
  }
}

export async function staffSignIn(username: string, password: string): Promise<AppError | null> {
  try {
    const res = await Taro.request<{ token?: string; error?: AppError }>({ url: `${API_BASE}/_session`, method: 'POST', data: { username: username.trim(), password }, timeout: 10000 })
    if (res.statusCode === 200 && res.data?.token) {
      storeToken(res.data.token)
      Taro.setStorageSync(STAFF_KEY, '1')
      return null
    }
    return res.data?.error ?? { code: 'SIGN_IN_FAILED', message: '用户名或密码不正确' }
  } catch {
    return { code: 'NETWORK', message: '网络不给力，请检查网络后重试' }
  }
}

export function staffSignOut(): void {
  storeToken(null)
  Taro.removeStorageSync(STAFF_KEY)
}
