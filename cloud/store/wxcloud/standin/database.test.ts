// Checks that the STAND-IN follows the documented wx-server-sdk database semantics the adapter
// relies on. It is a stand-in: passing here says nothing about real latencies, distributed
// concurrency, index use or quotas.
import { createStandinDatabase, ERR } from './database'

async function fresh(...names: string[]) {
  const db = createStandinDatabase({ now: () => new Date('2026-11-26T08:00:00.000Z') })
  for (const n of names) await db.createCollection(n)
  return db
}

describe('wx-server-sdk database STAND-IN (in-process; not the real cloud)', () => {
  it('returns at most 1000 documents per get, and 100 when no limit is given', async () => {
    const db = await fresh('docs')
    for (let i = 0; i < 1500; i++) await db.collection('docs').add({ data: { _id: `d${String(i).padStart(4, '0')}`, n: i } })
    expect((await db.collection('docs').get()).data).toHaveLength(100)
    expect((await db.collection('docs').limit(5000).get()).data).toHaveLength(1000)
    expect((await db.collection('docs').orderBy('n', 'asc').skip(1400).limit(1000).get()).data).toHaveLength(100)
    expect((await db.collection('docs').count()).total).toBe(1500)
  })

  it('rejects add with an _id that exists (duplicate key) and generates ids otherwise', async () => {
    const db = await fresh('c')
    await db.collection('c').add({ data: { _id: 'x', v: 1 } })
    await expect(db.collection('c').add({ data: { _id: 'x', v: 2 } })).rejects.toMatchObject({ errCode: ERR.SYS_ERR })
    const { _id } = await db.collection('c').add({ data: { v: 3 } })
    expect(_id).toMatch(/^[0-9a-f]{32}$/)
    expect(db.dump('c').find((d) => d._id === 'x')?.v).toBe(1)
  })

  it('fails writes to a collection that was never created', async () => {
    const db = await fresh()
    await expect(db.collection('nope').add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 })
  })

  it('guarded update: where with _.lte then _.inc answers stats.updated 1, or 0 when the guard fails', async () => {
    const db = await fresh('s')
    const _ = db.command
    await db.collection('s').add({ data: { _id: 's1', booked: 8 } })
    const reserve = (n: number) => db.collection('s').where({ _id: 's1', booked: _.lte(10 - n) }).update({ data: { booked: _.inc(n) } })
    expect((await reserve(2)).stats.updated).toBe(1)
    expect((await reserve(1)).stats.updated).toBe(0)
    expect(db.dump('s')[0].booked).toBe(10)
  })

  it('supports _.in, _.nin, _.neq, _.gt, _.and, _.or, _.exists, _.set, _.remove and nested field updates', async () => {
    const db = await fresh('c')
    const _ = db.command
    for (const [id, n] of [['a', 1], ['b', 2], ['c', 3]] as const) await db.collection('c').add({ data: { _id: id, n, tag: { k: id } } })
    const ids = async (cond: unknown) => (await db.collection('c').where(cond).orderBy('_id', 'asc').get()).data.map((d) => d._id)
    expect(await ids({ _id: _.in(['a', 'c']) })).toEqual(['a', 'c'])
    expect(await ids({ _id: _.nin(['a']) })).toEqual(['b', 'c'])
    expect(await ids({ n: _.neq(2) })).toEqual(['a', 'c'])
    expect(await ids({ n: _.and([_.gt(1), _.lt(3)]) })).toEqual(['b'])
    expect(await ids(_.or([{ n: 1 }, { 'tag.k': 'c' }]))).toEqual(['a', 'c'])
    await db.collection('c').doc('a').update({ data: { tag: { extra: true }, n: _.remove() } })
    expect(db.dump('c').find((d) => d._id === 'a')).toEqual({ _id: 'a', tag: { k: 'a', extra: true } })
    expect(await ids({ n: _.exists(false) })).toEqual(['a'])
    await db.collection('c').doc('b').update({ data: { tag: _.set({ only: 1 }) } })
    expect(db.dump('c').find((d) => d._id === 'b')?.tag).toEqual({ only: 1 })
  })

  it('resolves serverDate() to the server clock on write', async () => {
    const db = await fresh('c')
    await db.collection('c').add({ data: { _id: 'x', at: db.serverDate() } })
    expect(db.dump('c')[0].at).toEqual(new Date('2026-11-26T08:00:00.000Z'))
  })

  it('doc(id).get rejects for a missing document (throwOnNotFound default)', async () => {
    const db = await fresh('c')
    await expect(db.collection('c').doc('missing').get()).rejects.toMatchObject({ errCode: ERR.DOCUMENT_NOT_FOUND })
  })

  it('runTransaction allows single-document operations only; where() inside throws', async () => {
    const db = await fresh('c')
    await db.collection('c').add({ data: { _id: 'a', n: 1 } })
    await expect(
      db.runTransaction(async (tx) => {
        ;(tx.collection('c') as unknown as { where: (c: unknown) => unknown }).where({ n: 1 })
      }),
    ).rejects.toThrow(/single-document/)
  })

  it('runTransaction commits all writes together, and rollback(v) rejects with v leaving nothing changed', async () => {
    const db = await fresh('acct')
    const _ = db.command
    await db.collection('acct').add({ data: { _id: 'a', amount: 10 } })
    await db.collection('acct').add({ data: { _id: 'b', amount: 0 } })
    await db.runTransaction(async (tx) => {
      await tx.collection('acct').doc('a').update({ data: { amount: _.inc(-4) } })
      expect((await tx.collection('acct').doc('a').get()).data.amount).toBe(6) // own writes visible
      expect(db.dump('acct').find((d) => d._id === 'a')?.amount).toBe(10) // invisible outside until commit
      await tx.collection('acct').doc('b').update({ data: { amount: _.inc(4) } })
    })
    expect(db.dump('acct').map((d) => d.amount)).toEqual([6, 4])
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('acct').doc('a').update({ data: { amount: _.inc(-100) } })
        await tx.rollback('insufficient')
      }),
    ).rejects.toBe('insufficient')
    expect(db.dump('acct').map((d) => d.amount)).toEqual([6, 4])
  })

  it('runTransaction re-runs on conflict (up to `times`) so concurrent transfers never lose an update', async () => {
    const db = await fresh('acct')
    const _ = db.command
    await db.collection('acct').add({ data: { _id: 'a', amount: 0 } })
    const add = () =>
      db.runTransaction(async (tx) => {
        const { data } = await tx.collection('acct').doc('a').get()
        await tx.collection('acct').doc('a').set({ data: { amount: (data.amount as number) + 1 } })
      }, 20)
    await Promise.all(Array.from({ length: 5 }, add))
    expect(db.dump('acct')[0].amount).toBe(5)
    expect(db.stats.conflicts).toBeGreaterThan(0)
    void _
  })

  it('answers a duplicate _id as wx-server-sdk does: errCode -501001 and a message that names no cause', async () => {
    const db = await fresh('c')
    await db.collection('c').add({ data: { _id: 'x' } })
    const error = await db.collection('c').add({ data: { _id: 'x' } }).catch((e: unknown) => e)
    expect(error).toMatchObject({ errCode: -501001 })
    expect(String((error as { errMsg: string }).errMsg)).not.toMatch(/E11000|duplicate|DUPLICATE/i)
  })

  it('rejects _id inside set and update data (「不能更新_id的值」, -501007) and leaves the document as it was', async () => {
    const db = await fresh('c')
    await db.collection('c').add({ data: { _id: 'x', v: 1 } })
    await expect(db.collection('c').doc('x').set({ data: { _id: 'x', v: 2 } })).rejects.toMatchObject({ errCode: -501007, errMsg: expect.stringContaining('不能更新_id的值') })
    await expect(db.collection('c').doc('x').update({ data: { _id: 'x', v: 3 } })).rejects.toMatchObject({ errCode: -501007 })
    await expect(db.collection('c').where({ v: 1 }).update({ data: { _id: 'y' } })).rejects.toMatchObject({ errCode: -501007 })
    await expect(db.runTransaction(async (tx) => void (await tx.collection('c').doc('x').set({ data: { _id: 'x', v: 4 } })))).rejects.toMatchObject({ errCode: -501007 })
    expect(db.dump('c')).toEqual([{ _id: 'x', v: 1 }])
  })

  it('counts modified documents in stats.updated: writing the values already there answers 0', async () => {
    const db = await fresh('c')
    for (const id of ['a', 'b']) await db.collection('c').add({ data: { _id: id, status: 'pending' } })
    await db.collection('c').doc('b').update({ data: { status: 'sent' } })
    expect((await db.collection('c').where({ status: db.command.exists(true) }).update({ data: { status: 'sent' } })).stats.updated).toBe(1)
    expect((await db.collection('c').doc('a').update({ data: { status: 'sent' } })).stats.updated).toBe(0)
  })

  it('aborts a transaction open longer than 30 s, applies none of its writes and does not retry it', async () => {
    let wall = 0
    const db = createStandinDatabase({ clock: () => wall })
    await db.createCollection('c')
    await db.collection('c').add({ data: { _id: 'a', n: 1 } })
    let runs = 0
    const slow = db.runTransaction(async (tx) => {
      runs++
      await tx.collection('c').doc('a').update({ data: { n: 2 } })
      wall += 30_001
      await tx.collection('c').doc('a').get()
    })
    await expect(slow).rejects.toMatchObject({ errCode: -501001 })
    expect(runs).toBe(1)
    expect(db.dump('c')[0].n).toBe(1)
  })

  it('a transaction whose document another writer changed meanwhile conflicts; after `times` attempts it fails with -501001', async () => {
    const db = await fresh('c')
    await db.collection('c').add({ data: { _id: 'a', n: 0 } })
    const tx = db.runTransaction(async (t) => {
      const { data } = await t.collection('c').doc('a').get()
      // Another caller writes the same document outside the transaction before it commits.
      await db.collection('c').doc('a').update({ data: { n: db.command.inc(10) } })
      await t.collection('c').doc('a').update({ data: { n: (data.n as number) + 1 } })
    }, 2)
    await expect(tx).rejects.toMatchObject({ errCode: -501001 })
    expect(db.dump('c')[0].n).toBe(20)
  })
})
