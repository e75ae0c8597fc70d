// 候补 as a family does it in the H5 app: the Friday morning session is full; a family of three
// joins its line from the calendar with their saved visitors; someone else cancels three places;
// the family's 我的候补 shows the offer (and exactly one offer message is queued for them); they
// confirm, and the e-ticket carries the same three (masked) IDs. The server's clock is frozen at
// Thursday 10:00 Beijing time (CLOCK_AT); the other visitor books and cancels through the same
// handlers on the same database file.
import type { Browser, Page } from 'playwright-core'
import { maskIdNumber } from '../cloud/contracts/booking'
import type { Store } from '../cloud/store/port'
import { bookPeople, caller } from '../cloud/testing/booking'
import { launchBrowser, pageUrl, phonePage, shoot, type RunningServer } from './harness'
import { AM, FAMILY, NOW, startWaitlistStage } from './waitlist-family'

let server: RunningServer
let browser: Browser
let store: Store

beforeAll(async () => {
  ;({ server, store } = await startWaitlistStage({ h5: true }))
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await store?.close()
  await server?.stop()
})

const input = (page: Page, labelId: string) => page.locator(`[aria-labelledby="${labelId}"] input:visible, input[aria-labelledby="${labelId}"]:visible`).first()

async function snap(page: Page, name: string) {
  await page.waitForTimeout(700)
  await shoot(page, name)
}

test('a family of 3 waits for a full session, someone cancels 3, one offer arrives, they confirm and the ticket carries the same 3 IDs', async () => {
  // Someone else takes all three places.
  let serial = 900
  const other = { openid: 'other-visitor', now: NOW }
  const call = caller(store)
  const theirs = await bookPeople(call, other, AM, 3, () => ++serial)

  const { page, errors } = await phonePage(browser)
  await page.goto(pageUrl(server.url, 'booking/pages/calendar/index'))
  await page.locator('[data-date="2026-11-27"]').click()
  await page.getByRole('heading', { name: '11月27日 周五' }).waitFor()
  const session = page.locator(`[data-session="${AM}"]:visible`)
  await expect(session.locator('.bk-session__meta').innerText()).resolves.toBe('已约满 · 可候补')

  // The full session opens the form in 候补 mode; the family is added and ticked.
  await session.click()
  await page.locator('[data-wait-intro]:visible').waitFor()
  for (const person of FAMILY) {
    await page.getByText('＋ 添加参观人').click()
    await input(page, 'vf-name').fill(person.name)
    await input(page, 'vf-id').fill(person.id)
    await page.getByText('保存参观人').click()
    await page.locator(`[data-visitor="${person.name}"][aria-checked="true"]`).waitFor()
  }
  await page.locator('[data-consent]').click()
  await snap(page, 'waitlist-join')
  await page.locator('.bk-actions .btn:visible', { hasText: '加入候补' }).click()

  // 我的候补: first in line, nobody ahead.
  const entry = page.locator('[data-entry]:visible').first()
  await entry.locator('.bk-wait__place', { hasText: '第 1 位 · 下一位就是您' }).waitFor()
  await expect(entry.getAttribute('data-status')).resolves.toBe('waiting')
  expect(await page.locator('body').innerText()).not.toContain(FAMILY[0].id)
  await snap(page, 'waitlist-waiting')

  // The other visitor cancels their three places: the line is offered them at once.
  const cancelled = await call('booking', 'cancel', { bookingId: theirs }, other)
  expect(cancelled.ok).toBe(true)
  const messages = (await store.outbox.pending(100)).filter((m) => m.kind === 'waitlist-offer')
  expect(messages).toHaveLength(1)
  expect(messages[0].page).toMatch(/^\/booking\/pages\/waitlist\/index\?id=/)

  // The offer message opens 我的候补 on the entry: the places are held until 10:30.
  await page.goto(pageUrl(server.url, messages[0].page.slice(1).split('?')[0], messages[0].page.split('?')[1]))
  const offered = page.locator('[data-entry][data-status="offered"]:visible').first()
  await offered.locator('.bk-wait__offer', { hasText: '名额已为您保留，请在 11月26日 10:30 前确认' }).waitFor()
  await snap(page, 'waitlist-offer')
  await offered.locator('[data-action="accept-offer"]').click()

  // The e-ticket: booked, with the same three people and their IDs masked.
  await page.getByText('预约成功').waitFor()
  await expect(page.locator('.bk-status:visible').first().innerText()).resolves.toBe('待参观')
  const ticket = await page.locator('.bk-ticket-page:visible').innerText()
  for (const person of FAMILY) {
    expect(ticket).toContain(person.name)
    expect(ticket).toContain(maskIdNumber(person.id))
    expect(ticket).not.toContain(person.id)
  }
  await snap(page, 'waitlist-ticket')

  // 改签 from the ticket: the afternoon, the same three people, the same ticket.
  const code = await page.locator('[data-short-code]:visible').getAttribute('data-short-code')
  await page.locator('[data-action="reschedule"]:visible').click()
  await page.locator('.bk-reschedule:visible').waitFor()
  await page.locator('[data-date="2026-11-27"]:visible').click()
  await page.locator('[data-session="2026-11-27.pm"]:visible').click()
  await page.getByText('改签到 11月27日 下午场？').waitFor()
  await page.getByText('改签', { exact: true }).last().click()
  await page.getByRole('heading', { name: /11月27日 周五\s*下午场/ }).waitFor()
  const moved = await page.locator('.bk-ticket-page:visible').innerText()
  for (const person of FAMILY) expect(moved).toContain(maskIdNumber(person.id))
  await expect(page.locator('[data-short-code]:visible').getAttribute('data-short-code')).resolves.toBe(code)
  // The morning's three places are free again (nobody else waits for them).
  expect((await store.booking.placesBooked([AM, '2026-11-27.pm']))).toEqual({ [AM]: 0, '2026-11-27.pm': 3 })
  await snap(page, 'waitlist-rescheduled')

  // 我的预约: the no-show count, 0 of 3.
  await page.goto(pageUrl(server.url, 'booking/pages/mine/index'))
  await expect(page.locator('[data-no-show]:visible').innerText()).resolves.toContain('0/3')
  expect(errors).toEqual([])
}, 120_000)
