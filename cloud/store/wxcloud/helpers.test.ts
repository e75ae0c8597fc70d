// The reusable cloud steps, over the wx-server-sdk STAND-IN (in-process; not the real cloud).
import { createStandinDatabase } from './standin/database'
import { createIfAbsent, ensureCollection, fetchAll, guardedIncrement } from './helpers'

describe('cloud adapter helpers over the wx-server-sdk STAND-IN', () => {
  it('fetchAll pages past the 1000-document limit by _id ranges and returns every match once', async () => {
    const db = createStandinDatabase({ interleave: false })
    await db.createCollection('docs')
    for (let i = 0; i < 2345; i++) await db.collection('docs').add({ data: { _id: `k${String(i).padStart(5, '0')}`, even: i % 2 === 0 } })
    const before = db.stats.gets
    const all = await fetchAll(db, db.collection('docs'))
    expect(all).toHaveLength(2345)
    expect(new Set(all.map((d) => d._id)).size).toBe(2345)
    expect(db.stats.gets - before).toBe(3)
    expect(await fetchAll(db, db.collection('docs'), { even: true })).toHaveLength(1173)
    expect(await fetchAll(db, db.collection('docs'), { even: true }, 50)).toHaveLength(1173)
  })

  it('a naive single get would silently miss documents past 1000 — the reason fetchAll exists', async () => {
    const db = createStandinDatabase({ interleave: false })
    await db.createCollection('docs')
    for (let i = 0; i < 1200; i++) await db.collection('docs').add({ data: { i } })
    expect((await db.collection('docs').limit(2000).get()).data.length).toBe(1000)
  })

  it('guardedIncrement never passes the bound under 50 concurrent callers; read-then-write would', async () => {
    const db = createStandinDatabase()
    await db.createCollection('sessions')
    await db.collection('sessions').add({ data: { _id: 's', booked: 0 } })
    const results = await Promise.all(
      Array.from({ length: 50 }, () => guardedIncrement(db, db.collection('sessions'), 's', 'booked', 2, { max: 30 })),
    )
    expect(results.filter(Boolean)).toHaveLength(15)
    expect(db.dump('sessions')[0].booked).toBe(30)
    // Releasing below zero is refused too.
    expect(await guardedIncrement(db, db.collection('sessions'), 's', 'booked', -31, { min: 0 })).toBe(false)

    // The contrast: read, check, then write — interleaved callers all see room and overbook.
    await db.collection('sessions').add({ data: { _id: 'naive', booked: 0 } })
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        const { data } = await db.collection('sessions').doc('naive').get()
        if ((data.booked as number) + 2 <= 30) await db.collection('sessions').doc('naive').update({ data: { booked: db.command.inc(2) } })
      }),
    )
    expect(db.dump('sessions').find((d) => d._id === 'naive')!.booked as number).toBeGreaterThan(30)
  })

  it('createIfAbsent creates once per _id among concurrent callers', async () => {
    const db = createStandinDatabase()
    await db.createCollection('bookings')
    const created = await Promise.all(Array.from({ length: 10 }, (_, i) => createIfAbsent(db.collection('bookings'), '2026-12-01:210203199001011234', { n: i })))
    expect(created.filter(Boolean)).toHaveLength(1)
    expect(db.dump('bookings')).toHaveLength(1)
  })

  it('ensureCollection is idempotent, and a failure that leaves no collection is rethrown, not taken for "exists"', async () => {
    const db = createStandinDatabase()
    expect(await ensureCollection(db, 'x')).toBe(true)
    expect(await ensureCollection(db, 'x')).toBe(false)
    const failing = { ...db, createCollection: async () => Promise.reject({ errCode: -501001, errMsg: 'resource system error' }) }
    await expect(ensureCollection(failing, 'y')).rejects.toMatchObject({ errCode: -501001 })
  })

  it('createIfAbsent tells "already there" from other failures by looking the _id up, never by reading the message', async () => {
    const db = createStandinDatabase({ interleave: false })
    await db.createCollection('claims')
    expect(await createIfAbsent(db.collection('claims'), 'k', { n: 1 })).toBe(true)
    // The duplicate arrives as -501001 with a message that says nothing: still "exists".
    expect(await createIfAbsent(db.collection('claims'), 'k', { n: 2 })).toBe(false)
    // A failure that leaves no document (here: the collection is missing) is rethrown, not taken for a duplicate.
    await expect(createIfAbsent(db.collection('never_created'), 'k', { n: 1 })).rejects.toMatchObject({ errCode: -502005 })
    const flaky = { ...db.collection('claims'), add: async () => Promise.reject({ errCode: -501001, errMsg: 'resource system error' }) }
    await expect(createIfAbsent(flaky as never, 'other', {})).rejects.toMatchObject({ errCode: -501001 })
  })
})
