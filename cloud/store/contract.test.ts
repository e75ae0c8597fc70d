import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeStoreContract } from './contract'
import { openSqliteStore } from './sqlite'
import { standinCloudStore } from '../testing/wxstandin'
import { COLLECTIONS } from './wxcloud/collections'
import { openWxCloudStore } from './wxcloud'
import { wxDatabaseOverNodeSdk } from './wxcloud/nodesdk'
import { createStandinDatabase } from './wxcloud/standin/database'
import { createFakeNodeSdkDatabase } from './wxcloud/standin/nodesdk'

describeStoreContract('SQLite adapter (real file)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-contract-'))
  const store = openSqliteStore(path.join(dir, 'db.sqlite'))
  return {
    store,
    async cleanup() {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})

// The real cloud database is not reachable from test machines: this runs the cloud adapter over the
// in-process STAND-IN of the wx-server-sdk database API. It proves the adapter keeps the port's
// contract under the documented semantics; it does not prove distributed concurrency, latencies,
// index use or quotas (see docs/wechat-cloud.md and `npm run smoke:cloud`).
describeStoreContract('WeChat cloud adapter over the wx-server-sdk STAND-IN (not the real cloud)', async () => {
  const { store, cleanup } = await standinCloudStore({ seed: false })
  return { store, cleanup }
})

// The same adapter through the bridge the scripts use (cloud:init --apply, smoke:cloud): node-sdk's
// shapes (a FAKE over the stand-in) turned back into wx-server-sdk's by store/wxcloud/nodesdk.ts.
describeStoreContract('WeChat cloud adapter over @cloudbase/node-sdk shapes (FAKE; not the real cloud)', async () => {
  const standin = createStandinDatabase()
  for (const c of COLLECTIONS) await standin.createCollection(c.name)
  const store = openWxCloudStore(wxDatabaseOverNodeSdk(createFakeNodeSdkDatabase(standin)))
  return { store, cleanup: () => store.close() }
})
