// Text stays text: markup typed into any operator- or visitor-entered field reaches every surface
// as the literal characters and never runs. Payloads go in through the console's own actions (and
// a company spreadsheet through the import) on one real server; then the visitor pages (zh and
// en), the scan landing /e/<code>, the console and the printable code sheet are opened in Chromium.
// Each payload calls alert(): a 'dialog' on any page is a script that ran.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { residentIdCheckChar } from '../cloud/contracts/booking'
import { readSheet } from '../cloud/zone/spreadsheet'
import { callApi, desktopPage, ensureAdminBuild, launchBrowser, pageInPlace, pageUrl, phonePage, ROOT, type RunningServer, shoot, startServer } from './harness'
import { addConsoleAccounts, submitSignIn } from './console-session'

/** The classic stored-XSS probe; the tag names the field, so a failure says which one ran. */
const img = (tag: string) => `<img src=x onerror=alert('${tag}')>`
/** For short fields (a hall's name is at most 30 characters). */
const svg = (tag: string) => `<svg onload=alert('${tag}')>`
/** For fields with room: three ways in (an event handler, an attribute break-out, a script element). */
const many = (tag: string) => `${img(tag)}"><svg onload=alert('${tag}')><script>alert('${tag}')</script>`

const P = {
  exhibitName: img('ex-name'),
  exhibitNameEn: `${img('ex-en')}<svg onload=alert('ex-en')>`,
  exhibitSummary: many('ex-summary'),
  exhibitSummaryEn: many('ex-summary-en'),
  figureLabel: `<svg onload=alert()>`,
  figureValue: img('ex-figure'),
  exhibitCompany: img('ex-company'),
  imageAlt: `"><img src=x onerror=alert('ex-alt')>`,
  hallName: svg('hall'),
  hallIntro: many('hall-intro'),
  companyName: img('co-name'),
  companyShort: img('co-short'),
  companyProfile: many('co-profile'),
  companyProduct: img('co-product'),
  companyAddress: img('co-address'),
  companyWebsite: `javascript:alert('co-web')`,
  policyTitle: img('po-title'),
  policySummary: many('po-summary'),
  policyBenefit: img('po-benefit'),
  policyWhere: img('po-where'),
  ruleLabel: img('rule-label'),
  chartTitle: img('chart'),
  chartSource: many('chart-source'),
  chartUnit: '<b>万</b>',
  noticeTitle: img('notice'),
  noticeBody: many('notice-body'),
  closeReason: img('closed'),
  accountName: img('account'),
  // A search word is listed on the dashboard only up to 20 characters (the anonymous-write bound), so
  // its probe is the shortest that would run: 20 characters.
  searchWord: '<svg/onload=alert()>',
}

let server: RunningServer
let browser: Browser
let adminToken = ''
const PASSWORD = 'text-stays-text-2026'
/** Every dialog any page opened: must stay empty. */
const ran: string[] = []

const api = <T = any>(fn: string, body: object, token?: string): Promise<T> => callApi<T>(server, fn, body, token)

async function consoleCall(action: string, body: object = {}) {
  const res = await api('console', { action, ...body }, adminToken)
  if (!res.ok) throw new Error(`console.${action}: ${JSON.stringify(res.error)}`)
  return res.data
}

/** The console's import as an operator does it: the preview (no row errors), then its confirm. */
async function importSheet(fileName: string, data: string) {
  const sheet = { fileName, data, mode: 'merge' }
  const preview = await consoleCall('previewImport', sheet)
  expect(preview.errors).toEqual([])
  return consoleCall('importZone', { ...sheet, baseline: preview.baseline })
}

const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`

/** The spreadsheet template with one row changed, as the CSV an operator would upload. */
async function templateWith(file: string, id: string, change: (row: Record<string, string>) => void): Promise<string> {
  const templatePath = path.join(ROOT, 'data', 'templates', file)
  const read = await readSheet({ name: file, data: fs.readFileSync(templatePath) })
  if (!read.ok) throw new Error(`${file}：${read.error.message}`)
  const sheet = read.data
  const row = sheet.rows.find((r) => Object.values(r)[0] === id)
  if (!row) throw new Error(`${file} 中没有 ${id}`)
  change(row)
  const lines = [sheet.headers, ...sheet.rows.map((r) => sheet.headers.map((h) => r[h] ?? ''))].map((cells) => cells.map(csvCell).join(','))
  return Buffer.from(lines.join('\n')).toString('base64')
}

/** A page whose dialogs are recorded (and dismissed, so the page goes on). */
function watch(page: Page): Page {
  page.on('dialog', (d) => {
    ran.push(`${page.url()} → ${d.message()}`)
    void d.dismiss()
  })
  return page
}

/**
 * What a person would wait for before calling the page done: every picture has loaded or failed
 * (an injected <img src=x> fires onerror exactly then), and the tasks queued by those events ran.
 */
async function settled(page: Page) {
  await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete), undefined, { timeout: 10_000 })
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))))
}

/** No element the payloads could have made exists: handlers as attributes, or the probe's <img src=x>. */
const injectedElements = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('[onerror], [onload], img[src="x"], svg[onload]')).map((e) => e.outerHTML.slice(0, 80)))

/** The router's title bar (hidden or not, it is in the DOM) and the document title, as text. */
const titles = (page: Page) =>
  page.evaluate(() => ({
    bar: document.querySelector('.taro-navigation-bar-title')?.textContent ?? null,
    barChildren: document.querySelector('.taro-navigation-bar-title')?.children.length ?? 0,
    document: document.title,
  }))

async function visitorPage(lang: 'zh' | 'en' = 'zh'): Promise<{ page: Page; context: BrowserContext }> {
  const { page, context } = await phonePage(browser)
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('gxq.lang', JSON.stringify({ data: 'en' })))
  return { page: watch(page), context }
}

beforeAll(async () => {
  ensureAdminBuild()
  server = await startServer()
  await addConsoleAccounts(server, [{ username: 'boss', name: P.accountName, role: 'admin' }], PASSWORD)
  browser = await launchBrowser()
  const session = await api('_session', { username: 'boss', password: PASSWORD })
  adminToken = session.token

  // The content editor's fields: an exhibit (helmet) and its hall.
  const { exhibits } = await consoleCall('exhibits')
  const helmet = exhibits.find((e: any) => e.code === 'helmet')
  await consoleCall('saveHall', { id: helmet.hallId, name: P.hallName, nameEn: P.hallName, intro: P.hallIntro, introEn: P.hallIntro, order: 1 })
  await consoleCall('saveExhibit', {
    code: 'helmet',
    name: P.exhibitName,
    nameEn: P.exhibitNameEn,
    hallId: helmet.hallId,
    summary: P.exhibitSummary,
    summaryEn: P.exhibitSummaryEn,
    figures: [{ label: P.figureLabel, value: P.figureValue }],
    figuresEn: [{ label: P.figureLabel, value: P.figureValue }],
    company: { id: helmet.company.id, name: P.exhibitCompany },
    imageAlt: P.imageAlt,
    published: true,
  })
  const now = Date.now()
  await consoleCall('saveNotice', { title: P.noticeTitle, body: P.noticeBody, priority: 100, validFrom: new Date(now - 86_400_000).toISOString(), validTo: new Date(now + 7 * 86_400_000).toISOString(), published: true })

  // The zone editor's fields, through the spreadsheet import (the path the report named).
  const companies = await templateWith('companies.csv', 'mingyun', (r) => {
    Object.assign(r, { 企业名称: P.companyName, 简称: P.companyShort, 企业简介: P.companyProfile, 主要产品: P.companyProduct, 地址: P.companyAddress, 网址: P.companyWebsite })
  })
  expect(await importSheet('企业名录.csv', companies)).toMatchObject({ kind: 'companies' })
  const policies = await templateWith('policies.csv', 'kechuang', (r) => {
    const rules = JSON.parse(r['匹配规则'] || '[]')
    if (rules[0]) Object.assign(rules[0], { label: P.ruleLabel, missing: P.ruleLabel })
    Object.assign(r, { 政策名称: P.policyTitle, 政策摘要: P.policySummary, 支持内容: P.policyBenefit, 受理地点: P.policyWhere, 匹配规则: JSON.stringify(rules) })
  })
  expect(await importSheet('政策.csv', policies)).toMatchObject({ kind: 'policies' })

  // A chart of the zone's figures (区情数据).
  const { charts } = await consoleCall('zoneData')
  const chart = charts[0]
  await consoleCall('saveChart', {
    chart: { ...chart, title: P.chartTitle, source: P.chartSource, figures: chart.figures.map((f: any, i: number) => (i === 0 ? { ...f, label: P.figureLabel, unit: P.chartUnit } : f)) },
  })

  // The booking operator's closure reason (told to visitors), on a day soon that is not a Monday.
  const shanghai = (d: number) => new Date(now + d * 86_400_000 + 8 * 3_600_000)
  const ahead = [2, 3].find((d) => shanghai(d).getUTCDay() !== 1)!
  await consoleCall('closeDay', { day: shanghai(ahead).toISOString().slice(0, 10), reason: P.closeReason })

  // An anonymous visitor's search word, which the dashboard lists when nothing was found.
  await api('zone', { action: 'searchCompanies', q: P.searchWord })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

afterEach(() => {
  // Taken out each time, so a script that ran fails the test that opened its page, not the rest.
  expect(ran.splice(0)).toEqual([])
})

test('a visitor name with markup is refused with a clear message, and nothing is saved', async () => {
  const session = await api('_session', {})
  const first17 = '21021119900101123'
  const added = await api('booking', { action: 'addVisitor', name: img('visitor'), idType: 'resident', idNumber: first17 + residentIdCheckChar(first17) }, session.token)
  expect(added).toMatchObject({ ok: false, error: { message: expect.stringMatching(/姓名/) } })
  const list = await api('booking', { action: 'visitors' }, session.token)
  expect(list.data?.visitors ?? []).toEqual([])
})

// In English the maker is shown by its English name from the company record, so it is not listed there.
test.each([
  ['zh', P.exhibitName, [P.exhibitSummary, P.figureLabel, P.figureValue, P.exhibitCompany, P.hallName]],
  ['en', P.exhibitNameEn, [P.exhibitSummaryEn, P.figureLabel, P.figureValue, P.hallName]],
] as const)('the exhibit page (%s) shows the name as its title and every field as text', async (lang, name, shown) => {
  const { page, context } = await visitorPage(lang)
  await page.goto(pageUrl(server.url, 'pages/exhibit/index', 'id=helmet'))
  await page.getByRole('heading', { name }).waitFor()
  await settled(page)
  const text = await page.locator('.exhibit').innerText()
  for (const s of shown) expect(text).toContain(s)
  expect(await titles(page)).toEqual({ bar: name, barChildren: 0, document: name })
  expect(await injectedElements(page)).toEqual([])
  await shoot(page, `text-stays-text-exhibit-${lang}`)
  await context.close()
})

test('the scan landing /e/<code> escapes every field, and the app then titles the page as text', async () => {
  const { page, context } = await visitorPage()
  const res = await page.goto(`${server.url}/e/helmet`)
  expect(res?.status()).toBe(200)
  // The server's own view and the inlined JSON: the name arrives as text in <title> and <h1>.
  const served = await res!.text()
  expect(served).not.toContain(P.exhibitName)
  expect(served).toContain('&lt;img src=x onerror=alert(&#39;ex-name&#39;)&gt;')
  await page.getByRole('heading', { name: P.exhibitName }).first().waitFor()
  await page.locator('.exhibit').getByRole('heading', { name: P.exhibitName }).waitFor()
  await settled(page)
  expect(await titles(page)).toEqual({ bar: P.exhibitName, barChildren: 0, document: P.exhibitName })
  expect(await injectedElements(page)).toEqual([])
  await context.close()
})

test('the company page titles itself with the imported name as text; back on the list the title is the list’s', async () => {
  const { page, context } = await visitorPage()
  await page.goto(pageUrl(server.url, 'zone/pages/companies/index'))
  await page.locator('[data-company]', { hasText: P.companyName }).waitFor()
  await settled(page)
  await page.locator('[data-company]', { hasText: P.companyName }).click()
  await page.getByRole('heading', { name: P.companyName }).waitFor()
  await pageInPlace(page)
  await settled(page)
  const text = await page.locator('.zone-company').innerText()
  for (const s of [P.companyShort, P.companyProfile, P.companyProduct, P.companyAddress, P.companyWebsite]) expect(text).toContain(s)
  expect(await titles(page)).toEqual({ bar: P.companyName, barChildren: 0, document: P.companyName })
  expect(await injectedElements(page)).toEqual([])
  // The router re-applies a page's title when the visitor comes back (and a new page's from its cache).
  await page.goBack()
  await page.getByText(/共 \d+ 家企业/).waitFor()
  await pageInPlace(page)
  await settled(page)
  expect(await titles(page)).toEqual({ bar: '企业名录', barChildren: 0, document: '企业名录' })
  expect(await injectedElements(page)).toEqual([])
  await context.close()
})

test.each([
  ['home (notices)', 'pages/home/index', '', [P.noticeTitle]],
  ['exhibit list (halls)', 'exhibits/pages/list/index', '', [P.hallName, P.exhibitName]],
  ['policy list', 'zone/pages/policies/index', '', [P.policyTitle]],
  ['policy page', 'zone/pages/policy/index', 'id=kechuang', [P.policyTitle, P.policySummary, P.policyBenefit, P.policyWhere]],
  ['zone figures', 'zone/pages/figures/index', '', [P.chartTitle, P.chartSource, P.chartUnit]],
  ['booking calendar', 'booking/pages/calendar/index', '', []],
] as Array<[string, string, string, string[]]>)('%s shows the entered text literally and runs none of it', async (_name, route, query, expected) => {
  const { page, context } = await visitorPage()
  await page.goto(pageUrl(server.url, route, query))
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !!document.querySelector('.taro_page'), undefined, { timeout: 10_000 })
  for (const s of expected) await page.getByText(s, { exact: false }).first().waitFor()
  await settled(page)
  expect((await titles(page)).barChildren).toBe(0)
  expect(await injectedElements(page)).toEqual([])
  if (route.startsWith('booking/')) {
    // The closed day says why in its label (read out by screen readers): the reason, as written.
    const labels = await page.evaluate(() => Array.from(document.querySelectorAll('[aria-label]'), (e) => e.getAttribute('aria-label') ?? ''))
    expect(labels.some((l) => l.includes(P.closeReason))).toBe(true)
  }
  await context.close()
})

test('the policy calculator shows an imported rule’s words as text', async () => {
  const { page, context } = await visitorPage()
  await page.goto(pageUrl(server.url, 'zone/pages/match/index'))
  await page.getByRole('heading', { name: '政策计算器' }).waitFor()
  await page.locator('[data-field="founded"] input, input[data-field="founded"]').first().fill('2023-03-01')
  await page.locator('[data-field="otherIp"] input, input[data-field="otherIp"]').first().fill('3')
  await page.getByRole('button', { name: '开始匹配' }).click()
  await page.locator('[data-match="kechuang"]', { hasText: P.ruleLabel }).waitFor()
  await settled(page)
  expect(await injectedElements(page)).toEqual([])
  await context.close()
})

test('the console lists and edits every entered text as text', async () => {
  const { page, context } = await desktopPage(browser)
  watch(page)
  await page.goto(`${server.url}/admin/`)
  await submitSignIn(page, 'boss', PASSWORD)
  await page.getByRole('button', { name: /退出登录/ }).waitFor()
  await page.getByText(P.accountName).first().waitFor()
  await page.getByText(P.searchWord).first().waitFor() // 园区查询无结果的搜索词 on the dashboard
  await settled(page)

  const visit = async (menu: string, shown: string[]) => {
    await page.getByRole('menuitem', { name: menu, exact: true }).click()
    for (const s of shown) await page.getByText(s, { exact: false }).first().waitFor()
    await settled(page)
    expect(await injectedElements(page)).toEqual([])
  }
  await visit('展品管理', [P.exhibitName])
  const row = page.locator('tr', { has: page.locator('td', { hasText: /^helmet$/ }) })
  await row.getByRole('button', { name: /编\s*辑/ }).click()
  await page.getByText(`编辑展品：${P.exhibitName}`).waitFor()
  await expect(page.getByLabel('展品介绍').inputValue()).resolves.toBe(P.exhibitSummary)
  await settled(page)
  expect(await injectedElements(page)).toEqual([])
  await page.keyboard.press('Escape')
  await visit('展区管理', [P.hallName])
  await visit('公告管理', [P.noticeTitle])
  await visit('园区数据', [P.companyName])
  await visit('操作日志', ['保存公告'])
  await visit('账号管理', [P.accountName])
  await shoot(page, 'text-stays-text-console')
  await context.close()
})

test('the printable code sheet prints the exhibit name as text', async () => {
  const sheet = await consoleCall('codeSheet')
  expect(sheet.html).not.toContain(P.exhibitName)
  const { page, context } = await desktopPage(browser)
  watch(page)
  await page.setContent(sheet.html)
  await page.locator('[data-code=helmet] h2', { hasText: P.exhibitName }).waitFor()
  await settled(page)
  expect(await injectedElements(page)).toEqual([])
  await context.close()
})
