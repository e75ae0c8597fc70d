// Test helpers: a real SQLite file in a temp folder (not :memory:, so WAL and the file format are
// exercised as in production), seeded with the real content.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ringFromSecret } from '../booking/keys'
import type { CallContext, Role } from '../functions/types'
import type { Store } from '../store/port'
import { seedIfEmpty } from '../store/seed'
import { openSqliteStore } from '../store/sqlite'

export async function tempSqliteStore(options: { seed?: boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-test-'))
  const file = path.join(dir, 'test.sqlite')
  const store = openSqliteStore(file)
  if (options.seed !== false) await seedIfEmpty(store)
  return {
    store,
    file,
    async cleanup() {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function contextFor(store: Store, who: { openid?: string | null; role?: Role; now?: Date; account?: string } = {}): CallContext {
  const now = who.now ?? new Date()
  return {
    openid: who.openid === undefined ? 'test-openid' : who.openid,
    role: who.role ?? 'visitor',
    store,
    now: () => now,
    requestId: 'test',
    keys: ringFromSecret('test-secret'),
    ...(who.account ? { account: who.account } : {}),
  }
}
