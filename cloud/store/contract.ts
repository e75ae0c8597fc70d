// One contract for the storage port, run against every adapter (contract.test.ts): SQLite, and the
// cloud adapter over the wx-server-sdk STAND-IN. A section added to the port adds its cases here,
// in its own `describe` block, so both adapters are held to the same behaviour.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Exhibit, Hall } from '../contracts/exhibit'
import type { Notice } from '../contracts/ops'
import type { BookingRecord, BookRequest, OfferRequest, SavedVisitor, StaffAccount, Store, WaitlistEntry } from './port'
import type { TransferRequestRecord } from '../contracts/transfer'
import { readTransferFile } from '../transfer/seed'
import { readExhibitFile, toExhibits } from './seed'
import { readCharts, readCompanies, readPolicies } from '../zone/seed'
import { DEFAULT_BOOKING_CONFIG, loadBookingConfig, saveBookingConfig } from '../booking/config'
import { sessionClosedReason, sessionRef, templatesOn } from '../booking/calendar'
import { describeHoldsContract } from './contract-holds'
import { describeGroupsContract } from './contract-groups'
import { describeListedContract } from './contract-listed'

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

      it('writes one hall: an edit keeps its place unless moved, a new one goes where its position says, exhibits untouched', async () => {
        await env.store.content.replaceExhibits(halls, exhibits)
        await env.store.content.putHall({ ...halls[0], name: '新材料展区' }, 0)
        expect((await env.store.content.listHalls())[0]).toEqual({ ...halls[0], name: '新材料展区' })
        await env.store.content.putHall({ id: 'future', name: '未来展区', floor: '3F' }, halls.length)
        await env.store.content.putHall(halls[0], halls.length + 1)
        expect((await env.store.content.listHalls()).map((h) => h.id)).toEqual([...halls.slice(1).map((h) => h.id), 'future', halls[0].id])
        expect(await env.store.content.listExhibits()).toHaveLength(exhibits.length)
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

      it('keeps the operator’s booking settings (over data/booking.json) and answers the calendar from them', async () => {
        expect(await loadBookingConfig(env.store)).toEqual(DEFAULT_BOOKING_CONFIG)
        const evening = { key: 'eve', name: '夜场', start: '18:00', end: '20:00', capacity: 50 }
        await saveBookingConfig(env.store, {
          ...DEFAULT_BOOKING_CONFIG,
          weekdaySessions: { '6': [...DEFAULT_BOOKING_CONFIG.sessions, evening] },
          capacityOverrides: [{ date: '2026-11-27', key: 'am', capacity: 2 }],
          closedSessions: [{ sessionId: '2026-11-27.pm', reason: '设备检修' }],
        })
        const config = await loadBookingConfig(env.store)
        expect(templatesOn(config, '2026-11-28').map((t) => t.key)).toEqual(['am', 'pm', 'eve'])
        expect(sessionRef(config, '2026-11-27.am')?.template.capacity).toBe(2)
        expect(sessionRef(config, '2026-11-27.eve')).toBeNull()
        expect(sessionClosedReason(config, '2026-11-27', '2026-11-27.pm')).toBe('设备检修')
        expect(sessionClosedReason(config, '2026-11-27', '2026-11-27.am')).toBeNull()
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

      it('an operator’s edit is read-modify-replace: one record changed, the others kept, the version moved', async () => {
        const v1 = await env.store.zone.replaceCompanies(companies)
        const list = await env.store.zone.listCompanies()
        const renamed = { ...list[0], name: `${list[0].name}（改名）` }
        const v2 = await env.store.zone.replaceCompanies(list.map((c) => (c.id === renamed.id ? renamed : c)))
        expect(v2).not.toBe(v1)
        expect(await env.store.zone.getCompany(renamed.id)).toEqual(renamed)
        expect(await env.store.zone.listCompanies()).toEqual(list.map((c) => (c.id === renamed.id ? renamed : c)))
      })

      it('keeps charts in the given display order', async () => {
        const reversed = [...charts].reverse()
        await env.store.zone.replaceCharts(reversed)
        expect(ids(await env.store.zone.listCharts())).toEqual(ids(reversed))
      })

      it('saves one profile per identity: a re-save replaces the profile and baseline, keeps subscriptions and what was notified', async () => {
        const profile = { inZone: true, qualifications: ['高新技术企业' as const], talent: [], financingNeed: false, employees: 30 }
        expect(await env.store.zone.getProfile('o-a')).toBeNull()
        expect(await env.store.zone.grantProfileNotice('o-a', 10)).toBe(false)
        await env.store.zone.saveProfile({ openid: 'o-a', profile, savedAt: '2026-06-01T01:00:00.000Z', known: { p1: 'f1', p2: 'f2' } })
        expect(await env.store.zone.getProfile('o-a')).toEqual({ openid: 'o-a', profile, savedAt: '2026-06-01T01:00:00.000Z', known: { p1: 'f1', p2: 'f2' }, granted: 0, used: 0, notified: [] })
        expect(await env.store.zone.grantProfileNotice('o-a', 2)).toBe(true)
        expect(await env.store.zone.grantProfileNotice('o-a', 2)).toBe(true)
        expect(await env.store.zone.grantProfileNotice('o-a', 2)).toBe(false)
        expect(await env.store.zone.useProfileNotice('o-a', 0, ['p1:new'])).toBe(true)
        // The same step again (a retry, a racing job) finds `used` moved on and spends nothing.
        expect(await env.store.zone.useProfileNotice('o-a', 0, ['p1:new', 'p2:new'])).toBe(false)
        const edited = { ...profile, employees: 40 }
        await env.store.zone.saveProfile({ openid: 'o-a', profile: edited, savedAt: '2026-06-02T01:00:00.000Z', known: { p3: 'f3' } })
        expect(await env.store.zone.getProfile('o-a')).toEqual({ openid: 'o-a', profile: edited, savedAt: '2026-06-02T01:00:00.000Z', known: { p3: 'f3' }, granted: 2, used: 1, notified: ['p1:new'] })
        expect(await env.store.zone.useProfileNotice('o-a', 1, ['p1:new', 'p3:new'])).toBe(true)
        // Both subscriptions spent: none is left to use.
        expect(await env.store.zone.useProfileNotice('o-a', 2, ['x'])).toBe(false)
      })

      it('lists saved profiles by identity in pages', async () => {
        const profile = { inZone: false, qualifications: [], talent: [], financingNeed: true }
        for (const openid of ['o-c', 'o-a', 'o-b']) await env.store.zone.saveProfile({ openid, profile, savedAt: '2026-06-01T01:00:00.000Z', known: {} })
        expect((await env.store.zone.listProfiles(null, 2)).map((p) => p.openid)).toEqual(['o-a', 'o-b'])
        expect((await env.store.zone.listProfiles('o-b', 2)).map((p) => p.openid)).toEqual(['o-c'])
      })
    })

    describe('booking', () => {
      const visitor = (openid: string, n: number): SavedVisitor => ({
        id: `v-${openid}-${n}`.padEnd(16, 'x'),
        openid,
        name: `参观人${n}`,
        idType: 'resident',
        idHash: `hash-${n}`,
        idMasked: `2102**********${String(n).padStart(4, '0')}`,
        createdAt: `2026-11-26T0${n % 10}:00:00.000Z`,
      })
      const record = (id: string, over: Partial<BookingRecord> = {}): BookingRecord => ({
        id,
        openid: 'o-1',
        clientRequestId: `req-${id}`,
        sessionId: '2026-12-02.am',
        day: '2026-12-02',
        sessionStart: '2026-12-02T01:00:00.000Z',
        sessionEnd: '2026-12-02T04:00:00.000Z',
        places: 2,
        visitors: [{ visitorId: 'v1', name: '张三', idType: 'resident', idHash: 'h1', idMasked: '2102**********0011' }],
        status: 'pending',
        createdAt: '2026-11-26T02:00:00.000Z',
        ...over,
      })
      const at = '2026-11-26T03:00:00.000Z'
      const b = () => env.store.booking

      it('never exceeds capacity under 40 concurrent reservePlaces, and the count is exact', async () => {
        const results = await Promise.all(Array.from({ length: 40 }, () => b().reservePlaces('2026-12-02.am', 25, 2)))
        expect(results.filter(Boolean)).toHaveLength(12)
        expect(await b().placesBooked(['2026-12-02.am', '2026-12-02.pm'])).toEqual({ '2026-12-02.am': 24 })
        expect(await b().reservePlaces('2026-12-02.am', 25, 2)).toBe(false)
        expect(await b().reservePlaces('2026-12-02.am', 25, 1)).toBe(true)
        expect(await b().reservePlaces('2026-12-02.am', 25, 1)).toBe(false)
      })

      it('refuses more places than the capacity on a fresh session, and releases never go below zero', async () => {
        expect(await b().reservePlaces('2026-12-03.pm', 3, 4)).toBe(false)
        expect(await b().reservePlaces('2026-12-03.pm', 3, 3)).toBe(true)
        await b().releasePlaces('2026-12-03.pm', 2)
        expect(await b().placesBooked(['2026-12-03.pm'])).toEqual({ '2026-12-03.pm': 1 })
        await b().releasePlaces('2026-12-03.pm', 5)
        expect(await b().placesBooked(['2026-12-03.pm'])).toEqual({ '2026-12-03.pm': 1 })
        expect(await b().reservePlaces('2026-12-03.pm', 3, 2)).toBe(true)
        expect(await b().reservePlaces('2026-12-03.pm', 3, 1)).toBe(false)
      })

      it('claims an ID per day once: idempotent for the same booking, exclusive across bookings, released only by its holder', async () => {
        const contenders = ['b1', 'b2', 'b3', 'b1']
        const claims = await Promise.all(contenders.map((id) => b().claimId('2026-12-02', 'h1', id)))
        const winners = new Set(contenders.filter((id, i) => claims[i]))
        expect(winners.size).toBe(1)
        const [winner] = [...winners]
        expect(await b().claimId('2026-12-02', 'h1', winner)).toBe(true)
        for (const other of ['b1', 'b2', 'b3'].filter((id) => id !== winner)) expect(await b().claimId('2026-12-02', 'h1', other)).toBe(false)
        expect(await b().claimId('2026-12-03', 'h1', 'b9')).toBe(true)
        const loser = ['b1', 'b2', 'b3'].find((id) => id !== winner)!
        await b().releaseIds('2026-12-02', ['h1'], loser)
        expect(await b().claimId('2026-12-02', 'h1', loser)).toBe(false)
        await b().releaseIds('2026-12-02', ['h1'], winner)
        expect(await b().claimId('2026-12-02', 'h1', loser)).toBe(true)
      })

      it('takes over a claim left by a swept or cancelled booking, never one held by a live or merely refused booking', async () => {
        const refusal = { code: 'BOOKING_UNFINISHED', message: '预约未完成' }
        for (const id of ['swept', 'cancelled', 'live', 'pend', 'refused']) {
          await b().beginBooking(record(id))
          expect(await b().claimId('2026-12-02', `h-${id}`, id)).toBe(true)
        }
        await b().expirePending('swept', '2026-11-26T02:30:00.000Z', { at, refusal })
        await b().transition('cancelled', 'pending', 'confirmed', { at })
        await b().transition('cancelled', 'confirmed', 'cancelled', { at })
        await b().transition('live', 'pending', 'confirmed', { at })
        await b().transition('refused', 'pending', 'refused', { at, refusal: { code: 'SESSION_FULL', message: '满' } })
        // Two newcomers race for each stale claim: exactly one gets it.
        for (const id of ['swept', 'cancelled']) {
          const [x, y] = await Promise.all([b().claimId('2026-12-02', `h-${id}`, 'new1'), b().claimId('2026-12-02', `h-${id}`, 'new2')])
          expect([x, y].filter(Boolean)).toHaveLength(1)
          expect(await b().claimId('2026-12-02', `h-${id}`, x ? 'new1' : 'new2')).toBe(true)
          expect(await b().claimId('2026-12-02', `h-${id}`, id)).toBe(false) // the old holder lost it for good
          // The old holder's late release does not touch the newcomer's claim.
          await b().releaseIds('2026-12-02', [`h-${id}`], id)
          expect(await b().claimId('2026-12-02', `h-${id}`, 'new3')).toBe(false)
        }
        for (const id of ['live', 'pend', 'refused']) expect(await b().claimId('2026-12-02', `h-${id}`, 'new1')).toBe(false)
      })

      it('beginBooking creates once; the same id answers with the existing record', async () => {
        expect(await b().beginBooking(record('bk1', { remind: true }))).toEqual({ created: true })
        const again = await b().beginBooking(record('bk1', { places: 5 }))
        expect(again).toEqual({ created: false, existing: record('bk1', { remind: true }) })
        expect(await b().getBooking('bk1')).toEqual(record('bk1', { remind: true }))
        expect(await b().getBooking('missing')).toBeNull()
      })

      it('transitions only from the expected state and owner: the second of two transitions fails', async () => {
        await b().beginBooking(record('bk1'))
        expect(await b().transition('bk1', 'pending', 'confirmed', { at })).toBe(true)
        expect(await b().transition('bk1', 'pending', 'confirmed', { at })).toBe(false)
        const [x, y] = await Promise.all([
          b().transition('bk1', 'confirmed', 'checked_in', { at }),
          b().transition('bk1', 'confirmed', 'cancelled', { at }, 'o-1'),
        ])
        expect([x, y].filter(Boolean)).toHaveLength(1)
        const after = (await b().getBooking('bk1'))!
        expect(after.status).toBe(x ? 'checked_in' : 'cancelled')
        expect(x ? after.checkedInAt : after.cancelledAt).toBe(at)

        await b().beginBooking(record('bk2'))
        await b().transition('bk2', 'pending', 'confirmed', { at })
        expect(await b().transition('bk2', 'confirmed', 'cancelled', { at }, 'someone-else')).toBe(false)
        await b().beginBooking(record('bk3'))
        const refusal = { code: 'SESSION_FULL', message: '该场次已约满' }
        expect(await b().transition('bk3', 'pending', 'refused', { at, refusal })).toBe(true)
        expect(await b().getBooking('bk3')).toMatchObject({ status: 'refused', refusal })
      })

      it('the museum cancels a confirmed booking (no owner) with its reason kept; racing the owner’s own cancel, exactly one wins', async () => {
        await b().beginBooking(record('mc1'))
        await b().transition('mc1', 'pending', 'confirmed', { at })
        const reason = { code: 'MUSEUM_CANCELLED', message: '团队包场，请改约其他场次' }
        const [museum, owner] = await Promise.all([b().transition('mc1', 'confirmed', 'cancelled', { at, refusal: reason }), b().transition('mc1', 'confirmed', 'cancelled', { at }, 'o-1')])
        expect([museum, owner].filter(Boolean)).toHaveLength(1)
        const after = (await b().getBooking('mc1'))!
        expect(after).toMatchObject({ status: 'cancelled', cancelledAt: at })
        if (museum) expect(after.refusal).toEqual(reason)
        else expect(after.refusal).toBeUndefined()
        expect(await b().transition('mc1', 'confirmed', 'cancelled', { at, refusal: reason })).toBe(false)
      })

      it('marks places held only while pending and only as a change; a refused (not swept) booking reopens with its pending clock restarted', async () => {
        await b().beginBooking(record('m1'))
        expect(await b().markPlacesHeld('m1', false)).toBe(false) // already not held
        expect(await b().markPlacesHeld('m1', true)).toBe(true)
        expect(await b().markPlacesHeld('m1', true)).toBe(false)
        expect(await b().getBooking('m1')).toEqual(record('m1', { placesHeld: true }))
        expect(await b().markPlacesHeld('m1', false)).toBe(true)
        expect(await b().getBooking('m1')).toEqual(record('m1'))
        await b().markPlacesHeld('m1', true)
        expect(await b().reopenRefused('m1', at)).toBe(false) // still pending
        await b().transition('m1', 'pending', 'refused', { at, refusal: { code: 'SESSION_FULL', message: '满' } })
        expect(await b().markPlacesHeld('m1', false)).toBe(false) // not pending any more
        expect(await b().reopenRefused('m1', '2026-11-26T05:00:00.000Z')).toBe(true)
        expect(await b().reopenRefused('m1', at)).toBe(false)
        const reopened = (await b().getBooking('m1'))!
        expect(reopened.status).toBe('pending')
        expect(reopened.placesHeld).toBeUndefined()
        // Reopened at 05:00: not stale before 05:00 although created at 02:00.
        expect(await b().stalePending('2026-11-26T04:00:00.000Z', 10)).toEqual([])
        expect((await b().stalePending('2026-11-26T05:00:01.000Z', 10)).map((r) => r.id)).toEqual(['m1'])
      })

      it('finds bookings pending since before an instant, oldest first; expirePending settles one once, as final, and never a younger or decided one', async () => {
        await b().beginBooking(record('s1', { createdAt: '2026-11-26T02:00:00.000Z' }))
        await b().beginBooking(record('s2', { createdAt: '2026-11-26T01:00:00.000Z' }))
        await b().beginBooking(record('young', { createdAt: '2026-11-26T02:59:00.000Z' }))
        await b().beginBooking(record('done', { createdAt: '2026-11-26T01:30:00.000Z' }))
        await b().transition('done', 'pending', 'confirmed', { at })
        const before = '2026-11-26T02:58:00.000Z'
        expect((await b().stalePending(before, 10)).map((r) => r.id)).toEqual(['s2', 's1'])
        expect((await b().stalePending(before, 1)).map((r) => r.id)).toEqual(['s2'])
        await b().markPlacesHeld('s1', true)

        const refusal = { code: 'BOOKING_UNFINISHED', message: '预约未完成' }
        const [x, y] = await Promise.all([b().expirePending('s1', before, { at, refusal }), b().expirePending('s1', before, { at, refusal })])
        expect([x, y].filter(Boolean)).toHaveLength(1)
        expect(x ?? y).toEqual(record('s1', { status: 'refused', refusal, placesHeld: true, sweptAt: at }))
        expect(await b().getBooking('s1')).toEqual(x ?? y)
        // Final: a swept booking is never reopened, and marks no longer apply.
        expect(await b().reopenRefused('s1', at)).toBe(false)
        expect(await b().markPlacesHeld('s1', false)).toBe(false)
        expect(await b().expirePending('young', before, { at, refusal })).toBeNull()
        expect(await b().expirePending('done', before, { at, refusal })).toBeNull()
        expect((await b().getBooking('done'))!.status).toBe('confirmed')
        expect((await b().stalePending(before, 10)).map((r) => r.id)).toEqual(['s2'])

        // A sweep racing a confirm: exactly one wins.
        const [swept, confirmed] = await Promise.all([b().expirePending('s2', before, { at, refusal }), b().transition('s2', 'pending', 'confirmed', { at })])
        expect(Boolean(swept) !== confirmed).toBe(true)
        expect((await b().getBooking('s2'))!.status).toBe(confirmed ? 'confirmed' : 'refused')
      })

      it('lists an owner\'s decided bookings newest day first, without pending or refused ones', async () => {
        await b().beginBooking(record('old', { day: '2026-12-01', sessionEnd: '2026-12-01T04:00:00.000Z' }))
        await b().transition('old', 'pending', 'confirmed', { at })
        await b().beginBooking(record('new', { day: '2026-12-05', sessionEnd: '2026-12-05T04:00:00.000Z' }))
        await b().transition('new', 'pending', 'confirmed', { at })
        await b().beginBooking(record('pend'))
        await b().beginBooking(record('other', { openid: 'o-2' }))
        await b().transition('other', 'pending', 'confirmed', { at })
        expect((await b().listBookings('o-1', 10)).map((r) => r.id)).toEqual(['new', 'old'])
        expect((await b().listBookings('o-1', 1)).map((r) => r.id)).toEqual(['new'])
      })

      it('finds confirmed bookings whose session has ended (dueNoShows), and counts no-shows since an instant', async () => {
        for (const [id, end] of [['e1', '2026-12-02T04:00:00.000Z'], ['e2', '2026-12-02T09:00:00.000Z'], ['e3', '2026-12-03T04:00:00.000Z']]) {
          await b().beginBooking(record(id, { sessionEnd: end }))
          await b().transition(id, 'pending', 'confirmed', { at })
        }
        await b().beginBooking(record('e4', { sessionEnd: '2026-12-02T04:00:00.000Z' })) // still pending: not due
        const due = await b().dueNoShows('2026-12-02T10:00:00.000Z', 10)
        expect(due.map((r) => r.id)).toEqual(['e1', 'e2'])
        expect((await b().dueNoShows('2026-12-02T10:00:00.000Z', 1)).map((r) => r.id)).toEqual(['e1'])
        for (const r of due) expect(await b().transition(r.id, 'confirmed', 'no_show', { at: '2026-12-02T10:00:00.000Z' })).toBe(true)
        expect((await b().getBooking('e1'))?.noShowAt).toBe('2026-12-02T10:00:00.000Z')
        expect(await b().countNoShows('o-1', '2026-12-01T00:00:00.000Z')).toBe(2)
        expect(await b().countNoShows('o-1', '2026-12-02T05:00:00.000Z')).toBe(1)
        expect(await b().countNoShows('o-2', '2026-12-01T00:00:00.000Z')).toBe(0)
      })

      it('counts a day\'s places per session (confirmed + checked in) and checked-in places; lists the day\'s confirmed visits', async () => {
        const plan: Array<[string, string, number, BookingRecord['status']]> = [
          ['d1', '2026-12-02.am', 2, 'confirmed'],
          ['d2', '2026-12-02.am', 3, 'checked_in'],
          ['d3', '2026-12-02.pm', 1, 'confirmed'],
          ['d4', '2026-12-02.pm', 4, 'cancelled'],
          ['d5', '2026-12-02.pm', 5, 'pending'],
        ]
        for (const [id, sessionId, places, status] of plan) {
          await b().beginBooking(record(id, { sessionId, places }))
          if (status === 'pending') continue
          await b().transition(id, 'pending', 'confirmed', { at })
          if (status !== 'confirmed') await b().transition(id, 'confirmed', status, { at })
        }
        await b().beginBooking(record('other-day', { day: '2026-12-03', sessionId: '2026-12-03.am' }))
        await b().transition('other-day', 'pending', 'confirmed', { at })
        expect(await b().dayCounts('2026-12-02')).toEqual({
          '2026-12-02.am': { booked: 5, checkedIn: 3 },
          '2026-12-02.pm': { booked: 1, checkedIn: 0 },
        })
        expect(await b().dayCounts('2026-12-09')).toEqual({})
        expect((await b().listConfirmedOn('2026-12-02')).map((r) => r.id).sort()).toEqual(['d1', 'd3'])
        // Every booking of the day but the in-flight one, by session: rosters and closures.
        const onDay = await b().listOnDay('2026-12-02')
        expect(onDay.map((r) => [r.id, r.status])).toEqual([['d1', 'confirmed'], ['d2', 'checked_in'], ['d3', 'confirmed'], ['d4', 'cancelled']])
      })

      it('keeps accounts: none at first, then the suspension, overwritten by the next', async () => {
        expect(await b().getAccount('o-1')).toBeNull()
        const s1 = { openid: 'o-1', suspendedUntil: '2026-12-30T00:00:00.000Z', countNoShowsAfter: '2026-11-30T00:00:00.000Z' }
        await b().suspend(s1)
        expect(await b().getAccount('o-1')).toEqual(s1)
        const s2 = { ...s1, suspendedUntil: '2027-01-30T00:00:00.000Z' }
        await b().suspend(s2)
        expect(await b().getAccount('o-1')).toEqual(s2)
        expect(await b().getAccount('o-2')).toBeNull()
      })

      it('saved visitors: add, exists, cap, list in order, get only one\'s own, remove only one\'s own', async () => {
        expect(await b().addVisitor(visitor('o-1', 1), 3)).toBe('added')
        expect(await b().addVisitor(visitor('o-1', 1), 3)).toBe('exists')
        expect(await b().addVisitor(visitor('o-1', 2), 3)).toBe('added')
        expect(await b().addVisitor(visitor('o-1', 3), 3)).toBe('added')
        expect(await b().addVisitor(visitor('o-1', 4), 3)).toBe('cap')
        expect(await b().addVisitor(visitor('o-2', 1), 3)).toBe('added')
        expect(await b().listVisitors('o-1')).toEqual([visitor('o-1', 1), visitor('o-1', 2), visitor('o-1', 3)])
        const theirs = visitor('o-2', 1).id
        expect((await b().getVisitors('o-1', [visitor('o-1', 2).id, theirs])).map((v) => v.id)).toEqual([visitor('o-1', 2).id])
        expect(await b().getVisitors('o-1', [])).toEqual([])
        expect(await b().removeVisitor('o-1', theirs)).toBe('missing')
        expect(await b().removeVisitor('o-1', visitor('o-1', 2).id)).toBe('removed')
        expect(await b().removeVisitor('o-1', visitor('o-1', 2).id)).toBe('missing')
        expect((await b().listVisitors('o-1')).map((v) => v.id)).toEqual([visitor('o-1', 1).id, visitor('o-1', 3).id])
        expect(await b().listVisitors('o-2')).toEqual([visitor('o-2', 1)])
      })

      it('keeps a saved visitor while a confirmed booking of the same account includes it; frees it once cancelled', async () => {
        const v = visitor('o-1', 5)
        await b().addVisitor(v, 20)
        const r = record('bk-keep-000000001', { visitors: [{ visitorId: v.id, name: v.name, idType: 'resident', idHash: v.idHash, idMasked: v.idMasked }] })
        await b().beginBooking(r)
        // Pending: not yet live.
        expect(await b().removeVisitor('o-1', visitor('o-1', 6).id)).toBe('missing')
        await b().transition(r.id, 'pending', 'confirmed', { at })
        expect(await b().removeVisitor('o-1', v.id)).toEqual({ inUseOn: '2026-12-02' })
        await b().transition(r.id, 'confirmed', 'cancelled', { at })
        expect(await b().removeVisitor('o-1', v.id)).toBe('removed')
      })

      it('caps the distinct IDs an account books within the window, counting each ID once and forgetting old ones', async () => {
        const policy = { limit: 3, windowDays: 30 }
        expect(await b().noteBookedIds('o-1', ['h1', 'h2'], '2026-11-01T00:00:00.000Z', policy)).toBe(true)
        expect(await b().noteBookedIds('o-1', ['h2', 'h3'], '2026-11-02T00:00:00.000Z', policy)).toBe(true)
        // A fourth distinct ID is refused and nothing of it is recorded; another account is apart.
        expect(await b().noteBookedIds('o-1', ['h4'], '2026-11-03T00:00:00.000Z', policy)).toBe(false)
        expect(await b().noteBookedIds('o-1', ['h1', 'h3'], '2026-11-03T00:00:00.000Z', policy)).toBe(true)
        expect(await b().noteBookedIds('o-2', ['h4', 'h5', 'h6'], '2026-11-03T00:00:00.000Z', policy)).toBe(true)
        // 30 days after h2 was last booked it no longer counts; h1 and h3 (booked again on the 3rd) still do.
        expect(await b().noteBookedIds('o-1', ['h4'], '2026-12-02T12:00:00.000Z', policy)).toBe(true)
        expect(await b().noteBookedIds('o-1', ['h5'], '2026-12-02T12:00:00.000Z', policy)).toBe(false)
      })

      it('records distinct IDs atomically: 10 concurrent calls for new IDs under a limit of 4 let exactly 4 through', async () => {
        const policy = { limit: 4, windowDays: 30 }
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => b().noteBookedIds('o-9', [`c${i}`], at, policy)))
        expect(results.filter(Boolean)).toHaveLength(4)
      })
    })

    describe('booking — book: one operation with all its guards', () => {
      const b = () => env.store.booking
      const DAY = '2026-12-02'
      const person = (n: number) => ({ visitorId: `v${n}`, name: `参观人${n}`, idType: 'resident' as const, idHash: `h${n}`, idMasked: `2102**********00${n}` })
      const request = (id: string, o: { openid?: string; sessionId?: string; ids?: number[]; capacity?: number; slots?: number; placeSlots?: number; addressSlots?: number; idLimit?: number; at?: string } = {}): BookRequest => {
        const openid = o.openid ?? 'o-1'
        const visitors = (o.ids ?? [1]).map(person)
        return {
          record: {
            id,
            openid,
            clientRequestId: `req-${id}`,
            sessionId: o.sessionId ?? `${DAY}.am`,
            day: DAY,
            sessionStart: '2026-12-02T01:00:00.000Z',
            sessionEnd: '2026-12-02T04:00:00.000Z',
            places: visitors.length,
            visitors,
            status: 'pending',
            createdAt: o.at ?? '2026-11-26T02:00:00.000Z',
          },
          capacity: o.capacity ?? 5,
          bookingSlots: Array.from({ length: o.slots ?? 1 }, (_, k) => `acct:${openid}#b${k}`),
          placeSlots: Array.from({ length: o.placeSlots ?? 0 }, (_, k) => `acct:${openid}#p${k}`),
          ...(o.addressSlots ? { addressSlots: Array.from({ length: o.addressSlots }, (_, k) => `addr:net1.am#p${k}`) } : {}),
          distinctIds: { limit: o.idLimit ?? 10, windowDays: 30 },
          refusal: (code, visitor) => ({ code, message: visitor ? `${code}：${visitor.name}` : code }),
        }
      }
      const booked = async (sessionId = `${DAY}.am`) => (await b().placesBooked([sessionId]))[sessionId] ?? 0
      /** True when nobody holds the key (the probe then holds it: use a key once per test). */
      const free = (key: string) => b().claimId(DAY, key, 'probe')

      it('confirms: the places, the ID claims and the account slot are taken, and the record is confirmed', async () => {
        const outcome = await b().book(request('bk-ok', { ids: [1, 2] }))
        expect(outcome).toMatchObject({ kind: 'confirmed', record: { id: 'bk-ok', status: 'confirmed', places: 2 } })
        expect(await booked()).toBe(2)
        expect(await b().getBooking('bk-ok')).toMatchObject({ status: 'confirmed', places: 2 })
        expect((await b().listBookings('o-1', 10)).map((r) => r.id)).toEqual(['bk-ok'])
        expect(await free('h1')).toBe(false)
        expect(await free('h2')).toBe(false)
        expect(await free('acct:o-1#b0')).toBe(false)
      })

      it('refuses a full session and leaves nothing of the attempt but its stored answer', async () => {
        expect((await b().book(request('bk-a', { openid: 'o-a', ids: [1, 2], capacity: 3 }))).kind).toBe('confirmed')
        const outcome = await b().book(request('bk-b', { openid: 'o-b', ids: [3, 4], capacity: 3 }))
        expect(outcome).toEqual({ kind: 'refused', code: 'SESSION_FULL', refusal: { code: 'SESSION_FULL', message: 'SESSION_FULL' } })
        expect(await booked()).toBe(2)
        expect(await b().getBooking('bk-b')).toMatchObject({ status: 'refused', refusal: { code: 'SESSION_FULL' } })
        expect(await b().listBookings('o-b', 10)).toEqual([])
        // No claim of the refused attempt survives: its IDs and its account slot are free.
        expect(await free('h3')).toBe(true)
        expect(await free('h4')).toBe(true)
        expect(await free('acct:o-b#b0')).toBe(true)
        // One place is still there for a booking that fits.
        expect((await b().book(request('bk-c', { openid: 'o-c', ids: [5], capacity: 3 }))).kind).toBe('confirmed')
        expect(await booked()).toBe(3)
      })

      it('refuses an ID already booked that day, naming the visitor; nothing of the attempt is kept', async () => {
        await b().book(request('bk-first', { openid: 'o-a', ids: [1] }))
        const outcome = await b().book(request('bk-second', { openid: 'o-b', sessionId: `${DAY}.pm`, ids: [2, 1] }))
        expect(outcome).toMatchObject({ kind: 'refused', code: 'ID_ALREADY_BOOKED', refusal: { message: 'ID_ALREADY_BOOKED：参观人1' } })
        expect(await booked(`${DAY}.pm`)).toBe(0)
        expect(await free('h2')).toBe(true) // claimed before the refusal, given back with it
        expect(await free('acct:o-b#b0')).toBe(true)
        expect(await b().getBooking('bk-second')).toMatchObject({ status: 'refused', refusal: { code: 'ID_ALREADY_BOOKED' } })
      })

      it('refuses over the fair-use caps: bookings per account per day, places per account per day, distinct IDs in 30 days', async () => {
        // One booking a day per account (one slot).
        expect((await b().book(request('d1', { ids: [1] }))).kind).toBe('confirmed')
        expect(await b().book(request('d2', { sessionId: `${DAY}.pm`, ids: [2] }))).toMatchObject({ kind: 'refused', code: 'ACCOUNT_DAY_LIMIT' })
        expect(await booked(`${DAY}.pm`)).toBe(0)
        expect(await free('h2')).toBe(true)
        // Three places a day across two bookings.
        const p = { openid: 'o-p', slots: 2, placeSlots: 3 }
        expect((await b().book(request('p1', { ...p, ids: [3, 4] }))).kind).toBe('confirmed')
        expect(await b().book(request('p2', { ...p, sessionId: `${DAY}.pm`, ids: [5, 6] }))).toMatchObject({ kind: 'refused', code: 'ACCOUNT_PLACES_LIMIT' })
        expect(await booked(`${DAY}.pm`)).toBe(0)
        // The second booking slot, taken before that refusal, is back: one more place still fits.
        expect((await b().book(request('p3', { ...p, sessionId: `${DAY}.pm`, ids: [7] }))).kind).toBe('confirmed')
        // At most two distinct IDs within the window: a third is refused and not recorded.
        const i = { openid: 'o-i', slots: 3, idLimit: 2 }
        expect((await b().book(request('i1', { ...i, ids: [8, 9] }))).kind).toBe('confirmed')
        expect(await b().book(request('i2', { ...i, sessionId: `${DAY}.pm`, ids: [10] }))).toMatchObject({ kind: 'refused', code: 'ACCOUNT_ID_LIMIT' })
        expect(await free('h10')).toBe(true)
        expect(await b().noteBookedIds('o-i', ['h8', 'h9'], '2026-11-26T03:00:00.000Z', { limit: 2, windowDays: 30 })).toBe(true)
        expect(await booked()).toBe(1 + 2 + 2)
        expect(await booked(`${DAY}.pm`)).toBe(1)
      })

      it('holds one network to its places in a session, whatever the accounts: a refusal takes nothing', async () => {
        const net = { capacity: 20, addressSlots: 3 }
        expect((await b().book(request('n1', { ...net, openid: 'o-n1', ids: [21, 22] }))).kind).toBe('confirmed')
        expect(await b().book(request('n2', { ...net, openid: 'o-n2', ids: [23, 24] }))).toMatchObject({ kind: 'refused', code: 'ADDRESS_PLACES_LIMIT' })
        expect(await free('acct:o-n2#b0')).toBe(true)
        expect(await free('h23')).toBe(true)
        expect((await b().book(request('n3', { ...net, openid: 'o-n3', ids: [25] }))).kind).toBe('confirmed')
        expect(await booked()).toBe(3)
      })

      it('a retry of the same request answers with the first decision, and takes nothing twice', async () => {
        const first = await b().book(request('r1', { ids: [1, 2] }))
        const again = await b().book(request('r1', { ids: [1, 2], at: '2026-11-26T02:05:00.000Z' }))
        expect(again).toEqual({ kind: 'existing', record: await b().getBooking('r1') })
        expect(first.kind === 'confirmed' && again.kind === 'existing' && again.record.id === first.record.id).toBe(true)
        expect(await booked()).toBe(2)
        // The same id with other content never books anything else.
        expect(await b().book(request('r1', { ids: [3] }))).toMatchObject({ kind: 'existing', record: { status: 'confirmed', places: 2 } })
        expect(await free('h3')).toBe(true)
        // A pending record (a cloud call in flight) answers as it stands.
        await b().beginBooking(request('r2', { openid: 'o-2', ids: [4] }).record)
        expect(await b().book(request('r2', { openid: 'o-2', ids: [4] }))).toMatchObject({ kind: 'existing', record: { status: 'pending' } })
        expect(await booked()).toBe(2)
      })

      it('a refused request is decided afresh on retry (and can take a place freed since); a swept one stays final', async () => {
        await b().book(request('f1', { openid: 'o-a', ids: [1], capacity: 1 }))
        expect((await b().book(request('f2', { openid: 'o-b', ids: [2], capacity: 1 }))).kind).toBe('refused')
        expect(await b().book(request('f2', { openid: 'o-b', ids: [2], capacity: 1 }))).toMatchObject({ kind: 'refused', code: 'SESSION_FULL' })
        await b().transition('f1', 'confirmed', 'cancelled', { at: '2026-11-26T02:10:00.000Z' })
        await b().releasePlaces(`${DAY}.am`, 1)
        expect(await b().book(request('f2', { openid: 'o-b', ids: [2], capacity: 1, at: '2026-11-26T02:20:00.000Z' }))).toMatchObject({ kind: 'confirmed' })
        expect(await b().getBooking('f2')).toMatchObject({ status: 'confirmed' })
        expect(await booked()).toBe(1)
        // Swept (a cloud call that died half-way): final, whatever is free now.
        await b().beginBooking(request('s1', { openid: 'o-s', sessionId: `${DAY}.pm`, ids: [3] }).record)
        await b().expirePending('s1', '2026-11-26T03:00:00.000Z', { at: '2026-11-26T03:00:00.000Z', refusal: { code: 'BOOKING_UNFINISHED', message: '未完成' } })
        expect(await b().book(request('s1', { openid: 'o-s', sessionId: `${DAY}.pm`, ids: [3] }))).toMatchObject({ kind: 'existing', record: { status: 'refused', sweptAt: '2026-11-26T03:00:00.000Z' } })
        expect(await booked(`${DAY}.pm`)).toBe(0)
      })

      it('a request that fails outright fails alone: the others sent at the same moment are decided, and it keeps nothing', async () => {
        await b().book(request('holder', { openid: 'o-h', ids: [1] }))
        const broken = { ...request('broken', { openid: 'o-x', ids: [2, 1] }), refusal: () => { throw new Error('wording failed') } }
        const [before, failed, after] = await Promise.allSettled([
          b().book(request('n1', { openid: 'o-n1', ids: [3] })),
          b().book(broken),
          b().book(request('n2', { openid: 'o-n2', ids: [4] })),
        ])
        expect(failed.status).toBe('rejected')
        expect([before, after].map((o) => o.status === 'fulfilled' && o.value.kind)).toEqual(['confirmed', 'confirmed'])
        expect(await booked()).toBe(3)
        expect(await free('h2')).toBe(true)
        expect(await free('acct:o-x#b0')).toBe(true)
      })

      it('under a simultaneous rush never exceeds capacity, and the same request sent at once books once', async () => {
        const rush = await Promise.all(Array.from({ length: 12 }, (_, k) => b().book(request(`rush-${k}`, { openid: `o-${k}`, ids: [k + 1], capacity: 5 }))))
        expect(rush.filter((o) => o.kind === 'confirmed')).toHaveLength(5)
        expect(rush.filter((o) => o.kind === 'refused' && o.code === 'SESSION_FULL')).toHaveLength(7)
        expect(await booked()).toBe(5)
        const same = await Promise.all(Array.from({ length: 6 }, () => b().book(request('twice', { openid: 'o-t', sessionId: `${DAY}.pm`, ids: [40] }))))
        expect(same.filter((o) => o.kind === 'confirmed')).toHaveLength(1)
        expect(await booked(`${DAY}.pm`)).toBe(1)
      })
    })

    describe('booking — 改签 and 候补 steps', () => {
      const b = () => env.store.booking
      const DAY = '2026-12-02'
      const DAY2 = '2026-12-03'
      const person = (n: number) => ({ visitorId: `v${n}`, name: `参观人${n}`, idType: 'resident' as const, idHash: `h${n}`, idMasked: `2102**********00${n}` })
      /** What a booking and a waitlist entry share: the morning session `sessionId` and visitors `ids`. */
      const onSession = (sessionId: string, ids: number[]) => ({
        sessionId,
        day: sessionId.slice(0, 10),
        sessionStart: `${sessionId.slice(0, 10)}T01:00:00.000Z`,
        sessionEnd: `${sessionId.slice(0, 10)}T04:00:00.000Z`,
        places: ids.length,
        visitors: ids.map(person),
      })
      const bookReq = (id: string, openid: string, ids: number[], sessionId = `${DAY}.am`, capacity = 5): BookRequest => ({
        record: {
          id,
          openid,
          clientRequestId: `req-${id}`,
          ...onSession(sessionId, ids),
          status: 'pending',
          createdAt: '2026-11-26T02:00:00.000Z',
        },
        capacity,
        bookingSlots: [`acct:${openid}#b0`],
        placeSlots: [],
        distinctIds: { limit: 50, windowDays: 30 },
        refusal: (code) => ({ code, message: code }),
      })
      const booked = async (sessionId: string) => (await b().placesBooked([sessionId]))[sessionId] ?? 0
      const freeOn = (day: string, key: string) => b().claimId(day, key, `probe-${key}`)
      const to = (sessionId: string, capacity = 5) => ({ sessionId, day: sessionId.slice(0, 10), sessionStart: `${sessionId.slice(0, 10)}T05:00:00.000Z`, sessionEnd: `${sessionId.slice(0, 10)}T08:30:00.000Z`, capacity })
      const move = (bookingId: string, openid: string, from: string, target: ReturnType<typeof to>) =>
        b().reschedule({ bookingId, openid, from: { sessionId: from, day: from.slice(0, 10) }, to: target, bookingSlots: [`acct:${openid}#b0`], placeSlots: [], releaseOnOldDay: [`acct:${openid}#b0`], at: '2026-11-26T03:00:00.000Z' })

      it('reschedule moves a booking whole: new places and claims taken, old given back; the id and visitors stay', async () => {
        await b().book(bookReq('rs-1', 'o-1', [1, 2]))
        const moved = await move('rs-1', 'o-1', `${DAY}.am`, to(`${DAY2}.pm`))
        expect(moved).toMatchObject({ kind: 'moved', record: { id: 'rs-1', sessionId: `${DAY2}.pm`, day: DAY2, places: 2 } })
        expect(await b().getBooking('rs-1')).toMatchObject({ status: 'confirmed', sessionId: `${DAY2}.pm`, day: DAY2, visitors: [person(1), person(2)] })
        expect(await booked(`${DAY}.am`)).toBe(0)
        expect(await booked(`${DAY2}.pm`)).toBe(2)
        expect(await freeOn(DAY, 'h1')).toBe(true)
        expect(await freeOn(DAY, 'acct:o-1#b0')).toBe(true)
        expect(await freeOn(DAY2, 'h2')).toBe(false)
        expect(await freeOn(DAY2, 'acct:o-1#b0')).toBe(false)
        // The same day, another session: the claims stay with the booking.
        expect(await move('rs-1', 'o-1', `${DAY2}.pm`, to(`${DAY2}.am`))).toMatchObject({ kind: 'moved' })
        expect(await freeOn(DAY2, 'h1')).toBe(false)
        expect(await booked(`${DAY2}.pm`)).toBe(0)
        expect(await booked(`${DAY2}.am`)).toBe(2)
      })

      it('reschedule refused (full, an ID held that day) or gone (not confirmed, not theirs, moved) changes nothing', async () => {
        await b().book(bookReq('rs-a', 'o-1', [1, 2]))
        await b().book(bookReq('rs-b', 'o-2', [3, 4, 5, 6], `${DAY2}.am`))
        await b().book(bookReq('rs-c', 'o-3', [2], `${DAY2}.pm`))
        expect(await move('rs-a', 'o-1', `${DAY}.am`, to(`${DAY2}.am`))).toEqual({ kind: 'refused', code: 'SESSION_FULL' })
        expect(await move('rs-a', 'o-1', `${DAY}.am`, to(`${DAY2}.pm`))).toMatchObject({ kind: 'refused', code: 'ID_ALREADY_BOOKED', visitor: { visitorId: 'v2' } })
        expect(await booked(`${DAY2}.pm`)).toBe(1)
        expect(await booked(`${DAY2}.am`)).toBe(4)
        expect(await booked(`${DAY}.am`)).toBe(2)
        expect(await freeOn(DAY2, 'h1')).toBe(true)
        expect(await freeOn(DAY2, 'acct:o-1#b0')).toBe(true)
        expect(await move('rs-a', 'o-9', `${DAY}.am`, to(`${DAY}.pm`))).toMatchObject({ kind: 'gone' })
        expect(await move('rs-a', 'o-1', `${DAY}.pm`, to(`${DAY2}.pm`))).toMatchObject({ kind: 'gone' })
        await b().transition('rs-a', 'confirmed', 'cancelled', { at: '2026-11-26T03:00:00.000Z' })
        expect(await move('rs-a', 'o-1', `${DAY}.am`, to(`${DAY}.pm`))).toMatchObject({ kind: 'gone', record: { status: 'cancelled' } })
        expect(await booked(`${DAY}.pm`)).toBe(0)
      })

      const entry = (id: string, openid: string, ids: number[], joinedAt: string, sessionId = `${DAY}.am`): WaitlistEntry => ({
        id,
        openid,
        clientRequestId: `wl-${id}`,
        ...onSession(sessionId, ids),
        status: 'waiting',
        joinedAt,
        skips: 0,
        bookingId: `bk-${id}`,
      })
      const offerReq = (o: Partial<OfferRequest> = {}): OfferRequest => ({
        sessionId: `${DAY}.am`,
        capacity: 5,
        at: '2026-11-26T03:00:00.000Z',
        offerExpiresAt: '2026-11-26T03:30:00.000Z',
        maxSkips: 1,
        slotsFor: (openid) => ({ bookingSlots: [`acct:${openid}#b0`], placeSlots: [] }),
        ...o,
      })

      it('joins a line once per request id, once per session per account, up to the account cap', async () => {
        expect(await b().joinWaitlist(entry('w1', 'o-1', [1, 2], '2026-11-26T02:00:00.000Z'), 2)).toBe('joined')
        expect(await b().joinWaitlist(entry('w1', 'o-1', [1, 2], '2026-11-26T02:00:00.000Z'), 2)).toMatchObject({ existing: { id: 'w1', status: 'waiting', places: 2 } })
        expect(await b().joinWaitlist(entry('w2', 'o-1', [1], '2026-11-26T02:00:01.000Z'), 2)).toBe('duplicate')
        expect(await b().joinWaitlist(entry('w3', 'o-1', [1], '2026-11-26T02:00:01.000Z', `${DAY}.pm`), 2)).toBe('joined')
        expect(await b().joinWaitlist(entry('w4', 'o-1', [1], '2026-11-26T02:00:01.000Z', `${DAY2}.pm`), 2)).toBe('cap')
        expect(await b().getWaitlistEntry('w1')).toMatchObject({ status: 'waiting', skips: 0, visitors: [person(1), person(2)], bookingId: 'bk-w1' })
        expect((await b().myWaitlist('o-1', 10)).map((e) => e.id)).toEqual(['w3', 'w1'])
        expect((await b().waitingSessions(10)).sort()).toEqual([`${DAY}.am`, `${DAY}.pm`])
      })

      it('offers in line order with the skip rule, each offer holding its places, ID claims and account key', async () => {
        await b().book(bookReq('full', 'o-0', [10, 11, 12, 13]))
        await b().joinWaitlist(entry('big', 'o-1', [1, 2, 3], '2026-11-26T02:00:00.000Z'), 3)
        await b().joinWaitlist(entry('s1', 'o-2', [4], '2026-11-26T02:00:01.000Z'), 3)
        await b().joinWaitlist(entry('s2', 'o-3', [5], '2026-11-26T02:00:02.000Z'), 3)
        // 1 free: big does not fit, s1 is offered (big skipped once = K), then big blocks s2.
        const first = await b().offerWaitlist(offerReq())
        expect(first.offered.map((e) => e.id)).toEqual(['s1'])
        expect(first).toMatchObject({ skipped: ['big'], blockedBy: 'big' })
        expect(first.offered[0]).toMatchObject({ status: 'offered', held: true, offerExpiresAt: '2026-11-26T03:30:00.000Z' })
        expect(await booked(`${DAY}.am`)).toBe(5)
        expect(await freeOn(DAY, 'h4')).toBe(false)
        expect(await freeOn(DAY, 'acct:o-2#b0')).toBe(false)
        expect((await b().getWaitlistEntry('big'))!.skips).toBe(1)
        // Nothing free: nothing offered, nobody skipped.
        expect(await b().offerWaitlist(offerReq())).toEqual({ offered: [], skipped: [] })
        expect((await b().listWaitlist(`${DAY}.am`)).map((e) => [e.id, e.status])).toEqual([['big', 'waiting'], ['s1', 'offered'], ['s2', 'waiting']])
        expect((await b().dueOffers('2026-11-26T03:29:59.000Z', 10)).map((e) => e.id)).toEqual([])
        expect((await b().dueOffers('2026-11-26T03:30:00.000Z', 10)).map((e) => e.id)).toEqual(['s1'])
      })

      it('an offer is accepted once, into its booking; an expired one cannot be; only the owner accepts', async () => {
        await b().book(bookReq('full', 'o-0', [10, 11, 12, 13]))
        await b().joinWaitlist(entry('one', 'o-1', [1], '2026-11-26T02:00:00.000Z'), 3)
        await b().offerWaitlist(offerReq())
        const acceptAt = (at: string, owner = 'o-1') => {
          const e = entry('one', 'o-1', [1], '2026-11-26T02:00:00.000Z')
          return b().acceptOffer('one', owner, { ...bookReq('bk-one', 'o-1', [1]).record, id: e.bookingId, status: 'confirmed', createdAt: at })
        }
        expect(await acceptAt('2026-11-26T03:10:00.000Z', 'o-9')).toMatchObject({ kind: 'not-offered' })
        expect(await acceptAt('2026-11-26T03:30:00.000Z')).toMatchObject({ kind: 'not-offered', entry: { status: 'offered' } })
        const accepted = await acceptAt('2026-11-26T03:10:00.000Z')
        expect(accepted).toMatchObject({ kind: 'booked', record: { id: 'bk-one', status: 'confirmed', visitors: [person(1)] } })
        expect(await acceptAt('2026-11-26T03:11:00.000Z')).toMatchObject({ kind: 'booked', record: { id: 'bk-one' } })
        expect(await b().getWaitlistEntry('one')).toMatchObject({ status: 'booked', endedAt: '2026-11-26T03:10:00.000Z' })
        expect((await b().listBookings('o-1', 10)).map((r) => r.id)).toEqual(['bk-one'])
        // The booking holds what the offer held: no new places were taken.
        expect(await booked(`${DAY}.am`)).toBe(5)
        expect(await b().transitionEntry('one', 'offered', 'expired', { at: '2026-11-26T04:00:00.000Z', endReason: 'unclaimed' })).toBeNull()
      })

      it('a long line (more than 1,000 entries, many pages) is walked in line order to its end: ties in joinedAt by id, entries past the 1,000th served', async () => {
        // 4 of 7 booked: 3 free. 1,004 entries in two joining instants (ties broken by id); all
        // need 4 places except e0040 (second page), e1002 and e1003 (past any one read's 1,000).
        await b().book(bookReq('full', 'o-0', [10, 11, 12, 13], `${DAY}.am`, 7))
        const at = (i: number) => (i < 500 ? '2026-11-26T02:00:00.000Z' : '2026-11-26T02:00:01.000Z')
        const small = new Set([40, 1002, 1003])
        const ids = Array.from({ length: 1004 }, (_, i) => i)
        for (const i of ids) {
          const n = 100 + 4 * i
          expect(await b().joinWaitlist(entry(`e${String(i).padStart(4, '0')}`, `o-${n}`, small.has(i) ? [n] : [n, n + 1, n + 2, n + 3], at(i)), 3)).toBe('joined')
        }
        const pass = await b().offerWaitlist(offerReq({ capacity: 7, maxSkips: 5000 }))
        expect(pass.offered.map((e) => e.id)).toEqual(['e0040', 'e1002', 'e1003'])
        expect(pass.offered.every((e) => e.status === 'offered' && e.held)).toBe(true)
        expect(await booked(`${DAY}.am`)).toBe(7)
        // The skip rule across pages: each entry passed over counts one skip per offer behind it.
        expect((await b().getWaitlistEntry('e0000'))!.skips).toBe(3)
        expect((await b().getWaitlistEntry('e0041'))!.skips).toBe(2)
        expect((await b().getWaitlistEntry('e1001'))!.skips).toBe(2)
        expect(pass.skipped).toHaveLength(1001)
        // Paging the line answers each entry once, in line order.
        const read: string[] = []
        for (let after: { joinedAt: string; id: string } | null = null; ; ) {
          const page = await b().waitlistPage(`${DAY}.am`, after, 300)
          read.push(...page.map((e) => e.id))
          if (page.length < 300) break
          after = { joinedAt: page[page.length - 1].joinedAt, id: page[page.length - 1].id }
        }
        expect(read).toEqual(ids.map((i) => `e${String(i).padStart(4, '0')}`))
        // The whole line too (positions, the console's list): every entry, not the first 1,000.
        expect((await b().listWaitlist(`${DAY}.am`)).map((e) => e.id)).toEqual(read)
      }, 120_000)

      it('entry transitions are guarded: expiry and leave win once; an entry whose IDs hold the day elsewhere ends (id_booked) and the next is served', async () => {
        await b().book(bookReq('full', 'o-0', [10, 11, 12, 13]))
        await b().book(bookReq('elsewhere', 'o-5', [1], `${DAY}.pm`))
        await b().joinWaitlist(entry('clash', 'o-1', [1], '2026-11-26T02:00:00.000Z'), 3)
        await b().joinWaitlist(entry('next', 'o-2', [2], '2026-11-26T02:00:01.000Z'), 3)
        const pass = await b().offerWaitlist(offerReq())
        expect(pass.offered.map((e) => e.id)).toEqual(['next'])
        expect(pass.ended).toEqual(['clash'])
        expect(await b().getWaitlistEntry('clash')).toMatchObject({ status: 'expired', endReason: 'id_booked', skips: 0, endedAt: '2026-11-26T03:00:00.000Z' })
        // It took nothing: its account key and the session's places are as before.
        expect(await freeOn(DAY, 'acct:o-1#b0')).toBe(true)
        expect(await booked(`${DAY}.am`)).toBe(5)
        const expired = await b().transitionEntry('next', 'offered', 'expired', { at: '2026-11-26T03:40:00.000Z', endReason: 'unclaimed' })
        expect(expired).toMatchObject({ status: 'expired', endReason: 'unclaimed', held: true, endedAt: '2026-11-26T03:40:00.000Z' })
        expect(await b().transitionEntry('next', 'offered', 'left', { at: '2026-11-26T03:41:00.000Z' })).toBeNull()
        await b().joinWaitlist(entry('stay', 'o-3', [3], '2026-11-26T02:00:02.000Z'), 3)
        expect(await b().transitionEntry('stay', 'waiting', 'left', { at: '2026-11-26T03:41:00.000Z' }, { owner: 'o-9' })).toBeNull()
        expect(await b().transitionEntry('stay', 'waiting', 'left', { at: '2026-11-26T03:41:00.000Z' }, { owner: 'o-3' })).toMatchObject({ status: 'left' })
        expect(await b().listWaitlist(`${DAY}.am`)).toEqual([])
      })

      it('an offer holds the entry’s network slots (addressSlots) like a booking; an entry whose network holds its cap keeps its place', async () => {
        const net = (openid: string, _places: number, e: WaitlistEntry) => ({ bookingSlots: [`acct:${openid}#b0`], placeSlots: [], ...(e.network ? { addressSlots: [0, 1, 2].map((k) => `addr:${e.network!.key}.am#p${k}`) } : {}) })
        await b().book({ ...bookReq('net-1', 'o-0', [10, 11]), addressSlots: [0, 1, 2].map((k) => 'addr:n1.am#p' + k) })
        await b().book(bookReq('full', 'o-8', [12, 13, 14]))
        await b().joinWaitlist({ ...entry('over', 'o-1', [1, 2], '2026-11-26T02:00:00.000Z'), network: { key: 'n1', cap: 3 } }, 3)
        await b().joinWaitlist({ ...entry('fits', 'o-2', [3], '2026-11-26T02:00:01.000Z'), network: { key: 'n1', cap: 3 } }, 3)
        await b().transition('full', 'confirmed', 'cancelled', { at: '2026-11-26T02:30:00.000Z' })
        await b().releasePlaces(`${DAY}.am`, 3)
        const pass = await b().offerWaitlist(offerReq({ slotsFor: net }))
        // 'over' would take the network to 4 of 3: it keeps its place; 'fits' takes the network's last slot.
        expect(pass.offered.map((e) => e.id)).toEqual(['fits'])
        expect(await b().getWaitlistEntry('over')).toMatchObject({ status: 'waiting' })
        expect(await freeOn(DAY, 'addr:n1.am#p2')).toBe(false)
      })

      it('reschedule claims the network’s slots in the new session (refused over the cap) and gives back the old session’s', async () => {
        const slots = (s: string) => [0, 1, 2].map((k) => `addr:n1.${s}#p${k}`)
        await b().book({ ...bookReq('n-pm', 'o-0', [10, 11], `${DAY}.pm`), addressSlots: slots('pm') })
        await b().book({ ...bookReq('n-am', 'o-1', [1, 2]), addressSlots: slots('am') })
        const moveVia = () => b().reschedule({ bookingId: 'n-am', openid: 'o-1', from: { sessionId: `${DAY}.am`, day: DAY }, to: to(`${DAY}.pm`), bookingSlots: [], placeSlots: [], releaseOnOldDay: [], addressSlots: slots('pm'), releaseOnOldSession: slots('am'), at: '2026-11-26T03:00:00.000Z' })
        expect(await moveVia()).toEqual({ kind: 'refused', code: 'ADDRESS_PLACES_LIMIT' })
        expect(await booked(`${DAY}.pm`)).toBe(2)
        await b().transition('n-pm', 'confirmed', 'cancelled', { at: '2026-11-26T02:30:00.000Z' })
        await b().releasePlaces(`${DAY}.pm`, 2)
        expect(await moveVia()).toMatchObject({ kind: 'moved' })
        expect(await freeOn(DAY, 'addr:n1.am#p0')).toBe(true)
        expect(await freeOn(DAY, 'addr:n1.pm#p1')).toBe(false)
      })
    })

    describe('operator console (ops)', () => {
      const notice = (id: string, createdAt: string): Notice => ({
        id,
        title: `公告${id}`,
        body: '内容',
        priority: 5,
        validFrom: '2026-11-26T00:00:00.000Z',
        validTo: '2026-11-30T00:00:00.000Z',
        published: true,
        createdAt,
        updatedAt: createdAt,
      })

      it('stores, lists (newest first), overwrites and removes notices', async () => {
        await env.store.ops.putNotice(notice('a', '2026-11-26T01:00:00.000Z'))
        await env.store.ops.putNotice(notice('b', '2026-11-26T02:00:00.000Z'))
        expect((await env.store.ops.listNotices()).map((n) => n.id)).toEqual(['b', 'a'])
        await env.store.ops.putNotice({ ...notice('a', '2026-11-26T01:00:00.000Z'), title: '改过' })
        expect(await env.store.ops.getNotice('a')).toMatchObject({ id: 'a', title: '改过' })
        expect(await env.store.ops.removeNotice('a')).toBe(true)
        expect(await env.store.ops.removeNotice('a')).toBe(false)
        expect(await env.store.ops.getNotice('a')).toBeNull()
      })

      it('appends audit entries and lists them newest first, filtered by account, action and Beijing day', async () => {
        const entry = (id: string, at: string, account: string, action: string) => ({ id, at, account, role: 'admin', action, target: 't', after: { n: id } })
        await env.store.ops.appendAudit(entry('1', '2026-11-25T15:30:00.000Z', 'ann', 'console.saveNotice')) // 11-25 23:30 Beijing
        await env.store.ops.appendAudit(entry('2', '2026-11-25T16:30:00.000Z', 'bob', 'console.closeDay')) // 11-26 00:30 Beijing
        await env.store.ops.appendAudit(entry('3', '2026-11-26T02:00:00.000Z', 'ann', 'console.closeDay'))
        expect((await env.store.ops.listAudit({})).map((e) => e.id)).toEqual(['3', '2', '1'])
        expect((await env.store.ops.listAudit({ account: 'ann' })).map((e) => e.id)).toEqual(['3', '1'])
        expect((await env.store.ops.listAudit({ operation: 'console.closeDay' })).map((e) => e.id)).toEqual(['3', '2'])
        expect((await env.store.ops.listAudit({ fromDay: '2026-11-26', toDay: '2026-11-26' })).map((e) => e.id)).toEqual(['3', '2'])
        expect((await env.store.ops.listAudit({ limit: 1 })).map((e) => e.id)).toEqual(['3'])
        expect((await env.store.ops.listAudit({}))[0]).toEqual(entry('3', '2026-11-26T02:00:00.000Z', 'ann', 'console.closeDay'))
      })

      it('adds up counters per name and day, and lists them by prefix and day range', async () => {
        await env.store.ops.bump('scan:helmet', '2026-11-26')
        await Promise.all([env.store.ops.bump('scan:helmet', '2026-11-26'), env.store.ops.bump('scan:helmet', '2026-11-26', 3)])
        await env.store.ops.bump('scan:vanadium', '2026-11-27')
        await env.store.ops.bump('zone.match', '2026-11-26')
        expect(await env.store.ops.counters('scan:', '2026-11-26', '2026-11-27')).toEqual([
          { counter: 'scan:helmet', day: '2026-11-26', count: 5 },
          { counter: 'scan:vanadium', day: '2026-11-27', count: 1 },
        ])
        expect(await env.store.ops.counters('scan:', '2026-11-27', '2026-11-27')).toEqual([{ counter: 'scan:vanadium', day: '2026-11-27', count: 1 }])
      })

      it('marks a key once: true the first time, false ever after', async () => {
        expect(await env.store.ops.markOnce('closure-release:b1')).toBe(true)
        expect(await env.store.ops.markOnce('closure-release:b1')).toBe(false)
        expect(await env.store.ops.markOnce('closure-release:b2')).toBe(true)
      })

      it('writes one exhibit (edit or new) without touching the others', async () => {
        await env.store.content.replaceExhibits(halls, exhibits)
        const helmet = exhibits.find((e) => e.code === 'helmet')!
        await env.store.content.putExhibit({ ...helmet, name: '改名', unpublished: true })
        expect(await env.store.content.getExhibit('helmet')).toEqual({ ...helmet, name: '改名', unpublished: true })
        expect(await env.store.content.listExhibits()).toHaveLength(exhibits.length)
      })
    })

    describeHoldsContract(() => env.store)
    describeGroupsContract(() => env.store)
    describeListedContract(() => env.store)

    describe('accounts', () => {
      const account = (username: string, extra: Partial<StaffAccount> = {}): StaffAccount => ({
        username,
        name: '张三',
        role: 'staff',
        passwordHash: 'scrypt$32768$8$1$salt$hash',
        failedAttempts: 0,
        disabled: false,
        createdAt: '2026-11-26T00:00:00.000Z',
        ...extra,
      })

      it('creates an account once per username, gets it back whole, and lists accounts by username', async () => {
        expect(await env.store.accounts.get('zhangsan')).toBeNull()
        expect(await env.store.accounts.create(account('zhangsan'))).toBe(true)
        expect(await env.store.accounts.create(account('zhangsan', { name: '冒名' }))).toBe(false)
        await env.store.accounts.create(account('admin1', { role: 'admin', name: '管理员' }))
        expect(await env.store.accounts.get('zhangsan')).toEqual(account('zhangsan'))
        expect((await env.store.accounts.list()).map((a) => a.username)).toEqual(['admin1', 'zhangsan'])
      })

      it('updates what the patch names; a new password hash clears failures and lockout; null for an unknown account', async () => {
        // An account-wide lock from before sign-in counted per (name, address): cleared by a new password.
        await env.store.accounts.create(account('zhangsan', { failedAttempts: 2, lockedUntil: '2026-11-26T01:15:01.000Z' }))
        const renamed = await env.store.accounts.update('zhangsan', { name: '张三丰', disabled: true, at: '2026-11-26T02:00:00.000Z' })
        expect(renamed).toMatchObject({ name: '张三丰', role: 'staff', disabled: true, updatedAt: '2026-11-26T02:00:00.000Z', lockedUntil: '2026-11-26T01:15:01.000Z' })
        const reset = await env.store.accounts.update('zhangsan', { passwordHash: 'scrypt$new', at: '2026-11-26T03:00:00.000Z' })
        expect(reset).toMatchObject({ passwordHash: 'scrypt$new', failedAttempts: 0, name: '张三丰' })
        expect(reset!.lockedUntil).toBeUndefined()
        expect(await env.store.accounts.update('nobody', { name: 'x', at: '2026-11-26T03:00:00.000Z' })).toBeNull()
      })
    })

    describe('rate limits (fixed-window counters)', () => {
      const WINDOW = 10 * 60_000
      const t0 = new Date('2026-11-26T01:03:17.000Z')

      it('counts hits per key in a window opened by its first hit, and says when the window ends', async () => {
        const l = env.store.limits
        expect(await l.hit('signin-ip:203.0.113.7', WINDOW, t0)).toEqual({ count: 1, resetAt: new Date(t0.getTime() + WINDOW) })
        expect((await l.hit('signin-ip:203.0.113.7', WINDOW, new Date(t0.getTime() + 60_000))).count).toBe(2)
        // Another key has its own count; a user name as typed (odd characters, long) is a fine key.
        expect((await l.hit(`signin-user:${'张'.repeat(200)}/.$`, WINDOW, t0)).count).toBe(1)
        expect((await l.hit('signin-ip:203.0.113.7', WINDOW, new Date(t0.getTime() + WINDOW - 1))).count).toBe(3)
        // The next window starts again from one.
        expect(await l.hit('signin-ip:203.0.113.7', WINDOW, new Date(t0.getTime() + WINDOW))).toEqual({ count: 1, resetAt: new Date(t0.getTime() + 2 * WINDOW) })
      })

      it('peeks at a count without counting, and forgets cleared counters', async () => {
        const l = env.store.limits
        expect(await l.peek('p', t0)).toBeNull()
        await l.hit('p', WINDOW, t0)
        await l.hit('p', WINDOW, t0)
        const open = { count: 2, resetAt: new Date(t0.getTime() + WINDOW) }
        expect(await l.peek('p', t0)).toEqual(open)
        expect(await l.peek('p', t0)).toEqual(open)
        expect(await l.peek('p', new Date(t0.getTime() + WINDOW))).toBeNull()
        await l.hit('q', WINDOW, t0)
        await l.clear(['p', 'q', 'never-hit'])
        expect(await l.peek('p', t0)).toBeNull()
        expect((await l.hit('q', WINDOW, t0)).count).toBe(1)
      })

      it('counts every one of many simultaneous hits (no lost increments)', async () => {
        const counts = await Promise.all(Array.from({ length: 12 }, () => env.store.limits.hit('k', WINDOW, t0)))
        expect(Math.max(...counts.map((c) => c.count))).toBe(12)
        expect((await env.store.limits.hit('k', WINDOW, t0)).count).toBe(13)
      })

      it('removes counters whose window ended: by sweep, and when a hit opens a new window', async () => {
        await env.store.limits.hit('a', WINDOW, t0)
        await env.store.limits.hit('b', WINDOW, t0)
        expect(await env.store.limits.sweep(new Date(t0.getTime() + WINDOW - 1))).toBe(0)
        expect(await env.store.limits.sweep(new Date(t0.getTime() + WINDOW))).toBe(2)
        await env.store.limits.hit('a', WINDOW, t0)
        await env.store.limits.hit('b', WINDOW, t0)
        // A hit that opens a window sweeps the ended ones, so nothing is left for a later sweep.
        await env.store.limits.hit('c', WINDOW, new Date(t0.getTime() + 2 * WINDOW))
        expect(await env.store.limits.sweep(new Date(t0.getTime() + 2 * WINDOW))).toBe(0)
        expect((await env.store.limits.hit('c', WINDOW, new Date(t0.getTime() + 2 * WINDOW))).count).toBe(2)
      })
    })

    describe('transfer (成果转化)', () => {
      const seed = readTransferFile()
      const request = (id: string, openid: string, createdAt: string): TransferRequestRecord => ({
        id,
        kind: 'result',
        targetId: 'traindoor',
        targetTitle: '列车触摸屏控制器及塞拉门控制系统',
        organisation: '某公司',
        contactName: '李四',
        phone: '13800000000',
        message: '想了解许可方式和价格',
        openid,
        status: 'submitted',
        history: [{ status: 'submitted', at: createdAt }],
        createdAt,
        notifyGrants: 1,
        rev: 0,
      })

      it('replaces results and platforms wholesale and reads them back as written (platforms in their order)', async () => {
        await env.store.transfer.replaceResults(seed.results)
        await env.store.transfer.replacePlatforms(seed.platforms)
        expect(await env.store.transfer.listResults()).toEqual([...seed.results].sort((a, b) => (a.id < b.id ? -1 : 1)))
        expect(await env.store.transfer.getResult('traindoor')).toEqual(seed.results.find((r) => r.id === 'traindoor'))
        expect(await env.store.transfer.getResult('nope')).toBeNull()
        expect((await env.store.transfer.listPlatforms()).map((p) => p.id)).toEqual(seed.platforms.map((p) => p.id))
        await env.store.transfer.replaceResults(seed.results.slice(0, 1))
        await env.store.transfer.replacePlatforms([...seed.platforms].reverse())
        expect((await env.store.transfer.listResults()).map((r) => r.id)).toEqual([seed.results[0].id])
        expect((await env.store.transfer.listPlatforms()).map((p) => p.id)).toEqual([...seed.platforms].reverse().map((p) => p.id))
      })

      it("saves one result or platform from the rev it was read at (a seeded one's is 0), never rewriting another", async () => {
        await env.store.transfer.replaceResults(seed.results)
        await env.store.transfer.replacePlatforms(seed.platforms)
        const t = env.store.transfer
        const seeded = seed.results.find((r) => r.id === 'traindoor')!
        const edits = [{ ...seeded, title: '甲改', rev: 1 }, { ...seeded, title: '乙改', rev: 1 }]
        // Two officers from the same seeded revision: exactly one wins.
        expect((await Promise.all(edits.map((e) => t.saveResult(e, 0)))).filter(Boolean)).toHaveLength(1)
        const won = (await t.getResult('traindoor'))!
        expect(edits).toContainEqual(won)
        expect(await t.saveResult({ ...seeded, title: '丙改', rev: 1 }, 0)).toBe(false)
        expect(await t.saveResult({ ...won, title: '丙改', rev: 2 }, 1)).toBe(true)
        // A new one only under a free id; removal only from the current rev.
        expect(await t.saveResult({ ...seeded, id: 'traindoor', rev: 1 }, null)).toBe(false)
        expect(await t.saveResult({ ...seeded, id: 'new-one', rev: 1 }, null)).toBe(true)
        expect(await t.removeResult('new-one', 0)).toBe(false)
        expect(await t.removeResult('new-one', 1)).toBe(true)
        expect(await t.removeResult('new-one', 1)).toBe(false)
        expect((await t.listResults()).map((r) => r.id)).toEqual(seed.results.map((r) => r.id).sort())

        const [first, second] = seed.platforms
        expect(await t.savePlatform({ ...second, name: '改名的平台', rev: 1 }, 0)).toBe(true)
        expect(await t.savePlatform({ ...second, name: '另一个名字', rev: 1 }, 0)).toBe(false)
        expect(await t.savePlatform({ ...first, id: 'added-last', rev: 1 }, null)).toBe(true)
        expect(await t.savePlatform({ ...first, id: 'added-last', rev: 1 }, null)).toBe(false)
        const listed = await t.listPlatforms()
        // An edited platform keeps its place; a new one goes last.
        expect(listed.map((p) => p.id)).toEqual([...seed.platforms.map((p) => p.id), 'added-last'])
        expect(listed[1]).toEqual({ ...second, name: '改名的平台', rev: 1 })
        expect(await t.removePlatform(first.id, 1)).toBe(false)
        expect(await t.removePlatform(first.id, 0)).toBe(true)
        expect((await t.listPlatforms()).map((p) => p.id)).toEqual([...seed.platforms.slice(1).map((p) => p.id), 'added-last'])
      })

      it('creates a need once, and changes it only from the rev it was read at', async () => {
        const need = seed.needs[0]
        expect(await env.store.transfer.putNeed(need)).toBe(true)
        expect(await env.store.transfer.putNeed({ ...need, title: '另一个' })).toBe(false)
        expect(await env.store.transfer.getNeed(need.id)).toEqual(need)
        const next = { ...need, status: 'returned' as const, reviewNote: '请写明指标', rev: need.rev + 1, clarity: { ...need.clarity, tried: '改过' } }
        expect(await env.store.transfer.updateNeed(next, need.rev)).toBe(true)
        expect(await env.store.transfer.updateNeed({ ...next, status: 'published', rev: need.rev + 1 }, need.rev)).toBe(false)
        expect(await env.store.transfer.getNeed(need.id)).toEqual(next)
        expect((await env.store.transfer.listNeeds()).map((n) => n.id)).toEqual([need.id])
      })

      it('keeps requests per sender, newest first, and lets exactly one of two racing changes win', async () => {
        await env.store.transfer.createRequest(request('tr-aaaaaaaaaaaaaaaa', 'o-1', '2026-06-01T01:00:00.000Z'))
        await env.store.transfer.createRequest(request('tr-bbbbbbbbbbbbbbbb', 'o-1', '2026-06-02T01:00:00.000Z'))
        await env.store.transfer.createRequest(request('tr-cccccccccccccccc', 'o-2', '2026-06-03T01:00:00.000Z'))
        expect(await env.store.transfer.createRequest(request('tr-cccccccccccccccc', 'o-3', '2026-06-04T01:00:00.000Z'))).toBe(false)
        expect((await env.store.transfer.listRequestsBy('o-1')).map((r) => r.id)).toEqual(['tr-bbbbbbbbbbbbbbbb', 'tr-aaaaaaaaaaaaaaaa'])
        expect((await env.store.transfer.listRequestsBy('o-3'))).toEqual([])
        const before = (await env.store.transfer.getRequest('tr-aaaaaaaaaaaaaaaa'))!
        const step = (status: 'accepted' | 'declined') => ({ ...before, status, history: [...before.history, { status, at: '2026-06-05T01:00:00.000Z' }], rev: 1, notifyGrants: 0 })
        const outcomes = await Promise.all([env.store.transfer.updateRequest(step('accepted'), 0), env.store.transfer.updateRequest(step('declined'), 0)])
        expect(outcomes.filter(Boolean)).toHaveLength(1)
        const after = (await env.store.transfer.getRequest('tr-aaaaaaaaaaaaaaaa'))!
        expect(after.history).toHaveLength(2)
        expect(after.rev).toBe(1)
        expect((await env.store.transfer.listRequests(after.status)).map((r) => r.id)).toEqual(['tr-aaaaaaaaaaaaaaaa'])
        expect((await env.store.transfer.listRequests()).map((r) => r.id)).toEqual(['tr-cccccccccccccccc', 'tr-bbbbbbbbbbbbbbbb', 'tr-aaaaaaaaaaaaaaaa'])
      })
    })

    describe('health', () => {
      it('answers ping with true while open', async () => {
        expect(await env.store.ping()).toBe(true)
      })
    })
  })
}
