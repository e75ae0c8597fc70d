// The printed sheet: one code per exhibit, each decoding (from the rendered pixels, with jsQR) to
// that exhibit's H5 link, with the exhibit's name and hall beside it; and a real PDF.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_ARGS, ensureBrowser } from '../e2e/browser'
import { parseExhibitEntry } from '../cloud/contracts/exhibit'
import { readExhibitFile } from '../cloud/store/seed'
import { renderSheet, sheetHtml, sheetItems, PER_PAGE } from './codes'

jest.setTimeout(120_000)
const ORIGIN = 'https://kjg.example.cn'

describe('npm run codes — printable QR sheet (real Chromium)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: ensureBrowser(), args: CHROMIUM_ARGS })
  })
  afterAll(() => browser?.close())

  it('has one code per exhibit, each decoding to its H5 link, with its name and hall', async () => {
    const items = sheetItems(ORIGIN)
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } })
    await page.setContent(sheetHtml(items, ORIGIN))
    const cards = page.locator('article.code')
    expect(await cards.count()).toBe(readExhibitFile().exhibits.length)
    const decoded: Record<string, string> = {}
    for (let i = 0; i < (await cards.count()); i++) {
      const card = cards.nth(i)
      const code = (await card.getAttribute('data-code'))!
      const png = PNG.sync.read(await card.locator('.qr').screenshot())
      const result = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
      expect(result).not.toBeNull()
      decoded[code] = result!.data
      const item = items.find((it) => it.code === code)!
      expect(await card.locator('h2').innerText()).toContain(item.name)
      expect(await card.locator('.hall').innerText()).toContain(item.hall)
    }
    for (const e of readExhibitFile().exhibits) {
      expect(decoded[e.code]).toBe(`${ORIGIN}/e/${e.code}`)
      // …and the exhibit page reads that link back to the same code, as it arrives in WeChat (q).
      expect(parseExhibitEntry({ q: encodeURIComponent(decoded[e.code]) })).toMatchObject({ ok: true, code: e.code })
    }
    fs.mkdirSync(path.resolve(__dirname, '../.e2e-artifacts'), { recursive: true })
    await page.screenshot({ path: path.resolve(__dirname, '../.e2e-artifacts/codes-sheet.png'), fullPage: true })
    await page.close()
  })

  it('writes an A4 PDF with a page per six codes', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-codes-'))
    try {
      const result = await renderSheet({ origin: ORIGIN, outDir: out })
      const pdf = fs.readFileSync(result.pdfFile)
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
      expect(pages).toBe(Math.ceil(result.items.length / PER_PAGE))
    } finally {
      fs.rmSync(out, { recursive: true, force: true })
    }
  })
})
