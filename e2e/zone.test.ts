// The zone section as an entrepreneur uses it: find companies, find policies, ask which policies
// fit, and read the zone in figures.
import type { Page } from 'playwright-core'
import { appUnderTest, shoot } from './harness'

const app = appUnderTest()
const open = app.open

const rowNames = (page: Page) => page.locator('[data-company] .zone-row__title').allInnerTexts()

async function searchFor(page: Page, text: string) {
  const input = page.locator('.zone-search input, input.zone-search__input').first()
  await input.fill(text)
  await input.press('Enter')
}

test.each([
  ['companies', /共 \d+ 家企业/],
  ['policies', /共 \d+ 条政策/],
  ['figures', /科技企业梯度培育/],
] as Array<[string, RegExp]>)('the home entry %s opens its page', async (entry: string, expected: RegExp) => {
  const { page, context } = await open('pages/home/index')
  const tile = page.locator(`[data-entry="${entry}"]`)
  await expect(tile.innerText()).resolves.not.toContain('即将开放')
  await tile.click()
  await page.getByText(expected).first().waitFor()
  await context.close()
})

test('search companies by Chinese (融科) and by pinyin initials (rkcn), filter by 瞪羚, open one', async () => {
  const { page, errors, context } = await open('zone/pages/companies/index')
  await page.getByText(/共 \d+ 家企业/).waitFor()
  expect((await rowNames(page)).length).toBeGreaterThanOrEqual(10)

  await searchFor(page, '融科')
  await page.getByText('共 1 家企业').waitFor()
  expect(await rowNames(page)).toEqual(['融科储能'])

  await searchFor(page, 'rkcn')
  await page.getByText('共 1 家企业').waitFor()
  expect(await rowNames(page)).toEqual(['融科储能'])
  await shoot(page, 'zone-companies-rkcn')

  await page.locator('.zone-search__clear').click()
  // Filters live in a sheet behind one 筛选 button; the active one stays as a removable chip.
  await page.locator('[data-action=filters]').click()
  await page.locator('[data-chips="qualification"] .zone-chip', { hasText: '瞪羚企业' }).click()
  await shoot(page, 'zone-filter-sheet')
  await page.locator('[data-action=filters-done]').click()
  await page.locator('[data-active-filter=qualification]', { hasText: '瞪羚企业' }).waitFor()
  await page.waitForFunction(() => /共 \d+ 家企业/.test(document.body.innerText) && document.querySelectorAll('[data-company]').length > 0 && !document.querySelector('.status--loading'))
  const dengling = await page.locator('[data-company]').allInnerTexts()
  expect(dengling.length).toBeGreaterThan(0)
  expect(dengling.every((t) => t.includes('瞪羚企业'))).toBe(true)
  expect(dengling.some((t) => t.includes('融科储能'))).toBe(false)
  await shoot(page, 'zone-companies-dengling')

  await page.locator('[data-company]', { hasText: '大连铭云科技有限公司' }).click()
  await page.getByRole('heading', { name: '大连铭云科技有限公司' }).waitFor()
  const text = await page.locator('.zone-company').innerText()
  for (const s of ['企业简介', '资质荣誉', '主要产品', '馆内展品', '联系方式', '700克', '瞪羚企业', '示意']) expect(text).toContain(s)
  // 联系方式 carries the 示意 chip once; the address itself is plain (no second 「（示意）」).
  const contact = page.locator('.zone-section', { has: page.locator('.zone-section__title', { hasText: '联系方式' }) })
  await expect(contact.locator('.illustrative-tag').count()).resolves.toBe(1)
  expect(await contact.innerText()).toContain('地址：大连高新技术产业园区')
  expect((await contact.innerText()).match(/示意/g)).toHaveLength(1)
  await page.waitForTimeout(600) // the page slides in
  await shoot(page, 'zone-company')
  await page.getByText('查看展品：航天同源轻量化头盔').click()
  await page.getByRole('heading', { name: '航天同源轻量化头盔' }).waitFor()
  expect(page.url()).toContain('pages/exhibit/index?id=helmet')
  expect(errors).toEqual([])
  await context.close()
})

test('a name with a missing character still finds the company; nothing found offers a way out', async () => {
  const { page, context } = await open('zone/pages/companies/index')
  await searchFor(page, '融科能')
  await page.getByText('共 1 家企业').waitFor()
  expect(await rowNames(page)).toEqual(['融科储能'])
  await searchFor(page, '完全不存在的企业')
  await page.getByText('没有找到符合条件的企业。').waitFor()
  await page.getByText('清除搜索和筛选').click()
  await page.waitForFunction(() => document.querySelectorAll('[data-company]').length >= 10)
  // The box no longer shows the search the list has dropped.
  await expect(page.locator('.zone-search input, input.zone-search__input').first().inputValue()).resolves.toBe('')
  await context.close()
})

test('find a policy, filter by status, and open it with everything a company needs to apply', async () => {
  const { page, errors, context } = await open('zone/pages/policies/index')
  await page.getByText(/共 \d+ 条政策/).waitFor()
  await page.locator('[data-action=filters]').click()
  await page.locator('[data-chips="status"] .zone-chip', { hasText: '已截止' }).click()
  await page.locator('[data-action=filters-done]').click()
  await page.waitForFunction(() => !document.querySelector('.status--loading') && document.querySelectorAll('[data-policy]').length > 0)
  const closed = await page.locator('[data-policy]').allInnerTexts()
  expect(closed.every((t) => t.includes('已截止'))).toBe(true)
  // Removing the chip removes the filter.
  await page.locator('[data-active-filter=status]').click()
  await expect(page.locator('[data-active-filter]').count()).resolves.toBe(0)

  await searchFor(page, '知识产权质押')
  await page.locator('[data-policy="ip-pledge"]').waitFor()
  await shoot(page, 'zone-policies')
  await page.locator('[data-policy="ip-pledge"]').click()
  await page.getByRole('heading', { name: '知识产权质押融资与专利质押贷款贴息' }).waitFor()
  const text = await page.locator('.zone-policy').innerText()
  for (const s of ['申报条件', '支持内容', '有效期与申报时间', '申报材料', '如何申报', '受理地点', '发文单位', '文号', '来源', '示意', '上海技术交易所大连服务中心']) expect(text).toContain(s)
  // 如何申报 is marked 示意 by its chip; the 受理地点 line does not repeat it.
  const apply = page.locator('[data-section=apply]')
  await expect(apply.locator('.illustrative-tag').count()).resolves.toBe(1)
  expect((await apply.innerText()).match(/示意/g)).toHaveLength(1)
  await page.waitForTimeout(600) // the page slides in
  await shoot(page, 'zone-policy')
  expect(errors).toEqual([])
  await context.close()
})

test('the policy calculator shows fits with reasons, near misses with what is missing, and a total', async () => {
  const { page, errors, context } = await open('zone/pages/match/index')
  await page.getByRole('heading', { name: '政策计算器' }).waitFor()
  await page.locator('[data-field="founded"] input, input[data-field="founded"]').first().fill('2023-03-01')
  await page.locator('[data-field="rdShare"] input, input[data-field="rdShare"]').first().fill('6')
  await page.locator('[data-field="inventionPatents"] input, input[data-field="inventionPatents"]').first().fill('2')
  await page.locator('[data-field="otherIp"] input, input[data-field="otherIp"]').first().fill('3')
  await page.locator('[data-chips="qualifications"] .zone-chip', { hasText: '科技型中小企业' }).click()
  await page.locator('[data-chips="financing"] .zone-chip', { hasText: '是' }).click()
  await page.getByRole('button', { name: '开始匹配' }).click()
  await page.getByText(/可申请 \d+ 项政策/).waitFor()

  const fit = page.locator('.zone-match--fit[data-match="kechuang"]')
  await expect(fit.locator('.zone-match__reason', { hasText: '成立不超过5年' }).locator('.icon').count()).resolves.toBe(1)
  const near = page.locator('.zone-match--near[data-match="hte-tax"]')
  await expect(near.locator('.zone-match__missing', { hasText: '取得高新技术企业认定后可申请' }).locator('.icon').count()).resolves.toBe(1)
  const total = await page.locator('[data-section="total"]').innerText()
  expect(total).toMatch(/合计最高约\s*\d+万元/)
  expect(total).toContain('示意')
  await shoot(page, 'zone-match')
  expect(errors).toEqual([])
  await context.close()
})

test('the calculator says what is wrong with a badly typed field', async () => {
  const { page, context } = await open('zone/pages/match/index')
  await page.locator('[data-field="founded"] input, input[data-field="founded"]').first().fill('2023年3月')
  await page.getByRole('button', { name: '开始匹配' }).click()
  await page.getByText('请按 2021-06-01 的格式填写').waitFor()
  await context.close()
})

test('the figures page draws the article figures as charts, with year and source', async () => {
  const { page, errors, context } = await open('zone/pages/figures/index')
  await page.getByRole('heading', { name: '科技企业梯度培育' }).waitFor()
  const text = await page.locator('.zone-figures').innerText()
  for (const s of ['2193家', '1290家', '653家', '75家', '8家', '28家', '18家', '63家', '近40家', '11', '61', '亿元', '5.92', '2021年度', '来源']) expect(text).toContain(s)
  const widths = await page.locator('[data-chart="tiers"] .zone-chart__bar').evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().width))
  expect(widths).toHaveLength(5)
  expect(widths.every((w) => w > 0)).toBe(true)
  // Drawn to scale: 科技型中小企业 (2193) is the longest bar, 潜在独角兽 (8) the shortest.
  expect(widths[0]).toBeGreaterThan(widths[1])
  expect(widths[4]).toBeLessThan(widths[3])
  await shoot(page, 'zone-figures')
  expect(errors).toEqual([])
  await context.close()
})
