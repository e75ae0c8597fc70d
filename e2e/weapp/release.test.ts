// The visit reminder's one-tap 「不去了，释放名额」 in the built mini-program (dist/weapp), as
// e2e/release.test.ts does it on H5: this phone booked Friday morning's last two places; a family of
// two waits in the line. The reminder job queues tomorrow's message; the page its link names opens
// the ticket with the release card; one tap and one confirm (WeChat's modal) cancel in time (never a
// no-show), the ticket says 已取消 and the family is offered the two places at once, which their own
// 我的候补 shows. The server's clock is frozen at Thursday 10:00 Beijing time (CLOCK_AT).
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../../cloud/booking/config'
import { residentIdCheckChar } from '../../cloud/contracts/booking'
import { queueVisitReminders } from '../../cloud/reminders/job'
import { DEFAULT_REMINDER_KEYS } from '../../cloud/reminders/reminder'
import { visitSourceFor } from '../../cloud/reminders/source'
import { openSqliteStore } from '../../cloud/store/sqlite'
import type { Store } from '../../cloud/store/port'
import { bj, bookPeople, caller, personName, residentId } from '../../cloud/testing/booking'
import { callApi, startServer, type RunningServer } from '../harness'
import { ensureWeappBuild, reportSetData } from './build'
import { visitorIdentity } from './identity'
import { launchMiniProgram, parseUrl, type MiniProgram } from './mini-program'

let server: RunningServer
let store: Store
const opened: MiniProgram[] = []

const NOW = bj('2026-11-26 10:00')
const AM = '2026-11-27.am'
const validId = (first17: string) => first17 + residentIdCheckChar(first17)

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer({ CLOCK_AT: '2026-11-26T10:00:00+08:00', NO_SHOW_INTERVAL_MS: '0' }, { h5: false })
  store = openSqliteStore(server.dbFile)
  await saveBookingConfig(store, { ...DEFAULT_BOOKING_CONFIG, capacityOverrides: [{ date: '2026-11-27', key: 'am', capacity: 3 }] })
})
afterAll(async () => {
  for (const mp of opened) mp.close()
  reportSetData(opened.flatMap((mp) => mp.setData))
  await store?.close()
  await server?.stop()
})

test('the reminder opens the ticket; one tap and one confirm release the places, the ticket says 已取消 and the waiting family sees the offer', async () => {
  // One phone, one OPENID: the same token books below (as the form would) and runs the app.
  const token = visitorIdentity(server)()
  const asPhone = async (action: string, body: object) => callApi<{ ok: boolean; data: any }>(server, 'booking', { action, ...body }, await token)
  const visitorIds: string[] = []
  for (const [name, id] of [['周明', validId('21021119800101321')], ['周亮', validId('21021119820202322')]]) {
    const added = await asPhone('addVisitor', { name, idType: 'resident', idNumber: id })
    expect(added.ok).toBe(true)
    visitorIds.push(added.data.visitor.id)
  }
  const booked = await asPhone('book', { sessionId: AM, visitorIds, clientRequestId: 'release-weapp-0001', remind: true })
  expect(booked.ok).toBe(true)
  const bookingId = booked.data.booking.id as string

  // The third place goes to someone else; a family of two (their own phone) waits for the full session.
  let serial = 950
  const call = caller(store)
  await bookPeople(call, { openid: 'other-visitor', now: NOW }, AM, 1, () => ++serial)
  const familyToken = visitorIdentity(server)()
  const asFamily = async (action: string, body: object) => callApi<{ ok: boolean; data: any }>(server, 'booking', { action, ...body }, await familyToken)
  const family: string[] = []
  for (let i = 0; i < 2; i++) {
    const n = ++serial
    const added = await asFamily('addVisitor', { name: personName(n), idType: 'resident', idNumber: residentId(n) })
    expect(added.ok).toBe(true)
    family.push(added.data.visitor.id)
  }
  expect(await asFamily('joinWaitlist', { sessionId: AM, visitorIds: family, clientRequestId: 'release-weapp-wait' })).toMatchObject({ ok: true, data: { entry: { status: 'waiting' } } })

  // The evening before: the reminder is queued; its page is the ticket with the release.
  const queued = await queueVisitReminders({ visits: visitSourceFor(store), outbox: store.outbox, template: { id: 'TMPL-visit', keys: DEFAULT_REMINDER_KEYS }, now: NOW })
  expect(queued.queued).toBe(1)
  const [reminder] = (await store.outbox.pending(10)).filter((m) => m.kind === 'visit-reminder')
  const target = parseUrl(reminder.page)
  expect(target.route).toBe('booking/pages/ticket/index')
  expect(target.query).toMatchObject({ release: '1' })

  // WeChat opens the page the message names, cold.
  const mp = await launchMiniProgram({ serverUrl: server.url, identity: () => token, launch: { path: target.route, query: target.query, scene: 1014 } })
  opened.push(mp)
  const ticket = await mp.open(target.route, target.query)
  expect(ticket.text()).toContain('计划有变？现在释放，名额立即给排队候补的观众')
  expect(ticket.text()).toContain('待参观')

  // Changing one's mind at the confirm keeps everything as it was.
  mp.wx.modalAnswers.push(false)
  await ticket.tap({ text: '不去了，释放名额' })
  expect(ticket.text()).toContain('不去了，释放名额')
  expect((await store.booking.getBooking(bookingId))?.status).toBe('confirmed')

  mp.wx.modalAnswers.push(true)
  await ticket.tap({ text: '不去了，释放名额' })
  // One confirm per tap, saying what is released.
  const modals = mp.wx.callsTo('showModal') as Array<{ title: string; content: string; confirmText: string }>
  expect(modals).toHaveLength(2)
  expect(modals[1]).toEqual(modals[0])
  expect(modals[0]).toMatchObject({ title: '不去了，释放名额', confirmText: '释放名额' })
  expect(modals[0].content).toMatch(/释放 .*11月27日.* 的 2 个名额？预约将取消/)
  expect(ticket.text()).toContain('已取消')
  expect(ticket.text()).not.toContain('不去了，释放名额')
  expect(mp.wx.callsTo('showToast')).toContainEqual(expect.objectContaining({ title: '名额已释放' }))

  // Cancelled in time — never a no-show — and the family holds the two places now.
  expect((await store.booking.getBooking(bookingId))?.status).toBe('cancelled')
  expect((await store.booking.placesBooked([AM]))[AM]).toBe(3)
  expect(await asPhone('noShowStanding', {})).toMatchObject({ ok: true, data: { noShows: { count: 0 } } })
  const offers = (await store.outbox.pending(20)).filter((m) => m.kind === 'waitlist-offer')
  expect(offers).toHaveLength(1)

  // The family's phone: the offer's page shows the places held for them.
  const theirs = await launchMiniProgram({ serverUrl: server.url, identity: () => familyToken })
  opened.push(theirs)
  const offerPage = parseUrl(offers[0].page)
  const line = await theirs.open(offerPage.route, offerPage.query)
  expect(line.route).toBe('booking/pages/waitlist/index')
  expect(line.text()).toMatch(/名额已为您保留，请在 .* 前确认/)
  expect(line.text()).toContain('确认预约')

  mp.assertHealthy()
  theirs.assertHealthy()
}, 120_000)
