import type { Role } from '../../cloud/functions/types'

export const ROLE_LABEL: Record<Role, string> = {
  admin: '管理员',
  content_editor: '内容编辑',
  booking_operator: '预约运营',
  zone_editor: '园区数据编辑',
  staff: '检票工作人员',
  visitor: '观众',
}

/** The console's pages and who sees them (the server checks again on every action). */
export const PAGES = [
  { key: 'dashboard', label: '数据看板', roles: ['content_editor', 'booking_operator', 'zone_editor'] },
  { key: 'exhibits', label: '展品管理', roles: ['content_editor'] },
  { key: 'halls', label: '展区管理', roles: ['content_editor'] },
  { key: 'notices', label: '公告管理', roles: ['content_editor'] },
  { key: 'bookings', label: '预约运营', roles: ['booking_operator'] },
  { key: 'bookingSettings', label: '预约设置', roles: ['booking_operator'] },
  { key: 'zoneData', label: '园区数据', roles: ['zone_editor'] },
  { key: 'zone', label: '园区数据导入', roles: ['zone_editor'] },
  { key: 'audit', label: '操作日志', roles: [] },
  { key: 'accounts', label: '账号管理', roles: [] },
] as const satisfies ReadonlyArray<{ key: string; label: string; roles: readonly Role[] }>

export type PageKey = (typeof PAGES)[number]['key']

export const pagesFor = (role: Role) => PAGES.filter((p) => role === 'admin' || (p.roles as readonly Role[]).includes(role))
