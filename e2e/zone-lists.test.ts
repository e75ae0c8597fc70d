// 企业名录 in a real browser against the real server, two zone editors at once: an edit another editor
// saved while the drawer was open is refused in the drawer, which keeps what the operator typed;
// closed, the list shows the colleague's version, and an edit from it saves.
import type { Browser } from 'playwright-core'
import { callApi, ensureAdminBuild, launchBrowser, type RunningServer, sessionToken, shoot, startServer } from './harness'
import { addConsoleAccounts, openConsole } from './console-session'
import { companyToRow } from '../cloud/contracts/zone-sheet'
import type { Company } from '../cloud/contracts/zone'

let server: RunningServer
let browser: Browser
const PASSWORD = 'zone-lists-pass-2026'

beforeAll(async () => {
  ensureAdminBuild()
  server = await startServer({ CLOCK_AT: '2026-06-01T10:00:00+08:00' }, { h5: false })
  await addConsoleAccounts(server, [{ username: 'zone', name: '园区数据小赵', role: 'zone_editor' }], PASSWORD)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const publicCompany = async (id: string): Promise<Company> => {
  return (await callApi<{ data: { company: Company } }>(server, 'zone', { action: 'getCompany', id })).data.company
}

test('a company another editor saved while the drawer was open is refused on screen, and the typed edit stays', async () => {
  const { page, errors } = await openConsole(browser, server, 'zone', PASSWORD)
  await page.getByRole('menuitem', { name: '园区数据', exact: true }).click()
  await page.locator('tr', { has: page.locator('td', { hasText: /^houren$/ }) }).getByRole('button', { name: /编\s*辑/ }).click()
  const drawer = page.locator('.ant-drawer-content')
  const name = drawer.getByRole('textbox', { name: '企业名称' })
  await expect(name.inputValue()).resolves.toBe('厚仁教育')

  // Meanwhile a colleague (the same desk account in another browser) renames the company and saves.
  const token = await sessionToken(server, { username: 'zone', password: PASSWORD })
  const listed = (await callApi(server, 'console', { action: 'zoneData' }, token)).data.companies.find((c: Company) => c.id === 'houren') as Company
  const theirs = await callApi(server, 'console', { action: 'saveCompany', row: { ...companyToRow(listed), 企业名称: '厚仁教育（同事已改）' }, isNew: false, rev: listed.rev ?? 0 }, token)
  expect(theirs).toMatchObject({ ok: true })

  await name.fill('厚仁教育（我的修改）')
  await page.getByRole('button', { name: /保\s*存/ }).click()
  await drawer.getByRole('alert').filter({ hasText: '这家企业已被他人修改，请刷新后再改' }).waitFor()
  await shoot(page, 'zone-lists-stale-refusal')
  // The drawer is still open with what the operator typed; nothing of it was saved.
  await expect(name.inputValue()).resolves.toBe('厚仁教育（我的修改）')
  expect((await publicCompany('houren')).name).toBe('厚仁教育（同事已改）')

  // Closing asks before dropping the draft; then the list shows the colleague's version …
  await drawer.getByRole('button', { name: /取\s*消/ }).click()
  await page.getByRole('button', { name: '放弃修改' }).click()
  const row = page.locator('tr', { has: page.locator('td', { hasText: /^houren$/ }) })
  await row.getByText('厚仁教育（同事已改）').waitFor()
  // … and an edit opened from it saves.
  await row.getByRole('button', { name: /编\s*辑/ }).click()
  await expect(name.inputValue()).resolves.toBe('厚仁教育（同事已改）')
  await name.fill('厚仁教育（我的修改）')
  await page.getByRole('button', { name: /保\s*存/ }).click()
  await page.getByText('企业已保存，观众页面即时生效').waitFor()
  expect((await publicCompany('houren')).name).toBe('厚仁教育（我的修改）')
  expect(errors).toEqual([])
})
