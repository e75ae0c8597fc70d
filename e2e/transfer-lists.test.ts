// 成果与平台 in a real browser against the real server: a transfer officer adds an incubator to the
// platform directory in the console, the public platform list shows it, and the removal confirm
// names what goes before it goes; an edit another officer saved first is refused in the dialog, which
// keeps what the operator typed.
import type { Browser } from 'playwright-core'
import { callApi, desktopPage, ensureAdminBuild, launchBrowser, type RunningServer, sessionToken, shoot, startServer } from './harness'
import { addConsoleAccounts, openConsole, submitSignIn } from './console-session'

let server: RunningServer
let browser: Browser
const PASSWORD = 'platforms-pass-2026'

beforeAll(async () => {
  ensureAdminBuild()
  server = await startServer({ CLOCK_AT: '2026-06-01T10:00:00+08:00' }, { h5: false })
  await addConsoleAccounts(server, [{ username: 'officer', name: '转化专员小周', role: 'transfer_officer' }], PASSWORD)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const publicPlatforms = async (): Promise<string[]> => {
  const res = await callApi<{ data: { platforms: Array<{ name: string }> } }>(server, 'transfer', { action: 'platforms' })
  return res.data.platforms.map((p) => p.name)
}

test('the officer adds an incubator the public directory then lists, and removes it after a confirm naming it', async () => {
  const { page, errors } = await desktopPage(browser)
  await page.goto(`${server.url}/admin/`)
  await submitSignIn(page, 'officer', PASSWORD)
  await page.getByRole('menuitem', { name: '成果转化' }).click()
  await page.getByRole('tab', { name: '成果与平台' }).click()
  await page.getByRole('tab', { name: /^平台（\d+）$/ }).click()
  await page.getByRole('button', { name: '新增平台' }).click()

  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('编号').fill('hatch-north')
  await dialog.getByLabel('平台名称').fill('北区科技企业孵化器')
  await dialog.getByRole('combobox', { name: '类别' }).click()
  await page.locator('.ant-select-item-option', { hasText: '孵化平台' }).click()
  await dialog.getByRole('combobox', { name: '提供什么' }).fill('工位与实验台')
  await page.keyboard.press('Enter')
  await dialog.getByLabel('如何申请').fill('向转化中心提交入驻申请')
  await shoot(page, 'transfer-lists-platform-dialog')
  await dialog.getByRole('button', { name: /保\s*存/ }).click()
  await page.getByText('平台已保存，观众页面即时生效').waitFor()
  const row = page.getByRole('row', { name: /北区科技企业孵化器/ })
  await expect(row.innerText()).resolves.toMatch(/hatch-north[\s\S]*孵化平台[\s\S]*工位与实验台/)
  expect(await publicPlatforms()).toContain('北区科技企业孵化器')

  await row.getByRole('button', { name: /删\s*除/ }).click()
  const confirm = page.getByRole('dialog').filter({ hasText: '删除平台' })
  await expect(confirm.innerText()).resolves.toContain('删除平台「北区科技企业孵化器」？')
  await confirm.getByRole('button', { name: '删除「北区科技企业孵化器」' }).click()
  await page.getByText('已删除').waitFor()
  await row.waitFor({ state: 'detached' })
  expect(await publicPlatforms()).not.toContain('北区科技企业孵化器')
  expect(errors).toEqual([])
})

test('a platform another officer saved while the dialog was open is refused on screen, and the typed edit stays', async () => {
  const { page, errors } = await openConsole(browser, server, 'officer', PASSWORD)
  await page.getByRole('menuitem', { name: '成果转化' }).click()
  await page.getByRole('tab', { name: '成果与平台' }).click()
  await page.getByRole('tab', { name: /^平台（\d+）$/ }).click()
  await page.getByRole('row', { name: /sste-dalian/ }).getByRole('button', { name: /编\s*辑/ }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('平台名称').waitFor()

  // Meanwhile a colleague (the same desk account in another browser) renames the card and saves.
  const token = await sessionToken(server, { username: 'officer', password: PASSWORD })
  const listed = (await callApi(server, 'console', { action: 'transferLists' }, token)).data.platforms.find((p: { id: string }) => p.id === 'sste-dalian')
  const { rev, ...card } = listed
  const theirs = await callApi(server, 'console', { action: 'savePlatform', platform: { ...card, name: '上海技术交易所大连服务中心（同事已改）' }, isNew: false, rev: rev ?? 0 }, token)
  expect(theirs).toMatchObject({ ok: true })

  await dialog.getByLabel('平台名称').fill('上海技术交易所大连分中心（我的修改）')
  await dialog.getByRole('button', { name: /保\s*存/ }).click()
  await expect(dialog.getByRole('alert').innerText()).resolves.toContain('这个平台已被他人修改，请刷新后再改')
  await shoot(page, 'transfer-lists-stale-refusal')
  // The dialog is still open with what the operator typed; nothing of it was saved.
  await expect(dialog.getByLabel('平台名称').inputValue()).resolves.toBe('上海技术交易所大连分中心（我的修改）')
  expect((await publicPlatforms()).filter((n) => n.includes('大连'))).toContain('上海技术交易所大连服务中心（同事已改）')

  // Closing asks before dropping the draft; then the list shows the colleague's version.
  await dialog.getByRole('button', { name: /取\s*消/ }).click()
  await page.getByRole('button', { name: '放弃修改' }).click()
  await page.getByRole('row', { name: /上海技术交易所大连服务中心（同事已改）/ }).waitFor()
  expect(errors).toEqual([])
})
