// The scan landing as the built app is served (no timings here; those are in npm run bench:landing):
// compressed responses with the right headers, cache rules, the exhibit inlined in /e/helmet's
// HTML, and the app taking over from the server's plain view and working as usual.
import http from 'node:http'
import zlib from 'node:zlib'
import { appUnderTest, phonePage, shoot } from './harness'

const app = appUnderTest()

function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

test('scripts, styles and the page come compressed, hashed files cached for good, the page revalidated', async () => {
  const index = await rawGet(`${app.server.url}/`, { 'accept-encoding': 'gzip, deflate, br' })
  expect(index.headers['content-encoding']).toBe('br')
  expect(index.headers['cache-control']).toBe('no-cache')
  expect(index.headers.vary).toMatch(/accept-encoding/i)
  const html = zlib.brotliDecompressSync(index.body).toString()
  const assets = [...html.matchAll(/(?:src|href)="(\/(?:js|css)\/[^"]+)"/g)].map((m) => m[1])
  expect(assets.length).toBeGreaterThanOrEqual(3)
  for (const asset of assets) {
    const br = await rawGet(app.server.url + asset, { 'accept-encoding': 'br' })
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers['content-type']).toMatch(asset.endsWith('.js') ? /javascript/ : /css/)
    const plain = await rawGet(app.server.url + asset)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true)
    const gz = await rawGet(app.server.url + asset, { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true)
  }
})

test('/e/helmet carries the exhibit in its HTML, and the app takes over without asking the API for it', async () => {
  const landing = await rawGet(`${app.server.url}/e/helmet`, { 'accept-encoding': 'gzip' })
  expect(landing.headers['content-encoding']).toBe('gzip')
  const html = zlib.gunzipSync(landing.body).toString()
  expect(html).toContain('<script type="application/json" id="gxq-landing-data">{"code":"helmet"')
  expect(html).toMatch(/<main id="gxq-landing"[^>]*>.*约700克/)
  expect(html).toMatch(/<link rel="preload" as="script" href="\/js\/[^"]+\.js">/)

  const { page, context, errors } = await phonePage(app.browser)
  const exhibitCalls: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('/api/exhibits') && (r.postData() ?? '').includes('"get"')) exhibitCalls.push(r.postData()!)
  })
  await page.goto(`${app.server.url}/e/helmet`)
  // The app's own page replaces the plain view; the address keeps the path and gains the app's route.
  await page.getByRole('heading', { name: '航天同源轻量化头盔' }).waitFor()
  await page.waitForFunction(() => !document.getElementById('gxq-landing'))
  expect(page.url()).toBe(`${app.server.url}/e/helmet#/pages/exhibit/index?id=helmet`)
  await expect(page.locator('.exhibit').innerText()).resolves.toContain('约700克')
  await page.getByText('本展品已盖在您的参观足迹卡上').waitFor()
  expect(exhibitCalls).toEqual([])
  await shoot(page, 'landing-helmet')

  // …and works as usual: the audio guide opens, and back again.
  await page.locator('[data-action=listen]').click()
  // Read once the page is shown: a page still sliding in is hidden (src/ui/page-stack.scss), and a hidden page has no text to read.
  await page.locator('.listen__transcript').waitFor()
  await expect(page.locator('.listen__transcript').innerText()).resolves.toContain('刚度提高4倍')
  await page.goBack()
  await page.getByRole('heading', { name: '航天同源轻量化头盔' }).waitFor()
  expect(errors).toEqual([])
  await context.close()
})

test('today\'s hash links still open the exhibit, and an unknown /e/ code says it was not found', async () => {
  const { page, context } = await app.open('pages/exhibit/index', 'id=vanadium')
  await page.getByRole('heading', { name: '全钒液流储能电池' }).waitFor()
  await page.goto(`${app.server.url}/e/no-such-exhibit`)
  await page.getByText(/没有找到/).first().waitFor()
  await context.close()
})
