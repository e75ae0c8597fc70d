// Care mode (关怀模式) covers every state of every page on weapp, where a page has no shared root and
// only the wrapper PageShell puts around it carries the large-text class: while a page loads (a slow
// line), when its load fails (no network), and on the pages that load nothing. Before the pages moved
// to PageShell, loading and error returned before the wrapper and showed in normal size.
import { startServer, type RunningServer } from '../harness'
import { launchMiniProgram, type MiniProgram, type PageHandle } from './mini-program'
import { ancestorsOf, findNodes, type DataNode } from './tree'
import { ensureWeappBuild } from './build'
import { visitorIdentity } from './identity'

let server: RunningServer
const opened: MiniProgram[] = []

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer({ CLOCK_AT: '2026-11-27T08:50:00+08:00' }, { h5: false })
})
afterAll(async () => {
  for (const mp of opened) mp.close()
  await server?.stop()
})

/** A phone on which the visitor switched care mode on during an earlier visit. */
async function phone(care: boolean) {
  const mp = await launchMiniProgram({ serverUrl: server.url, identity: visitorIdentity(server), storage: care ? { 'gxq.care': 'on' } : {} })
  opened.push(mp)
  return mp
}

const inCare = (page: PageHandle, node: DataNode) => ancestorsOf(page.root(), node).some((n) => (n.cl ?? '').split(/\s+/).includes('care'))

/** Pages that load something when they open, with the query a link gives them. */
const LOADING_PAGES: Array<[string, Record<string, string>]> = [
  ['exhibits/pages/list/index', {}],
  ['guide/pages/listen/index', { id: 'helmet' }],
  ['guide/pages/trail/index', {}],
  ['booking/pages/form/index', { session: '2026-11-28.am' }],
  ['booking/pages/visitors/index', {}],
  ['booking/pages/waitlist/index', {}],
  ['zone/pages/company/index', { id: 'mingyun' }],
  ['zone/pages/policy/index', { id: 'kechuang' }],
  ['zone/pages/figures/index', {}],
  ['zone/pages/companies/index', {}],
]

test.each(LOADING_PAGES)('%s: loading and error are in care mode', async (route, query) => {
  const mp = await phone(true)
  // A slow line: the page is caught while its request is on the way.
  mp.wx.latencyMs = 1500
  const opening = mp.open(route, query)
  let loading: { page: PageHandle; node: DataNode } | null = null
  for (let i = 0; i < 140 && !loading; i++) {
    await new Promise((r) => setTimeout(r, 10))
    const page = mp.stack().find((p) => p.route === route)
    const node = page && findNodes(page.root(), { cls: 'status--loading' })[0]
    if (page && node) loading = { page, node }
  }
  expect(loading).not.toBeNull()
  expect(inCare(loading!.page, loading!.node)).toBe(true)
  await opening

  // No network on a fresh phone (nothing saved from before): the error says what to do, still in large text.
  const offline = await phone(true)
  offline.wx.network = 'none'
  const page = await offline.open(route, query)
  const errors = page.find({ cls: 'status--error' })
  expect(errors).toHaveLength(1)
  expect(inCare(page, errors[0])).toBe(true)
})

test.each([
  ['booking/pages/privacy/index', '我们收集哪些信息'],
  ['zone/pages/match/index', '政策计算器'],
  // weapp staff are known by their WeChat identity: the gate view opens at once (its counts refuse a visitor).
  ['staff/pages/checkin/index', '入馆核验'],
])('%s (the page itself, no load of its own) is in care mode', async (route, heading) => {
  const mp = await phone(true)
  const page = await mp.open(route)
  const [node] = page.find({ contains: heading })
  expect(inCare(page, node)).toBe(true)
})

test('with care mode off the same error is not wrapped in care (the check above can fail)', async () => {
  const mp = await phone(false)
  mp.wx.network = 'none'
  const page = await mp.open('zone/pages/figures/index')
  const [error] = page.find({ cls: 'status--error' })
  expect(error).toBeDefined()
  expect(inCare(page, error)).toBe(false)
})

test('groups/index (two parts that load on their own): loading and each error are in care mode', async () => {
  const mp = await phone(true)
  mp.wx.latencyMs = 1500
  const opening = mp.open('groups/index', {})
  let loading: { page: PageHandle; node: DataNode } | null = null
  for (let i = 0; i < 140 && !loading; i++) {
    await new Promise((r) => setTimeout(r, 10))
    const page = mp.stack().find((p) => p.route === 'groups/index')
    const node = page && findNodes(page.root(), { cls: 'status--loading' })[0]
    if (page && node) loading = { page, node }
  }
  expect(loading).not.toBeNull()
  expect(inCare(loading!.page, loading!.node)).toBe(true)
  await opening

  const offline = await phone(true)
  offline.wx.network = 'none'
  const page = await offline.open('groups/index', {})
  const errors = page.find({ cls: 'status--error' })
  // The sessions and the leader's own requests each say what to do.
  expect(errors).toHaveLength(2)
  for (const e of errors) expect(inCare(page, e)).toBe(true)
})
