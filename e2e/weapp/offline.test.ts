// The hall without signal on weapp: the built mini-program (dist/weapp) in Node, its fake network
// failing the way WeChat fails (cloud.callFunction → fail). What the first online launch kept in
// wx storage — every published exhibit, the confirmed e-ticket — opens the exhibit of any scanned
// code and the ticket at the gate, each saying when it was saved.
// The server's clock is frozen at a Friday 08:50 Beijing time, as in journeys.test.ts.
import { residentIdCheckChar } from '../../cloud/contracts/booking'
import { startServer, type RunningServer } from '../harness'
import { ensureWeappBuild } from './build'
import { visitorIdentity } from './identity'
import { launchMiniProgram, type MiniProgram } from './mini-program'
import { textOf } from './tree'

let server: RunningServer
const opened: MiniProgram[] = []

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer({ CLOCK_AT: '2026-11-27T08:50:00+08:00', NO_SHOW_INTERVAL_MS: '0' }, { h5: false })
})
afterAll(async () => {
  for (const mp of opened) mp.close()
  await server?.stop()
})

/** `storage`: what an earlier run left on the phone (a cold start: nothing in memory, storage kept). */
async function phone(launch?: { path: string; query: Record<string, string>; scene?: number }, storage?: Map<string, unknown>) {
  const mp = await launchMiniProgram({ serverUrl: server.url, identity: visitorIdentity(server), launch, storage: storage && Object.fromEntries(storage) })
  opened.push(mp)
  return mp
}

test('the first online launch keeps the whole museum; offline, a scan of an exhibit never opened opens it, saved, with a way onward', async () => {
  // Online: a scan of the helmet. Once the page has settled, the app keeps every exhibit.
  const mp = await phone({ path: 'pages/exhibit/index', query: { scene: 'e%3Dhelmet' }, scene: 1047 })
  const helmet = await mp.open('pages/exhibit/index', { scene: 'e%3Dhelmet' })
  expect(helmet.text()).toContain('航天同源轻量化头盔')
  await mp.settle()
  const packCalls = () => mp.wx.callsTo('cloud.callFunction').filter((c) => (c as { data: { action: string } }).data.action === 'pack')
  expect(packCalls()).toHaveLength(1)
  expect(String(mp.wx.storage.get('gxq.pack'))).toContain('全钒液流储能电池')

  // In the hall, a cold start by a scan, with no network. The vanadium battery was never opened on this phone.
  const hall = await phone({ path: 'pages/exhibit/index', query: { scene: 'e%3Dvanadium' }, scene: 1047 }, mp.wx.storage)
  hall.wx.network = 'none'
  const vanadium = await hall.open('pages/exhibit/index', { scene: 'e%3Dvanadium' })
  const text = vanadium.text()
  expect(text).toContain('全钒液流储能电池')
  expect(text).toMatch(/网络不可用，正在显示 \d+\/\d+ \d\d:\d\d 保存的副本/)
  expect(text).not.toMatch(/问题代码|暂时打不开/)
  // The way onward: home, booking, every exhibit with the floor plan; the next exhibit in the hall.
  for (const s of ['首页', '预约参观', '全部展品·平面图']) expect(text).toContain(s)
  await vanadium.tap({ cls: 'hall-nav__item--next' })
  const next = hall.top()
  expect(next.text()).toContain('氢燃料电池')
  expect(next.text()).toContain('保存的副本')
  await next.tap({ contains: '全部展品·平面图', cls: 'onward__link' })
  const list = hall.top()
  expect(list.route).toBe('exhibits/pages/list/index')
  expect(list.text()).toContain('洁净能源展区')
  // The helmet, opened before, by a plain QR link (q).
  const again = await hall.open('pages/exhibit/index', { q: encodeURIComponent('https://kjg.example.cn/e/helmet') })
  expect(again.text()).toContain('航天同源轻量化头盔')
  expect(again.text()).toContain('保存的副本')
  hall.assertHealthy()

  // Back online, the next launch asks with the version it holds (and gets only that back).
  const later = await phone(undefined, hall.wx.storage)
  await later.open('pages/home/index')
  await later.settle()
  const asked = later.wx.callsTo('cloud.callFunction').filter((c) => (c as { data: { action: string } }).data.action === 'pack') as Array<{ data: { have?: string } }>
  expect(asked).toHaveLength(1)
  expect(asked[0].data.have).toMatch(/\S{8,}/)
  later.assertHealthy()
})

test('offline at the gate: the confirmed e-ticket opens from storage with QR, short code, visitors and when it was saved', async () => {
  const mp = await phone()
  const calendar = await mp.open('booking/pages/calendar/index')
  await calendar.tap({ cls: 'bk-strip__date', text: '11/27' })
  await calendar.tap({ cls: 'bk-session__name', text: '下午场' })
  const form = mp.top()
  await form.tap({ contains: '添加参观人', cls: 'btn' })
  await form.input({ prop: '与证件一致' }, '孙八')
  await form.input({ cls: 'bk-input', nth: 1 }, '21020219800101006' + residentIdCheckChar('21020219800101006'))
  await form.tap({ text: '保存参观人' })
  await form.tap({ prop: '我已阅读并同意用户隐私保护指引' })
  await form.tap({ text: '提交预约' })
  const ticket = mp.top()
  expect(ticket.route).toBe('booking/pages/ticket/index')
  const short = textOf(ticket.the({ cls: 'bk-ticket__short' })).trim()
  const id = ticket.query.id

  // At the gate: the app starts cold (nothing in memory), with no network.
  const gate = await phone(undefined, mp.wx.storage)
  gate.wx.network = 'none'
  const offline = await gate.open('booking/pages/ticket/index', { id })
  const text = offline.text()
  expect(text).toMatch(/网络不可用，显示 \d+月\d+日 \d\d:\d\d 保存的电子票/)
  expect(textOf(offline.the({ cls: 'bk-ticket__short' })).trim()).toBe(short)
  expect(offline.attr({ prop: '电子票二维码' }, 'src')).toMatch(/^data:image\/gif;base64,/)
  expect(text).toContain('孙八')
  expect(text).not.toMatch(/问题代码|NETWORK/)
  // Cancelling needs the server: not offered on a saved copy.
  expect(text).not.toContain('取消预约')

  // 我的预约 offline lists it.
  const mine = await gate.open('booking/pages/mine/index')
  expect(mine.text()).toContain('以下是手机上保存的电子票')
  expect(mine.text()).toContain('孙八')
  gate.assertHealthy()
})

/** Waits (up to 15 s) for what the phone would show, e.g. the pictures saved after the pack came. */
async function until(what: string, ok: () => boolean) {
  const deadline = Date.now() + 15_000
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

test('pictures, a played track and a hall kept by choice are saved as files: offline an exhibit shows its picture, those tracks play, a track never played says it needs the network', async () => {
  // Online: a scan of the helmet; once the pack has come, every exhibit's small picture is saved.
  const mp = await phone({ path: 'pages/exhibit/index', query: { scene: 'e%3Dhelmet' }, scene: 1047 })
  await mp.open('pages/exhibit/index', { scene: 'e%3Dhelmet' })
  await mp.settle()
  const pictures = () => [...mp.wx.files.keys()].filter((p) => p.endsWith('.svg'))
  await until('six saved pictures', () => pictures().length === 6)
  const pictureBytes = pictures().reduce((n, p) => n + (mp.wx.files.get(p) ?? 0), 0)
  console.log(`[weapp offline] the whole museum's small pictures: ${pictures().length} files, ${pictureBytes} bytes saved`)
  expect(pictureBytes).toBeLessThan(2 * 1024 * 1024)
  // The index of saved files is one small storage key.
  expect(JSON.stringify(mp.wx.storage.get('gxq.files')).length).toBeLessThan(4096)

  // The visitor plays the helmet's guide once: it streams, and is saved for later.
  const listen = await mp.open('guide/pages/listen/index', { id: 'helmet', lang: 'zh' })
  await listen.tap({ cls: 'listen__play' })
  expect(String(mp.wx.audio.filter((a) => a.op === 'set src').at(-1)?.value)).toMatch(/^\/?.*helmet\.zh\..*\.mp3$/)
  await until('the played track saved', () => [...mp.wx.files.keys()].some((p) => p.includes('helmet.zh')))
  // The visitor chooses to keep the energy hall's audio (vanadium, fuel cell) from the exhibit list.
  const list = await mp.open('exhibits/pages/list/index')
  // The helmet's hall already says kept (its one track was played); energy is the first of the two-track halls.
  const keptHalls = () => list.text().split('本展区讲解已可离线收听').length - 1
  expect(keptHalls()).toBe(1)
  await list.tap({ contains: '离线保存本展区讲解（2段）', nth: 0 })
  await until('the energy hall kept', () => keptHalls() === 2)
  expect([...mp.wx.files.keys()].filter((p) => /(vanadium|fuelcell)\.zh\..*\.mp3$/.test(p))).toHaveLength(2)
  mp.assertHealthy()

  // In the hall, a cold start with no network: storage and saved files are what the first visit left.
  const hall = await launchMiniProgram({ serverUrl: server.url, identity: visitorIdentity(server), storage: Object.fromEntries(mp.wx.storage), files: mp.wx.files })
  opened.push(hall)
  hall.wx.network = 'none'
  // An exhibit never opened shows its saved picture.
  const vanadium = await hall.open('pages/exhibit/index', { scene: 'e%3Dvanadium' })
  expect(vanadium.text()).toContain('保存的副本')
  const src = String(vanadium.attr({ cls: 'exhibit__image' }, 'src'))
  expect(src).toMatch(/^wxfile:\/\/usr\/.*vanadium\.svg$/)
  expect(hall.wx.files.has(src)).toBe(true)

  // The track played before plays from its saved file.
  const again = await hall.open('guide/pages/listen/index', { id: 'helmet', lang: 'zh' })
  await again.tap({ cls: 'listen__play' })
  await until('the saved track playing', () => again.text().includes('暂停'))
  const played = String(hall.wx.audio.filter((a) => a.op === 'set src').at(-1)?.value)
  expect(played).toMatch(/^wxfile:\/\/usr\/.*helmet\.zh\..*\.mp3$/)
  expect(again.text()).not.toContain('没有网络')

  // A track of the hall kept by choice plays from its file, though never played.
  const chosen = await hall.open('guide/pages/listen/index', { id: 'fuelcell', lang: 'zh' })
  await chosen.tap({ cls: 'listen__play' })
  await until('the kept hall track playing', () => chosen.text().includes('暂停'))
  expect(String(hall.wx.audio.filter((a) => a.op === 'set src').at(-1)?.value)).toMatch(/^wxfile:\/\/usr\/.*fuelcell\.zh\..*\.mp3$/)

  // A track never played says plainly that it needs the network, in the visitor's language.
  const never = await hall.open('guide/pages/listen/index', { id: 'traindoor', lang: 'zh' })
  await never.tap({ cls: 'listen__play' })
  await until('the offline message', () => never.text().includes('没有网络：听过的讲解可离线播放，这段讲解需联网后收听'))
  expect(never.text()).not.toContain('暂停')
  hall.assertHealthy()

  // An English visitor (the language chosen on an earlier launch) gets it in English.
  const english = await launchMiniProgram({ serverUrl: server.url, identity: visitorIdentity(server), storage: { ...Object.fromEntries(hall.wx.storage), 'gxq.lang': 'en' }, files: hall.wx.files })
  opened.push(english)
  english.wx.network = 'none'
  const neverEn = await english.open('guide/pages/listen/index', { id: 'traindoor', lang: 'en' })
  await neverEn.tap({ cls: 'listen__play' })
  await until('the offline message in English', () => neverEn.text().includes('this one needs the network'))
  expect(textOf(neverEn.the({ cls: 'listen__error' }))).toBe('No network: guides you have played before play offline; this one needs the network.')
  english.assertHealthy()
})
