// The operator console as the browser tests reach it: named accounts written into the server's
// database before the browser opens, the sign-in form filled as an operator fills it, and the API
// called as the console calls it (a bearer token from /api/_session).
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createAccount } from '../cloud/accounts/service'
import { openSqliteStore } from '../cloud/store/sqlite'
import { residentId } from '../cloud/testing/booking'
import type { AccountRole } from '../cloud/store/port'
import { callApi, desktopPage, sessionToken, type RunningServer } from './harness'

export interface ConsoleAccount {
  username: string
  name: string
  role: AccountRole
}

/** Creates the accounts (all with `password`); a refused one fails the test's setup loudly. */
export async function addConsoleAccounts(server: RunningServer, accounts: readonly ConsoleAccount[], password: string): Promise<void> {
  const store = openSqliteStore(server.dbFile)
  try {
    for (const a of accounts) {
      const made = await createAccount(store.accounts, { ...a, password }, new Date())
      if (!made.ok) throw new Error(`account ${a.username}: ${made.error.code}`)
    }
  } finally {
    await store.close()
  }
}

/** Fills the sign-in form the page shows and submits it; waits for nothing (a refusal is an answer too). */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('账号').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: /登\s*录/ }).click()
}

/**
 * A desk-sized page on the server's /admin/ with `username` signed in: it returns once the signed-in
 * layout (its 退出登录 button) shows, or right after submitting when `signedIn: false` (a refusal).
 */
export async function openConsole(
  browser: Browser,
  server: RunningServer,
  username: string,
  password: string,
  { signedIn = true }: { signedIn?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const opened = await desktopPage(browser)
  await opened.page.goto(`${server.url}/admin/`)
  await submitSignIn(opened.page, username, password)
  if (signedIn) await opened.page.getByRole('button', { name: /退出登录/ }).waitFor()
  return opened
}

/**
 * A new visitor (their own app token) books `people` places on `sessionId` through the API, as the
 * app would; answers the booking id. `next` numbers each person, so IDs stay distinct across a file.
 */
export async function visitorBooks(server: RunningServer, sessionId: string, people: number, next: () => number): Promise<string> {
  const token = await sessionToken(server, {})
  const ids: string[] = []
  let n = 0
  for (let i = 0; i < people; i++) {
    n = next()
    const name = `观众${'甲乙丙丁戊己庚辛壬癸'[n % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(n / 10) % 10]}`
    const added = await callApi(server, 'booking', { action: 'addVisitor', name, idType: 'resident', idNumber: residentId(n) }, token)
    if (!added.ok) throw new Error(added.error.message)
    ids.push(added.data.visitor.id)
  }
  const booked = await callApi(server, 'booking', { action: 'book', sessionId, visitorIds: ids, clientRequestId: `e2e-book-${n}` }, token)
  if (!booked.ok) throw new Error(booked.error.message)
  return booked.data.booking.id
}
