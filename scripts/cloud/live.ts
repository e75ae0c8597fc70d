// Connection to a REAL CloudBase / WeChat cloud environment from a developer machine or CI, for
// cloud:init --apply and smoke:cloud. Needs an environment id and an API key pair (Tencent Cloud
// 访问管理 → API 密钥), and two packages that are not dependencies of this project (they are large
// and only needed here): npm install --no-save @cloudbase/node-sdk @cloudbase/manager-node
import type { IndexSpec } from '../../cloud/store/wxcloud/collections'
import type { WxDatabase } from '../../cloud/store/wxcloud/db'
import { wxDatabaseOverNodeSdk, type NodeSdkDatabase } from '../../cloud/store/wxcloud/nodesdk'

export interface LiveCredentials {
  envId: string
  secretId: string
  secretKey: string
}

export function liveCredentials(env: NodeJS.ProcessEnv = process.env): LiveCredentials | null {
  const envId = env.TCB_ENV_ID ?? env.CLOUD_ENV
  const secretId = env.TCB_SECRET_ID ?? env.TENCENTCLOUD_SECRETID
  const secretKey = env.TCB_SECRET_KEY ?? env.TENCENTCLOUD_SECRETKEY
  return envId && secretId && secretKey ? { envId, secretId, secretKey } : null
}

export const MISSING_CREDENTIALS =
  '未设置云环境凭据：需要 TCB_ENV_ID（云开发环境 ID）、TCB_SECRET_ID 和 TCB_SECRET_KEY（腾讯云 API 密钥）。'

/** What cloud:init needs from an environment: collections, indexes, and the database for seeding. */
export interface InitTarget {
  db: WxDatabase
  ensureCollection(name: string): Promise<boolean>
  ensureIndex(collection: string, index: IndexSpec): Promise<boolean>
}

function load<T>(name: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as T
  } catch {
    throw new Error(`缺少 ${name}：请先运行 npm install --no-save @cloudbase/node-sdk @cloudbase/manager-node`)
  }
}

export interface LiveConnection extends InitTarget {
  callFunction(name: string, data: Record<string, unknown>): Promise<unknown>
}

/** What connectLive uses of `@cloudbase/node-sdk`'s app and `@cloudbase/manager-node` (fakes in tests). */
export interface NodeSdkApp {
  database(): NodeSdkDatabase
  callFunction(o: { name: string; data: unknown }): Promise<{ result: unknown }>
}
export interface ManagerLike {
  database: Record<string, (...a: never[]) => Promise<Record<string, unknown>>>
}

export function connectLive(creds: LiveCredentials): LiveConnection {
  const tcb = load<{ init(o: Record<string, string>): NodeSdkApp }>('@cloudbase/node-sdk')
  const Manager = load<new (o: Record<string, string>) => ManagerLike>('@cloudbase/manager-node')
  const app = tcb.init({ env: creds.envId, secretId: creds.secretId, secretKey: creds.secretKey })
  const manager = new Manager({ envId: creds.envId, secretId: creds.secretId, secretKey: creds.secretKey })
  return liveConnection(app, manager)
}

/**
 * The connection over node-sdk and manager-node. node-sdk's database speaks other shapes than
 * wx-server-sdk (add(doc) → { id }, update → { updated }, …): it goes through wxDatabaseOverNodeSdk
 * so init and smoke write exactly the documents the functions read.
 */
export function liveConnection(app: NodeSdkApp, manager: ManagerLike): LiveConnection {
  const db = manager.database as unknown as Record<string, (...a: unknown[]) => Promise<Record<string, unknown>>>
  return {
    db: wxDatabaseOverNodeSdk(app.database()),
    async ensureCollection(name) {
      const res = await db.createCollectionIfNotExists(name)
      return Boolean(res.IsCreated)
    },
    async ensureIndex(collection, index) {
      const exists = await db.checkIndexExists(collection, index.name)
      if (exists.Exists) return false
      await db.updateCollection(collection, {
        CreateIndexes: [
          {
            IndexName: index.name,
            MgoKeySchema: {
              MgoIsUnique: Boolean(index.unique),
              MgoIndexKeys: Object.entries(index.keys).map(([Name, dir]) => ({ Name, Direction: String(dir) })),
            },
          },
        ],
      })
      return true
    },
    async callFunction(name, data) {
      return (await app.callFunction({ name, data })).result
    },
  }
}
