// The transfer section's first-run content from data/transfer.json: the article's deal, its
// platforms as counts, and a few illustrative results and needs (marked so).
import fs from 'node:fs'
import path from 'node:path'
import type { TransferNeed, TransferPlatform, TransferResult } from '../contracts/transfer'
import type { Store } from '../store/port'
import { TransferFileSchema } from '../contracts/requests/transfer-records'

const FILE = path.resolve(__dirname, '..', '..', 'data', 'transfer.json')

export function readTransferFile(file = FILE): { results: TransferResult[]; needs: TransferNeed[]; platforms: TransferPlatform[] } {
  return TransferFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))) as { results: TransferResult[]; needs: TransferNeed[]; platforms: TransferPlatform[] }
}

export const TRANSFER_SEEDED_KEY = 'transfer_seeded_at'

/** Seeds once, tracked on its own key, so a database made before this section gets it on the next start. */
export async function seedTransferIfEmpty(store: Store): Promise<boolean> {
  if (await store.meta.get(TRANSFER_SEEDED_KEY)) return false
  const file = readTransferFile()
  await store.transfer.replaceResults(file.results)
  await store.transfer.replacePlatforms(file.platforms)
  for (const need of file.needs) await store.transfer.putNeed(need)
  await store.meta.set(TRANSFER_SEEDED_KEY, new Date().toISOString())
  return true
}
