import crypto from 'node:crypto'
import type { Company, Policy, ZoneChart } from '../../contracts/zone'
import type { SavedZoneProfile, ZoneStore } from '../port'
import type { Db } from './database'
import { listedSteps } from './listed'

const VERSION_KEY = 'zone_version'

export function sqliteZone(db: Db): ZoneStore {
  const getVersion = db.prepare('SELECT value FROM meta WHERE key = ?')
  const setVersion = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  const listCompanies = db.prepare('SELECT doc FROM zone_companies ORDER BY id')
  const listPolicies = db.prepare('SELECT doc FROM zone_policies ORDER BY id')
  const listCharts = db.prepare('SELECT doc FROM zone_charts ORDER BY sort')
  const getCompany = db.prepare('SELECT doc FROM zone_companies WHERE id = ?')
  const getPolicy = db.prepare('SELECT doc FROM zone_policies WHERE id = ?')
  const insertCompany = db.prepare('INSERT INTO zone_companies (id, doc) VALUES (?, ?)')
  const insertPolicy = db.prepare('INSERT INTO zone_policies (id, doc) VALUES (?, ?)')
  const insertChart = db.prepare('INSERT INTO zone_charts (id, sort, doc) VALUES (?, ?, ?)')
  const getProfile = db.prepare('SELECT doc FROM zone_profiles WHERE openid = ?')
  const putProfile = db.prepare('INSERT INTO zone_profiles (openid, doc) VALUES (?, ?) ON CONFLICT(openid) DO UPDATE SET doc = excluded.doc')
  const listProfiles = db.prepare('SELECT doc FROM zone_profiles WHERE openid > ? ORDER BY openid LIMIT ?')
  const docs = <T>(rows: unknown[]): T[] => rows.map((r) => JSON.parse((r as { doc: string }).doc) as T)
  const one = <T>(row: unknown): T | null => (row ? (JSON.parse((row as { doc: string }).doc) as T) : null)

  const bump = (): string => {
    const version = `${Date.now().toString(36)}-${crypto.randomBytes(4).toString('hex')}`
    setVersion.run(VERSION_KEY, version)
    return version
  }
  const replaceCompanies = db.transaction((companies: Company[]) => {
    db.exec('DELETE FROM zone_companies')
    for (const c of companies) insertCompany.run(c.id, JSON.stringify(c))
    return bump()
  })
  const replacePolicies = db.transaction((policies: Policy[]) => {
    db.exec('DELETE FROM zone_policies')
    for (const p of policies) insertPolicy.run(p.id, JSON.stringify(p))
    return bump()
  })
  const replaceCharts = db.transaction((charts: ZoneChart[]) => {
    db.exec('DELETE FROM zone_charts')
    charts.forEach((c, i) => insertChart.run(c.id, i, JSON.stringify(c)))
    return bump()
  })

  // The console's one-record edits: the step and the version change in one transaction.
  const versioned = <A extends unknown[]>(step: (...args: A) => boolean) =>
    db.transaction((...args: A) => {
      const done = step(...args)
      if (done) bump()
      return done
    })
  const companies = listedSteps(db, 'zone_companies')
  const policies = listedSteps(db, 'zone_policies')
  const saveCompany = versioned(companies.save)
  const removeCompany = versioned(companies.remove)
  const savePolicy = versioned(policies.save)
  const removePolicy = versioned(policies.remove)

  const saveProfile = db.transaction((saved: Pick<SavedZoneProfile, 'openid' | 'profile' | 'savedAt' | 'known'>) => {
    const old = one<SavedZoneProfile>(getProfile.get(saved.openid))
    const next: SavedZoneProfile = { granted: 0, used: 0, notified: [], ...old, ...saved }
    putProfile.run(saved.openid, JSON.stringify(next))
  })
  /** Reads the profile and writes `change(profile)` in one transaction; false when none or change refuses. */
  const changeProfile = db.transaction((openid: string, change: (p: SavedZoneProfile) => SavedZoneProfile | null) => {
    const old = one<SavedZoneProfile>(getProfile.get(openid))
    const next = old && change(old)
    if (!next) return false
    putProfile.run(openid, JSON.stringify(next))
    return true
  })

  return {
    async saveProfile(saved) {
      saveProfile(saved)
    },
    async getProfile(openid) {
      return one<SavedZoneProfile>(getProfile.get(openid))
    },
    async listProfiles(after, limit) {
      return docs<SavedZoneProfile>(listProfiles.all(after ?? '', Math.min(limit, 1000)))
    },
    async grantProfileNotice(openid, maxUnused) {
      return changeProfile(openid, (p) => (p.granted - p.used >= maxUnused ? null : { ...p, granted: p.granted + 1 }))
    },
    async useProfileNotice(openid, used, notified) {
      return changeProfile(openid, (p) => (p.used !== used || p.granted <= used ? null : { ...p, used: used + 1, notified }))
    },
    async version() {
      return (getVersion.get(VERSION_KEY) as { value: string } | undefined)?.value ?? 'empty'
    },
    async listCompanies() {
      return docs<Company>(listCompanies.all())
    },
    async listPolicies() {
      return docs<Policy>(listPolicies.all())
    },
    async getCompany(id) {
      return one<Company>(getCompany.get(id))
    },
    async getPolicy(id) {
      return one<Policy>(getPolicy.get(id))
    },
    async listCharts() {
      return docs<ZoneChart>(listCharts.all())
    },
    async replaceCompanies(companies) {
      return replaceCompanies(companies)
    },
    async replacePolicies(policies) {
      return replacePolicies(policies)
    },
    async replaceCharts(charts) {
      return replaceCharts(charts)
    },
    saveCompany: async (next, rev) => saveCompany(next, rev),
    removeCompany: async (id, rev) => removeCompany(id, rev),
    savePolicy: async (next, rev) => savePolicy(next, rev),
    removePolicy: async (id, rev) => removePolicy(id, rev),
  }
}
