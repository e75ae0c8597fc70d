// The zone office writes English beside the Chinese in the console: a company's English name and a
// calculator rule's English reach the visitor's English pages; saving a policy without touching its
// English keeps it (the form is the import's row, English columns included).
import type { Browser, Page } from 'playwright-core'
import { callApi, desktopPage, ensureAdminBuild, launchBrowser, pageInPlace, pageUrl, phonePage, shoot, startServer, type RunningServer } from './harness'
import { addConsoleAccounts, submitSignIn } from './console-session'

let server: RunningServer
let browser: Browser
const PASSWORD = 'console-pass-2026'

beforeAll(async () => {
  ensureAdminBuild()
  server = await startServer({ CLOCK_AT: '2026-06-01T10:00:00+08:00', NO_SHOW_INTERVAL_MS: '0' })
  await addConsoleAccounts(server, [{ username: 'zone', name: '园区数据小赵', role: 'zone_editor' }], PASSWORD)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signIn(): Promise<Page> {
  const { page } = await desktopPage(browser)
  await page.goto(`${server.url}/admin/`)
  await submitSignIn(page, 'zone', PASSWORD)
  await page.getByRole('menuitem', { name: '园区数据', exact: true }).click()
  return page
}

const api = (body: object) => callApi<{ ok: boolean; data: any }>(server, 'zone', body)

test('English typed in the console reaches the English pages, and a save keeps the English it did not touch', async () => {
  const page = await signIn()
  const company = page.locator('tr', { has: page.locator('td', { hasText: /^houren$/ }) })
  await company.getByRole('button', { name: /编\s*辑/ }).click()
  const drawer = page.locator('.ant-drawer-content')
  await expect(drawer.getByRole('textbox', { name: '英文名称' }).inputValue()).resolves.toBe('Houren Education')
  await drawer.getByRole('textbox', { name: '英文名称' }).fill('Houren Education Technology')
  await page.getByRole('button', { name: /保\s*存/ }).click()
  await page.getByText('企业已保存，观众页面即时生效').waitFor()

  await page.getByRole('tab', { name: /政策库/ }).click()
  const policy = page.locator('tr', { has: page.locator('td', { hasText: /^kechuang$/ }) })
  await policy.getByRole('button', { name: /编\s*辑/ }).click()
  await expect(page.getByLabel('规则1英文说明').inputValue()).resolves.toBe('Registered in Dalian High-tech Zone')
  await page.getByLabel('规则1英文说明').fill('Registered in the High-tech Zone')
  await shoot(page, 'admin-zone-english')
  await page.getByRole('button', { name: /保\s*存/ }).click()
  await page.getByText('政策已保存，观众页面即时生效').waitFor()
  await page.context().close()

  const saved = (await api({ action: 'getPolicy', id: 'kechuang' })).data.policy
  // The edited rule's English, the others' English and the policy's own English as they were.
  expect(saved.rules.map((r: { labelEn?: string }) => r.labelEn)).toEqual(['Registered in the High-tech Zone', 'Founded no more than 5 years ago', 'Owns intellectual property of its own'])
  expect(saved).toMatchObject({ titleEn: 'High-tech Zone "Sci-Tech Programme": support for start-ups', translationEn: 'machine', window: { noteEn: 'Year-round, reviewed in batches' } })
  expect(saved.conditionsEn).toHaveLength(saved.conditions.length)

  const visitor = await phonePage(browser)
  await visitor.context.addInitScript(() => localStorage.setItem('gxq.lang', JSON.stringify({ data: 'en' })))
  await visitor.page.goto(pageUrl(server.url, 'zone/pages/company/index', 'id=houren'))
  await visitor.page.getByRole('heading', { name: 'Houren Education Technology' }).waitFor()
  await pageInPlace(visitor.page)
  await shoot(visitor.page, 'admin-zone-english-visitor')
  await visitor.context.close()
})
