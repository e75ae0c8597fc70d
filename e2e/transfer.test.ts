// 成果转化 in a real browser against the real server: the linked path exhibit → result (the deal as
// the article tells it) → company → back to the result → a fitting policy; then a 对接 request sent
// from the result page, accepted by a transfer officer in the console at /admin, and its status with
// the days in each step seen by the sender in 我的 → 我的对接.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { createAccount } from '../cloud/accounts/service'
import { openSqliteStore } from '../cloud/store/sqlite'
import { desktopPage, ensureAdminBuild, launchBrowser, pageInPlace, pageUrl, phonePage, shoot, startServer, type RunningServer } from './harness'

let server: RunningServer
let browser: Browser
const PASSWORD = 'transfer-pass-2026'
/** Screenshots a person looks at (the brief's place for them), beside the artifacts folder copy. */
const SHOTS = '/tmp/transfer-shots'

beforeAll(async () => {
  ensureAdminBuild()
  server = await startServer({ CLOCK_AT: '2026-06-01T10:00:00+08:00' })
  const store = openSqliteStore(server.dbFile)
  await createAccount(store.accounts, { username: 'officer', name: '转化专员小周', role: 'transfer_officer', password: PASSWORD }, new Date())
  await store.close()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false })
  await shoot(page, `transfer-${name}`)
}

test('exhibit → result with its deal → company → back to the result → a fitting policy', async () => {
  const { page, context, errors } = await phonePage(browser)
  await page.goto(pageUrl(server.url, 'pages/exhibit/index', 'id=traindoor'))
  const section = page.locator('[data-section=transfer-results]:visible')
  await section.waitFor()
  await section.locator('[data-action=result-traindoor]').click()
  await page.waitForURL(/transfer\/pages\/result\/index\?id=traindoor/)
  const result = page.locator('.tf-result:visible')
  await result.locator('[data-section=deal]').waitFor()
  await pageInPlace(page)
  // The deal as the article tells it, in order, with its figures.
  await expect(result.locator('.tf-step__who').allInnerTexts()).resolves.toEqual([
    '大连理工大学',
    '上海技术交易所大连服务中心 ›',
    '大连海天兴业科技有限公司 ›',
    '全球地铁和高铁线路',
  ])
  await expect(result.locator('[data-section=deal]').innerText()).resolves.toMatch(/1\.5亿元[\s\S]*20多个国家和地区[\s\S]*近百余条地铁和高铁线路[\s\S]*约一个月/)
  // What the article does not say (maturity, IP, modes) carries the 示意 mark.
  await expect(result.locator('[data-trl] .illustrative-tag').count()).resolves.toBe(1)
  await shot(page, 'result-390x844')

  await result.locator('[data-step="2"]').click()
  await page.waitForURL(/zone\/pages\/company\/index\?id=haitian/)
  const company = page.locator('.zone-company:visible')
  await company.locator('[data-section=transfer-results] [data-action=result-traindoor]').click()
  await page.waitForURL(/transfer\/pages\/result\/index\?id=traindoor/)
  const again = page.locator('.tf-result:visible')
  await again.locator('[data-action=policy-ip-pledge]').click()
  await page.waitForURL(/zone\/pages\/policy\/index\?id=ip-pledge/)
  await expect(page.locator('.zone-policy:visible [role=heading][aria-level="1"]').innerText()).resolves.toContain('知识产权质押融资')
  expect(errors).toEqual([])
  await context.close()
})

test('a 对接 request sent from the result page, accepted in the console, shows 已受理 with its days in 我的', async () => {
  const { page, context, errors } = await phonePage(browser)
  await page.goto(pageUrl(server.url, 'transfer/pages/result/index', 'id=traindoor'))
  await page.locator('.tf-result:visible [data-action=send-request]').click()
  const form = page.locator('.tf-request:visible')
  await form.locator('[data-target=traindoor]').waitFor()
  await expect(form.locator('[data-target]').innerText()).resolves.toBe('列车触摸屏控制器及塞拉门控制系统')
  // A wrong phone number is refused under its field, and nothing is sent.
  await form.getByLabel('单位名称').fill('大连某轨道装备公司')
  await form.getByLabel('联系人').fill('王工')
  await form.getByLabel('联系电话').fill('12345')
  await form.getByLabel('想对接什么').fill('想了解这项成果的许可方式与集成支持')
  await form.locator('[data-action=submit-request]').click()
  await form.locator('[data-field=phone] [role=alert]').waitFor()
  await expect(form.locator('[data-field=phone] [role=alert]').innerText()).resolves.toContain('手机号')
  await form.getByLabel('联系电话').fill('13900000000')
  await form.locator('[data-action=submit-request]').click()
  await page.waitForURL(/transfer\/pages\/mine\/index/)
  const mine = page.locator('.tf-mine:visible')
  await expect(mine.locator('[data-current-status]').innerText()).resolves.toBe('已提交')

  // The officer accepts it in the console.
  const desk = (await desktopPage(browser)).page
  await desk.goto(`${server.url}/admin/`)
  await desk.getByLabel('账号').fill('officer')
  await desk.getByLabel('密码').fill(PASSWORD)
  await desk.getByRole('button', { name: /登\s*录/ }).click()
  await desk.getByRole('menuitem', { name: '成果转化' }).click()
  const row = desk.getByRole('row', { name: /列车触摸屏控制器及塞拉门控制系统/ })
  await expect(row.innerText()).resolves.toMatch(/大连某轨道装备公司[\s\S]*王工 13900000000[\s\S]*已提交/)
  await row.getByRole('button', { name: '更改状态' }).click()
  const dialog = desk.getByRole('dialog')
  await dialog.getByLabel('已受理').check()
  await dialog.getByLabel('说明（提交人可见）').fill('专班已联系大工团队')
  await shoot(desk, 'transfer-console-status')
  await dialog.getByRole('button', { name: /确\s*定/ }).click()
  await expect(row.innerText()).resolves.toMatch(/已受理/)
  await desk.getByText('已受理').first().waitFor()

  // The sender opens 我的 → 我的对接 and sees every step with its days.
  await page.goto(pageUrl(server.url, 'pages/mine/index'))
  await page.locator('[data-action=my-transfer]:visible').click()
  await page.waitForURL(/transfer\/pages\/mine\/index/)
  const status = page.locator('.tf-mine:visible [data-current-status]')
  await page.locator('.tf-mine:visible [data-current-status]', { hasText: '已受理' }).waitFor()
  await expect(status.innerText()).resolves.toBe('已受理')
  const steps = await page.locator('.tf-mine:visible [role=listitem]').allInnerTexts()
  expect(steps.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(['已提交 0 天', '已受理 · 专班已联系大工团队 0 天 (当前)'])
  await shot(page, 'mine-accepted')
  expect(errors).toEqual([])
  await context.close()
})
