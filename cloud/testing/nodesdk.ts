// Test helper: a live-style connection (scripts/cloud/live.ts) over FAKES of @cloudbase/node-sdk
// (node-sdk's own shapes, over the in-process stand-in) and @cloudbase/manager-node. It proves the
// scripts speak node-sdk correctly; it does not prove anything about the real cloud.
import { liveConnection, type ManagerLike, type NodeSdkApp } from '../../scripts/cloud/live'
import { createStandinDatabase, type StandinDatabase } from '../store/wxcloud/standin/database'
import { createFakeNodeSdkDatabase } from '../store/wxcloud/standin/nodesdk'

export function fakeNodeSdkConnection(options: { standin?: StandinDatabase; callFunction?: NodeSdkApp['callFunction'] } = {}) {
  const standin = options.standin ?? createStandinDatabase()
  const app: NodeSdkApp = {
    database: () => createFakeNodeSdkDatabase(standin),
    callFunction: options.callFunction ?? (async () => ({ result: null })),
  }
  const manager = {
    database: {
      async createCollectionIfNotExists(name: string) {
        if (standin.collectionNames().includes(name)) return { IsCreated: false, ExistsResult: { Exists: true } }
        await standin.createCollection(name)
        return { IsCreated: true }
      },
      async checkIndexExists(collection: string, name: string) {
        return { Exists: (standin.indexes.get(collection) ?? []).some((i) => i.name === name) }
      },
      async updateCollection(collection: string, options: { CreateIndexes: Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }> } }> }) {
        const list = standin.indexes.get(collection) ?? []
        for (const i of options.CreateIndexes) list.push({ name: i.IndexName, keys: Object.fromEntries(i.MgoKeySchema.MgoIndexKeys.map((k) => [k.Name, Number(k.Direction) as 1 | -1])) })
        standin.indexes.set(collection, list)
        return {}
      },
    },
  } as unknown as ManagerLike
  return { standin, conn: liveConnection(app, manager) }
}
