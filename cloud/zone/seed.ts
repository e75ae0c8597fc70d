// The zone's first-run content from data/: companies, policies and figures named in the article.
import fs from 'node:fs'
import path from 'node:path'
import type { Company, Policy, ZoneChart } from '../contracts/zone'
import type { Store } from '../store/port'
import { CompanyFileSchema, FiguresFileSchema, PolicyFileSchema } from './schema'

const DATA_DIR = path.resolve(__dirname, '..', '..', 'data')
const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(DATA_DIR, name), 'utf8'))

export const readCompanies = (): Company[] => CompanyFileSchema.parse(read('companies.json')).companies as Company[]
export const readPolicies = (): Policy[] => PolicyFileSchema.parse(read('policies.json')).policies as Policy[]
export const readCharts = (): ZoneChart[] => FiguresFileSchema.parse(read('zone-figures.json')).charts as ZoneChart[]

export const ZONE_SEEDED_KEY = 'zone_seeded_at'

/**
 * Seeds the zone once, tracked apart from the exhibit content so that a database created before
 * the zone existed gets its companies and policies on the next start.
 */
export async function seedZoneIfEmpty(store: Store): Promise<boolean> {
  if (await store.meta.get(ZONE_SEEDED_KEY)) return false
  await store.zone.replaceCompanies(readCompanies())
  await store.zone.replacePolicies(readPolicies())
  await store.zone.replaceCharts(readCharts())
  await store.meta.set(ZONE_SEEDED_KEY, new Date().toISOString())
  return true
}
