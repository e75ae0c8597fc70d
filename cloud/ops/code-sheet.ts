// The printable code sheet (plain QR codes, six per A4 page, with name and hall): pure HTML, so
// the console can serve it from the store's exhibits and `npm run codes` can print it to PDF.
import qrcode from 'qrcode-generator'
import { h5ExhibitLink } from '../contracts/codes'
import type { Exhibit } from '../contracts/exhibit'

export const PER_PAGE = 6

export interface SheetItem {
  code: string
  name: string
  hall: string
  floor?: string
  link: string
  illustrative: boolean
}

export function sheetItemsOf(origin: string, exhibits: Exhibit[]): SheetItem[] {
  return exhibits.map((e) => ({
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
    <footer>链接前缀 ${escapeHtml(origin)} · 共 ${items.length} 件展品 · 第 ${i + 1}/${pages.length} 页 · 展品二维码</footer>
  </section>`).join('\n')}
</body></html>`
}

