// The whole booking flow as people do it in the H5 app: a resident books for two, gets the
// e-ticket, cancels (the places come back), books again; staff at the gate check the ticket in
// and the same ticket is refused the second time. The server's clock is frozen at a Friday
// 08:50 Beijing time (CLOCK_AT), so the flow does not depend on when the test runs.
import Database from 'better-sqlite3'
import bookingJson from '../data/booking.json'
import type { Browser, Page } from 'playwright-core'
import { createAccount } from '../cloud/accounts/service'
import { maskIdNumber, residentIdCheckChar } from '../cloud/contracts/booking'
import { openSqliteStore } from '../cloud/store/sqlite'
import { launchBrowser, pageUrl, phonePage, shoot, startServer, type RunningServer } from './harness'

let server: RunningServer
let browser: Browser
const STAFF = { username: 'gate1', password: 'gate-1-password' }

const validId = (first17: string) => first17 + residentIdCheckChar(first17)
const ZHANG = validId('21021119850312123')
const LI = validId('21020420120601002')

beforeAll(async () => {
  server = await startServer({ CLOCK_AT: '2026-11-27T08:50:00+08:00', NO_SHOW_INTERVAL_MS: '0' })
  // Nothing ships with a default password: the gate account is made here, through the store.
  const store = openSqliteStore(server.dbFile)
  await createAccount(store.accounts, { ...STAFF, name: '门岗一', role: 'staff' }, new Date())
  await store.close()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

// The H5 router keeps earlier pages of the stack in the DOM (hidden): look only at what is visible.
const input = (page: Page, labelId: string) => page.locator(`[aria-labelledby="${labelId}"] input:visible, input[aria-labelledby="${labelId}"]:visible`).first()

/** Screenshot after the H5 router's page slide-in has finished. */
async function snap(page: Page, name: string) {
  await page.waitForTimeout(700)
  await shoot(page, name)
}

/** Waits until what a person would read settles on the expected text (the page refreshes async). */
async function eventually(read: () => Promise<string>, expected: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout
  let last = ''
  while (Date.now() < deadline) {
    last = await read().catch(() => '')
    if (last.includes(expected)) return
    await new Promise((r) => setTimeout(r, 100))
  }
  expect(last).toContain(expected)
}

async function placesLeft(page: Page, session: string): Promise<string> {
  return page.locator(`[data-session="${session}"] .bk-session__meta:visible`).innerText()
}

async function bookFridayMorning(page: Page) {
  await page.goto(pageUrl(server.url, 'booking/pages/calendar/index'))
  await page.locator('[data-session="2026-11-27.am"]:visible').click()
  await page.getByText('选择参观人').waitFor()
}

test('book two visitors → ticket → cancel → book again → staff check in → second scan refused', async () => {
  const { page, errors, context } = await phonePage(browser)

  // Home → 预约参观 → calendar with sessions, places left, the Monday closed and the release time shown.
  await page.goto(pageUrl(server.url, 'pages/home/index'))
  await page.locator('[data-entry="booking"]').click()
  await page.getByRole('heading', { name: '11月27日 周五' }).waitFor()
  expect(await placesLeft(page, '2026-11-27.am')).toBe('余 300 / 300 个名额')
  // The strip reads 今天/明天 and greys the closed Monday; picking it says why.
  await expect(page.locator('[data-date="2026-11-27"]').innerText()).resolves.toContain('今天')
  await expect(page.locator('[data-date="2026-11-28"]').innerText()).resolves.toContain('明天')
  const monday = page.locator('[data-date="2026-11-30"]')
  await expect(monday.getAttribute('class')).resolves.toContain('bk-strip__day--closed')
  await snap(page, 'booking-calendar')
  await monday.click()
  await expect(page.locator('.bk-daypanel:visible').innerText()).resolves.toContain('每周一闭馆（法定节假日除外）')
  // Today and the next 7 days; 12月4日 opened at 08:00 today, 12月5日 is not shown yet.
  await page.locator('[data-date="2026-12-04"]').click()
  await expect(page.locator('.bk-daypanel:visible').innerText()).resolves.toContain('余 300 / 300 个名额')
  await expect(page.locator('[data-date="2026-12-05"]').count()).resolves.toBe(0)
  await page.locator('[data-date="2026-11-27"]').click()

  // Pick the session; add two visitors. A wrong check digit is caught in the form.
  await page.locator('[data-session="2026-11-27.am"]:visible').click()
  await page.getByText('还没有常用参观人').waitFor()
  await page.getByText('＋ 添加参观人').click()
  await input(page, 'vf-name').fill('张三')
  await input(page, 'vf-id').fill(ZHANG.slice(0, 17) + (ZHANG[17] === '1' ? '2' : '1'))
  await page.getByText('保存参观人').click()
  await page.getByText('身份证号校验位不正确，请核对后重新输入').waitFor()
  await input(page, 'vf-id').fill(ZHANG)
  await page.getByText('保存参观人').click()
  await page.locator('[data-visitor="张三"][aria-checked="true"]').waitFor()
  await page.getByText('＋ 添加参观人').click()
  await input(page, 'vf-name').fill('李小明')
  await input(page, 'vf-id').fill(LI)
  await page.getByText('保存参观人').click()
  await page.locator('[data-visitor="李小明"][aria-checked="true"]').waitFor()
  await expect(page.getByText('已选 2/5').count()).resolves.toBe(1)
  const masked = await page.locator('[data-visitor="张三"] .bk-visitor__id').innerText()
  expect(masked).toContain(maskIdNumber(ZHANG))
  expect(await page.locator('body').innerText()).not.toContain(ZHANG)
  await snap(page, 'booking-form')

  // Real-name booking needs the privacy consent first: refused with a clear message until ticked.
  await page.getByText('提交预约').click()
  await page.getByText('请先阅读并同意《用户隐私保护指引》，再提交预约').waitFor()
  await expect(page.locator('[data-consent][aria-checked="false"]').count()).resolves.toBe(1)
  await page.locator('[data-consent]').click()
  await expect(page.getByText('请先阅读并同意《用户隐私保护指引》，再提交预约').count()).resolves.toBe(0)

  // Submit: the e-ticket with a QR code and no full ID number anywhere.
  await page.getByText('提交预约').click()
  await page.getByText('预约成功').waitFor()
  const qr = page.locator('img[aria-label="电子票二维码"], [aria-label="电子票二维码"] img').first()
  await expect(qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.src.startsWith('data:image/gif'))).resolves.toBe(true)
  const firstCode = (await page.locator('.bk-ticket__qr-box:visible').getAttribute('data-ticket-code'))!
  expect(firstCode).toMatch(/^T2\.k[0-9]+\./)
  // The short code people read aloud: 8 characters, no 0/O/1/I/L, shown as two groups of four;
  // the ticket names the museum, the entrance and the rules, and can be saved.
  const firstShort = (await page.locator('[data-short-code]:visible').getAttribute('data-short-code'))!
  expect(firstShort).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)
  expect(await page.locator('.bk-ticket__short:visible').innerText()).toBe(`${firstShort.slice(0, 4)} ${firstShort.slice(4)}`)
  const ticketText = await page.locator('.bk-ticket-page:visible').innerText()
  for (const s of ['大连高新区科技馆', '入口', '入馆须知', '保存电子票']) expect(ticketText).toContain(s)
  // The picture before saving: the 已保存 toast would cover the QR.
  await snap(page, 'booking-ticket')
  const download = page.waitForEvent('download')
  await page.locator('[data-action=save-ticket]:visible').click()
  expect((await download).suggestedFilename()).toBe(`ticket-2026-11-27-${firstShort}.png`)
  expect(await page.locator('body').innerText()).not.toContain(ZHANG)
  await expect(page.locator('.bk-status:visible').first().innerText()).resolves.toBe('待参观')

  // Cancel before the deadline (the session start): the places come back at once.
  await page.locator('.btn--danger:visible', { hasText: '取消预约' }).click()
  await page.getByText('取消后名额将释放给其他观众').waitFor()
  await page.getByText('取消预约', { exact: true }).last().click()
  await page.locator('.bk-status:visible', { hasText: '已取消' }).waitFor()
  await expect(page.getByText('预约已取消，电子票已失效').count()).resolves.toBe(1)
  await snap(page, 'booking-cancelled')
  await page.goto(pageUrl(server.url, 'booking/pages/calendar/index'))
  await page.getByRole('heading', { name: '11月27日 周五' }).waitFor()
  await eventually(() => placesLeft(page, '2026-11-27.am'), '余 300 / 300 个名额')

  // Book again with the same two visitors (their IDs are free again that day).
  await bookFridayMorning(page)
  // Submitting with nobody ticked says so; ticking a visitor clears it at once.
  await page.getByText('提交预约').click()
  await page.getByText('请至少选择1位参观人').waitFor()
  await page.locator('[data-visitor="张三"]').click()
  await expect(page.getByText('请至少选择1位参观人').count()).resolves.toBe(0)
  await page.locator('[data-visitor="李小明"]').click()
  await page.locator('[data-consent]').click()
  await page.getByText('提交预约').click()
  await page.getByText('预约成功').waitFor()
  const code = (await page.locator('.bk-ticket__qr-box:visible').getAttribute('data-ticket-code'))!
  const short = (await page.locator('[data-short-code]:visible').getAttribute('data-short-code'))!
  expect(code).not.toBe(firstCode)

  // 我的预约: one upcoming, one in history as 已取消.
  await page.locator('.bk-actions .btn:visible', { hasText: '我的预约' }).click()
  await page.getByText('待参观（1）').waitFor()
  await expect(page.getByText('历史预约（1）').count()).resolves.toBe(1)
  await snap(page, 'booking-mine')
  await page.locator(':visible', { hasText: /^历史预约（1）$/ }).last().click()
  await page.locator('.bk-booking .bk-status:visible', { hasText: '已取消' }).waitFor()

  // The consent's link opens the in-app 用户隐私保护指引 on H5 (weapp opens WeChat's own).
  await bookFridayMorning(page)
  await page.locator('[data-privacy-link]').click()
  await page.getByRole('heading', { name: '我们收集哪些信息' }).waitFor()
  expect(await page.locator('body').innerText()).toContain('证件号码不以明文保存')

  // Staff at the gate: a wrong password is refused; the right one opens check-in.
  const staff = await phonePage(browser)
  await staff.page.goto(pageUrl(server.url, 'staff/pages/checkin/index'))
  await input(staff.page, 'st-user-label').fill(STAFF.username)
  await input(staff.page, 'st-password-label').fill('wrong-password')
  await staff.page.getByText('登录', { exact: true }).click()
  await staff.page.getByText('用户名或密码不正确').waitFor()
  await input(staff.page, 'st-password-label').fill(STAFF.password)
  await staff.page.getByText('登录', { exact: true }).click()
  await staff.page.getByRole('heading', { name: '入馆核验' }).waitFor()
  await expect(staff.page.locator('[data-session="2026-11-27.am"]').innerText()).resolves.toContain('已入馆 0 / 已预约 2')
  // A second gate, open beside it (its timers on a clock the test moves): it sees the first gate's
  // admissions within half a minute, nobody tapping 刷新.
  const gate2 = await phonePage(browser)
  await gate2.page.clock.install()
  await gate2.page.goto(pageUrl(server.url, 'staff/pages/checkin/index'))
  await input(gate2.page, 'st-user-label').fill(STAFF.username)
  await input(gate2.page, 'st-password-label').fill(STAFF.password)
  await gate2.page.getByText('登录', { exact: true }).click()
  await gate2.page.getByText('已入馆 0 / 已预约 2').waitFor()

  // The cancelled ticket is refused; the new one admits both, names shown, IDs masked.
  await input(staff.page, 'st-code-label').fill(firstCode)
  await staff.page.getByText('核验入馆', { exact: true }).click()
  await staff.page.getByText('该预约已取消，电子票无效').waitFor()
  // The new ticket by its short code, typed as staff would (lower case, with the space).
  await input(staff.page, 'st-code-label').fill(`${short.slice(0, 4).toLowerCase()} ${short.slice(4)}`)
  await staff.page.getByText('核验入馆', { exact: true }).click()
  await staff.page.getByText('核验通过，准予入馆（2人）').waitFor()
  const admitted = await staff.page.locator('.st-result').innerText()
  expect(admitted).toContain('张三')
  expect(admitted).toContain('李小明')
  expect(admitted).toContain(maskIdNumber(ZHANG))
  expect(admitted).not.toContain(ZHANG)
  await eventually(() => staff.page.locator('[data-session="2026-11-27.am"]').innerText(), '已入馆 2 / 已预约 2')
  await snap(staff.page, 'staff-admitted')
  await gate2.page.clock.runFor(30_000)
  await gate2.page.getByText('已入馆 2 / 已预约 2').waitFor()
  expect(gate2.errors).toEqual([])
  await gate2.page.context().close()

  // The same ticket a second time: refused with the reason.
  await input(staff.page, 'st-code-label').fill(code)
  await staff.page.getByText('核验入馆', { exact: true }).click()
  await staff.page.getByText('已核验过，不予重复入馆').waitFor()
  // When and by whom: the gate can tell a visitor who already went in from a wrong code.
  await expect(staff.page.locator('.st-result').innerText()).resolves.toContain('该电子票已于11月27日 08:50由门岗一核验入馆，不能重复使用')
  await expect(staff.page.locator('.st-result').getAttribute('data-outcome')).resolves.toBe('used')
  await snap(staff.page, 'staff-refused')

  // Its short code a second time: the same answer, it was used (not "unknown").
  await input(staff.page, 'st-code-label').fill(short)
  await staff.page.getByText('核验入馆', { exact: true }).click()
  await staff.page.locator('.st-result[data-outcome=used]').waitFor()
  // A made-up short code is unknown, said differently.
  await input(staff.page, 'st-code-label').fill(short.split('').reverse().join('') === short ? 'ABCDEFGH' : short.split('').reverse().join(''))
  await staff.page.getByText('核验入馆', { exact: true }).click()
  await staff.page.getByText('没有与此短码对应的预约').waitFor()
  await expect(staff.page.locator('.st-result').getAttribute('data-outcome')).resolves.toBe('unknown')

  // Who is expected in the session: both visitors, now in.
  await staff.page.locator('[data-session="2026-11-27.am"] [data-action=expected]').click()
  const expected = staff.page.locator('[data-expected="2026-11-27.am"]')
  await expected.getByText('张三').waitFor()
  await expect(expected.innerText()).resolves.toMatch(/李小明[\s\S]*已入馆/)
  await snap(staff.page, 'staff-expected')

  // A forged code is refused too.
  await input(staff.page, 'st-code-label').fill(code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'))
  await staff.page.getByText('核验入馆', { exact: true }).click()
  await staff.page.getByText('无效的电子票：二维码无法识别或已被篡改').waitFor()
  await expect(staff.page.locator('.st-result').getAttribute('data-outcome')).resolves.toBe('invalid')

  // Sign-out: the device goes back to the sign-in form, and the staff token is gone.
  await staff.page.locator('[data-action=sign-out]').click()
  await staff.page.getByRole('heading', { name: '工作人员登录' }).waitFor()
  await staff.page.reload()
  await staff.page.getByRole('heading', { name: '工作人员登录' }).waitFor()

  // The visitor sees 已入馆.
  await page.goto(pageUrl(server.url, 'booking/pages/mine/index'))
  await page.locator(':visible', { hasText: /^历史预约（2）$/ }).last().click()
  await page.locator('.bk-booking .bk-status:visible', { hasText: '已入馆' }).waitFor()

  // Nothing in the database file shows the ID numbers in full.
  const db = new Database(server.dbFile, { readonly: true })
  const dump = ['booking_visitors', 'bookings', 'booking_claims'].map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t}`).all())).join('\n')
  // The check-in is recorded with the account that did it.
  const checkedInBy = db.prepare("SELECT checked_in_by FROM bookings WHERE status = 'checked_in'").all()
  db.close()
  expect(checkedInBy).toEqual([{ checked_in_by: STAFF.username }])
  expect(dump).not.toContain(ZHANG)
  expect(dump).not.toContain(LI)

  expect(errors).toEqual([])
  expect(staff.errors).toEqual([])
  await staff.context.close()
  await context.close()
})

test('a full session is refused with the reason, and the places are untouched', async () => {
  // The operator sets a tiny session; a second family is told it is full.
  const db = new Database(server.dbFile)
  const config = structuredClone(bookingJson)
  config.sessions[1].capacity = 1
  const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  setMeta.run('booking.config', JSON.stringify(config))
  setMeta.run('booking.config.rev', `e2e-${Date.now()}`)
  db.close()
  await new Promise((r) => setTimeout(r, 1100)) // a change made outside the server applies within a second
  const { page, context } = await phonePage(browser)
  await page.goto(pageUrl(server.url, 'booking/pages/calendar/index'))
  await page.locator('[data-date="2026-11-28"]:visible').click()
  await page.locator('[data-session="2026-11-28.pm"]:visible').click()
  await page.getByText('＋ 添加参观人').click()
  await input(page, 'vf-name').fill('王五')
  await input(page, 'vf-id').fill(validId('21021119900101001'))
  await page.getByText('保存参观人').click()
  await page.getByText('＋ 添加参观人').click()
  await input(page, 'vf-name').fill('王小五')
  await input(page, 'vf-id').fill(validId('21021120150101001'))
  await page.getByText('保存参观人').click()
  await page.getByText('已选 2/5').waitFor()
  await page.locator('[data-consent]').click()
  await page.getByText('提交预约').click()
  await page.getByText('该场次已约满，请选择其他场次').waitFor()
  await snap(page, 'booking-full')
  await page.getByText('选择其他场次').click()
  await page.getByRole('heading', { name: '11月27日 周五' }).waitFor()
  await page.locator('[data-date="2026-11-28"]:visible').click()
  await expect(placesLeft(page, '2026-11-28.pm')).resolves.toBe('余 1 / 1 个名额')
  await context.close()
})
