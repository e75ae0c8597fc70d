// The collections the adapter uses and the indexes its queries need; `npm run cloud:init` creates
// them. A section added later appends its collections and indexes here.
export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

/** A section that adds collections (booking, zone) adds its names here and its specs below. */
export type CollectionName = 'halls' | 'exhibits' | 'meta' | 'config' | 'outbox' | 'zone_companies' | 'zone_policies' | 'zone_charts'
  | 'booking_visitors'
  | 'bookings'
  | 'booking_sessions'
  | 'booking_claims'
  | 'booking_accounts'
  | 'ops_notices'
  | 'ops_audit'
  | 'ops_counters'
  | 'ops_once'
  | 'ops_holds'
  | 'staff_accounts'
  | 'booking_account_ids'
  | 'rate_counters'
  | 'transfer_results'
  | 'transfer_platforms'
  | 'transfer_needs'
  | 'transfer_requests'
  | 'booking_waitlist'
  | 'zone_profiles'
  | 'group_requests'
  | 'group_quota'

export interface CollectionSpec {
  /** Logical name; the real name is `${prefix}${name}` (the smoke test uses a prefix). */
  name: CollectionName
  /** Why the collection exists, for the dry-run listing. */
  purpose: string
  indexes: IndexSpec[]
}

export const COLLECTIONS: CollectionSpec[] = [
  { name: 'halls', purpose: '展区（内容）', indexes: [] },
  { name: 'exhibits', purpose: '展品（内容，_id = 展品编号）', indexes: [{ name: 'hall_sort', keys: { hallId: 1, sort: 1 } }] },
  { name: 'meta', purpose: '键值设置（seeded_at 等）', indexes: [] },
  { name: 'config', purpose: '运营配置（roles 文档：管理员/工作人员 openid）', indexes: [] },
  { name: 'outbox', purpose: '待发送消息（到访提醒，_id 确定性去重）', indexes: [{ name: 'pending', keys: { status: 1, createdAt: 1 } }] },
  // Zone records live under a generation (`_id` = gen:id); meta/zone_generation points at the current one.
  { name: 'zone_companies', purpose: '企业名录（按代次整体替换）', indexes: [{ name: 'gen_id', keys: { gen: 1, _id: 1 } }] },
  { name: 'zone_policies', purpose: '政策（按代次整体替换）', indexes: [{ name: 'gen_id', keys: { gen: 1, _id: 1 } }] },
  { name: 'zone_charts', purpose: '区情数据图表（按代次整体替换）', indexes: [{ name: 'gen_id', keys: { gen: 1, _id: 1 } }] },
  // Booking: see the per-method mapping above BookingStore in store/port.ts.
  // 政策提醒: one saved calculator profile per identity (store/port.ts, ZoneStore.saveProfile).
  { name: 'zone_profiles', purpose: '政策提醒：访客保存的企业画像（_id = openid）', indexes: [] },
  { name: 'booking_visitors', purpose: '常用参观人（_id = H(openid, 证件哈希)，重复即已存在）', indexes: [{ name: 'owner', keys: { openid: 1, createdAt: 1 } }] },
  {
    name: 'bookings',
    purpose: '预约记录（_id = H(openid, 请求编号)，重试得同一条）',
    indexes: [
      { name: 'owner_day', keys: { openid: 1, day: -1 } },
      { name: 'due', keys: { status: 1, sessionEnd: 1 } },
      { name: 'day_status', keys: { day: 1, status: 1 } },
      { name: 'owner_noshow', keys: { openid: 1, status: 1, sessionEnd: 1 } },
      // stalePending: abandoned bookings still pending past the grace period (the no-show job's sweep).
      { name: 'stale', keys: { status: 1, pendingSince: 1 } },
    ],
  },
  { name: 'booking_sessions', purpose: '场次已约人数（_id = 场次，守卫式 _.inc）', indexes: [] },
  { name: 'booking_claims', purpose: '每证件每天一约（_id = 日期:证件哈希）', indexes: [{ name: 'booking', keys: { bookingId: 1 } }] },
  { name: 'booking_accounts', purpose: '预约账号状态（未到场暂停，_id = openid）', indexes: [] },
  // The operator console (cloud/store/port.ts, OpsStore).
  { name: 'ops_notices', purpose: '首页公告（_id = 公告编号）', indexes: [] },
  { name: 'ops_audit', purpose: '操作审计日志（只追加，不修改不删除）', indexes: [{ name: 'at', keys: { at: -1 } }, { name: 'account_at', keys: { account: 1, at: -1 } }] },
  { name: 'ops_counters', purpose: '汇总计数（_id = 计数名|日期，无访客身份）', indexes: [{ name: 'day', keys: { day: 1 } }] },
  { name: 'ops_once', purpose: '任务步骤只做一次的标记（_id = 步骤键）', indexes: [] },
  { name: 'ops_holds', purpose: '场次为团体保留的名额（_id = 保留编号；名额本身记在 booking_sessions）', indexes: [{ name: 'day', keys: { day: 1, createdAt: 1 } }] },
  {
    name: 'booking_waitlist',
    purpose: '候补队列（_id = H(openid, 请求编号)；状态守卫式更新）',
    indexes: [
      { name: 'line', keys: { sessionId: 1, status: 1, joinedAt: 1 } },
      { name: 'owner', keys: { openid: 1, joinedAt: -1 } },
      { name: 'due', keys: { status: 1, offerExpiresAt: 1 } },
    ],
  },
  { name: 'booking_account_ids', purpose: '公平预约：账号近期预约过的证件哈希（_id = openid，rev 守卫）', indexes: [] },
  // Sign-in limits across function instances (store/port.ts, RateLimitStore); ended windows swept.
  { name: 'rate_counters', purpose: '登录频率计数（_id = 键的哈希，窗口结束后清除）', indexes: [{ name: 'reset', keys: { resetAt: 1 } }] },
  // 成果转化 (store/port.ts, TransferStore): operator lists, and visitor records guarded on rev.
  { name: 'transfer_results', purpose: '成果清单（_id = 成果编号）', indexes: [] },
  { name: 'transfer_platforms', purpose: '平台名录（_id = 平台编号，sort 为显示顺序）', indexes: [] },
  { name: 'transfer_needs', purpose: '需求清单（审核后发布；rev 守卫）', indexes: [{ name: 'created', keys: { createdAt: -1 } }] },
  {
    name: 'transfer_requests',
    purpose: '对接请求（发送者与转化专员可见；rev 守卫）',
    indexes: [
      { name: 'owner_created', keys: { openid: 1, createdAt: -1 } },
      { name: 'status_created', keys: { status: 1, createdAt: -1 } },
    ],
  },
  // Groups and schools (store/port.ts, GroupStore): requests guarded on status, and each session's
  // group quota, a counter apart from booking_sessions.
  {
    name: 'group_requests',
    purpose: '团体预约（_id = H(openid, 请求编号)；名单只存证件哈希与掩码；状态守卫式更新）',
    indexes: [
      { name: 'owner_created', keys: { openid: 1, createdAt: -1 } },
      { name: 'day', keys: { day: 1 } },
    ],
  },
  { name: 'group_quota', purpose: '场次团体名额已占数（_id = 场次，守卫式 _.inc，与个人名额分开）', indexes: [] },
  { name: 'staff_accounts', purpose: '工作人员与运营账号（_id = 用户名；口令只存 scrypt 哈希）', indexes: [] },
]
