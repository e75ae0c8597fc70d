import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { migrations } from './migrations'

export type Db = Database.Database

/** Opens (creating if needed) the database file with the settings the runtime relies on. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  // WAL lets readers go on while a booking writes; busy_timeout rides out a second process (CLI).
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  // Copying the WAL back into the file (a checkpoint) is left to a pause in writing (below);
  // SQLite's own checkpoint, which runs inside whichever commit crosses the limit, only caps the
  // WAL under writing that never pauses (~32 MB).
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`)
  migrate(db)
  return db
}

/** SQLite's own checkpoint threshold, in pages (4 KB). Its default, 1,000, put a checkpoint into every few hundred bookings of a rush. */
export const WAL_CHECKPOINT_PAGES = 8000

/**
 * Checkpoints the WAL once this connection's writing pauses: no change for `quietMs` after some.
 * A rush's commits then only append to the WAL, and the copying back happens between rushes.
 * PASSIVE: it never waits for, or blocks, another connection. Returns the stop function.
 */
export function checkpointWhenQuiet(db: Db, quietMs = 500): () => void {
  const changes = db.prepare('SELECT total_changes() AS n').pluck()
  let seen = changes.get() as number
  let checkpointed = seen
  const timer = setInterval(() => {
    if (!db.open) return
    const now = changes.get() as number
    if (now === seen && now !== checkpointed) {
      db.pragma('wal_checkpoint(PASSIVE)')
      checkpointed = now
    }
    seen = now
  }, quietMs)
  timer.unref()
  return () => clearInterval(timer)
}

export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number
  for (const m of migrations) {
    if (m.version <= current) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return db.pragma('user_version', { simple: true }) as number
}
