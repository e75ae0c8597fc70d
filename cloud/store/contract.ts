// One contract for the storage port, run against every adapter (contract.test.ts): SQLite, and the
// cloud adapter over the wx-server-sdk STAND-IN. A section added to the port adds its cases here,
// in its own `describe` block, so both adapters are held to the same behaviour.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Exhibit, Hall } from '../contracts/exhibit'
import type { Store } from './port'
import { readExhibitFile, toExhibits } from './seed'
import { readCharts, readCompanies, readPolicies } from '../zone/seed'

export interface StoreUnderTest {
  store: Store
  cleanup: () => Promise<void>
}

/** `makeStore` returns a fresh, empty (unseeded) store each time. */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`storage port contract — ${name}`, () => {
    let env: StoreUnderTest
    beforeEach(async () => {
      env = await makeStore()
    })
    afterEach(() => env.cleanup())

    const file = readExhibitFile()
    const halls = file.halls as Hall[]
    const exhibits = toExhibits(file)

    describe('content', () => {
      it('starts empty, then lists exactly what was imported, halls in file order and exhibits by hall then sort', async () => {
        expect(await env.store.content.listExhibits()).toEqual([])
        await env.store.content.replaceExhibits(halls, exhibits)
        expect(await env.store.content.listHalls()).toEqual(halls)
        const listed = await env.store.content.listExhibits()
        expect(listed).toHaveLength(exhibits.length)
        const hallOrder = halls.map((h) => h.id)
        const keys = listed.map((e) => [hallOrder.indexOf(e.hallId), e.sort])
        expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]))
        expect(listed.find((e) => e.code === 'helmet')).toEqual(exhibits.find((e) => e.code === 'helmet'))
      })

      it('gets one exhibit by code, and null for an unknown code', async () => {
        await env.store.content.replaceExhibits(halls, exhibits)
        const helmet = await env.store.content.getExhibit('helmet')
        expect(helmet).toEqual(exhibits.find((e) => e.code === 'helmet'))
        expect(await env.store.content.getExhibit('no-such-thing')).toBeNull()
      })

      it('replaces wholesale: exhibits and halls left out of a new import are gone, changed ones are updated', async () => {
        await env.store.content.replaceExhibits(halls, exhibits)
        const kept = exhibits.filter((e) => e.hallId === exhibits[0].hallId).map((e) => ({ ...e, name: `${e.name}（新）` }))
        const keptHalls = halls.filter((h) => h.id === exhibits[0].hallId)
        await env.store.content.replaceExhibits(keptHalls, kept)
        expect(await env.store.content.listHalls()).toEqual(keptHalls)
        expect((await env.store.content.listExhibits()).map((e) => e.name).sort()).toEqual(kept.map((e) => e.name).sort())
        const gone = exhibits.find((e) => e.hallId !== exhibits[0].hallId)!
        expect(await env.store.content.getExhibit(gone.code)).toBeNull()
      })

      it('returns copies: changing a returned exhibit does not change the store', async () => {
        await env.store.content.replaceExhibits(halls, exhibits)
        const first = (await env.store.content.getExhibit('helmet')) as Exhibit
        first.name = 'changed'
        first.figures.push({ label: 'x', value: 'y' })
        expect((await env.store.content.getExhibit('helmet'))?.name).not.toBe('changed')
      })
    })

    describe('meta', () => {
      it('answers null for an unknown key, stores a value, and overwrites it', async () => {
        expect(await env.store.meta.get('seeded_at')).toBeNull()
        await env.store.meta.set('seeded_at', '2026-11-26T00:00:00.000Z')
        expect(await env.store.meta.get('seeded_at')).toBe('2026-11-26T00:00:00.000Z')
        await env.store.meta.set('seeded_at', 'again')
        expect(await env.store.meta.get('seeded_at')).toBe('again')
      })
    })

    describe('outbox', () => {
      const message = (id: string, createdAt: string) => ({
        id,
        kind: 'visit-reminder' as const,
        touser: 'openid-1',
        templateId: 'tmpl',
        page: 'pages/mine/index',
        data: { thing1: { value: '参观提醒' } },
        createdAt,
      })

      it('queues a message once per id, so a retried job does not double-send', async () => {
        expect(await env.store.outbox.enqueue(message('remind:b1', '2026-11-26T02:00:00.000Z'))).toBe(true)
        expect(await env.store.outbox.enqueue(message('remind:b1', '2026-11-26T02:05:00.000Z'))).toBe(false)
        const pending = await env.store.outbox.pending(10)
        expect(pending).toEqual([{ ...message('remind:b1', '2026-11-26T02:00:00.000Z'), status: 'pending' }])
      })

      it('lists pending messages oldest first, up to the limit', async () => {
        await env.store.outbox.enqueue(message('c', '2026-11-26T03:00:00.000Z'))
        await env.store.outbox.enqueue(message('a', '2026-11-26T01:00:00.000Z'))
        await env.store.outbox.enqueue(message('b', '2026-11-26T02:00:00.000Z'))
        expect((await env.store.outbox.pending(2)).map((m) => m.id)).toEqual(['a', 'b'])
      })

      it('settles a message once: a second settle (another worker) answers false and it leaves the pending list', async () => {
        await env.store.outbox.enqueue(message('m', '2026-11-26T01:00:00.000Z'))
        const at = '2026-11-26T04:00:00.000Z'
        const [first, second] = await Promise.all([
          env.store.outbox.settle('m', { status: 'sent', at }),
          env.store.outbox.settle('m', { status: 'failed', at, error: 'x' }),
        ])
        expect([first, second].sort()).toEqual([false, true])
        expect(await env.store.outbox.pending(10)).toEqual([])
        expect(await env.store.outbox.settle('unknown', { status: 'sent', at })).toBe(false)
      })
    })

    describe('zone', () => {
      const companies = readCompanies()
      const policies = readPolicies()
      const charts = readCharts()
      const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id)

      it('starts empty with the "empty" version, then lists companies and policies by id', async () => {
        expect(await env.store.zone.version()).toBe('empty')
        expect(await env.store.zone.listCompanies()).toEqual([])
        await env.store.zone.replaceCompanies(companies)
        await env.store.zone.replacePolicies(policies)
        expect(ids(await env.store.zone.listCompanies())).toEqual(ids(companies).sort())
        expect(await env.store.zone.listPolicies()).toHaveLength(policies.length)
        expect(await env.store.zone.getCompany('rongke')).toEqual(companies.find((c) => c.id === 'rongke'))
        expect(await env.store.zone.getPolicy('no-such-policy')).toBeNull()
      })

      it('changes the version on every replace, and a replace leaves no record of the old set behind', async () => {
        const v1 = await env.store.zone.replaceCompanies(companies)
        const v2 = await env.store.zone.replaceCompanies(companies.slice(0, 2))
        expect(v2).not.toBe(v1)
        expect(await env.store.zone.version()).toBe(v2)
        expect(ids(await env.store.zone.listCompanies())).toEqual(ids(companies.slice(0, 2)).sort())
        expect(await env.store.zone.getCompany(companies[5].id)).toBeNull()
      })

      it('keeps charts in the given display order', async () => {
        const reversed = [...charts].reverse()
        await env.store.zone.replaceCharts(reversed)
        expect(ids(await env.store.zone.listCharts())).toEqual(ids(reversed))
      })
    })

    describe('health', () => {
      it('answers ping with true while open', async () => {
        expect(await env.store.ping()).toBe(true)
      })
    })
  })
}
