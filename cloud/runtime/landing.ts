// The scan landing: GET /e/<code> (what printed codes and plain QR links point at) answers with
// the H5 app's index.html carrying, in the same response,
//   - the exhibit's JSON, so the app's exhibit store starts with it instead of calling
//     /api/exhibits after every script has run. It travels in a data carrier (<script
//     type="application/json">, never run) and a fixed bootstrap script copies it to
//     window.__GXQ_EXHIBIT__: the bootstrap is the same text on every page, so the Content-Security-
//     Policy allows it by its hash (security-headers.ts) and no exhibit text is ever script;
//   - a plain HTML view of the exhibit's text, painted before any script arrives (styles inline,
//     the app's stylesheet moved below it so it does not hold the first paint);
//   - preload links for the exhibit page's own chunk (landing.json from the H5 build), which the
//     app would otherwise request only after app.js has run;
//   - the hash route of the exhibit page, so the app opens that page and takes over from the view.
// The server only sees what comes before `#`: today's `/#/pages/exhibit/index?id=` links still
// work, through the app and the API as before. An unknown code, or an exhibit not published (a
// draft), answers 404 with the bare app, which shows its not-found page: nothing of a draft is sent.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { EXHIBIT_PAGE } from '../contracts/codes'
import { isExhibitCode, type Exhibit } from '../contracts/exhibit'
import { INLINED_EXHIBIT_GLOBAL, STATIC_VIEW_ID } from '../contracts/glue'
import type { Store } from '../store/port'
import { countExhibitOpen } from '../ops/scans'
import { REVALIDATE } from './static'

export { STATIC_VIEW_ID }

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The element carrying the landing's data (read by LANDING_BOOTSTRAP). */
export const LANDING_DATA_ID = 'gxq-landing-data'

/**
 * The one inline script of the landing, the same text on every page (its hash is in the CSP):
 * hands the carried exhibit to the app (src/exhibits/landing.ts reads window.__GXQ_EXHIBIT__) and,
 * before the app's scripts, puts the exhibit page's route in the address for the hash router.
 */
export const LANDING_BOOTSTRAP = `(function(){var d=JSON.parse(document.getElementById('${LANDING_DATA_ID}').textContent);window.${INLINED_EXHIBIT_GLOBAL}=d.exhibit?{code:d.code,exhibit:d.exhibit}:null;if(!location.hash)history.replaceState(null,'',location.pathname+location.search+d.route)})()`

/** JSON that is safe inside a <script>: no `</script>`, no `<!--`, no line separators. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')

const STYLE = `#${STATIC_VIEW_ID}{font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2933;background:#f4f6f9;padding:16px 16px 32px;line-height:1.6}
#${STATIC_VIEW_ID} .h{font-size:13px;color:#5b6472}#${STATIC_VIEW_ID} h1{font-size:22px;margin:4px 0 12px;color:#0b4f8a}
#${STATIC_VIEW_ID} dl{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 12px}#${STATIC_VIEW_ID} dl div{background:#fff;border-radius:8px;padding:8px 12px;min-width:40%}
#${STATIC_VIEW_ID} dd{margin:0;font-size:20px;font-weight:600;color:#0b4f8a}#${STATIC_VIEW_ID} dt{font-size:12px;color:#5b6472}
#${STATIC_VIEW_ID} p{margin:0 0 12px;font-size:15px}`

/** The exhibit's text as plain HTML: hall, name, figures, summary, maker — what the app's page shows first. */
export function staticExhibitView(e: Exhibit): string {
  const figures = e.figures.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd></div>`).join('')
  return (
    `<main id="${STATIC_VIEW_ID}" data-exhibit="${escapeHtml(e.code)}">` +
    `<div class="h">${escapeHtml(e.hall)}${e.floor ? ` · ${escapeHtml(e.floor)}` : ''}</div>` +
    `<h1>${escapeHtml(e.name)}</h1>` +
    (figures ? `<dl>${figures}</dl>` : '') +
    `<p>${escapeHtml(e.summary)}</p>` +
    `<p class="h">提供单位：${escapeHtml(e.company.name)}${e.origin ? ` · ${escapeHtml(e.origin)}` : ''}</p>` +
    `</main>`
  )
}

interface Shell {
  html: string
  mtimeMs: number
  preload: { js: string[]; css: string[] }
}

/** Builds the landing page from the app's index.html; pure, so the test can read what it adds. */
export function landingHtml(indexHtml: string, code: string, exhibit: Exhibit | null, preload: Shell['preload']): string {
  const hash = `#/${EXHIBIT_PAGE}?id=${encodeURIComponent(code)}`
  // Stylesheets go below the static view: in the head they would hold its first paint.
  const styles: string[] = []
  let html = indexHtml.replace(/<link[^>]+rel="?stylesheet"?[^>]*>/g, (tag) => {
    styles.push(tag)
    return ''
  })
  const head =
    preload.js.map((f) => `<link rel="preload" as="script" href="${f}">`).join('') +
    preload.css.map((f) => `<link rel="preload" as="style" href="${f}">`).join('') +
    `<style>${STYLE}</style>` +
    // Before the app's scripts: the hash router then opens the exhibit page, and the store finds the data.
    `<script type="application/json" id="${LANDING_DATA_ID}">${scriptJson({ code, exhibit, route: hash })}</script>` +
    `<script>${LANDING_BOOTSTRAP}</script>`
  const body = (exhibit ? staticExhibitView(exhibit) : '') + styles.join('')
  // Replacer functions, not strings: a replacement string reads $` $' $& in the exhibit's text as patterns.
  html = html.replace('</head>', () => `${head}</head>`).replace(/<body([^>]*)>/, (open) => `${open}${body}`)
  if (exhibit) html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(exhibit.name)} · 高新区科技馆</title>`)
  return html
}

function send(req: FastifyRequest, reply: FastifyReply, status: number, html: string) {
  reply.code(status).header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', REVALIDATE).header('Vary', 'Accept-Encoding')
  const accepts = String(req.headers['accept-encoding'] ?? '')
  // A few KB, made per request: a fast brotli level costs well under a millisecond.
  if (/\bbr\b/.test(accepts)) {
    return reply.header('Content-Encoding', 'br').send(zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }))
  }
  if (/\bgzip\b/.test(accepts)) return reply.header('Content-Encoding', 'gzip').send(zlib.gzipSync(html, { level: 6 }))
  return reply.send(html)
}

export function registerLanding(app: FastifyInstance, staticDir: string, store: Store): void {
  let shell: Shell | null = null
  // Re-read after a rebuild (the file's time changes); otherwise the parsed shell is reused.
  const loadShell = (): Shell | null => {
    const file = path.join(staticDir, 'index.html')
    let mtimeMs: number
    try {
      mtimeMs = fs.statSync(file).mtimeMs
    } catch {
      return null
    }
    if (shell?.mtimeMs === mtimeMs) return shell
    let preload: Shell['preload'] = { js: [], css: [] }
    try {
      preload = JSON.parse(fs.readFileSync(path.join(staticDir, 'landing.json'), 'utf8')).exhibit ?? preload
    } catch {
      // An older build without the manifest: the page still works, it only loads its chunk later.
    }
    shell = { html: fs.readFileSync(file, 'utf8'), mtimeMs, preload }
    return shell
  }

  app.get<{ Params: { code: string } }>('/e/:code', async (req, reply) => {
    const current = loadShell()
    if (!current) return reply.callNotFound()
    const code = req.params.code.trim().toLowerCase()
    const found = isExhibitCode(code) ? await store.content.getExhibit(code) : null
    // A draft is as unknown here as in exhibits.get: nothing of it leaves the server.
    const exhibit = found && !found.unpublished ? found : null
    // The page carries the exhibit, so the app does not ask for it: the open is counted here instead.
    if (exhibit) await countExhibitOpen(store, code, new Date())
    // An unknown code still gets the app, which explains that the exhibit was not found.
    return send(req, reply, exhibit ? 200 : 404, landingHtml(current.html, code, exhibit, exhibit ? current.preload : { js: [], css: [] }))
  })
}
