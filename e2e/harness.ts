// Browser-test harness: starts the real server the way `npm start` does (node on the bundle
// dist/server/main.js, rebuilt first when cloud/ changed, over a fresh SQLite file, seeded on first
// run) and a phone-sized headless Chromium.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { SERVER_BUNDLE, ensureServerBundle } from '../scripts/build-server'
import { CHROMIUM_ARGS, ensureBrowser } from './browser'
import { freePort } from '../cloud/testing/free-port'

export const ROOT = path.resolve(__dirname, '..')
export const ARTIFACTS = path.join(ROOT, '.e2e-artifacts')
export const PHONE = { width: 390, height: 844 }
/** The operator console is for a desk: a small laptop screen. */
export const DESKTOP = { width: 1280, height: 800 }


/** Builds the H5 app once if no build is present (npm test builds it before the browser tests). */
export function ensureH5Build(): void {
  if (fs.existsSync(path.join(ROOT, 'dist/h5/index.html'))) return
  console.log('[e2e] 未找到 dist/h5，正在构建 H5…')
  execFileSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit' })
}

/** The newest modification time of a source file under `dirs` (ts, tsx, css, html, json). */
function newestSource(dirs: string[]): number {
  let newest = 0
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name)
      if (d.isDirectory()) walk(p)
      else if (/\.(tsx?|css|html|json)$/.test(d.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs)
    }
  }
  for (const dir of dirs) walk(path.join(ROOT, dir))
  return newest
}

/**
 * Builds the operator console when no build is present or it is older than its sources (the console
 * and the contracts it shares with the server), as the server bundle is rebuilt (scripts/build-server.ts):
 * a console built before a request schema changed, against a server built after, fails its saves —
 * a test that "fails once and passes after a rebuild". npm test builds it before the browser tests.
 */
export function ensureAdminBuild(): void {
  const index = path.join(ROOT, 'dist/admin/index.html')
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestSource(['admin', 'cloud/contracts'])) return
  console.log('[e2e] dist/admin 不存在或早于源码，正在构建管理后台…')
  execFileSync('npx', ['vite', 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
}

export interface RunningServer {
  url: string
  dbFile: string
  env: Record<string, string>
  stop: () => Promise<void>
}

/** `h5: false` for callers that only need the API (the weapp harness): no H5 build is made. */
export async function startServer(extraEnv: Record<string, string> = {}, { h5 = true }: { h5?: boolean } = {}): Promise<RunningServer> {
  if (h5) ensureH5Build()
  await ensureServerBundle()
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-e2e-'))
  const dbFile = path.join(dir, 'e2e.sqlite')
  // Every browser context of a test file is a different visitor, yet all come from 127.0.0.1: the
  // per-network caps (docs/security.md) would treat the whole suite as one scalper. They are tested
  // on their own against the built server (cloud/runtime/address-caps.test.ts); a file may set them.
  const perNetwork = { MINT_FREE_PER_HOUR: '100000', PLACES_PER_ADDRESS_PER_SESSION: '0', NEW_IDS_PER_ADDRESS_PER_DAY: '0' }
  const env = { PORT: String(port), HOST: '127.0.0.1', DB_FILE: dbFile, LOG_LEVEL: 'warn', ...perNetwork, ...extraEnv }
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', SERVER_BUNDLE], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`服务器启动失败:\n${output}`)
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) break
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`服务器 30 秒内未就绪:\n${output}`)
    await new Promise((r) => setTimeout(r, 150))
  }
  return {
    url,
    dbFile,
    env,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = ensureBrowser()
  // playwright gives every launch a fresh, empty profile (the --user-data-dir the flags call for).
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS.filter((a) => a !== '--headless'), headless: true })
}

export async function phonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await reportPolicyViolations(page, errors)
  return { context, page, errors }
}

/**
 * The server's Content-Security-Policy is on in every browser test: anything it blocks (an inline
 * script, an eval, a style or image from elsewhere) lands in the page's `errors`, which the tests
 * expect to stay empty.
 */
async function reportPolicyViolations(page: Page, errors: string[]): Promise<void> {
  await page.exposeBinding('__gxqPolicyViolation', (_source, text: string) => errors.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __gxqPolicyViolation: (t: string) => void }).__gxqPolicyViolation
      report(`CSP ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`)
    })
  })
}

/** A desktop-sized page (1280×800) for the operator console at /admin. */
export async function desktopPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await reportPolicyViolations(page, errors)
  return { context, page, errors }
}

/** Screenshot to the git-ignored artifacts folder, for a person to look at. */
export async function shoot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** H5 hash-router URL of a page with its query. */
/** A call to the server's HTTP API as the app and the console make it: POST /api/<fn> with a JSON body, and the bearer token when given. */
export async function callApi<T = any>(server: RunningServer, fn: string, body: object, token?: string): Promise<T> {
  const res = await fetch(`${server.url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  return (await res.json()) as T
}

/** A session token: `{ username, password }` for an operator, `{}` for a new visitor. */
export async function sessionToken(server: RunningServer, body: object): Promise<string> {
  return (await callApi<{ token: string }>(server, '_session', body)).token
}

export const pageUrl = (base: string, page: string, query = '') => `${base}/#/${page.replace(/^\//, '')}${query ? `?${query}` : ''}`

export interface AppUnderTest {
  server: RunningServer
  browser: Browser
  /** Opens a page of the H5 app in a fresh phone-sized context. */
  open: (page: string, query?: string) => Promise<{ context: BrowserContext; page: Page; errors: string[] }>
}

/**
 * One real server and one browser for a test file: registers beforeAll/afterAll and returns
 * handles that are filled in once they have started.
 */
export function appUnderTest(env: Record<string, string> = {}): AppUnderTest {
  const app = {
    async open(path: string, query = '') {
      const opened = await phonePage(app.browser)
      await opened.page.goto(pageUrl(app.server.url, path, query))
      return opened
    },
  } as AppUnderTest
  beforeAll(async () => {
    app.server = await startServer(env)
    app.browser = await launchBrowser()
  })
  afterAll(async () => {
    await app.browser?.close()
    await app.server?.stop()
  })
  return app
}

/** Taro H5 slides a new page in; wait until the shown page stands still at the left edge. */
export async function pageInPlace(page: Page) {
  await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((e) => getComputedStyle(e).display !== 'none')
    const top = shown[shown.length - 1]
    return !!top && Math.abs(top.getBoundingClientRect().left) < 1 && document.getAnimations().every((a) => a.playState !== 'running' || (a as CSSAnimation).animationName === 'status-spin')
  }, undefined, { timeout: 10_000 })
}
