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
    await call('console', 'savePlatform', { platform: { ...PLATFORM, name: '高新区中试与小试基地' }, isNew: false, rev: 1 }, officer)
    expect((await lists()).platforms.find((p) => p.id === 'pilot-base')?.name).toBe('高新区中试与小试基地')
    expect(data(await call('console', 'removePlatform', { id: 'pilot-base', rev: 2 }, officer))).toEqual({ removed: true })
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
    expect(await call('console', 'removePlatform', { id: 'pilot-base', rev: 1 }, officer)).toMatchObject({ ok: false, error: { code: 'PLATFORM_LINKED', message: expect.stringContaining('大连某材料公司') } })
    expect((await lists()).platforms.map((p) => p.id)).toContain('pilot-base')
    expect(await auditOf('console.removePlatform')).toEqual([])
    // The article's deal goes through the exchange's Dalian centre: its card stays while the deal names it.
    expect(await call('console', 'removePlatform', { id: 'sste-dalian', rev: 0 }, officer)).toMatchObject({ ok: false, error: { code: 'PLATFORM_LINKED', message: expect.stringContaining('列车触摸屏控制器') } })
  })

  it('refuses a new id that exists, an edit of a missing id, a bad kind, and a missing remove; nothing changes', async () => {
    const before = await lists()
    const taken = before.platforms[0].id
    expect(await call('console', 'savePlatform', { platform: { ...PLATFORM, id: taken }, isNew: true }, officer)).toMatchObject({ ok: false, error: { code: 'TRANSFER_ID_TAKEN', message: expect.stringContaining('编号') } })
    expect(await call('console', 'savePlatform', { platform: PLATFORM, isNew: false, rev: 0 }, officer)).toMatchObject({ ok: false, error: { code: 'PLATFORM_NOT_FOUND' } })
    expect(await call('console', 'savePlatform', { platform: { ...PLATFORM, id: taken }, isNew: false }, officer)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { rev: expect.any(String) } } })
    expect(await call('console', 'savePlatform', { platform: { ...PLATFORM, kind: '饭店' as never }, isNew: true }, officer)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await call('console', 'removePlatform', { id: 'no-such', rev: 0 }, officer)).toMatchObject({ ok: false, error: { code: 'PLATFORM_NOT_FOUND' } })
    expect(await lists()).toEqual(before)
    expect(await env.store.ops.listAudit({})).toEqual([])
  })
})

describe('results entered by the officer', () => {
  it('adds a result visitors can find, edits its TRL, removes it; each step in the audit with before/after', async () => {
    await call('console', 'saveResult', { result: RESULT, isNew: true }, officer)
    expect(data(await call('transfer', 'results', { q: '耐腐蚀' }, { openid: null })).items.map((r: { id: string }) => r.id)).toEqual(['new-coating'])
    await call('console', 'saveResult', { result: { ...RESULT, trl: 6 }, isNew: false, rev: 1 }, officer)
    expect(data(await call('transfer', 'getResult', { id: 'new-coating' }, { openid: null })).result.trl).toBe(6)
    const saves = await auditOf('console.saveResult')
    expect(saves).toHaveLength(2)
    expect(saves.find((e) => e.before)).toMatchObject({ target: 'new-coating', before: { trl: 5 }, after: { trl: 6 } })
    expect(data(await call('console', 'removeResult', { id: 'new-coating', rev: 2 }, officer))).toEqual({ removed: true })
    expect(await call('transfer', 'getResult', { id: 'new-coating' }, { openid: null })).toMatchObject({ ok: false, error: { code: 'RESULT_NOT_FOUND' } })
    expect(await auditOf('console.removeResult')).toHaveLength(1)
  })

  it('refuses to remove a result an exhibit shows, naming the exhibit; and one a 对接 request names, naming the sender', async () => {
    const shown = await call('console', 'removeResult', { id: 'traindoor', rev: 0 }, officer)
    expect(shown).toMatchObject({ ok: false, error: { code: 'RESULT_LINKED', message: expect.stringContaining('列车触摸屏控制器') } })
    await call('console', 'saveResult', { result: RESULT, isNew: true }, officer)
    const sent = await call('transfer', 'submitRequest', { kind: 'result', targetId: 'new-coating', organisation: '大连某船舶公司', contactName: '王工', phone: '13900000000', message: '想了解这项涂层的许可方式' }, { openid: 'o-sender', now: NOW })
    expect(sent).toMatchObject({ ok: true })
    const asked = await call('console', 'removeResult', { id: 'new-coating', rev: 1 }, officer)
    expect(asked).toMatchObject({ ok: false, error: { code: 'RESULT_LINKED', message: expect.stringContaining('大连某船舶公司') } })
    expect((await lists()).results.map((r) => r.id)).toEqual(expect.arrayContaining(['traindoor', 'new-coating']))
    expect(await auditOf('console.removeResult')).toEqual([])
  })

  it('refuses a new id that exists, an edit of a missing id and a result the seed would not accept; nothing changes', async () => {
    const before = await lists()
    expect(await call('console', 'saveResult', { result: { ...RESULT, id: 'traindoor' }, isNew: true }, officer)).toMatchObject({ ok: false, error: { code: 'TRANSFER_ID_TAKEN' } })
    expect(await call('console', 'saveResult', { result: RESULT, isNew: false, rev: 0 }, officer)).toMatchObject({ ok: false, error: { code: 'RESULT_NOT_FOUND' } })
    expect(await call('console', 'saveResult', { result: { ...RESULT, trl: 12 }, isNew: true }, officer)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await call('console', 'saveResult', { result: { ...RESULT, modes: [] }, isNew: true }, officer)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await lists()).toEqual(before)
    expect(await env.store.ops.listAudit({})).toEqual([])
  })
})

describe('two officers at once', () => {
  type Listed = { results: Array<{ id: string; title: string; rev?: number }>; platforms: Array<{ id: string; name: string; rev?: number }> }
  const listed = async () => (await lists()) as Listed
  const bOfficer = { ...officer, openid: 'o-officer-b' }

  it('a platform save from a revision someone else already saved over is refused with a clear message; the first save stays', async () => {
    // Both officers open the same card (the seeded Dalian centre of the exchange).
    const seen = (await listed()).platforms.find((p) => p.id === 'sste-dalian')!
    const { rev: _rev, ...card } = seen as unknown as typeof PLATFORM & { rev?: number }
    const rev = seen.rev ?? 0
    const first = await call('console', 'savePlatform', { platform: { ...card, name: '技术交易所大连中心（甲改）' }, isNew: false, rev }, officer)
    expect(first).toMatchObject({ ok: true })
    const second = await call('console', 'savePlatform', { platform: { ...card, name: '技术交易所大连中心（乙改）' }, isNew: false, rev }, bOfficer)
    expect(second).toMatchObject({ ok: false, error: { code: 'PLATFORM_STALE', message: '这个平台已被他人修改，请刷新后再改' } })
    expect((await listed()).platforms.find((p) => p.id === 'sste-dalian')?.name).toBe('技术交易所大连中心（甲改）')
    expect(await auditOf('console.savePlatform')).toHaveLength(1)
    // From the revision now listed, the second officer's edit goes through.
    const now = (await listed()).platforms.find((p) => p.id === 'sste-dalian')!
    expect(await call('console', 'savePlatform', { platform: { ...card, name: '技术交易所大连中心（乙改）' }, isNew: false, rev: now.rev }, bOfficer)).toMatchObject({ ok: true })
  })

  it('a result save or removal from a stale revision is refused and changes nothing', async () => {
    await call('console', 'saveResult', { result: RESULT, isNew: true }, officer)
    const rev = (await listed()).results.find((r) => r.id === 'new-coating')!.rev ?? 0
    expect(await call('console', 'saveResult', { result: { ...RESULT, trl: 6 }, isNew: false, rev }, officer)).toMatchObject({ ok: true })
    const before = await listed()
    expect(await call('console', 'saveResult', { result: { ...RESULT, trl: 7 }, isNew: false, rev }, bOfficer)).toMatchObject({ ok: false, error: { code: 'RESULT_STALE', message: '这项成果已被他人修改，请刷新后再改' } })
    expect(await call('console', 'removeResult', { id: 'new-coating', rev }, bOfficer)).toMatchObject({ ok: false, error: { code: 'RESULT_STALE' } })
    expect(await listed()).toEqual(before)
    expect(data(await call('transfer', 'getResult', { id: 'new-coating' }, { openid: null })).result.trl).toBe(6)
  })

  it('two officers saving different platforms at the same moment both keep their change', async () => {
    const seen = (await listed()).platforms.find((p) => p.id === 'sste-dalian')!
    const { rev: _rev, ...card } = seen as unknown as typeof PLATFORM & { rev?: number }
    const [added, edited] = await Promise.all([
      call('console', 'savePlatform', { platform: PLATFORM, isNew: true }, officer),
      call('console', 'savePlatform', { platform: { ...card, name: '技术交易所大连中心（乙改）' }, isNew: false, rev: seen.rev ?? 0 }, bOfficer),
    ])
    expect([added.ok, edited.ok]).toEqual([true, true])
    const after = (await listed()).platforms
    expect(after.map((p) => p.id)).toContain('pilot-base')
    expect(after.find((p) => p.id === 'sste-dalian')?.name).toBe('技术交易所大连中心（乙改）')
    // A new platform goes last in the directory.
    expect(after.at(-1)?.id).toBe('pilot-base')
  })
})
