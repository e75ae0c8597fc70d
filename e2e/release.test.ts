// The visit reminder's one-tap 「不去了，释放名额」 in the H5 app: a visitor booked Friday morning's
// last two places (asking for the reminder); a family of two waits in the line. The reminder job
// queues tomorrow's message; its link opens the ticket with the release card; one tap, one confirm:
// the booking is cancelled in time (not a no-show) and the family is offered the two places at once.
// The server's clock is frozen at Thursday 10:00 Beijing time (CLOCK_AT).
import type { Browser } from 'playwright-core'
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../cloud/booking/config'
import { residentIdCheckChar } from '../cloud/contracts/booking'
import { queueVisitReminders } from '../cloud/reminders/job'
import { DEFAULT_REMINDER_KEYS } from '../cloud/reminders/reminder'
import { visitSourceFor } from '../cloud/reminders/source'
import { openSqliteStore } from '../cloud/store/sqlite'
import type { Store } from '../cloud/store/port'
import { bj, bookPeople, caller, personName, residentId } from '../cloud/testing/booking'
import { launchBrowser, pageUrl, phonePage, callApi, shoot, startServer, type RunningServer } from './harness'

let server: RunningServer
let browser: Browser
let store: Store

const NOW = bj('2026-11-26 10:00')
const AM = '2026-11-27.am'
const validId = (first17: string) => first17 + residentIdCheckChar(first17)

beforeAll(async () => {
  server = await startServer({ CLOCK_AT: '2026-11-26T10:00:00+08:00', NO_SHOW_INTERVAL_MS: '0' })
  store = openSqliteStore(server.dbFile)
  await saveBookingConfig(store, { ...DEFAULT_BOOKING_CONFIG, capacityOverrides: [{ date: '2026-11-27', key: 'am', capacity: 3 }] })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await store?.close()
  await server?.stop()
})

test('the reminder opens the ticket; one tap and one confirm release the places to the waiting family, and it is no no-show', async () => {
  const { page, errors } = await phonePage(browser)
  // The app's own visitor token (fetched on first use), so the booking below is this phone's.
  await page.goto(pageUrl(server.url, 'booking/pages/calendar/index'))
  const token = await page.waitForFunction(() => {
    const raw = localStorage.getItem('gxq.visitorToken')
    return raw ? (JSON.parse(raw) as { data: string }).data : null
  })
  const asPhone = async (action: string, body: object) => callApi<{ ok: boolean; data: any }>(server, 'booking', { action, ...body }, (await token.jsonValue()) ?? undefined)
  const visitorIds: string[] = []
  for (const [name, id] of [['周明', validId('21021119800101321')], ['周亮', validId('21021119820202322')]]) {
    const added = await asPhone('addVisitor', { name, idType: 'resident', idNumber: id })
    expect(added.ok).toBe(true)
    visitorIds.push(added.data.visitor.id)
  }
  const booked = await asPhone('book', { sessionId: AM, visitorIds, clientRequestId: 'release-e2e-0001', remind: true })
  expect(booked.ok).toBe(true)
  const bookingId = booked.data.booking.id as string

  // The third place goes to someone else; a family of two waits for the full session.
  let serial = 950
  const call = caller(store)
  await bookPeople(call, { openid: 'other-visitor', now: NOW }, AM, 1, () => ++serial)
  const family: string[] = []
  for (let i = 0; i < 2; i++) {
    const n = ++serial
    const res = await call('booking', 'addVisitor', { name: personName(n), idType: 'resident', idNumber: residentId(n) }, { openid: 'family', now: NOW })
    if (!res.ok) throw new Error(res.error.message)
    family.push(res.data.visitor.id)
  }
  const joined = await call('booking', 'joinWaitlist', { sessionId: AM, visitorIds: family, clientRequestId: 'release-e2e-wait' }, { openid: 'family', now: NOW })
  expect(joined).toMatchObject({ ok: true, data: { entry: { status: 'waiting' } } })

  // The evening before: the reminder is queued, its link is the ticket with the release.
  const queued = await queueVisitReminders({ visits: visitSourceFor(store), outbox: store.outbox, template: { id: 'TMPL-visit', keys: DEFAULT_REMINDER_KEYS }, now: NOW })
  expect(queued.queued).toBe(1)
  const [reminder] = (await store.outbox.pending(10)).filter((m) => m.kind === 'visit-reminder')
  const [path, query] = reminder.page.split('?')
  expect(path).toBe('booking/pages/ticket/index')
  await page.goto(pageUrl(server.url, path, query))

  const card = page.locator('[data-release]:visible')
  await card.getByText('计划有变？现在释放，名额立即给排队候补的观众').waitFor()
  await shoot(page, 'release-card')
  await card.locator('[data-action="release"]').click()
  await page.getByText(/释放 .*11月27日.* 的 2 个名额？预约将取消/).waitFor()
  await page.getByText('释放名额', { exact: true }).last().click()
  await page.locator('.bk-status:visible', { hasText: '已取消' }).waitFor()
  await expect(page.locator('[data-release]:visible').count()).resolves.toBe(0)
  await shoot(page, 'release-done')

  // Cancelled in time — never a no-show — and the family holds the two places now.
  expect((await store.booking.getBooking(bookingId))?.status).toBe('cancelled')
  expect(await store.booking.myWaitlist('family', 5)).toMatchObject([{ status: 'offered', held: true, places: 2 }])
  expect((await store.booking.placesBooked([AM]))[AM]).toBe(3)
  expect((await store.outbox.pending(20)).filter((m) => m.kind === 'waitlist-offer' && m.touser === 'family')).toHaveLength(1)
  const standing = await asPhone('noShowStanding', {})
  expect(standing).toMatchObject({ ok: true, data: { noShows: { count: 0 } } })
  expect(errors).toEqual([])
}, 120_000)
