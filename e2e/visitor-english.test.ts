// English everywhere a visitor goes: with English chosen, the interface of booking, the ticket,
// 我的 and the zone pages has no Chinese characters (data that exists only in Chinese — names,
// company and policy texts — is marked data-content and shown as is). Also: the first zone result
// is on the first screen in normal and care mode, and a screenshot of every page in English.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { residentIdCheckChar } from '../cloud/contracts/booking'
import { appUnderTest, pageInPlace, pageUrl, phonePage, callApi, ROOT, shoot } from './harness'

const app = appUnderTest({ CLOCK_AT: '2026-11-27T08:50:00+08:00', NO_SHOW_INTERVAL_MS: '0' })

/** A visitor token with one booking for 27 Nov morning, made through the public API. */
async function visitorWithBooking(): Promise<{ token: string; bookingId: string }> {
  const api = (fn: string, body: object, token?: string) => callApi(app.server, fn, body, token)
  const session = await api('_session', {})
  const token = session.token as string
  const first17 = '21021119900101123'
  const added = await api('booking', { action: 'addVisitor', name: '王五', idType: 'resident', idNumber: first17 + residentIdCheckChar(first17) }, token)
  const booked = await api('booking', { action: 'book', sessionId: '2026-11-27.am', visitorIds: [added.data.visitor.id], clientRequestId: 'english-test-0001' }, token)
  return { token, bookingId: booked.data.booking.id }
}

async function englishPage(token?: string) {
  const opened = await phonePage(app.browser)
  await opened.context.addInitScript((t) => {
    localStorage.setItem('gxq.lang', JSON.stringify({ data: 'en' }))
    if (t) localStorage.setItem('gxq.visitorToken', JSON.stringify({ data: t }))
  }, token ?? '')
  return opened
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), undefined, { timeout: 10_000 })
  await pageInPlace(page)
}

/** Chinese characters in the shown page's interface text (content marked data-content left out). */
async function chineseInChrome(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((e) => getComputedStyle(e).display !== 'none')
    const root = shown[shown.length - 1]
    const out: string[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!
      // Content that exists only in Chinese, and the 中文 option of the language switch (written in its own language).
      if (el.closest('[data-content], [data-lang-option]')) continue
      const text = (n.textContent ?? '').trim()
      if (/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text)) out.push(text.slice(0, 40))
    }
    return out
  })
}

test('English mode has no Chinese in the interface of booking, ticket, 我的, staff, zone, exhibit list and guide pages', async () => {
  const { token, bookingId } = await visitorWithBooking()
  const { page, context, errors } = await englishPage(token)
  for (const [name, p, q] of [
    ['calendar', 'booking/pages/calendar/index', ''],
    ['ticket', 'booking/pages/ticket/index', `id=${bookingId}`],
    ['my-bookings', 'booking/pages/mine/index', ''],
    ['mine', 'pages/mine/index', ''],
    ['home', 'pages/home/index', ''],
    ['companies', 'zone/pages/companies/index', ''],
    ['policies', 'zone/pages/policies/index', ''],
    ['not-found', 'pages/exhibit/index', 'id=zz-none'],
    ['booking-form', 'booking/pages/form/index', 'session=2026-11-27.pm'],
    ['visitors', 'booking/pages/visitors/index', ''],
    ['privacy', 'booking/pages/privacy/index', ''],
    ['checkin', 'staff/pages/checkin/index', ''],
    ['company', 'zone/pages/company/index', 'id=rongke'],
    ['policy', 'zone/pages/policy/index', 'id=kechuang'],
    ['match', 'zone/pages/match/index', ''],
    ['figures', 'zone/pages/figures/index', ''],
    ['exhibits', 'exhibits/pages/list/index', ''],
    ['exhibit', 'pages/exhibit/index', 'id=vanadium'],
    ['listen', 'guide/pages/listen/index', 'id=helmet&lang=en'],
    ['trail', 'guide/pages/trail/index', ''],
    ['company-error', 'zone/pages/company/index', 'id=nobody'],
  ] as const) {
    await page.goto(pageUrl(app.server.url, p, q))
    await settle(page)
    await shoot(page, `en-${name}`)
    expect({ page: name, chinese: await chineseInChrome(page) }).toEqual({ page: name, chinese: [] })
  }
  // The ticket's short code and its English rules are there.
  await page.goto(pageUrl(app.server.url, 'booking/pages/ticket/index', `id=${bookingId}`))
  await settle(page)
  expect(await page.locator('.bk-ticket-page:visible').innerText()).toMatch(/Short code[\s\S]*Before you come/)
  // A cloud refusal reads in English, with its code in small print for support.
  await page.goto(pageUrl(app.server.url, 'zone/pages/company/index', 'id=nobody'))
  await settle(page)
  const refusal = page.locator('.status--error:visible')
  expect(await refusal.innerText()).toMatch(/This company was not found[\s\S]*Code COMPANY_NOT_FOUND/)
  // The booking form's own checks speak English too: submitting with nobody ticked.
  await page.goto(pageUrl(app.server.url, 'booking/pages/form/index', 'session=2026-11-27.pm'))
  await settle(page)
  await page.getByText('Submit booking', { exact: true }).click()
  expect(await page.locator('.bk-alert:visible').innerText()).toBe('Please choose at least one visitor.')
  expect(errors).toEqual([])
  await context.close()
})

describe.each([
  ['normal', false],
  ['care', true],
])('zone lists in %s mode', (mode, care) => {
  test.each(['zone/pages/companies/index', 'zone/pages/policies/index'])('%s shows its first result on the first screen', async (p) => {
    const { page, context } = await phonePage(app.browser)
    if (care) await context.addInitScript(() => localStorage.setItem('gxq.care', JSON.stringify({ data: 'on' })))
    await page.goto(pageUrl(app.server.url, p))
    const first = page.locator('[data-company], [data-policy]').first()
    await first.waitFor()
    await settle(page)
    const box = (await first.boundingBox())!
    await shoot(page, `zone-first-screen-${mode}-${p.split('/')[2]}`)
    // Its title at least (the top of the row plus a line) is above the fold of a 390 × 844 phone.
    expect({ page: p, top: Math.round(box.y), visible: box.y + 40 <= 844 }).toEqual({ page: p, top: Math.round(box.y), visible: true })
    await context.close()
  })
})

function appPages(): string[] {
  ;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'src/app.config.ts')).default as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> }
  return [...config.pages, ...(config.subPackages ?? []).flatMap((s) => s.pages.map((x) => `${s.root}/${x}`))]
}

test('a screenshot of every page in English (390 × 844), and no page breaks', async () => {
  const { page, context, errors } = await englishPage()
  const queries: Record<string, string> = { 'pages/exhibit/index': 'id=helmet', 'guide/pages/listen/index': 'id=helmet' }
  for (const p of appPages()) {
    await page.goto(pageUrl(app.server.url, p, queries[p] ?? ''))
    await settle(page)
    await shoot(page, `en-page-${p.replace(/\W+/g, '-')}`)
  }
  expect(errors).toEqual([])
  await context.close()
})
