// Named staff and operator accounts: what the console and the staff page exchange with the cloud.
// No Node APIs: the clients bundle this file.
import type { Role } from '../functions/types'

export type AccountRoleName = Exclude<Role, 'visitor'>

export const ACCOUNT_ROLE_LABELS: Record<AccountRoleName, string> = {
  staff: '入口核验',
  content_editor: '展品编辑',
  booking_operator: '预约运营',
  zone_editor: '园区数据编辑',
  admin: '管理员',
}

/** An account as anyone but the store sees it: never the password hash. */
export interface AccountView {
  username: string
  name: string
  role: AccountRoleName
  disabled: boolean
  /** Locked after repeated wrong passwords, until this instant (ISO); absent when not locked. */
  lockedUntil?: string
  createdAt: string
  updatedAt?: string
}

/** Who is signed in (`accounts.me`). Locally a named account; in the cloud an OPENID with a role. */
export interface MeView {
  role: Role
  username?: string
  name?: string
  openid?: string
}

export const AccountErrors = {
  SIGN_IN_FAILED: '用户名或密码不正确',
  ACCOUNT_LOCKED: '尝试次数过多，请 {minutes} 分钟后再试',
  SIGN_IN_BUSY: '登录的人较多，请稍后重试',
  ACCOUNT_DISABLED: '该账号已停用，请联系管理员',
  ACCOUNT_EXISTS: '用户名已被使用，请换一个',
  ACCOUNT_NOT_FOUND: '没有这个账号',
  ACCOUNT_SELF_LOCKOUT: '不能停用自己的账号或取消自己的管理员身份',
  PASSWORD_TOO_SHORT: '密码至少 8 位',
} as const

export type AccountErrorCode = keyof typeof AccountErrors
