// The built H5 app, the scan landing and the console run under the server's Content-Security-Policy
// (cloud/runtime/security-headers.ts) with nothing blocked, the policy really is enforced, and
// another site cannot frame the console. Every browser test reports policy violations as page
// errors (harness.ts); this file walks the four surfaces on purpose.
import fs from 'node:fs'
import path from 'node:path'
import { desktopPage, ensureAdminBuild, launchBrowser, pageUrl, phonePage, startServer, type RunningServer } from './harness'
import { addConsoleAccounts, submitSignIn } from './console-session'
import type { Browser } from 'playwright-core'

let server: RunningServer
let browser: Browser
const PASSWORD = 'csp-console-2026'

beforeAll(async () => {
  ensureAdminBuild()
  server = await startServer({ NO_SHOW_INTERVAL_MS: '0' })
  await addConsoleAccounts(server, [{ username: 'boss', name: '馆长', role: 'admin' }], PASSWORD)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test('the home page, an exhibit page and the scan landing run with nothing blocked', async () => {
  const { page, context, errors } = await phonePage(browser)
  const policy = (await page.goto(`${server.url}/`))!.headers()['content-security-policy']
  expect(policy).toMatch(/script-src 'self'/)
  expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/)
  // Taro's inline rem script ran (allowed by its hash): the root font size follows the screen.
  await page.locator('.weui-tabbar').waitFor()
  expect(await page.evaluate(() => document.documentElement.style.fontSize)).toMatch(/px$/)

  await page.goto(pageUrl(server.url, 'pages/exhibit/index', 'id=vanadium'))
  await page.getByRole('heading', { name: '全钒液流储能电池' }).waitFor()

  // The landing's bootstrap ran (allowed by its hash): it put the route in the address and handed
  // the carried exhibit to the app, which then shows its own page.
  await page.goto(`${server.url}/e/helmet`)
  await page.getByRole('heading', { name: '航天同源轻量化头盔' }).waitFor()
  await page.waitForFunction(() => !document.getElementById('gxq-landing'))
  expect(page.url()).toBe(`${server.url}/e/helmet#/pages/exhibit/index?id=helmet`)
  expect(errors).toEqual([])
  await context.close()
})

test('the console signs in and shows its dashboard with nothing blocked', async () => {
  const { page, context, errors } = await desktopPage(browser)
  const res = await page.goto(`${server.url}/admin/`)
  expect(res!.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  await submitSignIn(page, 'boss', PASSWORD)
  await page.getByRole('button', { name: /退出登录/ }).waitFor()
  // The dashboard's charts (echarts on canvas) and antd's injected styles.
  await page.locator('canvas').first().waitFor()
  await page.getByRole('menuitem', { name: '展品管理' }).click()
  await page.locator('.ant-table-row').first().waitFor()
  expect(errors).toEqual([])
  await context.close()
})

test('the policy is enforced: an injected inline script does not run, and is reported', async () => {
  const { page, context, errors } = await phonePage(browser)
  await page.goto(`${server.url}/`)
  await page.locator('.weui-tabbar').waitFor()
  await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.__injected = true'
    document.body.appendChild(s)
    const img = document.createElement('img')
    img.setAttribute('src', '/no-such-image.png')
    img.setAttribute('onerror', 'window.__injected = true')
    document.body.appendChild(img)
  })
  // Reports arrive from the page as it blocks each one.
  for (const deadline = Date.now() + 5000; errors.length < 2 && Date.now() < deadline; ) await new Promise((r) => setImmediate(r))
  expect(errors).toHaveLength(2)
  expect(errors.every((e) => e.startsWith('CSP script-src'))).toBe(true)
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
  await context.close()
})

test('another site cannot frame the console or the app', async () => {
  const { page, context } = await desktopPage(browser)
  // A page of another origin (about:blank with our frames in it).
  const responses = Promise.all(['/admin/', '/'].map((p) => page.waitForResponse((r) => r.url() === `${server.url}${p}`)))
  await page.setContent(`<iframe id="console" src="${server.url}/admin/"></iframe><iframe id="app" src="${server.url}/"></iframe>`)
  for (const r of await responses) expect(r.headers()['x-frame-options']).toBe('DENY')
  // The frames stay on the browser's error page: neither the sign-in form nor the app loads inside.
  for (const frame of page.frames().slice(1)) {
    expect(await frame.locator('#root, #app').count()).toBe(0)
  }
  await context.close()
})

test('media and uploads are sent with nosniff', async () => {
  // An "MP3" whose tag carries HTML, as an upload: never to be read as a page.
  const uploads = path.join(path.dirname(server.dbFile), 'uploads')
  fs.mkdirSync(uploads, { recursive: true })
  fs.writeFileSync(path.join(uploads, 'tagged.mp3'), '<html><script>alert(1)</script></html>')
  for (const url of ['/media/exhibits/helmet.svg', '/uploads/tagged.mp3']) {
    const res = await fetch(`${server.url}${url}`)
    expect([url, res.headers.get('x-content-type-options')]).toEqual([url, 'nosniff'])
  }
})
