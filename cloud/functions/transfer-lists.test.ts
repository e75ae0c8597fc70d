// The officer enters results and platforms in the console (not only through data/transfer.json):
// saves, edits and removes against a real SQLite file, each in the audit, refusals changing nothing.
import { bj, caller } from '../testing/booking'
import { tempSqliteStore } from '../testing/stores'

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let call: ReturnType<typeof caller>
beforeEach(async () => {
  env = await tempSqliteStore()
  call = caller(env.store)
})
afterEach(() => env.cleanup())

const NOW = bj('2026-06-01 10:00')
const officer = { openid: 'o-officer', role: 'transfer_officer' as const, now: NOW }
const data = <T>(r: { ok: boolean; data?: T }) => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`)
  return r.data as T
}
const PLATFORM = { id: 'pilot-base', kind: '实验室与中试基地' as const, name: '高新区中试基地', counts: [{ value: '3条', label: '中试线' }], offers: ['小试到中试放大', '检测认证'], howToApply: '向转化中心提交中试申请', source: 'document' as const }
const RESULT = {
  id: 'new-coating', title: '耐腐蚀涂层', field: '新材料' as const, kind: '发明专利' as const, trl: 5, owner: '大连某研究所', coOwners: [], ip: [], indicators: [], modes: ['许可' as const], priceMode: '面议' as const,
  summary: '一种海洋环境用耐腐蚀涂层', keywords: ['涂层'], policyIds: [], source: 'document' as const,
}
const lists = async () => data(await call('console', 'transferLists', {}, officer)) as { results: Array<{ id: string; title: string }>; platforms: Array<{ id: string; name: string }> }
const auditOf = async (action: string) => (await env.store.ops.listAudit({})).filter((e) => e.action === action)

describe('platforms entered by the officer', () => {
  it('adds a platform the public directory then shows, edits it, removes it; each step in the audit', async () => {
    expect(data(await call('console', 'savePlatform', { platform: PLATFORM, isNew: true }, officer))).toMatchObject({ platform: { id: 'pilot-base' } })
    expect(data(await call('transfer', 'platforms', {}, { openid: null })).platforms.map((p: { id: string }) => p.id)).toContain('pilot-base')
    await call('console', 'savePlatform', { platform: { ...PLATFORM, name: '高新区中试与小试基地' }, isNew: false }, officer)
    expect((await lists()).platforms.find((p) => p.id === 'pilot-base')?.name).toBe('高新区中试与小试基地')
    expect(data(await call('console', 'removePlatform', { id: 'pilot-base' }, officer))).toEqual({ removed: true })
    expect((await lists()).platforms.map((p) => p.id)).not.toContain('pilot-base')
    const saves = await auditOf('console.savePlatform')
    expect(saves).toHaveLength(2)
    expect(saves.map((e) => e.target)).toEqual(['pilot-base', 'pilot-base'])
    expect(await auditOf('console.removePlatform')).toHaveLength(1)
  })

  it('refuses to remove a platform a 对接 request names, naming the sender', async () => {
    await call('console', 'savePlatform', { platform: PLATFORM, isNew: true }, officer)
    const sent = await call('transfer', 'submitRequest', { kind: 'platform', targetId: 'pilot-base', organisation: '大连某材料公司', contactName: '李工', phone: '13900000001', message: '想申请中试放大的排期' }, { openid: 'o-sender', now: NOW })
    expect(sent).toMatchObject({ ok: true })
    expect(await call('console', 'removePlatform', { id: 'pilot-base' }, officer)).toMatchObject({ ok: false, error: { code: 'PLATFORM_LINKED', message: expect.stringContaining('大连某材料公司') } })
    expect((await lists()).platforms.map((p) => p.id)).toContain('pilot-base')
    expect(await auditOf('console.removePlatform')).toEqual([])
    // The article's deal goes through the exchange's Dalian centre: its card stays while the deal names it.
    expect(await call('console', 'removePlatform', { id: 'sste-dalian' }, officer)).toMatchObject({ ok: false, error: { code: 'PLATFORM_LINKED', message: expect.stringContaining('列车触摸屏控制器') } })
  })

  it('refuses a new id that exists, an edit of a missing id, a bad kind, and a missing remove; nothing changes', async () => {
    const before = await lists()
    const taken = before.platforms[0].id
    expect(await call('console', 'savePlatform', { platform: { ...PLATFORM, id: taken }, isNew: true }, officer)).toMatchObject({ ok: false, error: { code: 'TRANSFER_ID_TAKEN', message: expect.stringContaining('编号') } })
    expect(await call('console', 'savePlatform', { platform: PLATFORM, isNew: false }, officer)).toMatchObject({ ok: false, error: { code: 'PLATFORM_NOT_FOUND' } })
    expect(await call('console', 'savePlatform', { platform: { ...PLATFORM, kind: '饭店' as never }, isNew: true }, officer)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await call('console', 'removePlatform', { id: 'no-such' }, officer)).toMatchObject({ ok: false, error: { code: 'PLATFORM_NOT_FOUND' } })
    expect(await lists()).toEqual(before)
    expect(await env.store.ops.listAudit({})).toEqual([])
  })
})

describe('results entered by the officer', () => {
  it('adds a result visitors can find, edits its TRL, removes it; each step in the audit with before/after', async () => {
    await call('console', 'saveResult', { result: RESULT, isNew: true }, officer)
    expect(data(await call('transfer', 'results', { q: '耐腐蚀' }, { openid: null })).items.map((r: { id: string }) => r.id)).toEqual(['new-coating'])
    await call('console', 'saveResult', { result: { ...RESULT, trl: 6 }, isNew: false }, officer)
    expect(data(await call('transfer', 'getResult', { id: 'new-coating' }, { openid: null })).result.trl).toBe(6)
    const saves = await auditOf('console.saveResult')
    expect(saves).toHaveLength(2)
    expect(saves.find((e) => e.before)).toMatchObject({ target: 'new-coating', before: { trl: 5 }, after: { trl: 6 } })
    expect(data(await call('console', 'removeResult', { id: 'new-coating' }, officer))).toEqual({ removed: true })
    expect(await call('transfer', 'getResult', { id: 'new-coating' }, { openid: null })).toMatchObject({ ok: false, error: { code: 'RESULT_NOT_FOUND' } })
    expect(await auditOf('console.removeResult')).toHaveLength(1)
  })

  it('refuses to remove a result an exhibit shows, naming the exhibit; and one a 对接 request names, naming the sender', async () => {
    const shown = await call('console', 'removeResult', { id: 'traindoor' }, officer)
    expect(shown).toMatchObject({ ok: false, error: { code: 'RESULT_LINKED', message: expect.stringContaining('列车触摸屏控制器') } })
    await call('console', 'saveResult', { result: RESULT, isNew: true }, officer)
    const sent = await call('transfer', 'submitRequest', { kind: 'result', targetId: 'new-coating', organisation: '大连某船舶公司', contactName: '王工', phone: '13900000000', message: '想了解这项涂层的许可方式' }, { openid: 'o-sender', now: NOW })
    expect(sent).toMatchObject({ ok: true })
    const asked = await call('console', 'removeResult', { id: 'new-coating' }, officer)
    expect(asked).toMatchObject({ ok: false, error: { code: 'RESULT_LINKED', message: expect.stringContaining('大连某船舶公司') } })
    expect((await lists()).results.map((r) => r.id)).toEqual(expect.arrayContaining(['traindoor', 'new-coating']))
    expect(await auditOf('console.removeResult')).toEqual([])
  })

  it('refuses a new id that exists, an edit of a missing id and a result the seed would not accept; nothing changes', async () => {
    const before = await lists()
    expect(await call('console', 'saveResult', { result: { ...RESULT, id: 'traindoor' }, isNew: true }, officer)).toMatchObject({ ok: false, error: { code: 'TRANSFER_ID_TAKEN' } })
    expect(await call('console', 'saveResult', { result: RESULT, isNew: false }, officer)).toMatchObject({ ok: false, error: { code: 'RESULT_NOT_FOUND' } })
    expect(await call('console', 'saveResult', { result: { ...RESULT, trl: 12 }, isNew: true }, officer)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await call('console', 'saveResult', { result: { ...RESULT, modes: [] }, isNew: true }, officer)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await lists()).toEqual(before)
    expect(await env.store.ops.listAudit({})).toEqual([])
  })
})
