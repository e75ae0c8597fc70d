// `npm run codes` — a printable sheet of plain QR codes, one per exhibit, with its name and hall,
// each pointing at the exhibit's scan landing `${H5_ORIGIN}/e/<code>` (WeChat
// opens such a link in the mini-program as `q` once the domain is bound; other phones open H5).
// For events and the H5 site; the mini-program codes proper come from the cloud (admin.exhibitCodes).
// Writes dist/codes/exhibit-codes.html and .pdf (A4, six per page) via the system Chromium.
import fs from 'node:fs'
import path from 'node:path'
import qrcode from 'qrcode-generator'
import { chromium } from 'playwright-core'
import { h5ExhibitLink } from '../cloud/contracts/codes'
import { readExhibitFile, toExhibits } from '../cloud/store/seed'
import { CHROMIUM_ARGS, ensureBrowser } from '../e2e/browser'

const ROOT = path.resolve(__dirname, '..')
export const PER_PAGE = 6

export interface SheetItem {
  code: string
  name: string
  hall: string
  floor?: string
  link: string
  illustrative: boolean
}

export function sheetItems(origin: string, file = readExhibitFile()): SheetItem[] {
  return toExhibits(file).map((e) => ({
    code: e.code,
    name: e.name,
    hall: e.hall,
    floor: e.floor,
    link: h5ExhibitLink(origin, e.code),
    illustrative: e.source === 'illustrative',
  }))
}

/** A plain QR code as inline SVG; level M survives a scuffed print, the quiet zone is 4 modules. */
export function qrSvg(text: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  return qr.createSvgTag({ cellSize: 4, margin: 16, scalable: true })
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function sheetHtml(items: SheetItem[], origin: string): string {
  const pages: SheetItem[][] = []
  for (let i = 0; i < items.length; i += PER_PAGE) pages.push(items.slice(i, i + PER_PAGE))
  const card = (it: SheetItem) => `
      <article class="code" data-code="${escapeHtml(it.code)}" data-link="${escapeHtml(it.link)}">
        <div class="qr">${qrSvg(it.link)}</div>
        <h2>${escapeHtml(it.name)}${it.illustrative ? '<span class="tag">示意</span>' : ''}</h2>
        <p class="hall">${escapeHtml(it.hall)}${it.floor ? ` · ${escapeHtml(it.floor)}` : ''}</p>
        <p class="hint">微信扫一扫，查看展品介绍 · 编号 ${escapeHtml(it.code)}</p>
      </article>`
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>大连高新区科技馆 · 展品二维码</title>
<style>
  @page { size: A4; margin: 12mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1a1a1a; }
  .page { display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: repeat(3, 82mm) 6mm; gap: 5mm; height: 272mm; page-break-after: always; }
  .page:last-child { page-break-after: auto; }
  .code { border: 0.4mm dashed #999; border-radius: 3mm; padding: 4mm; text-align: center; display: flex; flex-direction: column; align-items: center; justify-content: center; }
  .qr { width: 52mm; height: 52mm; }
  .qr svg { width: 100%; height: 100%; display: block; }
  h2 { font-size: 5mm; margin: 2mm 0 1mm; line-height: 1.3; }
  .hall { font-size: 3.8mm; margin: 0; color: #333; }
  .hint { font-size: 3mm; margin: 1.5mm 0 0; color: #666; }
  .tag { font-size: 3mm; margin-left: 1.5mm; padding: 0.3mm 1.2mm; border: 0.3mm solid #b26a00; color: #b26a00; border-radius: 1mm; vertical-align: middle; }
  footer { grid-column: 1 / -1; font-size: 2.6mm; color: #888; text-align: right; align-self: end; }
</style></head>
<body>
${pages.map((p, i) => `  <section class="page" data-page="${i + 1}">${p.map(card).join('')}
    <footer>链接前缀 ${escapeHtml(origin)} · 共 ${items.length} 件展品 · 第 ${i + 1}/${pages.length} 页 · npm run codes 生成</footer>
  </section>`).join('\n')}
</body></html>`
}

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
