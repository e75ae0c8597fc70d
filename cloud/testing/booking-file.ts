// A fresh SQLite file with the seed content, every session holding `places` people: what a rush
// test or benchmark starts the real server over.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../booking/config'
import { seedIfEmpty } from '../store/seed'
import { openSqliteStore } from '../store/sqlite'

export async function seededBookingFile(prefix: string, places: number): Promise<{ dir: string; dbFile: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  const dbFile = path.join(dir, 'bookings.sqlite')
  const store = openSqliteStore(dbFile)
  await seedIfEmpty(store)
  await saveBookingConfig(store, { ...DEFAULT_BOOKING_CONFIG, sessions: DEFAULT_BOOKING_CONFIG.sessions.map((s) => ({ ...s, capacity: places })) })
  await store.close()
  return { dir, dbFile }
}
