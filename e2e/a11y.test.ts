// Accessibility of every H5 page, in normal and care mode: axe-core finds no serious or critical
// violation (contrast, names, alternatives for images …), and every tap target is at least
// 44 × 44 CSS px. Pages come from src/app.config.ts, so pages other features add are covered.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { appUnderTest, pageInPlace, pageUrl, phonePage, ROOT, shoot } from './harness'

interface AppConfigLike {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
}

function appPages(): string[] {
  ;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'src/app.config.ts')).default as AppConfigLike
  return [...config.pages, ...(config.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
}

/** Example queries for pages that need one; other pages open without (and show their empty or error state). */
const EXAMPLE_QUERIES: Record<string, string> = {
  'pages/exhibit/index': 'id=helmet',
  'guide/pages/listen/index': 'id=helmet',
}

/**
 * Violations in markup Taro itself renders around our pages, which our code cannot change.
 * Each is matched narrowly (rule + selector) and explained; everything else fails the test.
 */
const TARO_OWNED: Array<{ rule: string; target: RegExp; why: string }> = [
  {
    rule: 'scrollable-region-focusable',
    // The page container @tarojs/router creates for each route: <div id="/pages/…?stamp=…" class="taro_page">.
    target: /^#\\\//,
    why:
      'Taro H5 wraps every route in its own scrolling <div class="taro_page">; pages whose content has no native focusable element trip this rule on that wrapper. It is created by @tarojs/router, not by our pages; visitors scroll it by touch, and our pages put no content out of reach of scrolling.',
  },
]

const app = appUnderTest()

async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), undefined, { timeout: 10_000 })
  await pageInPlace(page)
}

async function axeViolations(page: Page) {
  // Evaluated, not added as a <script>: the page's CSP (rightly) refuses inline scripts.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'))
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[]; failureSummary: string }> }> }> } }).axe
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
  })
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => ({ rule: v.id, help: v.help, target: n.target.join(' '), summary: n.failureSummary })))
    .filter((v) => !TARO_OWNED.some((t) => t.rule === v.rule && t.target.test(v.target)))
}

/** Visible tap targets smaller than 44 × 44 CSS px. */
async function smallTargets(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.taro_page:not([style*="display: none"]) [role=button], .taro_page [role=link], .taro_page input, .taro_page button, .taro_page a[href], .weui-tabbar__item'))
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
      .map(({ el, r }) => `${el.className || el.tagName} "${(el.textContent ?? '').trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`),
  )
}

const pages = appPages()

test('the page list comes from app.config and includes the guide pages', () => {
  expect(pages).toEqual(expect.arrayContaining(['pages/home/index', 'pages/exhibit/index', 'pages/mine/index', 'guide/pages/listen/index', 'guide/pages/trail/index']))
})

describe.each([
  ['normal', false],
  ['care', true],
])('%s mode', (mode, care) => {
  test.each(pages)('%s has no serious or critical axe violation and no tap target under 44 px', async (p) => {
    const { page, context } = await phonePage(app.browser)
    // Taro H5 storage keeps each value as {"data": …} in localStorage.
    if (care) await context.addInitScript(() => localStorage.setItem('gxq.care', JSON.stringify({ data: 'on' })))
    // Stamp one exhibit first so the trail and list pages show their full state.
    await page.goto(pageUrl(app.server.url, 'pages/exhibit/index', 'id=helmet'))
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await page.goto(pageUrl(app.server.url, p, EXAMPLE_QUERIES[p] ?? ''))
    await settle(page)
    if (care) expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(true)
    await shoot(page, `a11y-${mode}-${p.replace(/\W+/g, '-')}`)
    expect({ page: p, violations: await axeViolations(page) }).toEqual({ page: p, violations: [] })
    expect({ page: p, small: await smallTargets(page) }).toEqual({ page: p, small: [] })
    await context.close()
  })
})
