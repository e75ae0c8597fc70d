// The 候补 journey's cast and stage, shared by the H5 (e2e/waitlist.test.ts) and the mini-program
// (e2e/weapp/waitlist.test.ts) versions: a family of three, a server frozen at Thursday 10:00 Beijing
// time, and Friday morning made small (three places) so one other booking fills it.
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../cloud/booking/config'
import { residentIdCheckChar } from '../cloud/contracts/booking'
import type { Store } from '../cloud/store/port'
import { openSqliteStore } from '../cloud/store/sqlite'
import { bj } from '../cloud/testing/booking'
import { startServer, type RunningServer } from './harness'

const validId = (first17: string) => first17 + residentIdCheckChar(first17)
export const FAMILY = [
  { name: '王大海', id: validId('21021119800101123') },
  { name: '刘小梅', id: validId('21021119820202124') },
  { name: '王乐乐', id: validId('21021120150303125') },
]
/** The server's frozen clock, for the other visitor's calls made straight through the handlers. */
export const NOW = bj('2026-11-26 10:00')
/** Friday morning: three places. */
export const AM = '2026-11-27.am'

/** The server (with the H5 build when `h5`), and its database open for the other visitor's calls. */
export async function startWaitlistStage({ h5 }: { h5: boolean }): Promise<{ server: RunningServer; store: Store }> {
  const server = await startServer({ CLOCK_AT: '2026-11-26T10:00:00+08:00', NO_SHOW_INTERVAL_MS: '0' }, { h5 })
  const store = openSqliteStore(server.dbFile)
  await saveBookingConfig(store, { ...DEFAULT_BOOKING_CONFIG, capacityOverrides: [{ date: AM.slice(0, 10), key: 'am', capacity: 3 }] })
  return { server, store }
}
