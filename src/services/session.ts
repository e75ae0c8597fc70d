import Taro from '@tarojs/taro'

// In the local runtime (H5) a signed anonymous visitor token stands in for the WeChat OPENID.
// It is kept in storage so that a visitor's bookings survive a reload.
const TOKEN_KEY = 'gxq.visitorToken'
export const API_BASE = '/api'

let pending: Promise<string | null> | null = null

export function storedToken(): string | null {
  try {
    return (Taro.getStorageSync(TOKEN_KEY) as string) || null
  } catch {
    return null
  }
}

export function storeToken(token: string | null): void {
  if (token) Taro.setStorageSync(TOKEN_KEY, token)
  else Taro.removeStorageSync(TOKEN_KEY)
}

/** Returns the visitor token, asking the server for a new one the first time. Null when offline. */
export function visitorToken(): Promise<string | null> {
  const existing = storedToken()
  if (existing) return Promise.resolve(existing)
  pending ??= Taro.request<{ token?: string }>({ url: `${API_BASE}/_session`, method: 'POST', data: {}, timeout: 10000 })
    .then((res) => {
      const token = res.statusCode === 200 ? res.data?.token ?? null : null
      storeToken(token)
      return token
    })
    .catch(() => null)
    .finally(() => {
      pending = null
    })
  return pending
}
