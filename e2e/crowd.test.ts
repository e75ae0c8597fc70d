// The home page's crowd estimate in a real browser: families come through the gate (the real
// booking and staff handlers on the server's own SQLite file), then a visitor opens the home page
// and reads the level, marked 「估算」 with its time, in Chinese, in English and in care mode. The
// server's clock is frozen at Friday 09:30 Beijing time (CLOCK_AT).
import type { Browser } from 'playwright-core'
import { DEFAULT_BOOKING_CONFIG, saveBookingConfig } from '../cloud/booking/config'
import { openSqliteStore } from '../cloud/store/sqlite'
import { bj, caller, residentId } from '../cloud/testing/booking'
import { launchBrowser, pageUrl, phonePage, shoot, startServer, type RunningServer } from './harness'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startServer({ CLOCK_AT: '2026-11-27T09:30:00+08:00', NO_SHOW_INTERVAL_MS: '0' })
  const store = openSqliteStore(server.dbFile)
  const call = caller(store)
  // A hall of 10 people at once: 6 inside reads 适中 (from half).
  await saveBookingConfig(store, { ...DEFAULT_BOOKING_CONFIG, crowd: { averageStayMinutes: 90, hallCapacity: 10, moderateFrom: 0.5, crowdedFrom: 0.8 } })
  let serial = 0
  for (const [people, at] of [[3, '08:40'], [3, '09:05'], [4, '07:00']] as const) {
    const openid = `family-${++serial}`
    const ids: string[] = []
    for (let i = 0; i < people; i++) {
      const added = await call('booking', 'addVisitor', { name: `参观者${'甲乙丙丁'[i]}`, idType: 'resident', idNumber: residentId(++serial) }, { openid, now: bj('2026-11-26 10:00') })
      if (!added.ok) throw new Error(added.error.message)
      ids.push(added.data.visitor.id)
    }
    // The last family booked Friday morning but never came: it counts for no one inside.
    const booked = await call('booking', 'book', { sessionId: '2026-11-27.am', visitorIds: ids, clientRequestId: `crowd-e2e-${serial}` }, { openid, now: bj('2026-11-26 10:00') })
    if (!booked.ok) throw new Error(booked.error.message)
    if (at === '07:00') continue
    const checked = await call('staff', 'checkIn', { code: booked.data.booking.ticketCode! }, { openid: 'staff_1', role: 'staff', now: bj(`2026-11-27 ${at}`) })
    if (!checked.ok) throw new Error(checked.error.message)
  }
  await store.close()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test.each([
  ['zh', false, ['馆内人流', '适中', '估算 09:30', '按最近90分钟入馆人数估算，约6人在馆']],
  ['en', false, ['Crowd in the halls', 'Moderate', 'Estimate 09:30', 'From entries in the last 90 min: about 6 inside']],
  ['zh', true, ['适中', '估算 09:30']],
] as const)('the home page shows the crowd level as an estimate with its time (%s, care mode: %s)', async (lang, care, texts) => {
  const { context, page, errors } = await phonePage(browser)
  await context.addInitScript(
    ([l, c]) => {
      localStorage.setItem('gxq.lang', JSON.stringify({ data: l }))
      if (c) localStorage.setItem('gxq.care', JSON.stringify({ data: 'on' }))
    },
    [lang, care] as const,
  )
  await page.goto(pageUrl(server.url, 'pages/home/index'))
  const card = page.locator('[data-crowd]:visible')
  await card.waitFor()
  expect(await card.getAttribute('data-crowd')).toBe('moderate')
  const text = await card.innerText()
  for (const t of texts) expect(text).toContain(t)
  await card.scrollIntoViewIfNeeded()
  await shoot(page, `home-crowd-${lang}${care ? '-care' : ''}`)
  expect(errors).toEqual([])
  await context.close()
})
