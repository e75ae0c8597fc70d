// `npm run codes` — a printable sheet of plain QR codes, one per exhibit, with its name and hall,
// each pointing at the exhibit's scan landing `${H5_ORIGIN}/e/<code>` (WeChat
// opens such a link in the mini-program as `q` once the domain is bound; other phones open H5).
// For events and the H5 site; the mini-program codes proper come from the cloud (admin.exhibitCodes).
// Writes dist/codes/exhibit-codes.html and .pdf (A4, six per page) via the system Chromium.
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { PER_PAGE, sheetHtml, sheetItemsOf, type SheetItem } from '../cloud/ops/code-sheet'
import { readExhibitFile, toExhibits } from '../cloud/store/seed'
import { CHROMIUM_ARGS, ensureBrowser } from '../e2e/browser'

const ROOT = path.resolve(__dirname, '..')
export { PER_PAGE, qrSvg, sheetHtml, type SheetItem } from '../cloud/ops/code-sheet'

export const sheetItems = (origin: string, file = readExhibitFile()): SheetItem[] => sheetItemsOf(origin, toExhibits(file))

export async function renderSheet(options: { origin: string; outDir: string }) {
  const items = sheetItems(options.origin)
  const html = sheetHtml(items, options.origin)
  fs.mkdirSync(options.outDir, { recursive: true })
  const htmlFile = path.join(options.outDir, 'exhibit-codes.html')
  const pdfFile = path.join(options.outDir, 'exhibit-codes.pdf')
  fs.writeFileSync(htmlFile, html)
  const browser = await chromium.launch({ executablePath: ensureBrowser(), args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    await page.pdf({ path: pdfFile, format: 'A4', printBackground: true, preferCSSPageSize: true })
  } finally {
    await browser.close()
  }
  return { items, htmlFile, pdfFile, pages: Math.ceil(items.length / PER_PAGE) }
}

async function cli() {
  const origin = process.env.H5_ORIGIN ?? 'http://127.0.0.1:8787'
  if (!process.env.H5_ORIGIN) console.log('提示：未设置 H5_ORIGIN，二维码指向本机地址；打印正式版前请设置 H5_ORIGIN=https://你的域名')
  const result = await renderSheet({ origin, outDir: path.join(ROOT, 'dist', 'codes') })
  console.log(`已生成 ${result.items.length} 个展品二维码（${result.pages} 页 A4）：`)
  console.log(`  ${path.relative(ROOT, result.pdfFile)}\n  ${path.relative(ROOT, result.htmlFile)}`)
  for (const it of result.items) console.log(`  ${it.code.padEnd(12)} ${it.name} — ${it.link}`)
}

if (require.main === module) {
  cli().catch((error) => {
    console.error('生成二维码失败:', error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
