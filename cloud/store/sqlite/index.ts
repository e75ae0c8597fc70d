import type { MetaStore, Store } from '../port'
import { checkpointWhenQuiet, openDatabase, type Db } from './database'
import { sqliteAccounts } from './accounts'
import { sqliteBooking } from './booking'
import { sqliteContent } from './content'
import { sqliteGroups } from './groups'
import { sqliteLimits } from './limits'
import { sqliteOps } from './ops'
import { sqliteOutbox } from './outbox'
import { sqliteTransfer } from './transfer'
import { sqliteZone } from './zone'

function sqliteMeta(db: Db): MetaStore {
  const get = db.prepare('SELECT value FROM meta WHERE key = ?')
  const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  return {
    async get(key) {
      return (get.get(key) as { value: string } | undefined)?.value ?? null
    },
    async set(key, value) {
      set.run(key, value)
    },
  }
}

/** The embedded adapter: one SQLite file (WAL), used by the local runtime, the H5 site and tests. */
export function openSqliteStore(file: string): Store & { db: Db } {
  const db = openDatabase(file)
  const stopCheckpoints = file === ':memory:' ? () => {} : checkpointWhenQuiet(db)
  return {
    db,
    ops: sqliteOps(db),
    accounts: sqliteAccounts(db),
    limits: sqliteLimits(db),
    content: sqliteContent(db),
    meta: sqliteMeta(db),
    outbox: sqliteOutbox(db),
    zone: sqliteZone(db),
    booking: sqliteBooking(db),
    groups: sqliteGroups(db),
    transfer: sqliteTransfer(db),
    async ping() {
      return db.prepare('SELECT 1 AS one').get() !== undefined
    },
    async close() {
      stopCheckpoints()
      if (db.open) db.close()
    },
  }
}
