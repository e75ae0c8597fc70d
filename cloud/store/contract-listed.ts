// The console's one-record steps on an operator-kept list (SaveListed / RemoveListed, store/port.ts),
// held to one contract on every adapter for every list that has them: zone companies and policies,
// transfer results and platforms (called from contract.ts inside describeStoreContract).
import { describe, expect, it } from '@jest/globals'
import { readCompanies, readPolicies } from '../zone/seed'
import { readTransferFile } from '../transfer/seed'
import type { RemoveListed, SaveListed, Store } from './port'

type Listed = { id: string; rev?: number }

interface ListUnderTest<T extends Listed> {
  /** Loads the seeded list (its records carry no rev: each is at 0). */
  seed: (records: T[]) => Promise<unknown>
  list: () => Promise<T[]>
  save: SaveListed<T>
  remove: RemoveListed
  /** The list's change marker, where readers key a cache on one (the zone's version). */
  version?: () => Promise<string>
}

/** `optional`: a field the seeded record has and an edit may clear. */
async function holdsTheContract<T extends Listed>(t: ListUnderTest<T>, seeded: T[], optional: keyof T) {
  await t.seed(seeded)
  const [target, neighbour] = seeded.filter((r) => r[optional] !== undefined)
  const others = async () => (await t.list()).filter((r) => r.id !== target.id && r.id !== 'added-one')
  const untouched = await others()
  const version = async () => (t.version ? t.version() : '')
  const v0 = await version()

  // Two editors from the same seeded revision: exactly one wins, whole.
  const edits = [{ ...target, rev: 1 }, { ...target, rev: 1 }].map((r, i) => ({ ...r, [optional]: `${String(r[optional])}（${i ? '乙' : '甲'}改）` }))
  expect((await Promise.all(edits.map((e) => t.save(e, 0)))).filter(Boolean)).toHaveLength(1)
  const won = (await t.list()).find((r) => r.id === target.id)!
  expect(edits).toContainEqual(won)
  const v1 = await version()
  if (t.version) expect(v1).not.toBe(v0)
  // From the old revision: refused, and nothing (not even the version) moves.
  expect(await t.save({ ...target, rev: 1 }, 0)).toBe(false)
  expect(await version()).toBe(v1)
  // From the current one: an edit that clears a field leaves the record without it.
  const { [optional]: _cleared, ...withoutField } = won
  expect(await t.save({ ...withoutField, rev: 2 } as unknown as T, 1)).toBe(true)
  expect((await t.list()).find((r) => r.id === target.id)).toEqual({ ...withoutField, rev: 2 })
  // A new one only under a free id.
  expect(await t.save({ ...neighbour, rev: 1 }, null)).toBe(false)
  expect(await t.save({ ...neighbour, id: 'added-one', rev: 1 }, null)).toBe(true)
  // No other record was rewritten by any of it.
  expect(await others()).toEqual(untouched)
  // Removal only from the current rev, once.
  expect(await t.remove(target.id, 1)).toBe(false)
  expect(await t.remove(target.id, 2)).toBe(true)
  expect(await t.remove(target.id, 2)).toBe(false)
  expect(await t.remove('added-one', 1)).toBe(true)
  expect(await t.list()).toEqual(untouched)
}

export function describeListedContract(store: () => Store): void {
  describe('one-record saves on the console-kept lists', () => {
    it('zone companies: from the rev read, never rewriting another, each write a new version', async () => {
      const z = store().zone
      await holdsTheContract({ seed: (r) => z.replaceCompanies(r), list: () => z.listCompanies(), save: (n, r) => z.saveCompany(n, r), remove: (i, r) => z.removeCompany(i, r), version: () => z.version() }, readCompanies(), 'shortName')
    })

    it('zone policies: the same', async () => {
      const z = store().zone
      await holdsTheContract({ seed: (r) => z.replacePolicies(r), list: () => z.listPolicies(), save: (n, r) => z.savePolicy(n, r), remove: (i, r) => z.removePolicy(i, r), version: () => z.version() }, readPolicies(), 'shortTitle')
    })

    it('a zone list with no generation yet takes its first record from the console', async () => {
      const z = store().zone
      const [company] = readCompanies()
      expect(await z.saveCompany({ ...company, rev: 1 }, null)).toBe(true)
      expect(await z.listCompanies()).toEqual([{ ...company, rev: 1 }])
      expect(await z.getCompany(company.id)).toEqual({ ...company, rev: 1 })
    })

    it('transfer results: the same', async () => {
      const t = store().transfer
      await holdsTheContract({ seed: (r) => t.replaceResults(r), list: () => t.listResults(), save: (n, r) => t.saveResult(n, r), remove: (i, r) => t.removeResult(i, r) }, readTransferFile().results, 'sourceNote')
    })
  })
}
