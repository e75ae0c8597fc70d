// The WeChat cloud-database adapter of the storage port. It takes the database object rather than
// requiring wx-server-sdk, so production passes `cloud.database()` and tests pass the stand-in.
// Adding a section (booking, zone): write `<section>.ts` beside these over the helpers in
// helpers.ts, add its collections to collections.ts, and assemble it below.
import type { Store } from '../port'
import { COLLECTIONS, type CollectionName } from './collections'
import type { WxDatabase } from './db'
import { wxAccounts } from './accounts'
import { wxBooking } from './booking'
import { wxContent } from './content'
import { wxGroups } from './groups'
import { wxLimits } from './limits'
import { wxMeta } from './meta'
import { wxOps } from './ops'
import { wxOutbox } from './outbox'
import { wxTransfer } from './transfer'
import { wxZone } from './zone'

export interface WxStoreOptions {
  /** Prefix for every collection name (the live smoke test works in `smoke_*` collections). */
  prefix?: string
}

export function collectionNames(prefix = ''): Record<CollectionName, string> {
  return Object.fromEntries(COLLECTIONS.map((c) => [c.name, `${prefix}${c.name}`])) as Record<CollectionName, string>
}

export function openWxCloudStore(db: WxDatabase, options: WxStoreOptions = {}): Store {
  const names = collectionNames(options.prefix)
  return {
    ops: wxOps(db, names),
    accounts: wxAccounts(db, names.staff_accounts),
    limits: wxLimits(db, names.rate_counters),
    content: wxContent(db, names),
    meta: wxMeta(db, names.meta),
    outbox: wxOutbox(db, names.outbox),
    zone: wxZone(db, names),
    booking: wxBooking(db, names),
    groups: wxGroups(db, names),
    transfer: wxTransfer(db, names),
    async ping() {
      try {
        await db.collection(names.meta).limit(1).get()
        return true
      } catch {
        return false
      }
    },
    async close() {
      // The SDK keeps no connection of ours open: nothing to release.
    },
  }
}
