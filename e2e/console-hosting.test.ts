// The console's production path, dry-run locally: the console BUILT for hosting (API base from
// VITE_API_BASE at build time, served at / as 云开发静态网站托管 would) from one origin, calling the
// real cloud-function entries through a local stand-in of 云函数 HTTP 访问服务 on another origin
// (cloud/testing/http-access-gateway.ts, over the wx-server-sdk STAND-IN database). An operator
// signs in and lists exhibits; the same files served from an origin not in CONSOLE_ORIGIN cannot
// sign in; after a password spray from the operator's address, the console shows the limit's
// message (counted in the database, as across function instances). What this does not prove is listed in docs/wechat-cloud.md (§ Console hosting).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import type { Browser } from 'playwright-core'
import { CommonErrors } from '../cloud/contracts/errors'
import { createAccount } from '../cloud/accounts/service'
import { startHttpAccessGateway } from '../cloud/testing/http-access-gateway'
import { desktopPage, launchBrowser, ROOT, shoot } from './harness'
import { submitSignIn } from './console-session'

const PASSWORD = 'hosting-pass-2026'
let hostDir: string
let hosting: FastifyInstance
let elsewhere: FastifyInstance
let hostingOrigin: string
let elsewhereOrigin: string
let gw: Awaited<ReturnType<typeof startHttpAccessGateway>>
let browser: Browser

/** A static host for the built files, like the hosting service: files at /, index.html for /. */
async function staticHost(dir: string) {
  const app = Fastify({ logger: false })
  await app.register(fastifyStatic, { root: dir, prefix: '/', index: ['index.html'] })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, origin: address.replace('localhost', '127.0.0.1') }
}

beforeAll(async () => {
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-hosting-'))
  ;({ app: hosting, origin: hostingOrigin } = await staticHost(hostDir))
  ;({ app: elsewhere, origin: elsewhereOrigin } = await staticHost(hostDir))
  gw = await startHttpAccessGateway({ APP_SECRET: 'hosting-dry-run-secret', CONSOLE_ORIGIN: hostingOrigin })
  await createAccount(gw.store.accounts, { username: 'editor', name: '内容编辑小王', role: 'content_editor', password: PASSWORD }, new Date())
  // The hosting build: the functions' HTTP-access base fixed at build time, the console at /.
  execFileSync('npx', ['vite', 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_API_BASE: gw.base, ADMIN_BASE: '/', ADMIN_OUT_DIR: hostDir },
  })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await hosting?.close()
  await elsewhere?.close()
  await gw?.stop()
  fs.rmSync(hostDir, { recursive: true, force: true })
})

async function signInAt(origin: string) {
  const { context, page } = await desktopPage(browser)
  const calls: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST') calls.push(r.url())
  })
  await page.goto(`${origin}/`)
  await submitSignIn(page, 'editor', PASSWORD)
  return { context, page, calls }
}

test('the hosted console signs in through HTTP access and lists the exhibits', async () => {
  expect(new URL(hostingOrigin).port).not.toBe(new URL(gw.origin).port)
  const { context, page, calls } = await signInAt(hostingOrigin)
  await page.getByRole('button', { name: /退出登录/ }).waitFor()
  await page.getByRole('menuitem', { name: '展品管理' }).click()
  await page.locator('tr', { has: page.locator('td', { hasText: /^helmet$/ }) }).waitFor()
  await shoot(page, 'admin-hosting-exhibits')
  // Every call went to the functions' origin, none to the hosting origin.
  expect(calls.length).toBeGreaterThanOrEqual(2)
  expect(calls.every((u) => u.startsWith(`${gw.base}/`))).toBe(true)
  expect(gw.requests.filter((r) => r.method === 'POST').every((r) => r.origin === hostingOrigin)).toBe(true)
  expect(gw.requests.some((r) => r.path === '/console-api/_session')).toBe(true)
  await context.close()
})

test('the hosted console uploads a photo over one call\'s 6 MB straight to cloud storage and the function processes it by id', async () => {
  const { default: sharp } = await import('sharp')
  // Noise does not compress: ~7 MB, beyond what a base64 body through HTTP access could carry.
  const noise = Buffer.alloc(1600 * 1500 * 3).map((_, i) => (i * 2654435761) >>> 24)
  const photo = await sharp(noise, { raw: { width: 1600, height: 1500, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer()
  expect(photo.length).toBeGreaterThan(6 * 1024 * 1024)
  const { context, page } = await signInAt(hostingOrigin)
  const bodies: Array<{ url: string; bytes: number }> = []
  page.on('request', (r) => {
    if (r.method() === 'POST') bodies.push({ url: r.url(), bytes: r.postDataBuffer()?.length ?? 0 })
  })
  await page.getByRole('menuitem', { name: '展品管理' }).click()
  const row = page.locator('tr', { has: page.locator('td', { hasText: /^helmet$/ }) })
  await row.getByRole('button', { name: /编\s*辑/ }).click()
  await page.getByLabel('照片说明').fill('冬奥头盔实物照片（原图）')
  await page.locator('input[type=file][accept^="image/"]').setInputFiles({ name: 'helmet.png', mimeType: 'image/png', buffer: photo })
  await page.getByText('照片已上传').waitFor()
  const exhibit = (await gw.store.content.getExhibit('helmet'))!
  expect(exhibit).toMatchObject({ imageAlt: '冬奥头盔实物照片（原图）', image: expect.stringMatching(/^cloud:\/\/standin-env\.standin\/media\/exhibits\/helmet-[0-9a-f]{12}-1280\.jpg$/) })
  // The file went once to storage's form URL (its multipart body is not exposed by the browser's
  // request log; the 1280 px result above is made from it); every function call stayed small.
  expect(bodies.filter((b) => b.url.includes('/cos-standin/upload'))).toHaveLength(1)
  const calls = bodies.filter((b) => b.url.startsWith(`${gw.base}/`))
  expect(calls.length).toBeGreaterThanOrEqual(2)
  expect(Math.max(...calls.map((b) => b.bytes))).toBeLessThan(4096)
  await context.close()
})

test('the same files served from an origin not in CONSOLE_ORIGIN cannot sign in', async () => {
  const { context, page } = await signInAt(elsewhereOrigin)
  // The function refuses the origin and sends no CORS header: the browser shows the console's network error.
  await page.getByText(CommonErrors.NETWORK).waitFor()
  expect(gw.requests.filter((r) => r.origin === elsewhereOrigin).length).toBeGreaterThan(0)
  await context.close()
})

// Last: it spends this address's sign-in budget (every request here comes from 127.0.0.1).
test('after a password spray from the same address, the console says to wait instead of signing in', async () => {
  const { DEFAULT_RATE_LIMITS } = await import('../cloud/limits/rate-limit-policy')
  const spray = async (i: number) =>
    fetch(`${gw.base}/_session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: hostingOrigin }, body: JSON.stringify({ username: `guess${i}`, password: 'not-the-password' }) })
  for (let i = 0; i < DEFAULT_RATE_LIMITS.signInPerAddress.max; i++) await spray(i)
  const refused = await spray(99)
  expect([refused.status, Number(refused.headers.get('retry-after')) > 0]).toEqual([429, true])
  // The real operator at the same address, right password: told to wait, not signed in.
  const { context, page } = await signInAt(hostingOrigin)
  await page.getByText(/登录尝试过于频繁，请 \d+ 分钟后再试/).waitFor()
  await shoot(page, 'admin-hosting-rate-limited')
  expect(await page.getByRole('button', { name: /退出登录/ }).count()).toBe(0)
  await context.close()
})
