// The storage port's steps for session holds and closure-notice status, held to one contract on
// every adapter (called from contract.ts inside describeStoreContract).
import { describe, expect, it } from '@jest/globals'
import type { SessionHold } from '../contracts/holds'
import type { Store } from './port'

export function describeHoldsContract(store: () => Store): void {
  describe('session holds and notice status', () => {
    const hold = (id: string, sessionId: string, createdAt: string, places = 10): SessionHold => ({
      id,
      sessionId,
      day: sessionId.slice(0, 10),
      places,
      name: `团体${id}`,
      status: 'held',
      createdAt,
      createdBy: 'op',
    })

    it('records a hold once per id and lists a day’s holds oldest first, other days apart', async () => {
      expect(await store().ops.addHold(hold('h2', '2026-11-28.pm', '2026-11-26T03:00:00.000Z'))).toBe(true)
      expect(await store().ops.addHold({ ...hold('h1', '2026-11-28.am', '2026-11-26T02:00:00.000Z'), note: '贵宾' })).toBe(true)
      expect(await store().ops.addHold(hold('h1', '2026-11-28.am', '2026-11-26T04:00:00.000Z', 3))).toBe(false)
      await store().ops.addHold(hold('h3', '2026-11-29.am', '2026-11-26T01:00:00.000Z'))
      expect(await store().ops.listHolds('2026-11-28')).toEqual([{ ...hold('h1', '2026-11-28.am', '2026-11-26T02:00:00.000Z'), note: '贵宾' }, hold('h2', '2026-11-28.pm', '2026-11-26T03:00:00.000Z')])
      expect(await store().ops.listHolds('2026-11-30')).toEqual([])
    })

    it('releases a hold once: of two racing releases exactly one answers the hold, and it stays listed as released', async () => {
      await store().ops.addHold(hold('h1', '2026-11-28.am', '2026-11-26T02:00:00.000Z'))
      const patch = { at: '2026-11-26T05:00:00.000Z', by: 'op2' }
      const results = await Promise.all([store().ops.releaseHold('h1', patch), store().ops.releaseHold('h1', patch)])
      expect(results.filter((r) => r !== null)).toEqual([{ ...hold('h1', '2026-11-28.am', '2026-11-26T02:00:00.000Z'), status: 'released', releasedAt: patch.at, releasedBy: 'op2' }])
      expect(await store().ops.releaseHold('h1', patch)).toBeNull()
      expect(await store().ops.releaseHold('unknown', patch)).toBeNull()
      expect((await store().ops.listHolds('2026-11-28')).map((h) => h.status)).toEqual(['released'])
    })

    it('answers where each queued message stands — pending, sent, failed with its error — and leaves out ids never queued', async () => {
      const message = (id: string) => ({ id, kind: 'closure-notice' as const, touser: 'o', templateId: 't', page: 'p', data: {}, createdAt: '2026-11-26T01:00:00.000Z' })
      await store().outbox.enqueue(message('closure:a'))
      await store().outbox.enqueue(message('closure:b'))
      await store().outbox.enqueue(message('closure:c'))
      await store().outbox.settle('closure:b', { status: 'sent', at: '2026-11-26T02:00:00.000Z' })
      await store().outbox.settle('closure:c', { status: 'failed', at: '2026-11-26T02:01:00.000Z', error: '用户拒收' })
      expect(await store().outbox.statusOf(['closure:a', 'closure:b', 'closure:c', 'closure:never'])).toEqual({
        'closure:a': { status: 'pending' },
        'closure:b': { status: 'sent', settledAt: '2026-11-26T02:00:00.000Z' },
        'closure:c': { status: 'failed', settledAt: '2026-11-26T02:01:00.000Z', error: '用户拒收' },
      })
      expect(await store().outbox.statusOf([])).toEqual({})
      // More ids than one cloud page (100) are all answered.
      const many = Array.from({ length: 130 }, (_, i) => `closure:m${String(i).padStart(3, '0')}`)
      for (const id of many) await store().outbox.enqueue(message(id))
      expect(Object.keys(await store().outbox.statusOf(many))).toHaveLength(130)
    })
  })
}
