// Roles and named staff and operator accounts: what the console, the staff page, the accounts
// script and the server say about who may do what. No Node APIs: the clients bundle this file.

/**
 * Who a caller is. Visitors are everyone with an identity (WeChat OPENID, or the local signed
 * token). The rest are named accounts: gate staff, and the operator roles of the console.
 * `admin` may do everything; every other role only the actions that name it.
 */
export const ROLES = ['visitor', 'staff', 'content_editor', 'booking_operator', 'zone_editor', 'transfer_officer', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value)

/** Each role's name wherever a person reads it (console header, accounts page, accounts script). */
export const ROLE_LABELS: Record<Role, string> = {
  visitor: '观众',
  staff: '入口核验',
  content_editor: '内容编辑',
  booking_operator: '预约运营',
  zone_editor: '园区数据编辑',
  transfer_officer: '成果转化专员',
  admin: '管理员',
}

export type AccountRoleName = Exclude<Role, 'visitor'>

/** The roles a named account can hold (every role but visitor). */
export const ACCOUNT_ROLES: AccountRoleName[] = ROLES.filter((r): r is AccountRoleName => r !== 'visitor')

/** The shortest password an account may be given (AccountErrors.PASSWORD_TOO_SHORT names it). */
export const MIN_PASSWORD_LENGTH = 8

/** The roles a named account can hold, with their labels (the accounts page's choices). */
export const ACCOUNT_ROLE_LABELS: Record<AccountRoleName, string> = Object.fromEntries(ACCOUNT_ROLES.map((r) => [r, ROLE_LABELS[r]])) as Record<AccountRoleName, string>

/** An account as anyone but the store sees it: never the password hash. */
export interface AccountView {
  username: string
  name: string
  role: AccountRoleName
  disabled: boolean
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
  PASSWORD_WRONG: '当前密码不正确',
  PASSWORD_SAME: '新密码不能与当前密码相同',
  PASSWORD_TRIES: '当前密码输错次数过多，请 15 分钟后再试',
} as const

export type AccountErrorCode = keyof typeof AccountErrors
