// The exhibit page and the exhibit list at 390 × 844, in Chinese, English and care mode: nothing
// covers the exhibit's picture, the code field shows its whole hint, and the floor plan is no
// taller than two halls side by side need, with every number clear of the hall names.
import type { Page } from 'playwright-core'
import { appUnderTest, pageInPlace, pageUrl, phonePage, shoot } from './harness'

const app = appUnderTest()

type Box = { x: number; y: number; width: number; height: number }
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

async function openIn(mode: 'normal' | 'english' | 'care', path: string, query = '') {
  const opened = await phonePage(app.browser)
  await opened.context.addInitScript((m) => {
    if (m === 'english') localStorage.setItem('gxq.lang', JSON.stringify({ data: 'en' }))
    if (m === 'care') localStorage.setItem('gxq.care', JSON.stringify({ data: 'on' }))
  }, mode)
  await opened.page.goto(pageUrl(app.server.url, path, query))
  return opened
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), undefined, { timeout: 10_000 })
  await pageInPlace(page)
}

describe.each(['normal', 'english', 'care'] as const)('%s mode at 390 × 844', (mode) => {
  test('the language switch sits beside the hall, clear of the exhibit picture', async () => {
    const { page, context, errors } = await openIn(mode, 'pages/exhibit/index', 'id=vanadium')
    await page.locator('.exhibit__image').waitFor()
    await settle(page)
    const picture = (await page.locator('.exhibit__image').boundingBox())!
    const langSwitch = (await page.locator('.exhibit .lang-switch').boundingBox())!
    await shoot(page, `layout-${mode}-exhibit`)
    expect(overlap(picture, langSwitch)).toBe(false)
    // Still a full-width picture, and the switch inside the screen, above the listen button.
    expect(picture.width).toBeGreaterThanOrEqual(389)
    expect(langSwitch.x + langSwitch.width).toBeLessThanOrEqual(390)
    const listen = (await page.locator('[data-action=listen]').boundingBox())!
    expect(langSwitch.y + langSwitch.height).toBeLessThanOrEqual(listen.y)
    expect(listen.y + listen.height).toBeLessThanOrEqual(844)
    expect(errors).toEqual([])
    await context.close()
  })

  test('the list page shows the code field’s whole hint and a compact floor plan', async () => {
    const { page, context, errors } = await openIn(mode, 'exhibits/pages/list/index')
    await page.locator('.floor-plan').first().waitFor()
    await settle(page)
    await shoot(page, `layout-${mode}-exhibit-list`)
    // The placeholder fits the field it is written in (measured in the field's own font).
    const fit = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.scan-entry input')!
      const style = getComputedStyle(input)
      const ctx = document.createElement('canvas').getContext('2d')!
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      return { placeholder: input.placeholder, fits: ctx.measureText(input.placeholder).width <= room }
    })
    expect(fit).toEqual({ placeholder: fit.placeholder, fits: true })
    expect(fit.placeholder).toMatch(/helmet/)

    const plan = page.locator('.floor-plan__canvas').first()
    const canvas = (await plan.boundingBox())!
    // Two halls side by side: 5:2 is enough (it was 2:1), and the plan stays inside the page's margins.
    expect(canvas.height / canvas.width).toBeLessThanOrEqual(0.41)
    const card = (await page.locator('.exhibit-list__item').first().boundingBox())!
    expect(canvas.x + canvas.width).toBeLessThanOrEqual(card.x + card.width + 1)
    // Every numbered exhibit on every plan is clear of the hall names.
    const clashes = await page.evaluate(() => {
      const found: string[] = []
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
      for (const canvasEl of Array.from(document.querySelectorAll('.floor-plan__canvas'))) {
        const names = Array.from(canvasEl.querySelectorAll('.floor-plan__hall-name')).map((n) => {
          // The text's own box, not the block's full width.
          const range = document.createRange()
          range.selectNodeContents(n)
          return range.getBoundingClientRect()
        })
        for (const dot of Array.from(canvasEl.querySelectorAll<HTMLElement>('.floor-plan__dot'))) {
          if (names.some((n) => hit(n, dot.getBoundingClientRect()))) found.push(dot.dataset.dot ?? '?')
        }
      }
      return found
    })
    expect(clashes).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
