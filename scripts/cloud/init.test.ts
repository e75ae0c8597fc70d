import { COLLECTIONS } from '../../cloud/store/wxcloud/collections'
import { openWxCloudStore } from '../../cloud/store/wxcloud'
import { ensureCollection } from '../../cloud/store/wxcloud/helpers'
import { createStandinDatabase } from '../../cloud/store/wxcloud/standin/database'
import { readExhibitFile } from '../../cloud/store/seed'
import { applyInit, initPlan } from './init'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { ROOT } from './build'
import type { InitTarget } from './live'
import { fakeNodeSdkConnection } from '../../cloud/testing/nodesdk'
import { createFakeNodeSdkDatabase } from '../../cloud/store/wxcloud/standin/nodesdk'
import type { WxDatabase } from '../../cloud/store/wxcloud/db'
import { createFunctionMain, type WxServerSdk } from '../../cloud/runtime/wxcloud/entry'
import { functions } from '../../cloud/functions'
import { createStandinSdk } from '../../cloud/store/wxcloud/standin/sdk'

/** Every index the collection specs declare, as cloud:init names them. */
const ALL_INDEXES = COLLECTIONS.flatMap((c) => c.indexes.map((i) => `${c.name}.${i.name}`))

function standinTarget() {
  const db = createStandinDatabase({ interleave: false })
  const target: InitTarget = {
    db,
    ensureCollection: (name) => ensureCollection(db, name),
    async ensureIndex(collection, index) {
      const list = db.indexes.get(collection) ?? []
      if (list.some((i) => i.name === index.name)) return false
      db.indexes.set(collection, [...list, index])
      return true
    },
  }
  return { db, target }
}

describe('cloud:init against the wx-server-sdk STAND-IN (in-process; not the real cloud)', () => {
  it('plans every collection, every index the queries need, and the seed', () => {
    const plan = initPlan()
    for (const c of COLLECTIONS) expect(plan.some((s) => s.kind === 'collection' && s.description.includes(`集合 ${c.name} `))).toBe(true)
    expect(plan.filter((s) => s.kind === 'index').map((s) => s.description)).toEqual(
      expect.arrayContaining([expect.stringContaining('exhibits.hall_sort'), expect.stringContaining('outbox.pending'), expect.stringContaining('zone_companies.gen_id')]),
    )
    expect(plan.filter((s) => s.kind === 'index')).toHaveLength(ALL_INDEXES.length)
    expect(plan.at(-1)).toMatchObject({ kind: 'seed', description: expect.stringContaining(`${readExhibitFile().exhibits.length} 件展品`) })
  })

  it('before init the adapter cannot write; after init it serves the seeded content', async () => {
    const { db, target } = standinTarget()
    await expect(openWxCloudStore(db).meta.set('x', 'y')).rejects.toMatchObject({ errCode: -502005 })
    const first = await applyInit(target)
    expect(first.collectionsCreated.sort()).toEqual(COLLECTIONS.map((c) => c.name).sort())
    expect(first.indexesCreated).toEqual(ALL_INDEXES)
    expect(first.seeded).toBe(true)
    expect((await openWxCloudStore(db).content.getExhibit('helmet'))?.company.name).toBe('大连铭云科技有限公司')
  })

  it('is idempotent: a second run creates nothing and leaves operator changes to content alone', async () => {
    const { db, target } = standinTarget()
    await applyInit(target)
    const store = openWxCloudStore(db)
    await store.content.replaceExhibits(await store.content.listHalls(), [])
    const second = await applyInit(target)
    expect(second).toEqual({ collectionsCreated: [], indexesCreated: [], seeded: false })
    expect(await store.content.listExhibits()).toEqual([])
    const reseeded = await applyInit(target, { reseed: true })
    expect(reseeded.seeded).toBe(true)
    expect(await store.content.listExhibits()).toHaveLength(readExhibitFile().exhibits.length)
  })

  it('--apply through @cloudbase/node-sdk (fake with node-sdk shapes) stores documents exactly as the functions read them', async () => {
    const sdk = createStandinSdk()
    const { conn } = fakeNodeSdkConnection({ standin: sdk.__standin.db })
    await applyInit(conn)
    const exhibit = sdk.__standin.db.dump('exhibits').find((d) => d._id === 'helmet')
    // Not { _id, data: {...} }: the fields sit at the top, as wx-server-sdk's add({ data }) writes them.
    expect(exhibit).not.toHaveProperty('data')
    expect(exhibit).toMatchObject({ _id: 'helmet', code: 'helmet', company: { name: '大连铭云科技有限公司' } })
    expect(sdk.__standin.db.dump('meta').find((d) => d._id === 'seeded_at')).toMatchObject({ value: expect.any(String) })
    // A deployed function (wx-server-sdk shapes) reads what init wrote through node-sdk.
    const main = createFunctionMain(functions.exhibits, sdk as unknown as WxServerSdk, {})
    const got = (await main({ action: 'get', code: 'helmet' })) as { ok: boolean; data?: { exhibit: { name: string } } }
    expect(got.ok).toBe(true)
    expect(got.data?.exhibit.name).toBe(readExhibitFile().exhibits.find((e) => e.code === 'helmet')?.name)
    // Re-running (as operators will) changes nothing and still fails nothing.
    expect(await applyInit(conn)).toEqual({ collectionsCreated: [], indexesCreated: [], seeded: false })
  })

  it('dry run (no credentials) prints the documents it would write, in the shape the functions read', () => {
    const out = execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/cloud/init.ts'], {
      cwd: ROOT,
      env: { ...process.env, TCB_ENV_ID: '', CLOUD_ENV: '', TCB_SECRET_ID: '', TCB_SECRET_KEY: '' },
      encoding: 'utf8',
    })
    expect(out).toContain('演练，不做任何修改')
    const section = (name: string) => {
      const start = out.indexOf(`# ${name}（`)
      expect(start).toBeGreaterThan(0)
      const body = out.slice(out.indexOf('{', start))
      return JSON.parse(body.slice(0, body.indexOf('\n}') + 2))
    }
    const exhibit = section('exhibits')
    expect(exhibit).toMatchObject({ _id: expect.any(String), code: exhibit._id, name: expect.any(String), hallId: expect.any(String) })
    expect(exhibit).not.toHaveProperty('data')
    expect(section('halls')).toMatchObject({ _id: expect.any(String), name: expect.any(String), sort: 0 })
    const pointer = section('meta')
    expect(pointer._id).toEqual(expect.any(String))
    expect(pointer).not.toHaveProperty('data')
  })

  it('why the bridge exists: node-sdk\'s database handed straight to the adapter stores { _id, data } and reads back nothing', async () => {
    const standin = createStandinDatabase({ interleave: false })
    await standin.createCollection('meta')
    const raw = openWxCloudStore(createFakeNodeSdkDatabase(standin) as unknown as WxDatabase)
    await raw.meta.set('seeded_at', '2026-11-30')
    expect(standin.dump('meta')).toEqual([{ _id: 'seeded_at', data: { value: '2026-11-30', updatedAt: expect.anything() } }])
    expect(await raw.meta.get('seeded_at')).toBeUndefined() // the value sits under data
  })
})
