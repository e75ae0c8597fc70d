// 现场释放 in the operator console (1280×800, the real server): the booking operator opens 预约设置,
// sets "30 minutes after the start, to the door" and saves; the setting is what the server's job
// then uses (read back from the database), and the page shows it again after a reload.
import type { Browser, Page } from 'playwright-core'
import { createAccount } from '../cloud/accounts/service'
import { loadBookingConfig } from '../cloud/booking/config'
import { openSqliteStore } from '../cloud/store/sqlite'
import { desktopPage, ensureAdminBuild, launchBrowser, shoot, startServer, type RunningServer } from './harness'

let server: RunningServer
let browser: Browser
const PASSWORD = 'console-pass-2026'
const MINUTES = '开场后（分钟，0 为不释放）'

beforeAll(async () => {
  ensureAdminBuild()
  server = await startServer({ CLOCK_AT: '2026-11-26T10:00:00+08:00', NO_SHOW_INTERVAL_MS: '0' }, { h5: false })
  const store = openSqliteStore(server.dbFile)
  await createAccount(store.accounts, { username: 'ops', name: '运营小李', role: 'booking_operator', password: PASSWORD }, new Date())
  await store.close()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signIn(username: string): Promise<Page> {
  const { page } = await desktopPage(browser)
  await page.goto(`${server.url}/admin/`)
  await page.getByLabel('账号').fill(username)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: /登\s*录/ }).click()
  await page.getByRole('button', { name: /退出登录/ }).waitFor()
  return page
}

test('the booking operator sets walk-in release to 30 minutes, to the door; the server keeps it', async () => {
  const page = await signIn('ops')
  await page.getByRole('menuitem', { name: '预约设置' }).click()
  const card = page.getByTestId('walkin-card')
  await card.getByLabel(MINUTES).waitFor()
  await expect(card.getByLabel(MINUTES).inputValue()).resolves.toBe('0')
  await card.getByLabel(MINUTES).fill('30')
  await card.locator('.ant-select').click()
  await page.locator('.ant-select-item-option', { hasText: '现场观众（闸口放行）' }).click()
  await card.getByRole('button', { name: /保\s*存/ }).click()
  await page.getByText('已保存：开场 30 分钟后释放').waitFor()
  await shoot(page, 'walkin-console')

  const store = openSqliteStore(server.dbFile)
  try {
    expect((await loadBookingConfig(store)).walkIn).toEqual({ releaseAfterMinutes: 30, to: 'onsite' })
  } finally {
    await store.close()
  }
  await page.reload()
  await page.getByRole('menuitem', { name: '预约设置' }).click()
  await expect(page.getByTestId('walkin-card').getByLabel(MINUTES).inputValue()).resolves.toBe('30')
  await expect(page.getByTestId('walkin-card').innerText()).resolves.toContain('现场观众（闸口放行）')
})
