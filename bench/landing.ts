// npm run bench:landing — what a visitor on a slow phone feels after scanning a code: Chromium
// over CDP with CPU ×4, 150 ms latency, 1.6 Mbps down, cache off, 390×844, every run in a fresh
// context (cold). Three pages on the same server, in turn: the exhibit page (time until the
// helmet's 「700克」 is on screen), the home page (time until the museum's name is on screen), and a
// static HTML floor page carrying the same text (what one round trip and a paint cost here).
// Prints medians, ranges, bytes on the wire and each page's ratio to the floor of the same run.
//   LANDING_RUNS=5 (default) · LANDING_EXHIBIT_URL=/e/helmet (default; the hash link also works)
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, CDPSession } from 'playwright-core'
import { PHONE, ROOT, launchBrowser, startServer } from '../e2e/harness'

const RUNS = Math.max(1, Number(process.env.LANDING_RUNS ?? 5))
const FIGURE = '700克'
const FLOOR_FILE = 'bench-floor.html'

interface Target {
  name: string
  path: string
  text: string
  /** An element that only the app draws: when it is there, the app has taken over. */
  app?: string
}

const TARGETS: Target[] = [
  { name: '展品页 helmet', path: process.env.LANDING_EXHIBIT_URL ?? '/e/helmet', text: FIGURE, app: '.exhibit__name' },
  { name: '首页', path: '/', text: '高新区科技馆', app: '.home__name' },
  { name: '静态底线页', path: `/${FLOOR_FILE}`, text: FIGURE },
]

// The floor: the same figure in a page with nothing else to fetch.
const FLOOR_HTML = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>头盔</title></head>
<body><h1>轻量化头盔</h1><p>当头盔用上航天硬科技，会发生什么样的升级？这款头盔刚度提高4倍，拉伸强度提高3倍，重量却只有700克左右。</p><dl><dt>重量</dt><dd>约700克</dd></dl></body></html>`

// Runs in the page before anything else: notes the first frame after the text is in the DOM and visible.
const WATCH = (text: string, app = '') => `(() => {
  const want = ${JSON.stringify(text)};
  const app = ${JSON.stringify(app)};
  let done = false;
  const visible = () => {
    const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.nodeValue.includes(want)) continue;
      const el = n.parentElement;
      if (!el) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && (!el.checkVisibility || el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))) return true;
    }
    return false;
  };
  let appDone = !app;
  const check = () => {
    if (!appDone && document.querySelector(app)) {
      appDone = true;
      requestAnimationFrame(() => { window.__landingApp = performance.now(); });
    }
    if (done || !document.documentElement || !visible()) return;
    done = true;
    requestAnimationFrame(() => { window.__landingShown = performance.now(); });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', check);
  // Style changes (a page slid in, a class switched) do not mutate the tree: look again now and then.
  const timer = setInterval(() => { check(); if (done && appDone) clearInterval(timer); }, 50);
})()`

interface Sample {
  shownMs: number
  /** When the app's own page was on screen (NaN for the floor). */
  appMs: number
  fcpMs: number
  bytes: number
  requests: number
  jsBytes: number
}

async function throttle(cdp: CDPSession) {
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
}

async function measure(browser: Browser, url: string, target: Target): Promise<Sample> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  try {
    const page = await context.newPage()
    await page.addInitScript(WATCH(target.text, target.app))
    const cdp = await context.newCDPSession(page)
    await throttle(cdp)
    const types = new Map<string, string>()
    let bytes = 0
    let jsBytes = 0
    let requests = 0
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type))
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength
      requests += 1
      if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength
    })
    await page.goto(url + target.path, { waitUntil: 'commit' })
    await page.waitForFunction(() => typeof (window as unknown as { __landingShown?: number }).__landingShown === 'number', undefined, { timeout: 60_000, polling: 100 })
    if (target.app) await page.waitForFunction(() => typeof (window as unknown as { __landingApp?: number }).__landingApp === 'number', undefined, { timeout: 60_000, polling: 100 })
    const { shown, fcp, app } = await page.evaluate(() => ({
      shown: (window as unknown as { __landingShown: number }).__landingShown,
      app: (window as unknown as { __landingApp?: number }).__landingApp ?? NaN,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }))
    // What arrives while the page is on screen and settling counts too (the data call, late chunks).
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined)
    // Text cannot be on screen before the first contentful paint: the later of the two counts.
    return { shownMs: Math.max(shown, Number.isNaN(fcp) ? 0 : fcp), appMs: app, fcpMs: fcp, bytes, requests, jsBytes }
  } finally {
    await context.close()
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`

async function main() {
  const floorPath = path.join(ROOT, 'dist', 'h5', FLOOR_FILE)
  const server = await startServer({ LOG_LEVEL: 'warn', NO_SHOW_INTERVAL_MS: '0' })
  fs.writeFileSync(floorPath, FLOOR_HTML)
  const browser = await launchBrowser()
  const samples = new Map<string, Sample[]>(TARGETS.map((t) => [t.name, []]))
  try {
    // Warm the server's own caches (file stats, the exhibit query) once; the browser stays cold.
    for (const t of TARGETS) await fetch(server.url + t.path).then((r) => r.arrayBuffer())
    for (let run = 1; run <= RUNS; run++) {
      // Interleaved, so a noisy moment on a shared machine falls on every page alike.
      for (const t of TARGETS) {
        const s = await measure(browser, server.url, t)
        samples.get(t.name)!.push(s)
        process.stdout.write(`  第 ${run} 轮 ${t.name.padEnd(10)} 文字可见 ${ms(s.shownMs).padStart(9)}  应用接管 ${Number.isNaN(s.appMs) ? '      —' : ms(s.appMs).padStart(9)}  FCP ${ms(s.fcpMs).padStart(9)}  ${kb(s.bytes).padStart(9)}（JS ${kb(s.jsBytes)}，${s.requests} 个请求）\n`)
      }
    }
  } finally {
    await browser.close()
    await server.stop()
    fs.rmSync(floorPath, { force: true })
  }
  const floor = median(samples.get(TARGETS[2].name)!.map((s) => s.shownMs))
  console.log(`\n落地页基准：CPU ×4 · 延迟 150 ms · 下行 1.6 Mbps · 禁用缓存 · ${PHONE.width}×${PHONE.height} · 每页 ${RUNS} 次冷启动（中位数，括号内为范围）\n`)
  for (const t of TARGETS) {
    const xs = samples.get(t.name)!
    const shown = xs.map((s) => s.shownMs)
    const med = median(shown)
    console.log(
      `${t.name.padEnd(12)} ${t.path.padEnd(18)} 「${t.text}」可见 ${ms(med).padStart(9)}（${ms(Math.min(...shown))}–${ms(Math.max(...shown))}）` +
        (t.app ? `  应用接管 ${ms(median(xs.map((s) => s.appMs)))}` : '') +
        `  FCP ${ms(median(xs.map((s) => s.fcpMs)))}  传输 ${kb(median(xs.map((s) => s.bytes)))}（JS ${kb(median(xs.map((s) => s.jsBytes)))}）  底线倍数 ${(med / floor).toFixed(2)}×`,
    )
  }
  const exhibit = median(samples.get(TARGETS[0].name)!.map((s) => s.shownMs))
  console.log(`\n目标：展品页 ≤ 1,000 ms ${exhibit <= 1000 ? '✓' : '✗'}，≤ 2.5× 底线 ${exhibit <= 2.5 * floor ? '✓' : '✗'}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
