import { launchBrowser, pageUrl, phonePage, shoot, startServer } from './harness'
test('dbg', async () => {
  const server = await startServer(); const browser = await launchBrowser()
  const { page, context } = await phonePage(browser)
  await context.addInitScript(() => localStorage.setItem('gxq.care', JSON.stringify({ data: 'on' })))
  await page.goto(pageUrl(server.url, 'pages/home/index'))
  await page.waitForTimeout(1000)
  await page.goto(pageUrl(server.url, 'exhibits/pages/list/index'))
  await page.waitForTimeout(1500)
  await shoot(page, 'dbg-a')
  console.log(await page.evaluate(() => Array.from(document.querySelectorAll('.taro_page, .taro_router, #app, body')).map(p => `${p.tagName}.${p.className} ${getComputedStyle(p).display} ${getComputedStyle(p).position} ${getComputedStyle(p).opacity} ${getComputedStyle(p).transform} ${JSON.stringify(p.getBoundingClientRect())}`).join('\n')))
  await context.close(); await browser.close(); await server.stop()
}, 60000)
