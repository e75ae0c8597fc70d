// 预约参观 marks the days the visitor has already booked, on the strip and in the day's panel.
import { residentIdCheckChar } from '../cloud/contracts/booking'
import { appUnderTest, pageInPlace, pageUrl, phonePage, callApi, shoot } from './harness'

const app = appUnderTest({ CLOCK_AT: '2026-11-26T10:00:00+08:00', NO_SHOW_INTERVAL_MS: '0' })

const api = (fn: string, body: object, token?: string) => callApi(app.server, fn, body, token)

test('a booked day is marked 已预约 on the strip and said so in its panel; other days are not', async () => {
  const token = (await api('_session', {})).token as string
  const first17 = '21021119700101123'
  const added = await api('booking', { action: 'addVisitor', name: '钱七', idType: 'resident', idNumber: first17 + residentIdCheckChar(first17) }, token)
  const calendar = await api('booking', { action: 'calendar' }, token)
  const open = (calendar.data.days as Array<{ date: string; sessions: Array<{ id: string; status: string; left: number }> }>).filter((d) => d.sessions.some((s) => s.status === 'open' && s.left > 0))
  const day = open[1] ?? open[0]
  const session = day.sessions.find((s) => s.status === 'open' && s.left > 0)!
  const booked = await api('booking', { action: 'book', sessionId: session.id, visitorIds: [added.data.visitor.id], clientRequestId: 'calendar-booked-0001' }, token)
  expect(booked.ok).toBe(true)

  const { page, context, errors } = await phonePage(app.browser)
  await context.addInitScript((t) => localStorage.setItem('gxq.visitorToken', JSON.stringify({ data: t })), token)
  await page.goto(pageUrl(app.server.url, 'booking/pages/calendar/index'))
  await page.locator(`[data-date="${day.date}"][data-booked]`).waitFor()
  await pageInPlace(page)
  expect(await page.locator('.bk-strip [data-booked]').evaluateAll((els) => els.map((e) => e.getAttribute('data-date')))).toEqual([day.date])
  await expect(page.locator(`[data-date="${day.date}"]`).innerText()).resolves.toContain('已预约')
  await page.locator(`[data-date="${day.date}"]`).click()
  await page.locator('[data-booked-note]:visible').waitFor()
  await pageInPlace(page)
  await shoot(page, 'calendar-booked')
  expect(errors).toEqual([])
  await context.close()
})
