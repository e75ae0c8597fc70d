// Test helper: the cloud adapter over the in-process STAND-IN of the wx-server-sdk database, with
// every collection created as `cloud:init` would, optionally seeded with the real content.
import { seedIfEmpty } from '../store/seed'
import { COLLECTIONS } from '../store/wxcloud/collections'
import { openWxCloudStore } from '../store/wxcloud'
import { createStandinDatabase, type StandinOptions } from '../store/wxcloud/standin/database'

export async function standinCloudStore(options: { seed?: boolean; prefix?: string } & StandinOptions = {}) {
  const db = createStandinDatabase(options)
  for (const c of COLLECTIONS) await db.createCollection(`${options.prefix ?? ''}${c.name}`)
  const store = openWxCloudStore(db, { prefix: options.prefix })
  if (options.seed !== false) await seedIfEmpty(store)
  return { db, store, cleanup: () => store.close() }
}
