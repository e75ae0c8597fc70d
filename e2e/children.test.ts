// Children in the H5 app: the add-visitor form shows the age read from a typed ID number and offers
// a preschool child without an ID (birth date, accompanying adult); a family booked with a child
// sees the child on the ticket by type and birth month, in Chinese and in English. The server's
// clock is frozen at Thursday 26 Nov 10:00 Beijing time (CLOCK_AT).
import type { Page } from 'playwright-core'
import { residentIdCheckChar } from '../cloud/contracts/booking'
import { ageOn } from '../cloud/contracts/children'
import { appUnderTest, pageInPlace, pageUrl, phonePage, callApi, shoot } from './harness'

const app = appUnderTest({ CLOCK_AT: '2026-11-26T10:00:00+08:00', NO_SHOW_INTERVAL_MS: '0' })
const validId = (first17: string) => first17 + residentIdCheckChar(first17)
let family = 0

/** A visitor token with an adult and a child saved and booked together on Friday morning, through the public API. */
async function familyWithBooking(): Promise<{ token: string; bookingId: string }> {
  const api = (fn: string, body: object, token?: string) => callApi(app.server, fn, body, token)
  const token = (await api('_session', {})).token as string
  const adult = await api('booking', { action: 'addVisitor', name: '张伟', idType: 'resident', idNumber: validId(`21021119850312${100 + ++family}`) }, token)
  const child = await api('booking', { action: 'addChild', name: '张小宝', birthDate: '2022-04-10', guardianVisitorId: adult.data.visitor.id }, token)
  expect(child).toMatchObject({ ok: true, data: { visitor: { idType: 'child', idMasked: '儿童 2022-04', age: 4 } } })
  const booked = await api('booking', { action: 'book', sessionId: '2026-11-27.am', visitorIds: [adult.data.visitor.id, child.data.visitor.id], clientRequestId: 'children-e2e-0001' }, token)
  expect(booked.ok).toBe(true)
  return { token, bookingId: booked.data.booking.id }
}

async function openAs(token: string, lang: 'zh' | 'en', path: string, query = '') {
  const opened = await phonePage(app.browser)
  await opened.context.addInitScript(
    ([t, l]) => {
      localStorage.setItem('gxq.visitorToken', JSON.stringify({ data: t }))
      localStorage.setItem('gxq.lang', JSON.stringify({ data: l }))
    },
    [token, lang] as const,
  )
  await opened.page.goto(pageUrl(app.server.url, path, query))
  return opened
}

const idInput = (page: Page) => page.locator('[aria-labelledby="vf-id"] input:visible, input[aria-labelledby="vf-id"]:visible').first()

test('the add-visitor form shows the age from a typed ID and offers a child without an ID under a saved adult', async () => {
  const { token } = await familyWithBooking()
  const { page, context, errors } = await openAs(token, 'zh', 'booking/pages/visitors/index')
  await page.locator('[data-visitor="张小宝"]:visible, .bk-visitor:has-text("张小宝")').first().waitFor()
  expect(await page.locator('.bk-visitor:has-text("张小宝") .bk-visitor__id').first().innerText()).toContain('儿童（无证件） 2022-04 · 4岁')
  // The form counts the age on the phone's own date (the server's frozen clock is not the phone's).
  await idInput(page).fill(validId('21021120161127123'))
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  await page.getByText(`${ageOn('2016-11-27', today)}周岁（出生日期 2016-11-27）`).waitFor()
  await page.locator('[role="switch"][data-action="child"]:visible').click()
  await expect(page.locator('[data-action="birth-date"]:visible').innerText()).resolves.toContain('请选择出生日期')
  await expect(page.locator('[data-action="guardian"]:visible').innerText()).resolves.toContain('请选择陪同成人')
  expect(await idInput(page).count()).toBe(0)
  await pageInPlace(page)
  await shoot(page, 'visitors-child-option')
  expect(errors).toEqual([])
  await context.close()
})

test.each([
  ['zh', '儿童（无证件） 2022-04'],
  ['en', 'Child (no ID) 2022-04'],
] as const)('the ticket lists the child with the adult (%s)', async (lang, expected) => {
  const { token, bookingId } = await familyWithBooking()
  const { page, context, errors } = await openAs(token, lang, 'booking/pages/ticket/index', `id=${bookingId}`)
  await page.getByText(expected).waitFor()
  await pageInPlace(page)
  await shoot(page, `ticket-child-${lang}`)
  expect(errors).toEqual([])
  await context.close()
})
