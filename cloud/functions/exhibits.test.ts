import { contextFor, tempSqliteStore } from '../testing/stores'
import { readExhibitFile } from '../store/seed'
import { dispatch } from './dispatch'
import { exhibits } from './exhibits'

describe('exhibits function over a real SQLite file', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  beforeAll(async () => {
    env = await tempSqliteStore()
  })
  afterAll(() => env.cleanup())

  const call = (event: unknown, openid: string | null = null) => dispatch(exhibits, event, contextFor(env.store, { openid }))

  it('opens the helmet with the article figures, company and research origin — without login', async () => {
    const res = await call({ action: 'get', code: 'helmet' })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const e = (res.data as { exhibit: import('../contracts/exhibit').Exhibit }).exhibit
    expect(e.name).toContain('头盔')
    expect(e.company.name).toBe('大连铭云科技有限公司')
    expect(e.figures.map((f) => f.value)).toEqual(['提高4倍', '提高3倍', '约700克'])
    expect(e.origin).toContain('大连理工大学')
    expect(e.origin).toContain('长征五号')
    expect(e.hall).toBe('先进材料展区')
  })

  it('answers an unknown exhibit with a code and a Chinese message', async () => {
    const res = await call({ action: 'get', code: 'no-such-thing' })
    expect(res).toEqual({ ok: false, error: { code: 'EXHIBIT_NOT_FOUND', message: expect.stringMatching(/没有找到/) } })
  })

  it('refuses a malformed code before touching the store, naming the field', async () => {
    const res = await call({ action: 'get', code: 'DROP TABLE exhibits;' })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('BAD_REQUEST')
    expect(res.error.fields?.code).toBe('展品编号格式不正确')
    expect((await call({ action: 'get', code: 'helmet' })).ok).toBe(true)
  })

  it('refuses unknown fields, unknown actions and non-object events', async () => {
    expect(await call({ action: 'get', code: 'helmet', extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await call({ action: 'delete', code: 'helmet' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    expect(await call({ action: 'toString' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    expect(await call('get')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await call(null)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })

  it('lists every seeded exhibit grouped by hall, in hall order', async () => {
    const res = await call({ action: 'list' })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const halls = (res.data as { halls: Array<{ id: string; exhibits: Array<{ code: string }> }> }).halls
    const seed = readExhibitFile()
    expect(halls.map((h) => h.id)).toEqual(seed.halls.map((h) => h.id))
    expect(halls.flatMap((h) => h.exhibits.map((e) => e.code)).sort()).toEqual(seed.exhibits.map((e) => e.code).sort())
    expect(halls.find((h) => h.id === 'energy')?.exhibits.map((e) => e.code)).toEqual(['vanadium', 'fuelcell'])
  })

  it('packs every published exhibit for phones to keep, and answers a phone that holds it with the version alone', async () => {
    type Pack = import('../contracts/exhibit').ExhibitPack
    const first = await call({ action: 'pack' })
    expect(first.ok).toBe(true)
    if (!first.ok) return
    const pack = (first.data as { pack: Pack }).pack
    expect(pack.exhibits.map((e) => e.code).sort()).toEqual(readExhibitFile().exhibits.map((e) => e.code).sort())
    expect(pack.exhibits.find((e) => e.code === 'helmet')?.figures.map((f) => f.value)).toContain('约700克')
    expect(pack.halls.flatMap((h) => h.exhibits.map((e) => e.code)).sort()).toEqual(pack.exhibits.map((e) => e.code).sort())
    // The whole museum is tens of KB: cheap enough to keep on every phone.
    expect(JSON.stringify(pack).length).toBeLessThan(100 * 1024)
    expect(await call({ action: 'pack', have: pack.version })).toEqual({ ok: true, data: { unchanged: true, version: pack.version } })

    // An exhibit taken off the visitor pages leaves the pack, and the version changes with it.
    const helmet = pack.exhibits.find((e) => e.code === 'helmet')!
    await env.store.content.putExhibit({ ...helmet, unpublished: true })
    const after = await call({ action: 'pack', have: pack.version })
    expect(after.ok).toBe(true)
    if (!after.ok) return
    const next = (after.data as { pack: Pack }).pack
    expect(next.version).not.toBe(pack.version)
    expect(next.exhibits.map((e) => e.code)).not.toContain('helmet')
    await env.store.content.putExhibit(helmet)
    expect(await call({ action: 'pack', have: 'x'.repeat(65) })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })
})
