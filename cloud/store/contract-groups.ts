// The storage port's steps for group requests and the group quota, held to one contract on every
// adapter (called from contract.ts inside describeStoreContract).
import { describe, expect, it } from '@jest/globals'
import type { GroupRequestRecord, Store } from './port'

export function describeGroupsContract(store: () => Store): void {
  describe('groups: requests and the group quota', () => {
    const request = (id: string, over: Partial<GroupRequestRecord> = {}): GroupRequestRecord => ({
      id,
      openid: 'leader-1',
      clientRequestId: `req-${id}`,
      sessionId: '2026-11-28.am',
      day: '2026-11-28',
      sessionStart: '2026-11-28T01:00:00.000Z',
      sessionEnd: '2026-11-28T04:00:00.000Z',
      organisation: '大连高新区第一小学',
      creditCode: '12100000400000624D',
      leaderName: '王老师',
      leaderPhone: '13900000000',
      people: 30,
      counts: { teachers: 2, students: 28, adults: 0 },
      roster: [{ name: '张三', kind: 'teacher', idHash: 'h1', idMasked: '2102**********1234' }],
      status: 'pending',
      createdAt: '2026-11-26T02:00:00.000Z',
      checkedIn: 0,
      headCounts: [],
      ...over,
    })

    it('keeps the group quota within its limit and apart from the individuals’ places', async () => {
      const s = store()
      expect(await s.groups.reservePlaces('2026-11-28.am', 150, 120)).toBe(true)
      expect(await s.groups.reservePlaces('2026-11-28.am', 150, 31)).toBe(false)
      expect(await s.groups.reservePlaces('2026-11-28.am', 150, 30)).toBe(true)
      expect(await s.groups.reservePlaces('2026-11-28.pm', 150, 151)).toBe(false)
      expect(await s.groups.placesTaken(['2026-11-28.am', '2026-11-28.pm'])).toEqual({ '2026-11-28.am': 150 })
      // The individuals' counter of the same session is untouched, and fills on its own.
      expect(await s.booking.placesBooked(['2026-11-28.am'])).toEqual({})
      expect(await s.booking.reservePlaces('2026-11-28.am', 5, 5)).toBe(true)
      expect(await s.groups.placesTaken(['2026-11-28.am'])).toEqual({ '2026-11-28.am': 150 })
      await s.groups.releasePlaces('2026-11-28.am', 30)
      await s.groups.releasePlaces('2026-11-28.am', 500) // more than taken: refused, never below zero
      expect(await s.groups.placesTaken(['2026-11-28.am'])).toEqual({ '2026-11-28.am': 120 })
    })

    it('race: groups and individuals rushing the last places each fill only their own, never past it', async () => {
      const s = store()
      await s.booking.reservePlaces('2026-11-28.pm', 300, 297)
      await s.groups.reservePlaces('2026-11-28.pm', 150, 100)
      const groups = Array.from({ length: 6 }, () => s.groups.reservePlaces('2026-11-28.pm', 150, 20))
      const people = Array.from({ length: 8 }, () => s.booking.reservePlaces('2026-11-28.pm', 300, 1))
      const [g, p] = await Promise.all([Promise.all(groups), Promise.all(people)])
      expect(g.filter(Boolean)).toHaveLength(2)
      expect(p.filter(Boolean)).toHaveLength(3)
      expect(await s.groups.placesTaken(['2026-11-28.pm'])).toEqual({ '2026-11-28.pm': 140 })
      expect(await s.booking.placesBooked(['2026-11-28.pm'])).toEqual({ '2026-11-28.pm': 300 })
    })

    it('a day claim held under a group request id is never taken over by a booking (no booking record names it), until the group releases it', async () => {
      const s = store()
      expect(await s.booking.claimId('2026-11-28', 'hash-a', 'GroupRequest0001')).toBe(true)
      expect(await s.booking.claimId('2026-11-28', 'hash-a', 'GroupRequest0001')).toBe(true) // a retry of the same step
      expect(await s.booking.claimId('2026-11-28', 'hash-a', 'Booking000000002')).toBe(false)
      expect(await s.booking.claimId('2026-11-29', 'hash-a', 'Booking000000002')).toBe(true) // another day is free
      await s.booking.releaseIds('2026-11-28', ['hash-a'], 'Booking000000002') // not the holder: nothing goes
      expect(await s.booking.claimId('2026-11-28', 'hash-a', 'Booking000000003')).toBe(false)
      await s.booking.releaseIds('2026-11-28', ['hash-a'], 'GroupRequest0001')
      expect(await s.booking.claimId('2026-11-28', 'hash-a', 'Booking000000003')).toBe(true)
    })

    it('creates a request once per id, and lists by leader (newest first) and by day (oldest first)', async () => {
      const s = store()
      expect(await s.groups.create(request('g1'))).toBe(true)
      expect(await s.groups.create(request('g1', { people: 99 }))).toBe(false)
      await s.groups.create(request('g2', { createdAt: '2026-11-26T03:00:00.000Z' }))
      await s.groups.create(request('g3', { openid: 'leader-2', day: '2026-11-29', sessionId: '2026-11-29.am' }))
      expect(await s.groups.get('g1')).toEqual(request('g1'))
      expect(await s.groups.get('nope')).toBeNull()
      expect((await s.groups.listBy('leader-1', 10)).map((r) => r.id)).toEqual(['g2', 'g1'])
      expect((await s.groups.listOn('2026-11-28')).map((r) => r.id)).toEqual(['g1', 'g2'])
      expect((await s.groups.listOn('2026-11-29')).map((r) => r.id)).toEqual(['g3'])
    })

    it('decides a request once: of an approval and a rejection racing, exactly one wins, with what it records', async () => {
      const s = store()
      await s.groups.create(request('g1'))
      const [a, b] = await Promise.all([
        s.groups.transition('g1', 'pending', 'approved', { at: '2026-11-26T05:00:00.000Z', by: 'op1' }),
        s.groups.transition('g1', 'pending', 'rejected', { at: '2026-11-26T05:00:01.000Z', by: 'op2', reason: '名额已满' }),
      ])
      const winners = [a, b].filter((r) => r !== null)
      expect(winners).toHaveLength(1)
      expect(await s.groups.get('g1')).toEqual(winners[0])
      expect(winners[0]!.decidedBy).toMatch(/^op[12]$/)
      // Not the owner, or not in `from`: nothing changes.
      expect(await s.groups.transition('g1', winners[0]!.status, 'cancelled', { at: 'x' }, 'someone-else')).toBeNull()
      expect(await s.groups.transition('g1', 'pending', 'cancelled', { at: 'x' }, 'leader-1')).toBeNull()
      const cancelled = await s.groups.transition('g1', winners[0]!.status, 'cancelled', { at: '2026-11-26T06:00:00.000Z' }, 'leader-1')
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAt: '2026-11-26T06:00:00.000Z' })
    })

    it('an approved → cancelled step guarded on nobody inside loses to a head count: the one that lands first wins, never both', async () => {
      const s = store()
      const count = (n: number) => ({ at: '2026-11-28T01:10:00.000Z', by: 'gate1', count: n })
      const cancel = (id: string) => s.groups.transition(id, 'approved', 'cancelled', { at: '2026-11-28T01:10:01.000Z', by: 'op1', reason: '展厅临时检修' }, undefined, { noneCheckedIn: true })
      // A count that landed after the cancel's read: the guarded step is refused, the people stay in.
      await s.groups.create(request('g1'))
      await s.groups.transition('g1', 'pending', 'approved', { at: '2026-11-26T05:00:00.000Z', by: 'op1' })
      expect(await s.groups.countIn('g1', count(3))).toMatchObject({ checkedIn: 3 })
      expect(await cancel('g1')).toBeNull()
      expect(await s.groups.get('g1')).toMatchObject({ status: 'approved', checkedIn: 3 })
      // A cancel that landed first: the count is refused (no longer approved).
      await s.groups.create(request('g2'))
      await s.groups.transition('g2', 'pending', 'approved', { at: '2026-11-26T05:00:00.000Z', by: 'op1' })
      expect(await cancel('g2')).toMatchObject({ status: 'cancelled', checkedIn: 0 })
      expect(await s.groups.countIn('g2', count(3))).toBeNull()
      expect(await s.groups.get('g2')).toMatchObject({ status: 'cancelled', checkedIn: 0, headCounts: [] })
      // Both at once, many times: exactly one of them wins each time.
      for (let i = 0; i < 10; i++) {
        const id = `g-race-${i}`
        await s.groups.create(request(id))
        await s.groups.transition(id, 'pending', 'approved', { at: '2026-11-26T05:00:00.000Z', by: 'op1' })
        const both = i % 2 ? [s.groups.countIn(id, count(2)), cancel(id)] : [cancel(id), s.groups.countIn(id, count(2))]
        const won = (await Promise.all(both)).filter((r) => r !== null)
        expect(won).toHaveLength(1)
        expect(await s.groups.get(id)).toMatchObject(won[0]!.status === 'cancelled' ? { status: 'cancelled', checkedIn: 0 } : { status: 'approved', checkedIn: 2 })
      }
      // The closure's cancel (no guard) still ends a day with people inside.
      expect(await s.groups.transition('g1', 'approved', 'cancelled', { at: '2026-11-28T02:00:00.000Z', by: 'closure', reason: '闭馆' })).toMatchObject({ status: 'cancelled', checkedIn: 3 })
    })

    it('counts heads in only while approved and never past the approved number, even from two gates at once', async () => {
      const s = store()
      await s.groups.create(request('g1'))
      const count = (n: number, by = 'gate1') => ({ at: '2026-11-28T01:10:00.000Z', by, count: n })
      expect(await s.groups.countIn('g1', count(5))).toBeNull() // still pending
      await s.groups.transition('g1', 'pending', 'approved', { at: '2026-11-26T05:00:00.000Z', by: 'op1' })
      expect(await s.groups.countIn('g1', count(12))).toMatchObject({ checkedIn: 12 })
      const racing = await Promise.all([s.groups.countIn('g1', count(10, 'gate1')), s.groups.countIn('g1', count(10, 'gate2'))])
      expect(racing.filter((r) => r !== null)).toHaveLength(1)
      const after = (await s.groups.get('g1'))!
      expect(after.checkedIn).toBe(22)
      expect(after.headCounts.map((c) => c.count)).toEqual([12, 10])
      expect(await s.groups.countIn('g1', count(9))).toBeNull()
      expect(await s.groups.countIn('g1', count(8))).toMatchObject({ checkedIn: 30 })
    })
  })
}
