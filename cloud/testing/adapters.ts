// Test helper: the two store adapters a handler test runs on, as `describe.each` rows — a real
// SQLite file, and the cloud adapter over the wx-server-sdk stand-in — both seeded.
import type { Store } from '../store/port'
import { tempSqliteStore } from './stores'
import { standinCloudStore } from './wxstandin'

export type OpenStore = () => Promise<{ store: Store; cleanup: () => Promise<void> }>

export const BOTH_ADAPTERS: Array<[string, OpenStore]> = [
  ['SQLite', () => tempSqliteStore()],
  ['cloud adapter (stand-in)', () => standinCloudStore()],
]
