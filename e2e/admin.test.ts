// The operator console at /admin (1280×800) against the real server, and what visitors then see
// in the H5 app: sign-in per role, an exhibit's text and photo, closing a day, a zone import with
// a bad row, a notice on the home page, and a scan on the dashboard. One server for the file,
// its clock frozen on a Thursday so the booked Friday is open for booking and for closing.
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import type { Browser, Page } from 'playwright-core'
import { residentIdCheckChar } from '../cloud/contracts/booking'
import { mp3File } from '../cloud/testing/audio-files'
import { callApi, ensureAdminBuild, launchBrowser, pageInPlace, pageUrl, phonePage, ROOT, type RunningServer, sessionToken, shoot, startServer } from './harness'
import { addConsoleAccounts, openConsole } from './console-session'

let server: RunningServer
let browser: Browser
const PASSWORD = 'console-pass-2026'
const ACCOUNTS = [
  { username: 'boss', name: '馆长', role: 'admin' },
  { username: 'editor', name: '内容编辑小王', role: 'content_editor' },
  { username: 'ops', name: '运营小李', role: 'booking_operator' },
  { username: 'zone', name: '园区数据小赵', role: 'zone_editor' },
  { username: 'gate', name: '门岗', role: 'staff' },
] as const

beforeAll(async () => {
  ensureAdminBuild()
  server = await startServer({ CLOCK_AT: '2026-11-26T10:00:00+08:00', NO_SHOW_INTERVAL_MS: '0' })
  await addConsoleAccounts(server, ACCOUNTS, PASSWORD)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Submits the sign-in form; the caller waits for what the person should see (a refusal, or the layout). */
const signIn = async (username: string, password = PASSWORD): Promise<Page> => (await openConsole(browser, server, username, password, { signedIn: false })).page

/** Types a day range into the 闭馆 form's range picker (start, Enter, end, Enter). */
async function pickRange(page: Page, from: string, to: string) {
  const inputs = page.locator('.ant-picker-range input')
  await inputs.nth(0).click()
  await inputs.nth(0).fill(from)
  await page.keyboard.press('Enter')
  await inputs.nth(1).fill(to)
  await page.keyboard.press('Enter')
}

const menu = (page: Page) => page.locator('.ant-menu-item').allInnerTexts()

const api = <T = any>(fn: string, body: object, token?: string): Promise<T> => callApi<T>(server, fn, body, token)

test('each role signs in and sees only its pages; a wrong password is refused in Chinese', async () => {
  const wrong = await signIn('editor', 'not-the-password')
  await wrong.getByText('用户名或密码不正确').waitFor()
  await wrong.context().close()

  const expected: Record<string, string[]> = {
    boss: ['数据看板', '展品管理', '展区管理', '二维码打印', '公告管理', '预约运营', '预约设置', '团体预约', '园区数据', '园区数据导入', '成果转化', '操作日志', '账号管理'],
    editor: ['数据看板', '展品管理', '展区管理', '二维码打印', '公告管理'],
    ops: ['数据看板', '预约运营', '预约设置', '团体预约'],
    zone: ['数据看板', '园区数据', '园区数据导入'],
    gate: [],
  }
  for (const [username, pages] of Object.entries(expected)) {
    const page = await signIn(username)
    await page.getByRole('button', { name: /退出登录/ }).waitFor()
    expect(await menu(page)).toEqual(pages)
    if (username === 'gate') await page.getByText('此账号没有可用的管理功能').waitFor()
    await page.context().close()
  }
})

test('an editor changes an exhibit text and uploads a photo; the visitor page shows both', async () => {
  const page = await signIn('editor')
  await page.getByRole('menuitem', { name: '展品管理' }).click()
  const row = page.locator('tr', { has: page.locator('td', { hasText: /^helmet$/ }) })
  await row.getByRole('button', { name: /编\s*辑/ }).click()
  const summary = page.getByLabel('展品介绍')
  await summary.fill('冬奥会头盔：由大连企业参与轻量化设计，重量约700克。（运营测试文本）')
  await page.getByRole('button', { name: /保\s*存/ }).click()
  await page.getByText(/展品已保存。中文讲解录音与新文字可能不符/).waitFor()

  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer()
  const posted: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST') posted.push(`${new URL(r.url()).pathname} ${r.postData()?.includes('"fileId"') ? 'fileId' : ''}`.trim())
  })
  await page.getByLabel('照片说明').fill('冬奥头盔实物照片')
  await page.locator('input[type=file][accept^="image/"]').setInputFiles({ name: 'helmet.jpg', mimeType: 'image/jpeg', buffer: photo })
  await page.getByText('照片已上传').waitFor()
  // Ticket, the bytes into the upload inbox, then the processing call by id (no base64 body).
  expect(posted.filter((p) => p.startsWith('/api/console-upload/photo/'))).toHaveLength(1)
  expect(posted).toContain('/api/console fileId')
  await shoot(page, 'admin-exhibit-edit')

  // The text changed: the old guide is kept but marked stale (the English one is untouched); a recording replaces it.
  const zhAudio = page.locator('[data-audio-lang="zh"]')
  await zhAudio.locator('[data-audio-stale="zh"]').getByText('文字已修改').waitFor()
  expect(await page.locator('[data-audio-stale="en"]').count()).toBe(0)
  await zhAudio.getByLabel('中文讲解录音说明').fill('讲解员小林录制')
  await zhAudio.locator('input[type=file]').setInputFiles({ name: 'helmet-guide.mp3', mimeType: 'audio/mpeg', buffer: mp3File() })
  await page.getByText(/中文讲解已更新，时长 \d+ 秒/).waitFor()
  await zhAudio.locator('[data-audio-stale]').waitFor({ state: 'detached' })
  // The English text is rewritten too: its guide is kept but marked stale, and the editor removes it.
  await page.getByLabel('英文介绍').fill('Winter Olympics helmet: lightweight design by a Dalian company, about 700 g. (operator test text)')
  await page.getByRole('button', { name: /保\s*存/ }).click()
  const enStale = page.locator('[data-audio-stale="en"]')
  await enStale.getByText('文字已修改').waitFor()
  await enStale.getByRole('button', { name: /删\s*除/ }).click()
  await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click()
  await page.getByText('已删除英文讲解录音').waitFor()
  await page.locator('[data-audio-lang="en"]').getByText('暂无英文讲解').waitFor()
  await expect(zhAudio.locator('[data-audio-track]').innerText()).resolves.toContain('讲解员小林录制')
  await page.context().close()

  const visitor = await phonePage(browser)
  await visitor.page.goto(pageUrl(server.url, 'pages/exhibit/index', 'id=helmet'))
  await visitor.page.getByText('（运营测试文本）').waitFor()
  const img = visitor.page.locator('img[alt="冬奥头盔实物照片"]').first()
  await img.waitFor({ state: 'attached' })
  expect(await img.getAttribute('src')).toMatch(/\/uploads\/exhibits\/helmet-[0-9a-f]{12}-1280\.jpg$/)
  const served = await fetch(`${server.url}${(await img.getAttribute('src'))!.replace(/^https?:\/\/[^/]+/, '')}`)
  expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/jpeg'])
  await shoot(visitor.page, 'admin-exhibit-visitor-view')
  // A person recorded this guide: the exhibit page and the guide page say so, and nowhere calls it synthesised.
  await expect(visitor.page.locator('.exhibit-actions__sub').innerText()).resolves.toBe('讲解录音')
  // The visitor's guide page plays the uploaded recording.
  await visitor.page.goto(pageUrl(server.url, 'guide/pages/listen/index', 'id=helmet&lang=zh'))
  await visitor.page.locator('.listen__voice', { hasText: '讲解员小林录制' }).waitFor()
  await expect(visitor.page.locator('.listen__voice').innerText()).resolves.toBe('讲解录音：讲解员小林录制')
  expect(await visitor.page.locator('body').innerText()).not.toMatch(/机器合成|非真人/)
  const track = (await api('exhibits', { action: 'get', code: 'helmet' })).data.exhibit.audio.zh
  expect(track.url).toMatch(/^\/uploads\/audio\/helmet\.zh\.[0-9a-f]{12}\.mp3$/)
  const audio = await fetch(`${server.url}${track.url}`)
  expect([audio.status, audio.headers.get('content-type'), Buffer.from(await audio.arrayBuffer()).equals(mp3File())]).toEqual([200, 'audio/mpeg', true])
  await visitor.page.locator('.listen__play').click()
  await visitor.page.locator('.listen__play[data-playing="yes"]').waitFor()
  // Without an English guide, in English the visitor hears the same (Chinese) recording, described in English.
  await visitor.page.evaluate(() => localStorage.setItem('gxq.lang', JSON.stringify({ data: 'en' })))
  await visitor.page.goto(pageUrl(server.url, 'guide/pages/listen/index', 'id=helmet&lang=en'))
  await visitor.page.reload() // a hash change alone keeps the app (and its language) loaded
  await visitor.page.locator('.listen__voice', { hasText: 'Recorded guide' }).waitFor()
  await expect(visitor.page.locator('.listen__voice').innerText()).resolves.toBe('Recorded guide: 讲解员小林录制')
  await shoot(visitor.page, 'admin-exhibit-recorded-guide-en')
  await visitor.page.goto(pageUrl(server.url, 'pages/exhibit/index', 'id=helmet'))
  await expect(visitor.page.locator('.exhibit-actions__sub').innerText()).resolves.toBe('recorded guide')
  expect(await visitor.page.locator('body').innerText()).not.toMatch(/synthesised/i)
  await visitor.context.close()
})

test('an editor adds a hall and a new exhibit in it: unpublished until it has a photo, then published and opened by its scan link', async () => {
  const page = await signIn('editor')
  // 展区管理: a new hall, placed last.
  await page.getByRole('menuitem', { name: '展区管理' }).click()
  await page.getByRole('button', { name: '新建展区' }).click()
  await page.getByLabel('展区编号').fill('future')
  await page.getByLabel('展区名称').fill('未来科技展区')
  await page.getByLabel('楼层').fill('3F')
  await page.getByLabel('展区介绍').fill('机器人与智能制造。')
  await page.locator('.ant-modal').getByRole('button', { name: /保\s*存/ }).click()
  await page.getByText('展区已保存，观众页面即时生效').waitFor()
  await page.locator('tr', { hasText: 'future' }).getByText('未来科技展区').waitFor()
  await shoot(page, 'admin-halls')

  // 展品管理: the new exhibit picks that hall from the list.
  await page.getByRole('menuitem', { name: '展品管理' }).click()
  await page.getByRole('button', { name: '新建展品' }).click()
  const modal = page.locator('.ant-modal', { hasText: '新建展品' })
  await modal.getByLabel('展品编号').fill('robotarm')
  await modal.getByLabel('名称').fill('协作机械臂')
  await modal.getByLabel('展区').click()
  await page.locator('.ant-select-item-option', { hasText: '未来科技展区' }).click()
  await modal.getByLabel('展品介绍').fill('六轴协作机械臂，可与人同场工作。')
  await modal.getByLabel('所属企业').fill('示例智能装备企业')
  await modal.getByLabel('图片文字说明').fill('协作机械臂抓取零件')
  await modal.getByRole('button', { name: /创\s*建/ }).click()
  await page.getByText('展品已创建（下架中），请上传照片后发布').waitFor()
  const drawer = page.locator('.ant-drawer')
  await drawer.getByText('编辑展品：协作机械臂').waitFor()

  // Not shown to visitors yet, and it cannot be published without a photo.
  expect(await api('exhibits', { action: 'get', code: 'robotarm' })).toMatchObject({ ok: false, error: { code: 'EXHIBIT_NOT_FOUND' } })
  await drawer.getByRole('switch').click()
  await drawer.getByRole('button', { name: /保\s*存/ }).click()
  await drawer.getByText('请先上传展品照片再发布（可先保存为下架）').first().waitFor()
  expect(await api('exhibits', { action: 'get', code: 'robotarm' })).toMatchObject({ ok: false, error: { code: 'EXHIBIT_NOT_FOUND' } })

  // A photo, then 发布 (the switch still on from before: the form kept the input).
  const photo = await sharp({ create: { width: 1400, height: 1000, channels: 3, background: '#8a5a2b' } }).jpeg().toBuffer()
  await drawer.getByLabel('照片说明').fill('协作机械臂抓取零件')
  await drawer.locator('input[type=file][accept^="image/"]').setInputFiles({ name: 'arm.jpg', mimeType: 'image/jpeg', buffer: photo })
  await page.getByText('照片已上传').waitFor()
  await drawer.getByRole('button', { name: /保\s*存/ }).click()
  await page.getByText('展品已保存，观众页面即时生效').waitFor()
  await page.locator('tr', { hasText: 'robotarm' }).getByText('已发布').waitFor()
  await page.context().close()

  // The scan link (/e/<code>) opens it: its text painted by the server, then the app's page with the photo.
  const visitor = await phonePage(browser)
  await visitor.page.goto(`${server.url}/e/robotarm`)
  await visitor.page.getByRole('heading', { name: '协作机械臂' }).first().waitFor()
  await visitor.page.getByText('六轴协作机械臂，可与人同场工作。').first().waitFor()
  await visitor.page.getByText(/未来科技展区/).first().waitFor()
  const img = visitor.page.locator('img[alt="协作机械臂抓取零件"]').first()
  await img.waitFor({ state: 'attached' })
  expect(await img.getAttribute('src')).toMatch(/\/uploads\/exhibits\/robotarm-[0-9a-f]{12}-(1280|640)\.jpg$/)
  await shoot(visitor.page, 'admin-new-exhibit-visitor')
  await visitor.context.close()
})

test('closing a day with a reason: the visitor who booked sees 已取消 with the reason, and the places are back', async () => {
  // A visitor books Friday morning in the app (their token is the app's own).
  const visitor = await phonePage(browser)
  const token = await sessionToken(server, {})
  // Before any page script runs, so the app never asks for (and stores) a token of its own.
  await visitor.context.addInitScript((t) => localStorage.setItem('gxq.visitorToken', JSON.stringify({ data: t })), token)
  const first17 = '21021119850312123'
  const added = await api('booking', { action: 'addVisitor', name: '张三', idType: 'resident', idNumber: first17 + residentIdCheckChar(first17) }, token)
  const booked = await api('booking', { action: 'book', sessionId: '2026-11-27.am', visitorIds: [added.data.visitor.id], clientRequestId: 'e2e-close-day-1' }, token)
  expect(booked.ok).toBe(true)
  const left = async () => {
    const cal = await api('booking', { action: 'calendar' })
    return cal.data.days.find((d: any) => d.date === '2026-11-27').sessions.find((s: any) => s.key === 'am').left
  }
  expect(await left()).toBe(299)

  const page = await signIn('ops')
  await page.getByRole('menuitem', { name: '预约运营' }).click()
  await pickRange(page, '2026-11-27', '2026-11-27')
  await page.getByLabel('原因').fill('台风预警，全天闭馆')
  await page.getByRole('button', { name: '闭馆并取消预约' }).click()
  // A destructive action asks first, saying how many it affects.
  await page.locator('.ant-modal-confirm-title', { hasText: '确认 2026-11-27 闭馆（1 天）？' }).waitFor()
  await expect(page.getByTestId('close-impact').innerText()).resolves.toContain('将取消 1 笔预约，共 1 人')
  await page.getByRole('button', { name: '确认闭馆并取消 1 笔预约' }).click()
  await page.getByText('2026-11-27 已闭馆：本次取消 1 笔预约').waitFor()
  await shoot(page, 'admin-close-day')
  await page.context().close()

  expect(await left()).toBe(300)
  await visitor.page.goto(pageUrl(server.url, 'booking/pages/mine/index'))
  await pageInPlace(visitor.page)
  await visitor.page.getByText(/历史预约/).click()
  const card = visitor.page.locator('.bk-booking:visible').first()
  await expect(card.innerText()).resolves.toContain('已取消')
  await expect(card.innerText()).resolves.toContain('馆方取消：台风预警，全天闭馆')
  await shoot(visitor.page, 'admin-close-day-visitor')
  await visitor.context.close()
})

test('closing one session with a reason: that session’s booking shows 已取消 with the reason, the other session’s booking stays', async () => {
  const visitorToken = () => sessionToken(server, {})
  const bookSaturday = async (token: string, first17: string, session: 'am' | 'pm', name: string) => {
    const added = await api('booking', { action: 'addVisitor', name, idType: 'resident', idNumber: first17 + residentIdCheckChar(first17) }, token)
    const booked = await api('booking', { action: 'book', sessionId: `2026-11-28.${session}`, visitorIds: [added.data.visitor.id], clientRequestId: `e2e-close-session-${session}` }, token)
    expect(booked.ok).toBe(true)
    return booked.data.booking.id as string
  }
  const morningToken = await visitorToken()
  const afternoonToken = await visitorToken()
  await bookSaturday(morningToken, '21021119900101123', 'am', '李四')
  const afternoon = await bookSaturday(afternoonToken, '21021119910202123', 'pm', '王五')

  const page = await signIn('ops')
  await page.getByRole('menuitem', { name: '预约设置' }).click()
  await page.getByRole('button', { name: '停场 2026-11-28.am' }).click()
  await page.getByLabel('停场原因').fill('设备检修，上午场暂停')
  await page.getByRole('button', { name: '停场并取消该场预约' }).click()
  await page.getByText('2026-11-28.am 已停场：本次取消 1 笔预约').waitFor()
  await page.getByText('已停场：设备检修，上午场暂停').waitFor()
  await shoot(page, 'admin-close-session')

  // Dropping Saturday's afternoon from the template while 王五 holds it is refused, with what to do instead.
  await page.locator('.ant-card', { hasText: '每周场次模板' }).locator('.ant-select').click()
  await page.locator('.ant-select-item-option', { hasText: /^周六$/ }).click()
  const templates = page.locator('.ant-card', { hasText: '每周场次模板' })
  await templates.getByRole('button', { name: /删\s*除/ }).nth(1).click()
  await templates.getByRole('button', { name: '保存模板' }).click()
  const refusal = page.getByTestId('templates-refusal')
  await refusal.waitFor()
  await expect(refusal.innerText()).resolves.toContain('2026-11-28.pm（1 笔预约，1 人）')
  await expect(refusal.innerText()).resolves.toContain('请先在该日期停场')
  await shoot(page, 'admin-template-refused')
  await page.context().close()

  const visitor = await phonePage(browser)
  await visitor.context.addInitScript((t) => localStorage.setItem('gxq.visitorToken', JSON.stringify({ data: t })), morningToken)
  await visitor.page.goto(pageUrl(server.url, 'booking/pages/mine/index'))
  await pageInPlace(visitor.page)
  await visitor.page.getByText(/历史预约/).click()
  const card = visitor.page.locator('.bk-booking:visible').first()
  await expect(card.innerText()).resolves.toContain('已取消')
  await expect(card.innerText()).resolves.toContain('馆方取消：设备检修，上午场暂停')
  await shoot(visitor.page, 'admin-close-session-visitor')

  // Booking anew: Saturday's stopped session is greyed with the operator's reason and cannot be picked.
  await visitor.page.goto(pageUrl(server.url, 'booking/pages/calendar/index'))
  await visitor.page.locator('[data-date="2026-11-28"]').click()
  const stopped = visitor.page.locator('[data-session="2026-11-28.am"]')
  await expect(stopped.innerText()).resolves.toContain('停止预约：设备检修，上午场暂停')
  expect(await stopped.getAttribute('aria-disabled')).toBe('true')
  expect(await stopped.getAttribute('class')).toContain('bk-session--off')
  // A tap anyway (forced past aria-disabled) stays on the calendar.
  await stopped.click({ force: true })
  await visitor.page.waitForTimeout(300)
  expect(visitor.page.url()).toContain('booking/pages/calendar/index')
  await shoot(visitor.page, 'admin-close-session-chip')
  await visitor.context.close()
  expect(await api('booking', { action: 'get', bookingId: afternoon }, afternoonToken)).toMatchObject({ ok: true, data: { booking: { status: 'confirmed' } } })
})

test('a zone editor renames a company in the console, and the visitor’s 企业名录 shows the new name; the rule preview answers live', async () => {
  const page = await signIn('zone')
  await page.getByRole('menuitem', { name: '园区数据', exact: true }).click()
  const row = page.locator('tr', { has: page.locator('td', { hasText: /^houren$/ }) })
  await row.getByRole('button', { name: /编\s*辑/ }).click()
  await page.getByRole('textbox', { name: '企业名称' }).fill('厚仁教育科技（大连）有限公司')
  await page.getByRole('button', { name: /保\s*存/ }).click()
  await page.getByText('企业已保存，观众页面即时生效').waitFor()
  await shoot(page, 'admin-zone-company-edit')

  // The policy rule editor: the default test profile has no IP yet, so 科创 is a near miss; with
  // two pieces of IP it fits — answered by the server's calculator as the visitor would get it.
  await page.getByRole('tab', { name: /政策库/ }).click()
  const policy = page.locator('tr', { has: page.locator('td', { hasText: /^kechuang$/ }) })
  await policy.getByRole('button', { name: /编\s*辑/ }).click()
  await page.getByText('试算结果：').waitFor()
  await page.locator('.ant-tag', { hasText: '差一点（可争取）' }).waitFor()
  await page.getByLabel('其他知识产权（件）').fill('2')
  await page.locator('.ant-tag', { hasText: /^符合$/ }).waitFor()
  await shoot(page, 'admin-zone-rule-preview')
  await page.context().close()

  const visitor = await phonePage(browser)
  await visitor.page.goto(pageUrl(server.url, 'zone/pages/companies/index'))
  await visitor.page.getByText('厚仁教育科技（大连）有限公司').first().waitFor()
  await shoot(visitor.page, 'admin-zone-company-visitor')
  await visitor.context.close()
})

test('a zone spreadsheet with a bad row: the row error is shown and nothing is imported', async () => {
  const before = await api('zone', { action: 'searchCompanies', page: 1 })
  const template = fs.readFileSync(path.join(ROOT, 'data', 'templates', 'companies.csv'), 'utf8').trimEnd().split('\n')
  const bad = [...template, template[1].replace(/^mingyun,大连铭云科技有限公司/, 'mingyun2,')].join('\n')
  const page = await signIn('zone')
  await page.getByRole('menuitem', { name: '园区数据导入' }).click()
  await page.locator('input[type=file]').setInputFiles({ name: '企业名录.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
  await page.getByText('未导入任何数据').waitFor()
  const errorRow = page.locator('.ant-table-row').first()
  await expect(errorRow.innerText()).resolves.toContain(`第${template.length + 1}行`)
  await expect(errorRow.innerText()).resolves.toContain('企业名称')
  await shoot(page, 'admin-zone-import-error')
  await page.context().close()
  const after = await api('zone', { action: 'searchCompanies', page: 1 })
  expect(after.data.total).toBe(before.data.total)
})

test('a published notice shows on the app home page', async () => {
  const page = await signIn('editor')
  await page.getByRole('menuitem', { name: '公告管理' }).click()
  await page.getByRole('button', { name: '新建公告' }).click()
  await page.getByLabel('标题').fill('周日延长开放')
  await page.getByLabel('内容').fill('本周日开放时间延长至 18:00。')
  await page.getByRole('button', { name: /保\s*存/ }).click()
  await page.getByText('公告已保存').waitFor()
  await page.context().close()

  // The window starts now on the operator's real clock; the server's clock is frozen earlier, so
  // move the notice's window over the frozen instant through the same action the form used.
  const boss = { token: await sessionToken(server, { username: 'boss', password: PASSWORD }) }
  const list = await api('console', { action: 'notices' }, boss.token)
  const n = list.data.notices.find((x: any) => x.title === '周日延长开放')
  await api('console', { action: 'saveNotice', id: n.id, title: n.title, body: n.body, priority: n.priority, validFrom: '2026-11-25T00:00:00Z', validTo: '2026-11-30T00:00:00Z', published: true }, boss.token)

  const visitor = await phonePage(browser)
  await visitor.page.goto(pageUrl(server.url, 'pages/home/index'))
  await visitor.page.getByText('周日延长开放').waitFor()
  await expect(visitor.page.locator('[data-notice]').first().innerText()).resolves.toContain('本周日开放时间延长至 18:00。')
  await shoot(visitor.page, 'admin-notice-home')
  await visitor.context.close()
})

test('an exhibit scan is counted on the dashboard, and the admin sees every change in the audit log', async () => {
  const visitor = await phonePage(browser)
  await visitor.page.goto(pageUrl(server.url, 'pages/exhibit/index', 'id=vanadium'))
  await visitor.page.locator('.exhibit__image').first().waitFor({ state: 'attached' })
  await visitor.context.close()

  const page = await signIn('boss')
  await page.getByRole('menuitem', { name: '数据看板' }).click()
  // The dashboard's range ends on this computer's today; choose the server's frozen week.
  await page.locator('.ant-picker-range input').first().click()
  await page.locator('.ant-picker-range input').first().fill('2026-11-20')
  await page.locator('.ant-picker-range input').nth(1).click()
  await page.locator('.ant-picker-range input').nth(1).fill('2026-11-26')
  await page.keyboard.press('Enter')
  const scans = page.locator('.ant-card', { hasText: '展品扫码（按展品汇总' })
  await scans.locator('tr', { hasText: 'vanadium' }).waitFor()
  await expect(scans.locator('tr', { hasText: 'vanadium' }).innerText()).resolves.toMatch(/vanadium\s+1/)
  await shoot(page, 'admin-dashboard')

  await page.getByRole('menuitem', { name: '操作日志' }).click()
  await page.locator('.ant-table-tbody').getByText('闭馆', { exact: true }).first().waitFor()
  const text = await page.locator('.ant-table-tbody').innerText()
  for (const action of ['编辑展品', '上传展品照片', '闭馆', '保存公告']) expect(text).toContain(action)
  expect(text).toContain('ops')

  // Accounts: the admin disables the zone editor, whose next call is refused at once.
  await page.getByRole('menuitem', { name: '账号管理' }).click()
  const zoneRow = page.locator('tr', { has: page.locator('td', { hasText: /^zone$/ }) })
  await zoneRow.getByRole('button', { name: /停\s*用/ }).click()
  await page.getByRole('button', { name: /确\s*定/ }).click()
  await zoneRow.getByText('已停用').waitFor()
  const signedIn = await callApi(server, '_session', { username: 'zone', password: PASSWORD })
  expect(signedIn.error?.code).toBe('ACCOUNT_DISABLED')
  await shoot(page, 'admin-accounts')
  await page.context().close()
})
