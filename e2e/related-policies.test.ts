// The exhibit page shows the zone policies behind the exhibit's company, each with why it is shown,
// up to three links, each opening the
// zone subpackage's policy page with that policy.
import { appUnderTest, pageUrl, phonePage, shoot } from './harness'

const app = appUnderTest()

test('an exhibit lists up to 3 相关政策 and each opens its policy page', async () => {
  const { page, context, errors } = await phonePage(app.browser)
  await page.goto(pageUrl(app.server.url, 'pages/exhibit/index', 'id=vanadium'))
  const section = page.locator('[data-section=related-policies]:visible')
  await section.waitFor()
  await expect(section.getByRole('heading').innerText()).resolves.toBe('相关政策')
  const links = section.locator('[data-action^=policy-]')
  const count = await links.count()
  expect(count).toBeGreaterThan(0)
  expect(count).toBeLessThanOrEqual(3)
  // Each says why it is shown (the policy names the company, its industry, a qualification it holds…).
  const whys = await section.locator('[data-why]').allInnerTexts()
  expect(whys).toHaveLength(count)
  expect(whys.every((w) => /^(面向|政策中提到|研制企业已是|区内各类企业)/.test(w.trim()))).toBe(true)
  await section.scrollIntoViewIfNeeded()
  await shoot(page, 'exhibit-related-policies')

  // The link's first line is the policy's title; the reason follows under it.
  const title = (await links.first().locator('[data-content]').first().innerText()).trim()
  const id = (await links.first().getAttribute('data-action'))!.replace(/^policy-/, '')
  await links.first().click()
  await page.waitForURL(new RegExp(`zone/pages/policy/index\\?id=${id}`))
  await expect(page.locator('.zone-policy:visible [role=heading][aria-level="1"]').innerText()).resolves.toContain(title)
  expect(errors).toEqual([])
  await context.close()
})
