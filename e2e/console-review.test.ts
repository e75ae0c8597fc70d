// The console's safeguards in a real browser at 1280×800 against the real server: a zone import is
// previewed (the changed field, before → after), a replace that would delete the train-door
// exhibit's company is shown refused, and only the confirm writes; capacities the field or the
// server refuses are shown under the field and never saved; a two-day typhoon is closed with its
// counts in the confirm, and one of the days reopened. The clock is frozen on a Thursday.
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { COMPANY_HEADERS } from '../cloud/zone/import'
import { callApi, ensureAdminBuild, launchBrowser, type RunningServer, sessionToken, shoot, startServer } from './harness'
import { addConsoleAccounts, openConsole, visitorBooks } from './console-session'

let server: RunningServer
let browser: Browser
const PASSWORD = 'console-pass-2026'
const ACCOUNTS = [
  { username: 'editor', name: '内容编辑小王', role: 'content_editor' },
  { username: 'ops', name: '运营小李', role: 'booking_operator' },
  { username: 'zone', name: '园区数据小赵', role: 'zone_editor' },
] as const

beforeAll(async () => {
  ensureAdminBuild()
  // The console and the API only: no visitor page is opened here.
  server = await startServer({ CLOCK_AT: '2026-11-26T10:00:00+08:00', NO_SHOW_INTERVAL_MS: '0' }, { h5: false })
  await addConsoleAccounts(server, ACCOUNTS, PASSWORD)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const api = <T = any>(fn: string, body: object, token?: string): Promise<T> => callApi<T>(server, fn, body, token)

const tokenOf = (body: object): Promise<string> => sessionToken(server, body)

const signIn = async (username: string): Promise<Page> => (await openConsole(browser, server, username, PASSWORD)).page

let serial = 100
/** A visitor (their own app token) books `people` places on a session. */
const book = (sessionId: string, people: number) => visitorBooks(server, sessionId, people, () => ++serial)

/** Rows of the first sheet of an .xlsx (base64), header → text. */
async function sheetRows(data: string): Promise<Array<Record<string, string>>> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(data, 'base64') as unknown as ArrayBuffer)
  const sheet = wb.worksheets[0]
  const headers = (sheet.getRow(1).values as string[]).slice(1)
  const rows: Array<Record<string, string>> = []
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(headers.map((h, i) => [h, String(row.getCell(i + 1).value ?? '')])))
  })
  return rows
}

const csv = (rows: Array<Record<string, string>>) => {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return Buffer.from([COMPANY_HEADERS.join(','), ...rows.map((r) => COMPANY_HEADERS.map((h) => cell(r[h] ?? '')).join(','))].join('\n'))
}

test('a 3-row company sheet: the preview shows the one changed field; replacing is refused while 海天兴业 is linked; the confirm merges and deletes nothing', async () => {
  // The current list, as the console's own export (the operator's starting point).
  const zoneToken = await tokenOf({ username: 'zone', password: PASSWORD })
  const exported = await api('console', { action: 'exportZone', kind: 'companies' }, zoneToken)
  const all = await sheetRows(exported.data.data)
  const three = all.filter((r) => r['企业编号'] !== 'haitian').slice(0, 3)
  const oldName = three[0]['企业名称']
  three[0] = { ...three[0], 企业名称: `${oldName}（新名称）` }
  const before = await api('zone', { action: 'searchCompanies', page: 1 })

  const page = await signIn('zone')
  await page.getByRole('menuitem', { name: '园区数据导入' }).click()
  await page.locator('input[type=file]').setInputFiles({ name: '三家企业.csv', mimeType: 'text/csv', buffer: csv(three) })
  const preview = page.getByTestId('import-preview')
  await preview.waitFor()
  const change = preview.locator('[data-change="企业名称"]')
  await expect(change.innerText()).resolves.toContain(`${oldName} → ${oldName}（新名称）`)
  await expect(preview.locator('.ant-descriptions').innerText()).resolves.toMatch(/删除\s*0/)
  await shoot(page, 'console-import-preview-merge')

  // Replacing the whole list: what goes is listed, and 海天兴业 cannot go — the confirm is off.
  await page.getByText('整体替换：删除表格中没有的').click()
  await preview.getByText('不能整体替换').waitFor()
  const haitian = preview.locator('tr', { hasText: '大连海天兴业科技有限公司' })
  await expect(haitian.innerText()).resolves.toContain('不能删除')
  expect(await preview.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true)
  await shoot(page, 'console-import-preview-replace-refused')

  // Back to merging; only the confirm writes.
  await page.getByText('合并：按编号更新、新增，不删除').click()
  await preview.getByText('不能整体替换').waitFor({ state: 'detached' })
  expect((await api('zone', { action: 'searchCompanies', page: 1 })).data.total).toBe(before.data.total)
  await preview.getByRole('button', { name: '确认导入' }).click()
  await page.getByText('新增 0、修改 1、删除 0').waitFor()
  await shoot(page, 'console-import-confirmed')
  await page.context().close()

  expect((await api('zone', { action: 'searchCompanies', page: 1 })).data.total).toBe(before.data.total)
  expect(await api('zone', { action: 'getCompany', id: 'haitian' })).toMatchObject({ ok: true })
  expect((await api('zone', { action: 'getCompany', id: three[0]['企业编号'] })).data.company.name).toBe(`${oldName}（新名称）`)
})

test('capacity: -5, 999999 and a number below the places booked are refused under the field and never saved, also on leaving the field', async () => {
  await book('2026-11-27.am', 4)
  const opsToken = await tokenOf({ username: 'ops', password: PASSWORD })
  const overrides = async () => (await api('console', { action: 'bookingConfig' }, opsToken)).data.capacityOverrides
  const page = await signIn('ops')
  await page.getByRole('menuitem', { name: '预约设置' }).click()
  await expect(page.getByTestId('occupancy-2026-11-27.am').innerText()).resolves.toBe('4 / 300')
  const input = page.getByLabel('2026-11-27.am 容量')
  const row = page.locator('tr', { has: input })
  const attempt = async (value: string, refusal: string) => {
    await input.fill(value)
    await input.press('Enter')
    await row.getByRole('alert').getByText(refusal).waitFor()
    // Clicking elsewhere saves nothing either; the field keeps what was typed.
    await page.getByText('近期场次（单场容量、单场停场）').click()
    expect(await input.inputValue()).toBe(value)
    expect(await overrides()).toEqual([])
  }
  await attempt('-5', '容量不能为负数（0–20000）')
  await shoot(page, 'console-capacity-negative')
  await attempt('999999', '容量不能超过 20000')
  await attempt('2', '不能少于已预约的 4 人')
  await shoot(page, 'console-capacity-below-booked')

  // Two more people book while the page is open: the server refuses what the page could not know.
  await book('2026-11-27.am', 2)
  await input.fill('5')
  await row.getByRole('button', { name: /保\s*存/ }).click()
  await row.getByRole('alert').getByText('不能少于已预约的 6 人').waitFor()
  await page.getByTestId('occupancy-2026-11-27.am').getByText('6 / 300').waitFor()
  expect(await input.inputValue()).toBe('5')
  expect(await overrides()).toEqual([])
  await shoot(page, 'console-capacity-server-refused')
  // Editing clears the old error; a good number is saved.
  await input.fill('6')
  expect(await row.getByRole('alert').count()).toBe(0)
  await input.press('Enter')
  await page.getByText('容量已保存').waitFor()
  // The table is read again after the save: wait for the new capacity as the operator sees it appear.
  await page.getByTestId('occupancy-2026-11-27.am').getByText('6 / 6', { exact: true }).waitFor()
  expect(await overrides()).toEqual([{ date: '2026-11-27', key: 'am', capacity: 6 }])
  await page.context().close()
})

test('a two-day typhoon: the confirm says how many bookings and people per day, both days close, and one is reopened', async () => {
  await book('2026-11-28.am', 2)
  await book('2026-11-29.pm', 3)
  await book('2026-11-29.am', 1)
  const page = await signIn('ops')
  await page.getByRole('menuitem', { name: '预约运营' }).click()
  const started = Date.now()
  const inputs = page.locator('.ant-picker-range input')
  await inputs.nth(0).click()
  await inputs.nth(0).fill('2026-11-28')
  await page.keyboard.press('Enter')
  await inputs.nth(1).fill('2026-11-29')
  await page.keyboard.press('Enter')
  await page.getByLabel('原因').fill('台风红色预警，闭馆两天')
  await page.getByRole('button', { name: '闭馆并取消预约' }).click()
  await page.locator('.ant-modal-confirm-title', { hasText: '确认 2026-11-28 至 2026-11-29 闭馆（2 天）？' }).waitFor()
  const impact = page.getByTestId('close-impact')
  await expect(impact.innerText()).resolves.toContain('将取消 3 笔预约，共 6 人')
  await expect(impact.innerText()).resolves.toContain('2026-11-28：1 笔，2 人')
  await expect(impact.innerText()).resolves.toContain('2026-11-29：2 笔，4 人')
  await shoot(page, 'console-typhoon-confirm')
  await page.getByRole('button', { name: '确认闭馆并取消 3 笔预约' }).click()
  await page.getByText('2026-11-28、2026-11-29 已闭馆：本次取消 3 笔预约').waitFor()
  const seconds = (Date.now() - started) / 1000
  console.log(`[typhoon] two days closed in the browser in ${seconds.toFixed(1)} s (scripted typing)`)
  await shoot(page, 'console-typhoon-closed')
  const cal = await api('booking', { action: 'calendar' })
  for (const d of ['2026-11-28', '2026-11-29']) expect(cal.data.days.find((x: any) => x.date === d).status).toBe('closed')

  // The storm passes early: Sunday reopens for booking.
  await page.getByRole('button', { name: '重新开放 2026-11-29' }).click()
  await page.getByRole('button', { name: /^重新开放$/ }).click()
  await page.getByText('2026-11-29 已重新开放预约；因闭馆取消的 2 笔预约不会恢复').waitFor()
  await shoot(page, 'console-typhoon-reopened')
  const after = await api('booking', { action: 'calendar' })
  expect(after.data.days.find((x: any) => x.date === '2026-11-29').status).not.toBe('closed')
  expect(after.data.days.find((x: any) => x.date === '2026-11-28').status).toBe('closed')
  await page.context().close()
})

test('an exhibit text edit keeps the recordings: the changed language is marked stale with keep / remove; unsaved edits are not dropped by a click outside the panel', async () => {
  const page = await signIn('editor')
  await page.getByRole('menuitem', { name: '展品管理' }).click()
  const row = page.locator('tr', { has: page.locator('td', { hasText: /^helmet$/ }) })
  await row.getByRole('button', { name: /编\s*辑/ }).click()
  const summary = page.getByLabel('展品介绍')
  const text = `${await summary.inputValue()}（运营补充一句。）`
  await summary.fill(text)

  // A click outside the panel (the mask also covers the menu) asks, and 继续编辑 keeps the typed text.
  await page.locator('.ant-drawer-mask').click({ position: { x: 100, y: 400 } })
  await page.locator('.ant-modal-confirm-title', { hasText: '有未保存的修改' }).waitFor()
  await shoot(page, 'console-unsaved-guard')
  await page.getByRole('button', { name: '继续编辑' }).click()
  await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' })
  expect(await summary.inputValue()).toBe(text)

  await page.getByRole('button', { name: /保\s*存/ }).click()
  await page.getByText(/展品已保存。中文讲解录音与新文字可能不符/).waitFor()
  const stale = page.locator('[data-audio-stale="zh"]')
  await stale.getByText('文字已修改').waitFor()
  expect(await page.locator('[data-audio-stale="en"]').count()).toBe(0)
  // Visitors still get both recordings until the operator decides.
  const audio = (await api('exhibits', { action: 'get', code: 'helmet' })).data.exhibit.audio
  expect([!!audio.zh, !!audio.en, audio.zh.stale]).toEqual([true, true, true])
  await stale.scrollIntoViewIfNeeded()
  await page.screenshot({ path: await shoot(page, 'console-audio-stale') })
  await stale.getByRole('button', { name: /保\s*留/ }).click()
  await page.getByText('已保留中文讲解录音').waitFor()
  await stale.waitFor({ state: 'detached' })
  expect((await api('exhibits', { action: 'get', code: 'helmet' })).data.exhibit.audio.zh.stale).toBeUndefined()
  // Saved and nothing pending: closing the panel does not ask.
  await page.locator('.ant-drawer-mask').click({ position: { x: 100, y: 400 } })
  await page.locator('.ant-drawer-content').waitFor({ state: 'detached' })
  await page.context().close()
})

test('a page the role may not use shows a 403 page, not another page', async () => {
  const page = await signIn('zone')
  await page.goto(`${server.url}/admin/#/bookings`)
  await page.getByText('没有权限访问「预约运营」').waitFor()
  await shoot(page, 'console-403')
  await page.getByRole('button', { name: '返回数据看板' }).click()
  await page.locator('.ant-menu-item-selected', { hasText: '数据看板' }).waitFor()
  await page.context().close()
})
