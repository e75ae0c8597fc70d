// What a visitor sees: the home page, and an exhibit opened by every route a real code can take.
import { appUnderTest, pageInPlace, shoot } from './harness'

const app = appUnderTest()
const open = app.open

test('home page shows the museum, its hours (closed Mondays) and every entry', async () => {
  const { page, errors, context } = await open('pages/home/index')
  await page.getByRole('heading', { name: '高新区科技馆' }).waitFor()
  const text = await page.locator('body').innerText()
  expect(text).toContain('每周一闭馆')
  expect(text).toContain('开放时间')
  expect(text).toContain('地址')
  expect(text).toMatch(/融科储能|硬科技/)
  // "Can I go today?": open or closed, answered before anything else below the hero.
  await page.locator('[data-today=open], [data-today=closed]').waitFor()
  expect(await page.locator('[data-today]').innerText()).toMatch(/今天开放|今天闭馆|今天的场次已结束/)
  // Featured exhibits open their page.
  await page.locator('[data-featured=helmet]').waitFor()
  for (const entry of ['预约参观', '展品导览', '企业名录', '政策查询', '区情数据']) {
    await expect(page.locator('.home__entry-title', { hasText: entry }).isVisible()).resolves.toBe(true)
  }
  await shoot(page, 'home')
  expect(errors).toEqual([])
  await context.close()
})

test('an entry that is not open yet explains itself instead of going nowhere', async () => {
  const { page, context } = await open('pages/home/index')
  const soon = page.locator('[data-entry]', { hasText: '即将开放' }).first()
  if ((await soon.count()) === 0) return context.close() // every feature is open
  const title = (await soon.locator('.home__entry-title').innerText()).trim()
  await soon.click()
  await expect(page.getByText(`「${title}」正在建设中，敬请期待。`).waitFor()).resolves.toBeUndefined()
  await context.close()
})

const routes: Array<[string, string, string]> = [
  ['mini-program code scene', 'scene=e%3Dhelmet', '航天同源轻量化头盔'],
  ['plain QR link in q', `q=${encodeURIComponent(encodeURIComponent('https://kjg.example.cn/#/pages/exhibit/index?id=vanadium'))}`, '全钒液流储能电池'],
  ['H5 deep link id', 'id=fuelcell', '氢燃料电池'],
]

test.each(routes)('opens the exhibit from a %s', async (_route, query, name) => {
  const { page, errors, context } = await open('pages/exhibit/index', query)
  await page.getByRole('heading', { name }).waitFor()
  const text = await page.locator('.exhibit').innerText()
  expect(text).toContain('研制企业')
  // What the article does not say is left out, not narrated.
  expect(text).not.toContain('未说明')
  expect(await page.locator('.exhibit__figure').count()).toBeGreaterThan(0)
  // Listen and the stamp are on the first screen.
  for (const sel of ['[data-action=listen]', '[data-action=trail]']) {
    const box = await page.locator(sel).boundingBox()
    expect(box && box.y + box.height <= 844).toBe(true)
  }
  // The picture actually arrives (served from /media), not a broken image.
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.exhibit__image img, img.exhibit__image')
    return Boolean(img && img.complete && img.naturalWidth > 0)
  })
  await shoot(page, `exhibit-${_route.replace(/\W+/g, '-')}`)
  expect(errors).toEqual([])
  await context.close()
})

test('the helmet page shows the article figures, company and research origin', async () => {
  const { page, context } = await open('pages/exhibit/index', 'id=helmet')
  await page.getByRole('heading', { name: '航天同源轻量化头盔' }).waitFor()
  const text = await page.locator('.exhibit').innerText()
  for (const s of ['提高4倍', '提高3倍', '约700克', '大连铭云科技有限公司', '大连理工大学', '长征五号', '先进材料展区']) expect(text).toContain(s)
  // The company behind it opens its page in 企业名录.
  await page.locator('.exhibit__link').click()
  await page.getByText('企业简介').waitFor()
  await context.close()
})

test('an unknown code gets a friendly page with a way to the exhibit list', async () => {
  const { page, errors, context } = await open('pages/exhibit/index', 'id=no-such-exhibit')
  await page.getByRole('heading', { name: '未找到展品' }).waitFor()
  expect(await page.title()).toBe('未找到展品')
  await shoot(page, 'exhibit-unknown')
  await page.getByText('查看全部展品').click()
  await page.getByRole('heading', { name: '洁净能源展区' }).waitFor()
  expect(await page.locator('.exhibit-list__item').count()).toBe(6)
  expect(errors).toEqual([])
  await context.close()
})

test('a malformed code gets the same friendly page, never a blank screen', async () => {
  const { page, context } = await open('pages/exhibit/index', 'scene=%25E0%25A4')
  await page.getByRole('heading', { name: '未找到展品' }).waitFor()
  await expect(page.getByText('二维码内容无法识别').isVisible()).resolves.toBe(true)
  await context.close()
})

test('the H5 code entry opens an exhibit, and says what is wrong with a bad code', async () => {
  const { page, context } = await open('pages/home/index')
  const input = page.locator('.scan-entry__input input, input.scan-entry__input').first()
  await input.fill('???')
  await page.getByText('查看展品', { exact: true }).click()
  await page.getByText('编号格式不正确').waitFor()
  await input.fill('traindoor')
  await page.getByText('查看展品', { exact: true }).click()
  await page.getByRole('heading', { name: '列车触摸屏控制器及塞拉门控制系统' }).waitFor()
  await context.close()
})

test('the exhibit list groups every exhibit by hall and opens one', async () => {
  const { page, context } = await open('exhibits/pages/list/index')
  await page.getByRole('heading', { name: '先进材料展区' }).waitFor()
  for (const hall of ['先进材料展区', '洁净能源展区', '高端装备展区', '成果转化展区']) {
    await expect(page.getByRole('heading', { name: hall }).isVisible()).resolves.toBe(true)
  }
  await shoot(page, 'exhibit-list')
  await page.getByText('Glink高速光纤板卡与测控设备').click()
  await page.getByRole('heading', { name: 'Glink高速光纤板卡与测控设备' }).waitFor()
  await context.close()
})

// Taro's H5 router takes `taro_page_show` off a page it leaves, slides it away and unmounts it a moment
// later, on a timer of its own. On a busy phone the slide can end before that: the old page then lay
// off screen, still exposed (to a screen reader, and to this suite's "one h1" checks, which flaked on
// it) beside the new one. A slowed CPU makes that window wide enough to see every time.
test('a page the visitor has left is hidden once it has slid away, even on a busy phone', async () => {
  const { page, errors, context } = await open('pages/exhibit/index', 'id=helmet')
  await page.getByRole('heading', { name: '航天同源轻量化头盔', level: 1 }).waitFor()
  await pageInPlace(page)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })
  await page.evaluate(() => {
    const w = window as unknown as { __exposedAfterLeaving: string[] }
    w.__exposedAfterLeaving = []
    document.addEventListener('transitionend', (event) => {
      const left = event.target as HTMLElement
      if (!left.classList?.contains('taro_page') || left.classList.contains('taro_page_show') || !left.isConnected) return
      if (getComputedStyle(left).visibility !== 'hidden') w.__exposedAfterLeaving.push(left.textContent?.slice(0, 12) ?? '')
    }, true)
  })
  await page.evaluate(() => (location.hash = '#/pages/home/index'))
  await page.getByRole('heading', { name: '高新区科技馆', level: 1 }).waitFor()
  await pageInPlace(page)
  expect(await page.getByRole('heading', { level: 1 }).allInnerTexts()).toEqual(['高新区科技馆'])
  // Until the old page is gone: it was never exposed after its slide ended.
  await page.waitForFunction(() => document.querySelectorAll('.taro_page').length === 1)
  expect(await page.evaluate(() => (window as unknown as { __exposedAfterLeaving: string[] }).__exposedAfterLeaving)).toEqual([])
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  expect(errors).toEqual([])
  await context.close()
})

test('one tab, many exhibits: forward, next-in-hall, home, back and an unknown code always show the right exhibit and title', async () => {
  const { page, errors, context } = await open('pages/exhibit/index', 'id=helmet')
  const go = (hash: string) => page.evaluate((h) => (location.hash = h), hash)
  /** The visible page shows this heading, the document title says the same, and no other exhibit is on screen. */
  async function showing(heading: string, title = heading) {
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
    await page.waitForFunction((t) => document.title === t, title, { timeout: 5_000 }).catch(async () => {
      throw new Error(`title is "${await page.title()}", expected "${title}" (showing ${heading})`)
    })
    await pageInPlace(page)
    const visibleH1 = await page.getByRole('heading', { level: 1 }).allInnerTexts()
    expect(visibleH1).toEqual([heading])
  }
  await showing('航天同源轻量化头盔')
  await go('#/pages/exhibit/index?id=vanadium')
  await showing('全钒液流储能电池')
  // Next in the same hall (洁净能源展区): the fuel cell.
  await page.locator('[data-nav=next]').click()
  await showing('氢燃料电池')
  await page.locator('[data-nav=prev]').click()
  await showing('全钒液流储能电池')
  await go('#/pages/exhibit/index?id=helmet')
  await showing('航天同源轻量化头盔')
  await go('#/pages/home/index')
  await showing('高新区科技馆')
  await page.goBack()
  await showing('航天同源轻量化头盔')
  // An unknown code after a known one: the not-found page and its own title, never the old name.
  await go('#/pages/exhibit/index?id=zz-none')
  await showing('未找到展品')
  await go('#/pages/exhibit/index?id=vanadium')
  await showing('全钒液流储能电池')
  await page.goBack()
  await showing('未找到展品')
  expect(errors).toEqual([])
  await context.close()
})
