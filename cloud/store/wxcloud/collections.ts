// The collections the adapter uses and the indexes its queries need; `npm run cloud:init` creates
// them. A section added later (booking, zone) appends its collections and indexes here.
export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

/** A section that adds collections (booking, zone) adds its names here and its specs below. */
export type CollectionName = 'halls' | 'exhibits' | 'meta' | 'config' | 'outbox' | 'zone_companies' | 'zone_policies' | 'zone_charts'

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
]
