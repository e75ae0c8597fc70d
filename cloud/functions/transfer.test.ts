// The transfer function and the officer's console actions against a real SQLite file, seeded with
// data/transfer.json: what a visitor, a sender and a transfer officer would see and do.
import { bj, caller } from '../testing/booking'
import { tempSqliteStore } from '../testing/stores'
import { dispatch } from './dispatch'
import { functions } from './index'
import { contextFor } from '../testing/stores'

let env: Awaited<ReturnType<typeof tempSqliteStore>>
let call: ReturnType<typeof caller>
beforeEach(async () => {
  env = await tempSqliteStore()
  call = caller(env.store)
})
afterEach(() => env.cleanup())

const NOW = bj('2026-06-01 10:00')
const sender = { openid: 'o-sender', now: NOW }
const officer = (now = NOW) => ({ openid: 'o-officer', role: 'transfer_officer' as const, now })
const REQUEST = { kind: 'result' as const, targetId: 'traindoor', organisation: '大连某轨道装备公司', contactName: '王工', phone: '13900000000', message: '想了解这项成果的许可方式与集成支持' }
const data = <T>(r: { ok: boolean; data?: T }) => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`)
  return r.data as T
}
const statusMessages = async () => (await env.store.outbox.pending(1000)).filter((m) => m.kind === 'transfer-status')

describe('results, platforms, needs (public)', () => {
  it('lists the article\'s results first and finds the train-door result by a word of it', async () => {
    const all = data(await call('transfer', 'results', {}, { openid: null }))
    expect(all.items[0]).toMatchObject({ id: expect.stringMatching(/traindoor|lightweight-helmet/), hasDeal: expect.any(Boolean) })
    expect(all.items.filter((r) => r.source === 'illustrative').every((r, i, list) => all.items.indexOf(r) >= all.items.length - list.length)).toBe(true)
    expect(data(await call('transfer', 'results', { q: '塞拉门' }, { openid: null })).items.map((r) => r.id)).toEqual(['traindoor'])
    expect(data(await call('transfer', 'results', { field: '洁净能源' }, { openid: null })).items.map((r) => r.id)).toEqual(['demo-membrane'])
  })

  it('shows a result with its deal, its company first and its policies, never the centre-only detail', async () => {
    const res = data(await call('transfer', 'getResult', { id: 'traindoor' }, { openid: null }))
    expect(res.result.deal?.steps.map((s) => s.who)).toEqual(['大连理工大学', '上海技术交易所大连服务中心', '大连海天兴业科技有限公司', '全球地铁和高铁线路'])
    expect(res.result.deal?.figures).toEqual(expect.arrayContaining([expect.objectContaining({ value: '1.5亿元' })]))
    expect(JSON.stringify(res)).not.toContain('仅转化中心可见')
    expect(res.companies[0]).toMatchObject({ id: 'haitian' })
    expect(res.policies.map((p) => p.id)).toEqual(['sste-dalian', 'transfer-center', 'ip-pledge', 'keji-bank'])
    expect(await call('transfer', 'getResult', { id: 'no-such' }, { openid: null })).toMatchObject({ ok: false, error: { code: 'RESULT_NOT_FOUND' } })
  })

  it('shows the platforms the article counts as counts', async () => {
    const { platforms } = data(await call('transfer', 'platforms', {}, { openid: null }))
    const values = platforms.flatMap((p) => p.counts.map((c) => c.value))
    expect(values).toEqual(expect.arrayContaining(['230余个', '300余个', '近40家', '11家', '61亿元']))
    expect(platforms.find((p) => p.id === 'sste-dalian')?.offers).toEqual(['科技成果期权交易与融资', '知识产权托管服务', '知识产权质押融资', '知识产权证券化'])
  })
})

describe('对接 requests', () => {
  it('refuses bad input with a field message and stores nothing', async () => {
    const bad = await call('transfer', 'submitRequest', { ...REQUEST, phone: '12345' }, sender)
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { phone: expect.stringContaining('手机号') } } })
    expect(await call('transfer', 'submitRequest', { ...REQUEST, targetId: 'no-such' }, sender)).toMatchObject({ ok: false, error: { code: 'TARGET_NOT_FOUND' } })
    expect(data(await call('transfer', 'myRequests', {}, sender)).requests).toEqual([])
  })

  it('is shown to its sender with 已提交, once however often it is sent, and to nobody else', async () => {
    const first = data(await call('transfer', 'submitRequest', REQUEST, sender))
    expect(first).toMatchObject({ existing: false, request: { status: 'submitted', statusLabel: '已提交', targetTitle: '列车触摸屏控制器及塞拉门控制系统' } })
    expect(data(await call('transfer', 'submitRequest', REQUEST, sender))).toMatchObject({ existing: true, request: { id: first.request.id } })
    expect(data(await call('transfer', 'myRequests', {}, sender)).requests.map((r) => r.id)).toEqual([first.request.id])
    expect(data(await call('transfer', 'myRequests', {}, { openid: 'o-someone-else', now: NOW })).requests).toEqual([])
    expect(await call('transfer', 'subscribe', { id: first.request.id }, { openid: 'o-someone-else', now: NOW })).toMatchObject({ ok: false, error: { code: 'REQUEST_NOT_FOUND' } })
  })

  it('moves through the officer\'s steps with the days in each visible to the sender, and refuses a stale or impossible step', async () => {
    const { request } = data(await call('transfer', 'submitRequest', REQUEST, sender))
    const accepted = data(await call('console', 'setRequestStatus', { id: request.id, rev: 0, status: 'accepted', note: '专班已对接大工团队' }, officer(bj('2026-06-03 10:00'))))
    expect(accepted.request.status).toBe('accepted')
    // The same click again (rev 0) and a jump the chain does not allow are refused.
    expect(await call('console', 'setRequestStatus', { id: request.id, rev: 0, status: 'declined' }, officer())).toMatchObject({ ok: false, error: { code: 'REQUEST_STALE' } })
    expect(await call('console', 'setRequestStatus', { id: request.id, rev: 1, status: 'landed' }, officer())).toMatchObject({ ok: false, error: { code: 'STATUS_NOT_ALLOWED' } })
    await call('console', 'setRequestStatus', { id: request.id, rev: 1, status: 'matching' }, officer(bj('2026-06-10 10:00')))
    await call('console', 'setRequestStatus', { id: request.id, rev: 2, status: 'signed' }, officer(bj('2026-06-20 10:00')))
    const [mine] = data(await call('transfer', 'myRequests', {}, { ...sender, now: bj('2026-06-25 10:00') })).requests
    expect(mine.steps.map((s) => [s.label, s.days])).toEqual([
      ['已提交', 2],
      ['已受理', 7],
      ['对接中', 10],
      ['已签约', 5],
    ])
    expect(mine.steps[1].note).toBe('专班已对接大工团队')
    // After 签约 the sender is shown the policies that fit (技术交易, 知识产权质押融资 …).
    expect(mine.policies?.map((p) => p.id)).toEqual(['sste-dalian', 'transfer-center', 'ip-pledge', 'keji-bank'])
  })

  it('queues exactly one status message per authorised step, none for a step without authorisation', async () => {
    const { request } = data(await call('transfer', 'submitRequest', { ...REQUEST, notify: true }, sender))
    expect(await statusMessages()).toEqual([])
    expect(data(await call('console', 'setRequestStatus', { id: request.id, rev: 0, status: 'accepted' }, officer())).notified).toBe(true)
    // A retried click of the same step is refused and queues nothing.
    await call('console', 'setRequestStatus', { id: request.id, rev: 0, status: 'accepted' }, officer())
    expect((await statusMessages()).map((m) => [m.touser, m.data.phrase2.value])).toEqual([['o-sender', '已受理']])
    // The one authorisation is used: the next step is visible in 我的对接 but sends nothing.
    expect(data(await call('console', 'setRequestStatus', { id: request.id, rev: 1, status: 'matching' }, officer())).notified).toBe(false)
    expect(await statusMessages()).toHaveLength(1)
    // The sender authorises once more: the next step sends one more.
    const renewed = data(await call('transfer', 'subscribe', { id: request.id }, sender))
    expect(renewed.request.notifyGrants).toBe(1)
    await call('console', 'setRequestStatus', { id: request.id, rev: 3, status: 'signed' }, officer())
    expect((await statusMessages()).map((m) => m.data.phrase2.value)).toEqual(['已受理', '已签约'])
  })

  it('records each officer step in the audit log', async () => {
    const { request } = data(await call('transfer', 'submitRequest', REQUEST, sender))
    await call('console', 'setRequestStatus', { id: request.id, rev: 0, status: 'needs_info', note: '请补充应用场景' }, { ...officer(), account: 'officer1' })
    const entries = await env.store.ops.listAudit({})
    expect(entries[0]).toMatchObject({ action: 'console.setRequestStatus', target: request.id, account: 'officer1', after: { status: 'needs_info', note: '请补充应用场景' } })
  })
})

describe('needs posted by companies', () => {
  const NEED = {
    title: '车门控制器国产化替代',
    problem: '现有车门控制单元依赖进口，希望找到可集成到自有嵌入式平台的塞拉门控制方案',
    field: '智能制造' as const,
    targetTrl: 6,
    budget: '50–200万元' as const,
    validUntil: '2026-12-31',
    keywords: ['塞拉门', '嵌入式'],
    organisation: '某轨道装备公司',
    contactName: '王工',
    phone: '13900000000',
    clarity: { known: '现有控制单元的接口和工况已整理成文档', tried: '试过两家进口替代方案', success: '通过整车型式试验并装车运行三个月' },
  }

  it('refuses a need whose clarity checklist is not answered', async () => {
    const res = await call('transfer', 'submitNeed', { ...NEED, clarity: { ...NEED.clarity, success: '好用' } }, sender)
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { 'clarity.success': expect.stringContaining('怎样算成功') } } })
    expect(await call('transfer', 'submitNeed', { ...NEED, validUntil: '2026-05-01' }, sender)).toMatchObject({ ok: false, error: { fields: { validUntil: expect.any(String) } } })
  })

  it('shows a need only after review, with the results that fit; a returned one goes back with its note', async () => {
    const { need } = data(await call('transfer', 'submitNeed', NEED, sender))
    const listed = async () => data(await call('transfer', 'needs', {}, { openid: null, now: NOW })).needs.map((n) => n.id)
    expect(await listed()).not.toContain(need.id)
    const { needs } = data(await call('console', 'transferNeeds', {}, officer()))
    const pending = needs.find((n) => n.id === need.id)!
    expect(pending).toMatchObject({ status: 'pending', contactName: '王工', phone: '13900000000' })
    await call('console', 'reviewNeed', { id: need.id, rev: pending.rev, decision: 'publish' }, officer())
    const shown = data(await call('transfer', 'needs', {}, { openid: null, now: NOW })).needs.find((n) => n.id === need.id)!
    expect(shown.matches[0]).toMatchObject({ id: 'traindoor', gaps: [] })
    // The public never sees who posted it or how to reach them.
    expect(JSON.stringify(shown)).not.toMatch(/13900000000|王工|o-sender/)

    const second = data(await call('transfer', 'submitNeed', { ...NEED, title: '另一个车门需求' }, sender)).need
    expect(await call('console', 'reviewNeed', { id: second.id, rev: 0, decision: 'return' }, officer())).toMatchObject({ ok: false, error: { fields: { note: expect.any(String) } } })
    await call('console', 'reviewNeed', { id: second.id, rev: 0, decision: 'return', note: '请写明目标车型' }, officer())
    expect(await listed()).not.toContain(second.id)
    const mine = data(await call('transfer', 'myRequests', {}, sender)).needs
    expect(mine.find((n) => n.id === second.id)).toMatchObject({ status: 'returned', reviewNote: '请写明目标车型' })
  })

  it('never lets a request end the process: a hostile body is an answer', async () => {
    const ctx = contextFor(env.store, { openid: 'o-x' })
    expect(await dispatch(functions.transfer, { action: 'submitNeed', ...NEED, clarity: null }, ctx)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await dispatch(functions.transfer, { action: 'results', q: 'x'.repeat(41) }, ctx)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })
})
