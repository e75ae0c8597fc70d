// The exhibit guide as a visitor uses it: scan (open by id) → listen → English → offline reload →
// the trail card → care mode on the main pages, with nothing cut off.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { appUnderTest, pageInPlace, pageUrl, phonePage, ROOT, shoot } from './harness'

const app = appUnderTest()

/** Text containers whose content is wider than their box (clipped or spilling), and page-level sideways scrolling. */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const root = document.scrollingElement ?? document.documentElement
    if (root.scrollWidth > window.innerWidth + 1) out.push(`page scrolls sideways: ${root.scrollWidth} > ${window.innerWidth}`)
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('#app *'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim())
      if (!own || el.clientWidth === 0) continue
      // Text for screen readers only (announcements) is clipped to 1 px on purpose.
      if (el.closest('.sr-only')) continue
      const style = getComputedStyle(el)
      if (style.overflowX === 'visible' && el.scrollWidth <= el.clientWidth + 1) continue
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className || el.tagName}: "${(el.textContent ?? '').trim().slice(0, 30)}" ${el.scrollWidth}>${el.clientWidth}`)
    }
    return out
  })
}

/** Taro H5 scrolls each page inside its own container, so a full-page screenshot would stop at the
 *  viewport: make the viewport as tall as the shown page for the picture, then put it back. */
async function shootWhole(page: Page, name: string) {
  await pageInPlace(page)
  const height = await page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((e) => getComputedStyle(e).display !== 'none')
    const top = shown[shown.length - 1]
    const tabbar = document.querySelector<HTMLElement>('.weui-tabbar')
    return (top?.scrollHeight ?? window.innerHeight) + (tabbar?.offsetHeight ?? 0)
  })
  const viewport = page.viewportSize()!
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.min(height, 6000)) })
  await page.waitForTimeout(100)
  await shoot(page, name)
  await page.setViewportSize(viewport)
}

/** Booking's first page if the booking feature is in this build (after merge), else the exhibit list. */
function thirdPage(): { path: string; query: string } {
  ;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'src/app.config.ts')).default as { subPackages?: Array<{ root: string; pages: string[] }> }
  const booking = config.subPackages?.find((s) => s.root === 'booking')
  return booking ? { path: `booking/${booking.pages[0]}`, query: '' } : { path: 'exhibits/pages/list/index', query: '' }
}

test('scan → listen → English → offline reload → trail stamp → care mode without clipping', async () => {
  const { page, context, errors } = await phonePage(app.browser)

  // 1. Scan: the exhibit opens and is stamped on the visit card.
  await page.goto(pageUrl(app.server.url, 'pages/exhibit/index', 'id=helmet'))
  await page.getByRole('heading', { name: '航天同源轻量化头盔' }).waitFor()
  // The stamp moment is shown (a seal toast) and announced to screen readers (a live region).
  await page.locator('[data-stamp-toast]').waitFor()
  await expect(page.locator('[data-stamp-announce]').innerText()).resolves.toBe('集章成功！已盖在您的参观足迹卡上')
  await page.getByText('本展品已盖在您的参观足迹卡上', { exact: true }).waitFor()

  // 2. Listen: the audio guide plays (time advances, not paused), says it is machine-made, shows the transcript.
  await page.locator('[data-action=listen]').click()
  await page.getByRole('heading', { name: '航天同源轻量化头盔' }).waitFor()
  // Read once the page is shown: a page still sliding in is hidden (src/ui/page-stack.scss), and a hidden page has no text to read.
  await page.locator('.listen__voice[data-voice=machine]').waitFor()
  await expect(page.locator('.listen__voice[data-voice=machine]').innerText()).resolves.toMatch(/机器合成语音/)
  await expect(page.locator('.listen__transcript').innerText()).resolves.toContain('刚度提高4倍')
  await page.getByRole('button', { name: '播放' }).click()
  await page.waitForFunction(() => {
    const a = document.querySelector<HTMLAudioElement>('audio[data-guide-audio]')
    return !!a && !a.paused && a.currentTime > 0.5
  }, undefined, { timeout: 15_000 })
  const src = await page.locator('audio[data-guide-audio]').evaluate((a: HTMLAudioElement) => a.currentSrc)
  expect(src).toMatch(/\/media\/audio\/helmet\.zh\.[0-9a-f]{8}\.mp3$/)
  await expect(page.getByRole('button', { name: '暂停' }).isVisible()).resolves.toBe(true)
  await shoot(page, 'guide-listen')

  // Back on the exhibit page the guide keeps playing.
  await page.goBack()
  await page.getByRole('heading', { name: '航天同源轻量化头盔' }).waitFor()
  await expect(page.locator('audio[data-guide-audio]').evaluate((a: HTMLAudioElement) => a.paused)).resolves.toBe(false)
  // …and a mini-player follows the visitor: pause, resume, close.
  const mini = page.locator('[data-mini-player]:visible')
  await expect(mini.innerText()).resolves.toContain('航天同源轻量化头盔')
  await shoot(page, 'guide-mini-player')
  await mini.locator('[data-action=mini-pause]').click()
  await page.waitForFunction(() => document.querySelector<HTMLAudioElement>('audio[data-guide-audio]')!.paused)
  await page.locator('[data-mini-player=paused]:visible [data-action=mini-resume]').click()
  await page.waitForFunction(() => !document.querySelector<HTMLAudioElement>('audio[data-guide-audio]')!.paused)
  await page.locator('[data-mini-player]:visible [data-action=mini-close]').click()
  await page.waitForFunction(() => document.querySelector<HTMLAudioElement>('audio[data-guide-audio]')!.paused)
  await expect(page.locator('[data-mini-player]').count()).resolves.toBe(0)

  // 3. English: interface and content switch, the translation is marked as machine-made.
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('heading', { name: 'Lightweight Helmet with Aerospace Technology' }).waitFor()
  const english = await page.locator('.exhibit').innerText()
  for (const s of ['Made by', 'Dalian Mingyun Technology', '4 times higher', 'Advanced Materials Hall', 'Machine-translated']) expect(english).toContain(s)
  await expect(page.locator('[data-action=listen]').innerText()).resolves.toContain('Listen to the audio guide')
  // The tab bar follows (Taro H5 draws it; its labels are set with setTabBarItem).
  await page.waitForFunction(() => (document.querySelector('.weui-tabbar')?.textContent ?? '').includes('Home'), undefined, { timeout: 5_000 })
  await shoot(page, 'guide-english')

  // 4. Offline: with the network cut, a reload still shows the exhibit, saying it is a saved copy.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 15_000 })
  await page.waitForFunction(async () => (await (await caches.open('gxq-shell-v1')).keys()).length > 5, undefined, { timeout: 15_000 })
  await context.setOffline(true)
  await page.reload()
  await page.getByRole('heading', { name: 'Lightweight Helmet with Aerospace Technology' }).waitFor({ timeout: 15_000 })
  await expect(page.locator('[data-saved-copy]').innerText()).resolves.toMatch(/No network: showing a copy saved/)
  await shoot(page, 'guide-offline')

  // 5. The trail (still offline): the helmet is stamped on the materials hall card.
  await page.locator('[data-action=trail]').click()
  await page.getByRole('heading', { name: 'Visit trail', exact: true }).waitFor({ timeout: 15_000 })
  await expect(page.locator('[data-stamp=helmet]').getAttribute('data-stamped')).resolves.toBe('yes')
  await expect(page.locator('[data-stamp=vanadium]').getAttribute('data-stamped')).resolves.toBe('no')
  // The materials hall has only the helmet: its badge is earned.
  await expect(page.locator('[data-badge=materials]').isVisible()).resolves.toBe(true)
  await shootWhole(page, 'guide-trail-offline')
  // The card as a picture to keep or send.
  await page.locator('[data-action=card-picture]').click()
  const picture = page.locator('.trail__picture-img img').first()
  await picture.waitFor()
  await expect(picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 750 && img.alt.length > 0)).resolves.toBe(true)
  // Shown whole, not cut to Taro's default image box.
  const shown = await picture.evaluate((img: HTMLImageElement) => ({ ratio: img.naturalHeight / img.naturalWidth, box: img.parentElement!.getBoundingClientRect() }))
  expect(Math.abs(shown.box.height / shown.box.width - shown.ratio)).toBeLessThan(0.02)
  await shootWhole(page, 'guide-trail-picture')
  await context.setOffline(false)

  // 6. Care mode, switched on in 我的 (in Chinese again), then the main pages with nothing clipped.
  await page.goto(pageUrl(app.server.url, 'pages/mine/index'))
  await page.getByRole('button', { name: '中文', exact: true }).first().click()
  await page.getByRole('heading', { name: '显示与语言' }).waitFor()
  const normalSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
  await page.getByRole('switch', { name: /关怀模式/ }).click()
  await page.waitForFunction(() => document.documentElement.classList.contains('care'))
  const careSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
  expect(careSize / normalSize).toBeGreaterThan(1.15)
  await shootWhole(page, 'care-mine')
  expect(await clippedText(page)).toEqual([])

  const third = thirdPage()
  for (const [name, p, q] of [
    ['home', 'pages/home/index', ''],
    ['exhibit', 'pages/exhibit/index', 'id=traindoor'],
    ['third', third.path, third.query],
  ] as const) {
    await page.goto(pageUrl(app.server.url, p, q))
    await page.waitForLoadState('networkidle')
    await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'))
    expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(true)
    await shootWhole(page, `care-${name}`)
    // Back online, every page shows fresh content again.
    expect(await page.locator('[data-saved-copy]').count()).toBe(0)
    expect({ page: p, clipped: await clippedText(page) }).toEqual({ page: p, clipped: [] })
  }
  expect(errors).toEqual([])
  await context.close()
})
