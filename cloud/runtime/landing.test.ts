// The H5 app as served: precompressed copies with the right headers, cache rules for hashed and
// unhashed files, and the scan landing /e/<code> carrying the exhibit in its first response.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { JSDOM } from 'jsdom'
import type { Exhibit } from '../contracts/exhibit'
import { tempSqliteStore } from '../testing/stores'
import { loadConfig } from './config'
import { LANDING_BOOTSTRAP, LANDING_DATA_ID, landingHtml, STATIC_VIEW_ID } from './landing'
import { inlineScripts, scriptHash } from './security-headers'
import { ringFromSecret } from '../booking/keys'
import { buildServer } from './server'

const INDEX = '<!doctype html><html><head><title>高新区科技馆</title><script defer src="/js/app.0123abcd.js"></script><link href="/css/app.0123abcd.css" rel="stylesheet"></head><body><div id="app"></div></body></html>'
const APP_JS = 'console.log("高新区科技馆");'.repeat(200)

/** What the landing carries for the app: the data element's JSON. */
const carried = (html: string): { code: string; exhibit: Exhibit | null; route: string } =>
  JSON.parse(new RegExp(`<script type="application/json" id="${LANDING_DATA_ID}">(.*?)</script>`).exec(html)![1])

describe('H5 app static serving and the scan landing', () => {
  let env: Awaited<ReturnType<typeof tempSqliteStore>>
  let app: FastifyInstance
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxq-static-'))

  beforeAll(async () => {
    fs.mkdirSync(path.join(staticDir, 'js'))
    fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX)
    fs.writeFileSync(path.join(staticDir, 'js/app.0123abcd.js'), APP_JS)
    fs.writeFileSync(path.join(staticDir, 'js/app.0123abcd.js.br'), zlib.brotliCompressSync(APP_JS))
    fs.writeFileSync(path.join(staticDir, 'js/app.0123abcd.js.gz'), zlib.gzipSync(APP_JS))
    fs.writeFileSync(path.join(staticDir, 'landing.json'), JSON.stringify({ exhibit: { js: ['/js/161.0123abcd.js'], css: ['/css/161.0123abcd.css'] } }))
    env = await tempSqliteStore()
    const config = loadConfig({} as NodeJS.ProcessEnv, { dbFile: ':memory:', keys: ringFromSecret('s'), logLevel: 'silent', staticDir })
    app = await buildServer({ config, store: env.store })
  })
  afterAll(async () => {
    await app.close()
    await env.cleanup()
    fs.rmSync(staticDir, { recursive: true, force: true })
  })

  const get = (url: string, encoding?: string) => app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} })

  it('sends the brotli copy to a browser that takes brotli, gzip to one that takes gzip, plain otherwise', async () => {
    const br = await get('/js/app.0123abcd.js', 'gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(br.headers.vary).toMatch(/Accept-Encoding/i)
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(APP_JS)
    expect(br.rawPayload.length).toBeLessThan(APP_JS.length / 10)

    const gz = await get('/js/app.0123abcd.js', 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(APP_JS)

    const plain = await get('/js/app.0123abcd.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(APP_JS)
  })

  it('caches hashed files for a year without revalidation and makes the page revalidate', async () => {
    expect((await get('/js/app.0123abcd.js', 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await get('/', 'br')).headers['cache-control']).toBe('no-cache')
    expect((await get('/landing.json')).headers['cache-control']).toBe('no-cache')
  })

  it('answers /e/<code> with the app, the exhibit inlined, its text as HTML and its chunk preloaded', async () => {
    const res = await get('/e/helmet', 'gzip, br')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['cache-control']).toBe('no-cache')
    const html = zlib.brotliDecompressSync(res.rawPayload).toString()
    const inlined = carried(html) as { code: string; exhibit: Exhibit }
    expect(inlined.exhibit).toMatchObject({ code: 'helmet', name: '航天同源轻量化头盔' })
    // The figure is in the HTML itself, before the app's scripts and stylesheet.
    const view = html.indexOf(`id="${STATIC_VIEW_ID}"`)
    expect(view).toBeGreaterThan(0)
    expect(html.indexOf('700克', view)).toBeGreaterThan(view)
    expect(html.indexOf('700克', view)).toBeLessThan(html.indexOf('/css/app.0123abcd.css'))
    expect(html).toContain('<link rel="preload" as="script" href="/js/161.0123abcd.js">')
    expect(html).toContain('<script defer src="/js/app.0123abcd.js">')
    expect(html).toContain('#/pages/exhibit/index?id=helmet')
    expect(html).toContain('<title>航天同源轻量化头盔 · 高新区科技馆</title>')
  })

  it('still opens the app for an unknown or malformed code, which then says the exhibit was not found', async () => {
    for (const code of ['nothing-here', '%3Cscript%3E']) {
      const res = await get(`/e/${code}`)
      expect(res.statusCode).toBe(404)
      expect(res.body).toContain('<div id="app"></div>')
      expect(carried(res.body).exhibit).toBeNull()
      expect(res.body).not.toContain('<script>alert')
    }
  })

  it('answers a draft (an unpublished exhibit) as unknown: 404, the bare app, nothing of the draft', async () => {
    const draft = (await env.store.content.getExhibit('vanadium'))!
    await env.store.content.putExhibit({ ...draft, unpublished: true })
    try {
      const res = await get('/e/vanadium')
      expect(res.statusCode).toBe(404)
      expect(res.body).toContain('<div id="app"></div>')
      expect(carried(res.body).exhibit).toBeNull()
      for (const text of [draft.name, draft.summary, draft.company.name, ...draft.figures.map((f) => f.value)]) expect(res.body).not.toContain(text)
      expect(res.body).not.toContain(`id="${STATIC_VIEW_ID}"`)
    } finally {
      await env.store.content.putExhibit(draft)
    }
  })

  it('carries the exhibit in a data element that is never run, with one fixed inline script the CSP allows by its hash', async () => {
    const res = await get('/e/helmet')
    const scripts = inlineScripts(res.body)
    expect(scripts).toEqual([LANDING_BOOTSTRAP])
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain(scriptHash(LANDING_BOOTSTRAP))
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/)
    expect(csp).toContain("frame-ancestors 'none'")
  })

  it('keeps exhibit text from breaking out of the inline script or the HTML', () => {
    const evil = { code: 'x', name: '</script><script>alert(1)</script>', hall: '<b>', figures: [], summary: '&', company: { name: '"' }, origin: "'" } as unknown as Exhibit
    const html = landingHtml(INDEX, 'x', evil, { js: [], css: [] })
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)')
    expect(html).toContain('\\u003c/script>')
  })

  // Text stays text: every field an operator types, read back by a real HTML parser (scripts off),
  // arrives as the same characters in the title, the plain view and the inlined JSON, and adds no
  // element of its own.
  const markup = (tag: string) => `<img src=x onerror=alert('${tag}')>"'><svg onload=alert(1)><!--</script><script>alert('${tag}')</script>&amp;\u2028\u2029`
  const hostile = {
    code: 'helmet',
    name: markup('name'),
    hall: markup('hall'),
    floor: markup('floor'),
    figures: [{ label: markup('label'), value: markup('value') }],
    summary: markup('summary'),
    company: { id: 'mingyun', name: markup('company') },
    origin: markup('origin'),
  } as unknown as Exhibit

  function parsed(exhibit: Exhibit) {
    const html = landingHtml(INDEX, exhibit.code, exhibit, { js: ['/js/161.0123abcd.js'], css: [] })
    return new JSDOM(html).window.document
  }

  it('puts every exhibit field into the page as text, read back unchanged by an HTML parser', () => {
    const doc = parsed(hostile)
    expect(doc.title).toBe(`${hostile.name} · 高新区科技馆`)
    const view = doc.getElementById(STATIC_VIEW_ID)!
    expect(view.querySelector('h1')!.textContent).toBe(hostile.name)
    expect(view.querySelector('dt')!.textContent).toBe(hostile.figures[0].label)
    expect(view.querySelector('dd')!.textContent).toBe(hostile.figures[0].value)
    for (const field of [hostile.hall, hostile.floor, hostile.summary, hostile.company.name, hostile.origin]) expect(view.textContent).toContain(field)
    // Nothing the fields carried became an element: only the app's own script and the inline data.
    expect(doc.querySelectorAll('img, svg, [onerror], [onload]')).toHaveLength(0)
    const scripts = Array.from(doc.querySelectorAll('script'))
    expect(scripts.map((s) => s.getAttribute('src') ?? s.getAttribute('type') ?? 'inline')).toEqual(['/js/app.0123abcd.js', 'application/json', 'inline'])
    // The one inline script is the fixed bootstrap; the data element's JSON is the exhibit as stored.
    expect(scripts[2].textContent).toBe(LANDING_BOOTSTRAP)
    expect(JSON.parse(doc.getElementById(LANDING_DATA_ID)!.textContent!)).toEqual({ code: 'helmet', exhibit: hostile, route: '#/pages/exhibit/index?id=helmet' })
  })

  // String.replace reads $` $' $& $1 in a replacement string as "the text before / after / the match":
  // an exhibit named with them would splice the page's own markup (with its </script>) into the
  // inlined JSON and the title, and the scan would open the home page instead of the exhibit.
  it('keeps $-sequences in exhibit text literal (no replacement patterns)', () => {
    const dollars = { ...hostile, name: "a$`b$'c$&d$1e$$f", summary: "$'$`" } as Exhibit
    const doc = parsed(dollars)
    expect(doc.title).toBe(`${dollars.name} · 高新区科技馆`)
    expect(doc.getElementById(STATIC_VIEW_ID)!.querySelector('h1')!.textContent).toBe(dollars.name)
    expect(JSON.parse(doc.getElementById(LANDING_DATA_ID)!.textContent!)).toMatchObject({ code: 'helmet', exhibit: dollars })
    expect(doc.querySelectorAll('script')).toHaveLength(3)
  })
})
