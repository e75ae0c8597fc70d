// Inside the museum, without signal (Chromium's setOffline): a printed code (/e/<code>) or a
// mini-program scene opens the exhibit from what the app kept on the first online visit — an
// exhibit opened before and one never opened — saying when it was saved, with a way onward; the
// e-ticket opens from the phone for the gate; an unknown route gets a page with a way home.
// The server's clock is frozen at a Friday 08:50 Beijing time, as in e2e/booking.test.ts.
import type { BrowserContext, Page } from 'playwright-core'
import { residentIdCheckChar } from '../cloud/contracts/booking'
import { appUnderTest, pageInPlace, pageUrl, shoot } from './harness'

const app = appUnderTest({ CLOCK_AT: '2026-11-27T08:50:00+08:00', NO_SHOW_INTERVAL_MS: '0' })

const ZHANG = '21021119850312123' + residentIdCheckChar('21021119850312123')

/** The first online visit: the offline shell is installed, the pack is on the phone, its pictures in the worker's cache. */
async function firstVisit(page: Page) {
  await page.goto(pageUrl(app.server.url, 'pages/home/index'))
  await page.locator('[data-today]').first().waitFor()
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 20_000 })
  await page.waitForFunction(() => localStorage.getItem('gxq.pack') !== null, undefined, { timeout: 20_000 })
  await page.waitForFunction(
    async () => {
      const keys = (await (await caches.open('gxq-shell-v1')).keys()).map((r) => new URL(r.url).pathname)
      return ['/media/exhibits/vanadium.svg', '/media/exhibits/glink.svg'].every((p) => keys.includes(p)) && keys.some((p) => /\.js$/.test(p))
    },
    undefined,
    { timeout: 20_000 },
  )
}

/** The shown page's exhibit heading, the saved-copy notice, and a picture that actually drew. */
async function showsSavedExhibit(page: Page, name: string) {
  await page.getByRole('heading', { name, level: 1 }).waitFor({ timeout: 15_000 })
  await expect(page.locator('[data-saved-copy]:visible').innerText()).resolves.toMatch(/网络不可用，正在显示 \d+\/\d+ \d\d:\d\d 保存的副本/)
  await page.waitForFunction(() => {
    const imgs = Array.from(document.querySelectorAll<HTMLImageElement>('.exhibit__image img, img.exhibit__image')).filter((i) => i.offsetParent !== null)
    return imgs.length > 0 && imgs.every((img) => img.complete && img.naturalWidth > 0)
  }, undefined, { timeout: 10_000 })
}

async function offline(context: BrowserContext, page: Page, run: () => Promise<void>) {
  await context.setOffline(true)
  try {
    await run()
  } finally {
    await context.setOffline(false)
  }
  expect(page.isClosed()).toBe(false)
}

test('offline: scans of an exhibit opened before and of one never opened open that exhibit, saved, with a way onward', async () => {
  const { page, context, errors } = await app.open('pages/exhibit/index', 'id=helmet')
  await page.getByRole('heading', { name: '航天同源轻量化头盔', level: 1 }).waitFor()
  await firstVisit(page)

  await offline(context, page, async () => {
    // A printed code for an exhibit never opened: the landing is not reachable, the app opens it from the pack.
    await page.goto(`${app.server.url}/e/vanadium`)
    await showsSavedExhibit(page, '全钒液流储能电池')
    await pageInPlace(page)
    await shoot(page, 'offline-scan-unseen')
    // The way onward: home, booking, all exhibits with the floor plan, and the next one in the hall.
    for (const key of ['home', 'book', 'all']) await expect(page.locator(`[data-onward=${key}]:visible`).count()).resolves.toBe(1)
    await page.locator('.onward:visible').scrollIntoViewIfNeeded()
    await shoot(page, 'offline-scan-unseen-onward')
    await page.locator('[data-nav=next]:visible').click()
    await showsSavedExhibit(page, '氢燃料电池')

    // The exhibit opened before, by its printed code and by a mini-program scene.
    await page.goto(`${app.server.url}/e/helmet`)
    await showsSavedExhibit(page, '航天同源轻量化头盔')
    await page.goto(pageUrl(app.server.url, 'pages/exhibit/index', 'scene=e%3Dglink'))
    await showsSavedExhibit(page, 'Glink高速光纤板卡与测控设备')

    // All exhibits with the floor plan, still without network.
    await page.locator('[data-onward=all]:visible').click()
    await page.getByRole('heading', { name: '洁净能源展区' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.exhibit-list__item:visible').count()).resolves.toBe(6)
    await shoot(page, 'offline-exhibit-list')
  })
  expect(errors).toEqual([])
  await context.close()
})

test('in English offline the saved exhibit and its way onward are in English', async () => {
  const { page, context } = await app.open('pages/exhibit/index', 'id=helmet')
  await page.getByRole('heading', { name: '航天同源轻量化头盔', level: 1 }).waitFor()
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('heading', { name: 'Lightweight Helmet with Aerospace Technology' }).waitFor()
  await firstVisit(page)
  await offline(context, page, async () => {
    await page.goto(`${app.server.url}/e/fuelcell`)
    await page.locator('[data-saved-copy]:visible').waitFor({ timeout: 15_000 })
    await expect(page.locator('[data-saved-copy]:visible').innerText()).resolves.toMatch(/No network: showing a copy saved/)
    await expect(page.locator('.onward:visible').innerText()).resolves.toMatch(/Home[\s\S]*Book a visit[\s\S]*All exhibits · floor plan/)
    await pageInPlace(page)
    await shoot(page, 'offline-scan-unseen-en')
    await page.locator('.onward:visible').scrollIntoViewIfNeeded()
    await shoot(page, 'offline-scan-unseen-en-onward')
  })
  await context.close()
})

test('offline at the gate: the confirmed e-ticket opens from the phone with its QR, short code, visitors and when it was saved', async () => {
  const { page, context, errors } = await app.open('booking/pages/calendar/index')
  await page.locator('[data-session="2026-11-27.pm"]:visible').click()
  await page.getByText('＋ 添加参观人').click()
  await page.locator('[aria-labelledby="vf-name"] input:visible, input[aria-labelledby="vf-name"]:visible').first().fill('张三')
  await page.locator('[aria-labelledby="vf-id"] input:visible, input[aria-labelledby="vf-id"]:visible').first().fill(ZHANG)
  await page.getByText('保存参观人').click()
  await page.locator('[data-visitor="张三"][aria-checked="true"]').waitFor()
  await page.locator('[data-consent]').click()
  await page.getByText('提交预约').click()
  await page.getByText('预约成功').waitFor()
  const shortCode = await page.locator('[data-short-code]:visible').getAttribute('data-short-code')
  const ticketUrl = page.url().replace('&new=1', '')
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 20_000 })
  await page.waitForFunction(async () => (await (await caches.open('gxq-shell-v1')).keys()).length > 5, undefined, { timeout: 20_000 })

  await offline(context, page, async () => {
    // Opened again at the gate (a reload, as when the phone reopens the app): from storage, saying so.
    await page.goto(ticketUrl)
    await page.reload()
    await page.locator('[data-saved-ticket]:visible').waitFor({ timeout: 15_000 })
    await expect(page.locator('[data-saved-ticket]:visible').innerText()).resolves.toMatch(/网络不可用，显示 \d+月\d+日 \d\d:\d\d 保存的电子票/)
    await expect(page.locator('[data-short-code]:visible').getAttribute('data-short-code')).resolves.toBe(shortCode)
    await expect(page.locator('.bk-ticket__name:visible').innerText()).resolves.toBe('张三')
    const qr = page.locator('img[aria-label="电子票二维码"]:visible, [aria-label="电子票二维码"]:visible img').first()
    await expect(qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true)
    // Cancelling needs the server: not offered on a saved copy.
    await expect(page.getByText('取消预约', { exact: true }).count()).resolves.toBe(0)
    expect(await page.locator('body').innerText()).not.toContain('问题代码')
    await pageInPlace(page)
    await shoot(page, 'offline-ticket')

    // 我的预约 offline lists the saved ticket and opens it.
    await page.goto(pageUrl(app.server.url, 'booking/pages/mine/index'))
    await page.locator('[data-saved-tickets]:visible').waitFor({ timeout: 15_000 })
    await page.locator('.bk-booking:visible, [data-booking]:visible').first().click()
    await page.locator('[data-saved-ticket]:visible').waitFor({ timeout: 15_000 })
  })
  expect(errors).toEqual([])
  await context.close()
})

test('offline, a track already played plays again from the phone; one never played says it needs the network', async () => {
  const { page, context, errors } = await app.open('guide/pages/listen/index', 'id=helmet&lang=zh')
  await page.getByRole('button', { name: '播放' }).click()
  const playing = () =>
    page.waitForFunction(() => {
      const a = document.querySelector<HTMLAudioElement>('audio[data-guide-audio]')
      return !!a && !a.paused && a.currentTime > 0.5
    }, undefined, { timeout: 15_000 })
  await playing()
  // The worker keeps the whole track once it has been played.
  await page.waitForFunction(async () => (await (await caches.open('gxq-audio-v1')).keys()).some((r) => /\/media\/audio\/helmet\.zh\./.test(r.url)), undefined, { timeout: 20_000 })
  await page.waitForFunction(async () => (await (await caches.open('gxq-shell-v1')).keys()).length > 5, undefined, { timeout: 20_000 })
  await page.waitForFunction(() => localStorage.getItem('gxq.pack') !== null, undefined, { timeout: 20_000 })

  await offline(context, page, async () => {
    await page.reload()
    await page.getByRole('button', { name: '播放' }).click()
    await playing()
    await page.getByRole('button', { name: '暂停' }).click()
    await page.goto(pageUrl(app.server.url, 'guide/pages/listen/index', 'id=vanadium&lang=zh'))
    await page.reload()
    await page.getByRole('button', { name: '播放' }).click()
    await page.getByText('没有网络：听过的讲解可离线播放，这段讲解需联网后收听').waitFor({ timeout: 15_000 })
    // In English the same message is English, with no Chinese left in it.
    await page.evaluate(() => localStorage.setItem('gxq.lang', JSON.stringify({ data: 'en' })))
    await page.reload()
    await page.getByRole('button', { name: 'Play' }).click()
    const alert = page.locator('.listen__error:visible')
    await alert.waitFor({ timeout: 15_000 })
    await expect(alert.innerText()).resolves.toBe('No network: guides you have played before play offline; this one needs the network.')
  })
  expect(errors).toEqual([])
  await context.close()
})

test('a whole hall\'s audio, kept at the visitor\'s choice, plays offline though never played', async () => {
  const { page, context, errors } = await app.open('exhibits/pages/list/index')
  await page.getByRole('heading', { name: '洁净能源展区' }).waitFor()
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 20_000 })
  await page.waitForFunction(() => localStorage.getItem('gxq.pack') !== null, undefined, { timeout: 20_000 })
  await page.waitForFunction(async () => (await (await caches.open('gxq-shell-v1')).keys()).length > 5, undefined, { timeout: 20_000 })
  await page.reload()
  await page.locator('[data-keep-audio=energy]:visible').click()
  await page.locator('[data-keep-audio=energy][data-kept=yes]:visible').waitFor({ timeout: 20_000 })
  await expect(page.locator('[data-keep-audio=energy]:visible').innerText()).resolves.toContain('本展区讲解已可离线收听')
  await shoot(page, 'offline-hall-audio-kept')

  await offline(context, page, async () => {
    await page.goto(pageUrl(app.server.url, 'guide/pages/listen/index', 'id=fuelcell&lang=zh'))
    await page.reload()
    await page.getByRole('button', { name: '播放' }).click()
    await page.waitForFunction(() => {
      const a = document.querySelector<HTMLAudioElement>('audio[data-guide-audio]')
      return !!a && !a.paused && a.currentTime > 0.5
    }, undefined, { timeout: 15_000 })
  })
  expect(errors).toEqual([])
  await context.close()
})

test('an unknown route shows 页面不存在 with a way home, not a blank page', async () => {
  const { page, context, errors } = await app.open('pages/no-such/index')
  await page.getByRole('heading', { name: '页面不存在' }).waitFor({ timeout: 15_000 })
  await shoot(page, 'page-missing')
  await page.locator('[data-action=home]:visible').click()
  await page.getByRole('heading', { name: '高新区科技馆' }).waitFor()
  expect(errors).toEqual([])
  await context.close()
})
