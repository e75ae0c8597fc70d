// 政策提醒 as a visitor sees it: run the calculator, save the profile from its result, and find in
// 我的 → 政策提醒 a fitting policy the zone office published afterwards, with its reason — in
// Chinese, then in English and care mode.
import { openSqliteStore } from '../cloud/store/sqlite'
import type { Policy } from '../cloud/contracts/zone'
import { appUnderTest, pageInPlace, shoot } from './harness'

const app = appUnderTest()

/** What the zone office publishes after the visitor saved the profile: one policy that fits any zone company, one that does not. */
async function publishNewPolicies(dbFile: string) {
  const store = openSqliteStore(dbFile)
  try {
    const policies = await store.zone.listPolicies()
    const base = policies[0]
    const fresh = (id: string, title: string, rules: Policy['rules']): Policy => ({ ...base, id, title, shortTitle: undefined, window: undefined, validFrom: undefined, validTo: undefined, rules })
    await store.zone.replacePolicies([
      ...policies,
      fresh('e2e-new-fit', '园区企业数字化改造补贴（测试）', [{ type: 'inZone', label: '注册在高新区', missing: '需注册在高新区' }]),
      fresh('e2e-new-nofit', '独角兽企业专项奖励（测试）', [{ type: 'hasQualification', anyOf: ['潜在独角兽企业'], label: '潜在独角兽企业', missing: '需认定为潜在独角兽企业' }]),
    ])
  } finally {
    await store.close()
  }
}

test('save the calculator profile, then a newly published fitting policy shows in 我的 → 政策提醒 as 新政策; a non-fitting one does not', async () => {
  const { page, errors, context } = await app.open('zone/pages/match/index')
  await page.getByRole('heading', { name: '政策计算器' }).waitFor()
  await page.getByRole('button', { name: '开始匹配' }).click()
  await page.getByText(/可申请 \d+ 项政策/).waitFor()
  await page.getByRole('button', { name: '保存画像，接收政策提醒' }).click()
  await page.getByText('已保存。政策提醒在「我的」中查看。').waitFor()

  await publishNewPolicies(app.server.dbFile)

  await page.getByRole('link', { name: '查看政策提醒' }).click()
  await pageInPlace(page)
  const alert = page.locator('[data-alert="e2e-new-fit"]')
  await alert.waitFor()
  await expect(alert.locator('[data-reason]').innerText()).resolves.toContain('新政策')
  await expect(page.locator('[data-alert="e2e-new-nofit"]').count()).resolves.toBe(0)
  await shoot(page, 'zone-policy-alerts')
  expect(errors).toEqual([])

  // The same visitor (same browser context) in English and care mode, from 我的.
  await page.evaluate(() => {
    localStorage.setItem('gxq.care', JSON.stringify({ data: 'on' }))
  })
  const mine = await context.newPage()
  await mine.goto(page.url().replace(/#.*$/, '#/pages/mine/index'))
  await mine.getByText('English').first().click()
  await mine.getByText('Policy alerts').first().click()
  await mine.locator('[data-alert="e2e-new-fit"] [data-reason]', { hasText: 'New policy' }).waitFor()
  await pageInPlace(mine)
  await shoot(mine, 'zone-policy-alerts-en-care')
  await context.close()
})
