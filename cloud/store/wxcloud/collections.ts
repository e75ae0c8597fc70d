// The collections the adapter uses and the indexes its queries need; `npm run cloud:init` creates
// them. A section added later (booking, zone) appends its collections and indexes here.
export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

/** A section that adds collections (booking, zone) adds its names here and its specs below. */
export type CollectionName = 'halls' | 'exhibits' | 'meta' | 'config' | 'outbox'

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
]
