// The built mini-program (dist/weapp), run in Node against the real local runtime: every page
// opens and settles with no uncaught error, and the journeys a visitor and the gate staff make are
// done by taps on what the page shows. Elements are found by their text, aria-label or class in the page data
// (never by sid), so a redesign that keeps the words keeps these tests.
//
// The server's clock is frozen at a Friday 08:50 Beijing time, as in e2e/booking.test.ts.
import fs from 'node:fs'
import path from 'node:path'
import { residentIdCheckChar } from '../../cloud/contracts/booking'
import { startServer, type RunningServer } from '../harness'
import { createStaffAccount, staffIdentity, visitorIdentity } from './identity'
import { DIST, launchMiniProgram, type MiniProgram, type PageHandle } from './mini-program'
import { readQrDataUrl } from './read-qr'
import { textOf } from './tree'
import { assertHarnessTemplate, ensureWeappBuild, HARNESS_TEMPLATE_ID, reportSetData } from './build'

const validId = (first17: string) => first17 + residentIdCheckChar(first17)
const ZHANG = validId('21021119850312123')
const LI = validId('21020420120601002')

let server: RunningServer
const opened: MiniProgram[] = []

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer({ CLOCK_AT: '2026-11-27T08:50:00+08:00', NO_SHOW_INTERVAL_MS: '0' }, { h5: false })
  await createStaffAccount(server)
})
afterAll(async () => {
  for (const mp of opened) mp.close()
  reportSetData(opened.flatMap((mp) => mp.setData))
  await server?.stop()
})

/** A fresh phone: a new visitor (or a staff member), app launched as from a scan or the home page. */
async function phone(as: 'visitor' | 'staff' = 'visitor', launch?: { path: string; query: Record<string, string>; scene?: number }) {
  const mp = await launchMiniProgram({ serverUrl: server.url, identity: as === 'staff' ? staffIdentity(server) : visitorIdentity(server), launch })
  opened.push(mp)
  return mp
}

/** On the calendar: the day in the date strip (e.g. '11/28'), then that day's session chip. */
async function pickSession(calendar: PageHandle, day: string, session: '上午场' | '下午场') {
  await calendar.tap({ cls: 'bk-strip__date', text: day })
  await calendar.tap({ cls: 'bk-session__name', text: session })
}

/** On the booking form: adds a visitor (picked for this booking once saved). */
async function addVisitor(form: PageHandle, name: string, id: string) {
  await form.tap({ contains: '添加参观人', cls: 'btn' })
  await form.input({ prop: '与证件一致' }, name)
  await form.input({ cls: 'bk-input', nth: 1 }, id)
  await form.tap({ text: '保存参观人' })
}

/** On the booking form: ticks the privacy consent a real-name booking needs, then submits. */
async function agreeAndSubmit(form: PageHandle) {
  await form.tap({ prop: '我已阅读并同意用户隐私保护指引' })
  await form.tap({ text: '提交预约' })
}

// Representative queries: what a scan, a share card or the app's own links put on each page.
const PAGE_QUERIES: Record<string, Record<string, string>> = {
  'pages/exhibit/index': { scene: 'e%3Dhelmet' },
  'zone/pages/company/index': { id: 'mingyun' },
  'zone/pages/policy/index': { id: 'kechuang' },
  'guide/pages/listen/index': { id: 'helmet', lang: 'zh' },
  'booking/pages/form/index': { session: '2026-11-28.am' },
  'booking/pages/ticket/index': { id: 'no-such-booking' },
  'transfer/pages/result/index': { id: 'traindoor' },
  'transfer/pages/request/index': { kind: 'result', id: 'traindoor' },
}

const appJson = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> }
const ALL_PAGES = [...appJson.pages, ...appJson.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]

test.each(ALL_PAGES)('%s opens, shows content and settles with no uncaught error', async (route) => {
  const mp = await phone()
  const page = await mp.open(route, PAGE_QUERIES[route] ?? {})
  expect(page.text().length).toBeGreaterThan(10)
  expect(page.text()).not.toMatch(/正在加载/) // settled means the data arrived
  mp.assertHealthy()
})

test('scan → exhibit → favourite → listen (background audio) → stamp', async () => {
  // A scan of the helmet's mini-program code: WeChat opens the exhibit page with the code's scene.
  const mp = await phone('visitor', { path: 'pages/exhibit/index', query: { scene: 'e%3Dhelmet' }, scene: 1047 })
  const started = Date.now()
  const exhibit = await mp.open('pages/exhibit/index', { scene: 'e%3Dhelmet' })
  const openMs = Date.now() - started
  for (const s of ['航天同源轻量化头盔', '约700克', '大连铭云科技有限公司', '大连理工大学']) expect(exhibit.text()).toContain(s)
  expect(openMs).toBeLessThan(2000)

  await exhibit.tap({ contains: '收藏', cls: 'chip' })
  expect(exhibit.text()).toContain('已收藏')

  await exhibit.tap({ contains: '收听语音讲解', cls: 'btn' })
  const listen = mp.top()
  expect(listen.route).toBe('guide/pages/listen/index')
  await listen.tap({ cls: 'listen__play' })
  // The background audio manager got a title, an album name and then the src that starts playback.
  const ops = mp.wx.audio.map((a) => a.op)
  expect(ops).toEqual(expect.arrayContaining(['set title', 'set epname', 'set src']))
  expect(ops.indexOf('set src')).toBeGreaterThan(ops.indexOf('set title'))
  expect(String(mp.wx.audio.find((a) => a.op === 'set src')?.value)).toMatch(/helmet.*\.mp3$/)
  expect(listen.the({ cls: 'listen__play' }).v ?? listen.text()).toBeTruthy()
  expect(listen.text()).toContain('暂停')

  // The stamp: the scan put the helmet on the visit trail.
  await mp.open('guide/pages/trail/index')
  const trail = mp.top()
  expect(trail.text()).toContain('航天同源轻量化头盔')
  mp.assertHealthy()
})

test('calendar → form → book two visitors (reminder requested) → ticket → cancel', async () => {
  const mp = await phone()
  assertHarnessTemplate()
  const calendar = await mp.open('booking/pages/calendar/index')
  await pickSession(calendar, '11/28', '上午场')
  const form = mp.top()
  expect(form.route).toBe('booking/pages/form/index')
  expect(form.query).toMatchObject({ session: '2026-11-28.am' })

  for (const [name, id] of [['张三', ZHANG], ['李小明', LI]]) {
    await addVisitor(form, name, id)
    expect(form.text()).toContain(name)
  }
  // A visitor just saved is picked for this booking.
  expect(form.text()).toMatch(/已选\s*2\s*\/\s*5/)
  await agreeAndSubmit(form)

  // The reminder was asked for from the tap, with the template the build was given.
  expect(mp.wx.callsTo('requestSubscribeMessage')).toEqual([{ tmplIds: [HARNESS_TEMPLATE_ID] }])
  const book = mp.wx.callsTo('cloud.callFunction').find((c) => (c as { data: { action: string } }).data.action === 'book') as { data: { remind?: boolean; visitorIds: string[] } }
  expect(book.data).toMatchObject({ remind: true, visitorIds: [expect.any(String), expect.any(String)] })
  const ticket = mp.top()
  expect(ticket.route).toBe('booking/pages/ticket/index')
  expect(ticket.text()).toContain('预约成功')
  expect(ticket.attr({ prop: '电子票二维码' }, 'src')).toMatch(/^data:image\/gif;base64,/)
  expect(textOf(ticket.the({ cls: 'bk-ticket__short' })).trim()).toMatch(/^\S{4} \S{4}$/)
  expect(ticket.text()).toContain('张三')
  expect(ticket.text()).toContain('李小明')

  await ticket.tap({ text: '取消预约', cls: 'btn' })
  expect(mp.wx.callsTo('showModal')).toHaveLength(1)
  expect(ticket.text()).toContain('预约已取消')
  mp.assertHealthy()
})

test('zone search "rkcn" finds 融科储能 and opens the company', async () => {
  const mp = await phone()
  const list = await mp.open('zone/pages/companies/index')
  await list.event({ prop: '企业名称、简称、产品或拼音，如 rkcn' }, 'confirm', { value: 'rkcn' })
  expect(list.text()).toContain('共 1 家企业')
  await list.tap({ text: '融科储能' })
  const company = mp.top()
  expect(company.route).toBe('zone/pages/company/index')
  expect(company.text()).toContain('全钒液流储能电池')
  mp.assertHealthy()
})

test('成果转化: the train-door result with its deal → 发起对接 → 我的对接 shows 已提交', async () => {
  const mp = await phone()
  const result = await mp.open('transfer/pages/result/index', { id: 'traindoor' })
  expect(result.text()).toContain('转化历程')
  expect(result.text()).toContain('1.5亿元')
  expect(result.text()).toContain('上海技术交易所大连服务中心')
  await result.tap({ text: '发起对接', cls: 'btn' })
  const form = mp.top()
  expect(form.route).toBe('transfer/pages/request/index')
  await form.input({ prop: '单位全称' }, '大连某轨道装备公司')
  await form.input({ prop: '姓名' }, '王工')
  await form.input({ prop: '手机号，或带区号的座机号' }, '13900000000')
  await form.input({ prop: '例如：希望了解许可方式、价格与集成支持' }, '想了解这项成果的许可方式与集成支持')
  await form.tap({ text: '提交', cls: 'btn' })
  const mine = mp.top()
  expect(mine.route).toBe('transfer/pages/mine/index')
  expect(mine.text()).toContain('列车触摸屏控制器及塞拉门控制系统')
  expect(mine.text()).toContain('已提交')
  mp.assertHealthy()
})

test('staff check-in: the scanner reads a visitor ticket, the gate checks it in once', async () => {
  const visitor = await phone()
  const calendar = await visitor.open('booking/pages/calendar/index')
  await pickSession(calendar, '11/27', '上午场')
  const form = visitor.top()
  await addVisitor(form, '王五', validId('21020319900101003'))
  await agreeAndSubmit(form)
  // The gate's camera reads the QR code the visitor's ticket shows.
  const ticketCode = readQrDataUrl(String(visitor.top().attr({ prop: '电子票二维码' }, 'src')))
  expect(ticketCode).toMatch(/\S{6,}/)

  const staff = await phone('staff')
  const gate = await staff.open('staff/pages/checkin/index')
  staff.wx.scanAnswers.push({ result: ticketCode })
  await gate.tap({ text: '扫码核验电子票' })
  expect(staff.wx.callsTo('scanCode')).toEqual([{ onlyFromCamera: true, scanType: ['qrCode'] }])
  expect(gate.text()).toContain('核验通过')

  staff.wx.scanAnswers.push({ result: ticketCode })
  await gate.tap({ text: '扫码核验电子票' })
  // Already in: said so (not a forgery), with when and by whom.
  expect(gate.text()).toMatch(/已核验过，不予重复入馆[\s\S]*该电子票已于.*由.*核验入馆/)
  staff.assertHealthy()
  visitor.assertHealthy()
})

// The fail paths WeChat documents, answered by the fake wx the way WeChat answers them.

test('a refused reminder still books, without a reminder', async () => {
  const mp = await phone()
  mp.wx.subscribeAnswer = 'reject'
  const calendar = await mp.open('booking/pages/calendar/index')
  await pickSession(calendar, '11/29', '上午场')
  const form = mp.top()
  await addVisitor(form, '赵六', validId('21020219800101004'))
  await agreeAndSubmit(form)
  expect(mp.wx.callsTo('requestSubscribeMessage')).toHaveLength(1)
  expect(mp.top().route).toBe('booking/pages/ticket/index')
  const book = mp.wx.callsTo('cloud.callFunction').find((c) => (c as { data: { action: string } }).data.action === 'book') as { data: { remind: boolean } }
  expect(book.data.remind).not.toBe(true)
  mp.assertHealthy()
})

test('subscriptions switched off in WeChat (errCode 20004): the booking goes ahead', async () => {
  const mp = await phone()
  mp.wx.subscribeAnswer = { errCode: 20004, errMsg: 'The main switch is switched off' }
  const calendar = await mp.open('booking/pages/calendar/index')
  await pickSession(calendar, '11/29', '下午场')
  const form = mp.top()
  await addVisitor(form, '钱七', validId('21020219800101005'))
  await agreeAndSubmit(form)
  expect(mp.top().route).toBe('booking/pages/ticket/index')
  mp.assertHealthy()
})

test('a cancelled scan at the gate changes nothing and says nothing', async () => {
  const staff = await phone('staff')
  const gate = await staff.open('staff/pages/checkin/index')
  const before = gate.text()
  staff.wx.scanAnswers.push('cancel')
  await gate.tap({ text: '扫码核验电子票' })
  expect(staff.wx.callsTo('scanCode')).toHaveLength(1)
  const checkIns = staff.wx.callsTo('cloud.callFunction').filter((c) => (c as { data: { action: string } }).data.action === 'checkIn')
  expect(checkIns).toEqual([])
  expect(gate.text()).toBe(before)
  staff.assertHealthy()
})

test('a visitor scan that is not one of ours says so', async () => {
  const mp = await phone()
  const home = await mp.open('pages/home/index')
  mp.wx.scanAnswers.push({ result: 'https://example.com/not-a-museum-code' })
  await home.tap({ text: '扫一扫展品二维码' })
  expect(mp.wx.callsTo('scanCode')).toEqual([{ onlyFromCamera: false }])
  expect(mp.wx.callsTo('showToast')).toEqual([expect.objectContaining({ icon: 'none' })])
  expect(mp.top().route).toBe('pages/home/index')

  // And a real exhibit code (a mini-program code carries its page path) opens that exhibit.
  mp.wx.scanAnswers.push({ result: '', path: 'pages/exhibit/index?scene=e%3Dvanadium' })
  await home.tap({ text: '扫一扫展品二维码' })
  expect(mp.top().route).toBe('pages/exhibit/index')
  expect(mp.top().text()).toContain('全钒液流储能电池')
  mp.assertHealthy()
})

test('no network: the exhibit page says so and offers a retry that works once back online', async () => {
  const mp = await phone()
  mp.wx.network = 'none'
  const exhibit = await mp.open('pages/exhibit/index', { id: 'fuelcell' })
  expect(exhibit.text()).toMatch(/网络/)
  mp.wx.network = 'wifi'
  await exhibit.tap({ text: '重试' })
  expect(exhibit.text()).toContain('氢燃料电池')
  mp.assertHealthy()
})
