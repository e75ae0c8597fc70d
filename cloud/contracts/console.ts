// The operator console's pages and who may use them. The console shows a page to the roles its
// actions allow, and the handlers check the same lists on every call: one table for both sides.
import type { Role } from './accounts'

/** Who may do what in the `console` function (admin may do all). */
export const CONSOLE_ROLES = {
  content: ['content_editor'],
  booking: ['booking_operator'],
  zone: ['zone_editor'],
  /** 成果转化: 对接 requests and needs awaiting review. */
  transfer: ['transfer_officer'],
  /** Every operator sees the dashboard. */
  dashboard: ['content_editor', 'booking_operator', 'zone_editor'],
  /** The audit log and accounts: admin only. */
  admin: [],
} as const satisfies Record<string, readonly Role[]>

/** The console's pages, each shown to the roles of the actions it calls. */
export const CONSOLE_PAGES = [
  { key: 'dashboard', label: '数据看板', roles: CONSOLE_ROLES.dashboard },
  { key: 'exhibits', label: '展品管理', roles: CONSOLE_ROLES.content },
  { key: 'halls', label: '展区管理', roles: CONSOLE_ROLES.content },
  { key: 'qrSheet', label: '二维码打印', roles: CONSOLE_ROLES.content },
  { key: 'notices', label: '公告管理', roles: CONSOLE_ROLES.content },
  { key: 'bookings', label: '预约运营', roles: CONSOLE_ROLES.booking },
  { key: 'bookingSettings', label: '预约设置', roles: CONSOLE_ROLES.booking },
  { key: 'groups', label: '团体预约', roles: CONSOLE_ROLES.booking },
  { key: 'zoneData', label: '园区数据', roles: CONSOLE_ROLES.zone },
  { key: 'zone', label: '园区数据导入', roles: CONSOLE_ROLES.zone },
  { key: 'transfer', label: '成果转化', roles: CONSOLE_ROLES.transfer },
  { key: 'audit', label: '操作日志', roles: CONSOLE_ROLES.admin },
  { key: 'accounts', label: '账号管理', roles: CONSOLE_ROLES.admin },
] as const satisfies ReadonlyArray<{ key: string; label: string; roles: readonly Role[] }>

export type ConsolePageKey = (typeof CONSOLE_PAGES)[number]['key']

export const consolePagesFor = (role: Role) => CONSOLE_PAGES.filter((p) => role === 'admin' || (p.roles as readonly Role[]).includes(role))
